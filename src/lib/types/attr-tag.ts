/**
 * `attrTag`: an attribute-tagged union. A value is a set with exactly one attribute; its name (the
 * tag) picks one of several options, and its value is that option's value, merged and checked as
 * the option declares (default, `apply` and all).
 */
import { compareNames, defineLazy, hasOwn, isAttrs, updateAttrs, type Attrs } from "../attrs.js";
import { unknownFile } from "../collect-modules.js";
import { ModuleError } from "../errors.js";
import { Lazy, lazyProperty } from "../lazy.js";
import { mergeDeclarations } from "../merge-declarations.js";
import { typeMismatch } from "../merge-definitions.js";
import { OptionNode } from "../option-node.js";
import { escapeNixIdentifier, escapeNixString } from "../option-docs.js";
import { declares, isOption, type OptionDeclaration } from "../options.js";
import { showDefs, showFiles, showOption } from "../show.js";
import { mkOptionType, type Definition, type OptionType } from "./type.js";

/**
 * The value of an `attrTag` of `Tags`: a set with one of the tags, holding that tag's value.
 * @example AttrTagValue<{ port: OptionDeclaration<number>; socket: OptionDeclaration<string> }> // { port: number } | { socket: string }
 */
export type AttrTagValue<Tags> = {
  [K in keyof Tags]: { readonly [P in K]: Tags[K] extends OptionDeclaration<infer V> ? V : unknown };
}[keyof Tags];

/** The file Nixpkgs names for the declaration of a tag that two attrTag declarations both give. */
const mergedTagFile = "<attrTag {...}>";

/** What is wrong with a tag's value, where it is not an option; null where it is one. */
function tagProblem(value: unknown): string | null {
  if (isOption(value)) return null;
  if (!isAttrs(value) || !hasOwn(value, "_type")) return "was not.";
  if (value["_type"] === "option-type") return "was a bare type, not wrapped in mkOption.";
  return `was of type ${escapeNixString(String(value["_type"]))}.`;
}

/** A copy of `option` (getters kept) with `fields` set over it. */
function withFields(option: Attrs, fields: Attrs): Attrs {
  const copy: Attrs = {};
  updateAttrs(copy, option);
  for (const [key, value] of Object.entries(fields)) {
    Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return copy;
}

/**
 * The tag `name` as an option, with `declarations` and `declarationPositions` where it gives none.
 * Nix takes them from the position of the tag in its source; JavaScript has no such position, so
 * they are empty, as Nix's are where it finds none.
 */
function checkedTag(tags: Attrs, name: string): Attrs {
  const option = tags[name];
  const problem = tagProblem(option);
  if (problem !== null) {
    throw new ModuleError({
      kind: "InvalidModule",
      message:
        `In attrTag, each tag value must be an option, but tag ${escapeNixIdentifier(name)} ${problem} ` +
        "Declare every tag with `mkOption`, e.g. `mkOption({ type: types.int })`.",
    });
  }
  const given = option as Attrs;
  return withFields(given, {
    declarations: hasOwn(given, "declarations") ? given["declarations"] : [],
    declarationPositions: hasOwn(given, "declarationPositions") ? given["declarationPositions"] : [],
  });
}

/** `tags` with each value checked to be an option when first read (Nix's lazy `mapAttrs`). */
function checkedTags(tags: Attrs): Attrs {
  const out: Attrs = {};
  for (const name of Object.keys(tags).sort(compareNames)) {
    const tag = new Lazy(() => checkedTag(tags, name));
    defineLazy(out, name, () => tag.get());
  }
  return out;
}

/** The type of a tag's option; Nix fails to read the missing attribute where the option has none. */
function tagType(loc: readonly string[], tag: Attrs): OptionType {
  if (!declares(tag, "type")) {
    throw new ModuleError({
      kind: "InvalidModule",
      path: loc,
      message: `The attrTag tag \`${showOption(loc)}' is an option without a type. Give it one: \`mkOption({ type })\`.`,
    });
  }
  return tag["type"] as OptionType;
}

/** The value of the tag's option from `defs`, as an option of its own at `loc` (Nix's `evalOptionValue`). */
function evalTag(loc: readonly string[], tag: Attrs, defs: readonly Definition[]): unknown {
  tagType(loc, tag);
  const file = (tag["declarations"] as readonly string[])[0] ?? unknownFile;
  return new OptionNode(loc, [{ file, options: tag }], () => defs, { definitionFiles: [] }).value;
}

/** The one tag of a definition's value, or null where it has not exactly one attribute. */
function soleTag(def: Definition): string | null {
  if (!isAttrs(def.value)) return null;
  const names = Object.keys(def.value);
  return names.length === 1 ? names[0]! : null;
}

/** One tag's declarations in two attrTag declarations, merged as two declarations of an option are. */
function mergeTagDeclarations(name: string, a: Attrs, b: Attrs): Attrs {
  const merged = mergeDeclarations(
    [name],
    [
      { file: mergedTagFile, options: a },
      { file: mergedTagFile, options: b },
    ],
  );
  // Each side's own declarations, which the merge above would replace by the placeholder file.
  return withFields(merged.fields, {
    _type: "option",
    type: merged.type,
    loc: [name],
    declarations: [...(a["declarations"] as unknown[]), ...(b["declarations"] as unknown[])],
    declarationPositions: [...(a["declarationPositions"] as unknown[]), ...(b["declarationPositions"] as unknown[])],
  });
}

/** The tags of two attrTag declarations: all of both, a tag they share merged from its two options. */
function combineTags(a: Attrs, b: Attrs): Attrs {
  const out: Attrs = {};
  const names = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort(compareNames);
  for (const name of names) {
    const tag = new Lazy(() => {
      if (!hasOwn(b, name)) return a[name];
      if (!hasOwn(a, name)) return b[name];
      return mergeTagDeclarations(name, a[name] as Attrs, b[name] as Attrs);
    });
    defineLazy(out, name, () => tag.get());
  }
  return out;
}

/**
 * An attribute-tagged union: a value is a set with exactly one attribute, whose name is one of the
 * tags and whose value is of that tag's option. Every tag is an option (`mkOption`), so it can have
 * a description, a default or an `apply`, and documentation lists each tag as a sub-option. Two
 * declarations of one option merge their tags; a tag they share merges as an option declared twice.
 * @example attrTag({ port: mkOption({ type: types.port }), socket: mkOption({ type: types.path }) })
 */
export function attrTag<Tags extends Readonly<Record<string, unknown>>>(tags: Tags): OptionType<AttrTagValue<Tags>> {
  const checked = checkedTags(tags as Attrs);
  const choices = Object.keys(checked).map(escapeNixIdentifier).join(", ");
  // A merge reached without `check` (another type's merge may call it directly) meets what check refuses.
  const notOneTag = (loc: readonly string[], def: Definition): never => {
    throw typeMismatch(loc, type as OptionType, [def], `A value must have exactly one attribute, its tag. Definition values:${showDefs([def])}`);
  };
  const type: OptionType<AttrTagValue<Tags>> = mkOptionType<AttrTagValue<Tags>>({
    name: "attrTag",
    description: `attribute-tagged union with choices: ${choices}`,
    descriptionClass: "noun",
    check: (value) => {
      if (!isAttrs(value)) return false;
      const names = Object.keys(value);
      return names.length === 1 && hasOwn(checked, names[0]!);
    },
    merge: (loc, defs) => {
      const first = defs[0];
      if (first === undefined) throw new Error("internal: attrTag merge of no definitions");
      const choice = soleTag(first) ?? notOneTag(loc, first);
      const tagged = defs.map((def): Definition => {
        const tag = soleTag(def) ?? notOneTag(loc, def);
        if (tag !== choice) {
          throw new ModuleError({
            kind: "ConflictingDefinitions",
            path: loc,
            definitions: defs.map((d) => ({ file: d.file })),
            message:
              `The option \`${showOption(loc)}' is defined both as \`${choice}' and \`${tag}', in ${showFiles(defs.map((d) => d.file))}. ` +
              "A value of an attribute-tagged union has one tag: use the same tag everywhere, or give one definition a better priority with `lib.mkForce value`.",
          });
        }
        return { file: def.file, value: lazyProperty(def.value as Attrs, choice) };
      });
      if (!hasOwn(checked, choice)) {
        throw new ModuleError({
          kind: "TypeMismatch",
          path: loc,
          definitions: defs.map((d) => ({ file: d.file })),
          message:
            `The option \`${showOption(loc)}' is defined as ${escapeNixIdentifier(choice)}, but ${escapeNixIdentifier(choice)} is not among the valid choices (${choices}). ` +
            `Value ${choice} was defined in ${showFiles(defs.map((d) => d.file))}. Use one of the choices as the attribute name.`,
        });
      }
      const value: Attrs = {};
      const node = new Lazy(() => evalTag([...loc, choice], checked[choice] as Attrs, tagged));
      defineLazy(value, choice, () => node.get());
      return value as AttrTagValue<Tags>;
    },
    getSubOptions: (prefix) => {
      const options: Attrs = {};
      for (const name of Object.keys(checked)) {
        defineLazy(options, name, () => withFields(checked[name] as Attrs, { loc: [...prefix, name] }));
      }
      return options;
    },
    // Nixpkgs lists the tags' options here; ours holds types, so each tag gives its option's type.
    nestedTypes: Object.keys(checked).reduce<Record<string, OptionType>>((nested, name) => {
      defineLazy(nested, name, () => tagType([name], checked[name] as Attrs));
      return nested;
    }, {}),
    functor: {
      name: "attrTag",
      payload: { tags: checked },
      build: (payload) => attrTag((payload as { tags: Attrs }).tags) as OptionType,
      binOp: (a, b) => ({ tags: combineTags((a as { tags: Attrs }).tags, (b as { tags: Attrs }).tags) }),
    },
  });
  return type;
}

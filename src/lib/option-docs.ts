/**
 * Option documentation, as Nixpkgs' `lib.optionAttrSetToDocList` lists it (the entries of NixOS'
 * `options.json`), and its Markdown rendering. Values (defaults, examples) are rendered as Nix
 * expressions by `lib.generators.toPretty`'s rules, so that the list reads as Nixpkgs' does.
 */
import { compareNames, isAttrs, type Attrs } from "./attrs.js";
import { unknownFile } from "./collect-modules.js";
import { declares, isOption } from "./options.js";
import { showOption } from "./show.js";
import { isOptionType, type OptionType } from "./types/type.js";

/** A rendered value, as Nixpkgs' `literalExpression` (Nix code) and `literalMD` (Markdown) write it. */
export interface OptionDocValue {
  readonly _type: "literalExpression" | "literalMD";
  readonly text: string;
}

/** One option's documentation: an entry of Nixpkgs' `options.json`. */
export interface OptionDoc {
  /** The option's path, placeholders (`<name>`, `*`) where a submodule repeats. */
  readonly loc: readonly string[];
  /** The path as shown (`showOption`). */
  readonly name: string;
  readonly description: string | null;
  /** The files that declare the option. */
  readonly declarations: readonly string[];
  readonly internal: boolean;
  readonly visible: boolean;
  readonly readOnly: boolean;
  /** The type's description ("attribute set of string"). */
  readonly type: string;
  readonly default?: OptionDocValue;
  readonly example?: OptionDocValue;
  readonly relatedPackages?: unknown;
}

/** What {@link optionDocs} lists. */
export interface OptionDocsSettings {
  /**
   * List internal and invisible options too, as `optionAttrSetToDocList` does; by default they
   * are left out, as NixOS' manual leaves them out.
   * @default false
   */
  readonly includeHidden?: boolean;
}

const nixKeywords = new Set(["assert", "else", "if", "in", "inherit", "let", "or", "rec", "then", "with"]);

/**
 * Nixpkgs' `escapeNixIdentifier`: a name as it is written as an attribute in Nix code, quoted
 * where it is not an identifier or is a keyword.
 * @example escapeNixIdentifier("2nd") // '"2nd"', and escapeNixIdentifier("port") // 'port'
 */
export function escapeNixIdentifier(name: string): string {
  return /^[a-zA-Z_][a-zA-Z0-9_'-]*$/.test(name) && !nixKeywords.has(name) ? name : escapeNixString(name);
}

/**
 * Nixpkgs' `escapeNixString`: a string as a Nix string literal (JSON's escapes, and `$` escaped).
 * @example escapeNixString("a$b") // '"a\\$b"'
 */
export function escapeNixString(text: string): string {
  return JSON.stringify(text).replace(/\$/g, "\\$");
}

/** A value as Nix code, by the rules of Nixpkgs' `lib.generators.toPretty { multiline = true; }`. */
function toPretty(value: unknown, indent = ""): string {
  const intro = `\n${indent}  `;
  const outro = `\n${indent}`;
  if (value === null || value === undefined) return "null";
  if (typeof value === "boolean") return String(value);
  if (typeof value === "number") return Number.isInteger(value) ? String(value) : JSON.stringify(value);
  if (typeof value === "string") {
    const lines = value.split("\n");
    if (lines.length === 1) return `"${value.replace(/[\\"]|\$\{/g, (m) => `\\${m}`)}"`;
    const escaped = lines.map((l) => l.replace(/\$\{|''/g, (m) => (m === "''" ? "'''" : "''${")));
    const last = escaped[escaped.length - 1]!;
    return `''${intro}${escaped.slice(0, -1).join(intro)}${last === "" ? outro : intro + last}''`;
  }
  if (typeof value === "function") return "<function>";
  if (Array.isArray(value)) {
    if (value.length === 0) return "[ ]";
    return `[${intro}${value.map((v) => toPretty(v, `${indent}  `)).join(intro)}${outro}]`;
  }
  if (isOptionType(value)) return `<option type ${value.description}>`;
  if (isAttrs(value)) {
    const keys = Object.keys(value).sort(compareNames);
    if (keys.length === 0) return "{ }";
    const entries = keys.map((k) => `${escapeNixIdentifier(k)} = ${toPretty(value[k], `${indent}  `)};`);
    return `{${intro}${entries.join(intro)}${outro}}`;
  }
  return `<${typeof value}>`;
}

/** Nixpkgs' `renderOptionValue`: a `literalExpression`/`literalMD` as it is, any other value as Nix code. */
function renderOptionValue(value: unknown): OptionDocValue {
  if (isAttrs(value) && typeof value["text"] === "string" && (value["_type"] === "literalExpression" || value["_type"] === "literalMD")) {
    return { _type: value["_type"], text: value["text"] };
  }
  return { _type: "literalExpression", text: toPretty(value) };
}

/** The options of a tree, depth first, names sorted (Nixpkgs' `collect isOption`). */
function collectOptions(tree: Attrs): Attrs[] {
  if (isOption(tree)) return [tree];
  return Object.keys(tree)
    .sort(compareNames)
    .flatMap((name) => {
      const child = tree[name];
      return isAttrs(child) ? collectOptions(child) : [];
    });
}

/** The documentation of one option (Nixpkgs' `docOption`). */
function docOption(opt: Attrs): OptionDoc {
  const loc = (opt["loc"] as readonly string[] | undefined) ?? [];
  const name = showOption(loc);
  const type = opt["type"] as OptionType | undefined;
  const visible = opt["visible"] ?? true;
  const description = opt["description"];
  const doc: Attrs = {
    loc,
    name,
    description: typeof description === "string" ? description : null,
    declarations: ((opt["declarations"] as readonly string[] | undefined) ?? []).filter((file) => file !== unknownFile),
    internal: opt["internal"] === true,
    visible: typeof visible === "boolean" ? visible : visible === "shallow",
    readOnly: opt["readOnly"] === true,
    type: type?.description ?? "unspecified",
  };
  if (declares(opt, "example")) doc["example"] = renderOptionValue(opt["example"]);
  // Nixpkgs also shows the empty value of a type without submodules (`[ ]` for a list) as the
  // default: a submodule's empty value may fail without definitions, and its options have their own entries.
  const emptyValue = type?.emptyValue;
  if (declares(opt, "defaultText")) doc["default"] = renderOptionValue(opt["defaultText"]);
  else if (declares(opt, "default")) doc["default"] = renderOptionValue(opt["default"]);
  else if (emptyValue !== undefined && "value" in emptyValue && type?.getSubModules === null) {
    doc["default"] = renderOptionValue(emptyValue.value);
  }
  const related = opt["relatedPackages"];
  if (related !== undefined && related !== null) doc["relatedPackages"] = related;
  return doc as unknown as OptionDoc;
}

/** Nixpkgs' `optionAttrSetToDocList`: every option, followed by its sub-options where they are visible. */
function optionAttrSetToDocList(options: Attrs): OptionDoc[] {
  return collectOptions(options).flatMap((opt) => {
    const doc = docOption(opt);
    const visible = opt["visible"] ?? true;
    const subOptionsVisible = typeof visible === "boolean" ? visible : visible === "transparent";
    const type = opt["type"];
    if (!subOptionsVisible || !isOptionType(type)) return [doc];
    const subOptions = type.getSubOptions(doc.loc);
    return Object.keys(subOptions).length === 0 ? [doc] : [doc, ...optionAttrSetToDocList(subOptions)];
  });
}

/**
 * The documentation of every option of `options` (an evaluation's), sub-options of submodules
 * included under `<name>` and `*` placeholders, as Nixpkgs' `options.json` lists them. Internal
 * and invisible options are left out unless `includeHidden` is set.
 * @example optionDocs(lib.evalModules({ modules }).options).map((d) => d.name)
 */
export function optionDocs(options: Readonly<Attrs>, settings: OptionDocsSettings = {}): OptionDoc[] {
  const all = optionAttrSetToDocList(options as Attrs);
  return settings.includeHidden === true ? all : all.filter((doc) => doc.visible && !doc.internal);
}

/** A rendered value as Markdown: inline code when it is one line, else a fenced block. */
function markdownValue(value: OptionDocValue): string {
  if (value._type === "literalMD") return value.text;
  if (!value.text.includes("\n") && !value.text.includes("`")) return `\`${value.text}\``;
  return `\`\`\`nix\n${value.text}\n\`\`\``;
}

/**
 * The documentation list as Markdown: a section per option with its description, type, default,
 * example and declarations, as the NixOS manual shows them.
 * @example optionDocsMarkdown(optionDocs(evaluation.options))
 */
export function optionDocsMarkdown(docs: readonly OptionDoc[]): string {
  return docs
    .map((doc) => {
      const parts = [`## ${doc.name}`];
      if (doc.description !== null) parts.push(doc.description);
      parts.push(`*Type:*\n${doc.type}${doc.readOnly ? " *(read only)*" : ""}`);
      if (doc.default !== undefined) parts.push(`*Default:*\n${markdownValue(doc.default)}`);
      if (doc.example !== undefined) parts.push(`*Example:*\n${markdownValue(doc.example)}`);
      if (doc.declarations.length > 0) {
        parts.push(`*Declared by:*\n${doc.declarations.map((file) => ` - \`${file}\``).join("\n")}`);
      }
      return parts.join("\n\n");
    })
    .join("\n\n")
    .concat(docs.length > 0 ? "\n" : "");
}

/**
 * The tree of declared options of an evaluation, built level by level on demand (Nixpkgs'
 * `mergeModules'`): at each level the declarations and the definitions are sorted by name; a name
 * whose declarations are options becomes an {@link OptionNode}, a name declared as a set of options
 * becomes a nested {@link OptionSet}, and definitions for undeclared names are kept as unmatched.
 */
import { compareNames, isAttrs, type Attrs } from "./attrs.js";
import { pushDown, type PendingDefinition } from "./definitions.js";
import { ModuleError } from "./errors.js";
import { Cell, force, lazyProperty } from "./lazy.js";
import { optionTreeToOption, type Declaration } from "./merge-declarations.js";
import { OptionNode } from "./option-node.js";
import { typeTag } from "./properties.js";
import { showOption, showValue, typeOf } from "./show.js";
import type { OptionType } from "./types/type.js";

/** A set of definitions at one level of the tree: one module's (pushed-down) config. */
export interface LevelConfig {
  readonly file: string;
  readonly config: unknown;
}

/** A definition of an undeclared option, with its path below the evaluation's prefix. */
export interface UnmatchedDefinition {
  readonly file: string;
  readonly prefix: readonly string[];
  readonly value: unknown;
}

/** A child of an option set: an option or a nested set. */
export type OptionTreeNode = OptionNode | OptionSet;

/** What the options of one evaluation share: the files that define the evaluation (a submodule's definitions). */
export interface EvaluationContext {
  /** The files of the definitions a submodule evaluation was made from; empty at the top. */
  readonly definitionFiles: readonly string[];
}

/** One level of the option tree. */
export class OptionSet {
  readonly loc: readonly string[];
  readonly context: EvaluationContext;
  readonly #declarationSets: readonly Declaration[];
  readonly #configs: Cell<readonly LevelConfig[]>;
  readonly #declarations: Cell<Map<string, Declaration[]>>;
  readonly #definitions: Cell<Map<string, PendingDefinition[]>>;
  readonly #children = new Map<string, Cell<OptionTreeNode>>();

  /**
   * @param declarationSets the modules' declarations at this level (each a set of names)
   * @param configs the modules' definitions at this level, computed when first needed
   */
  constructor(
    loc: readonly string[],
    declarationSets: readonly Declaration[],
    configs: () => readonly LevelConfig[],
    context: EvaluationContext,
  ) {
    this.loc = loc;
    this.context = context;
    this.#declarationSets = declarationSets;
    this.#configs = new Cell(configs, loc, "definitions");
    this.#declarations = new Cell(() => this.#collectDeclarations(), loc, "declarations");
    this.#definitions = new Cell(() => this.#collectDefinitions(), loc, "definitions");
  }

  /** The declared names, sorted. */
  get names(): string[] {
    return [...this.#declarations.get().keys()];
  }

  /** Whether `name` is declared at this level. */
  declares(name: string): boolean {
    return this.#declarations.get().has(name);
  }

  /** The definitions at this level, by name (throws where a level's definition is not a set). */
  get definitionsByName(): Map<string, PendingDefinition[]> {
    return this.#definitions.get();
  }

  /** The option or set of options declared as `name`, or undefined. */
  child(name: string): OptionTreeNode | undefined {
    let cell = this.#children.get(name);
    if (cell === undefined) {
      const decls = this.#declarations.get().get(name);
      if (decls === undefined) return undefined;
      const loc = [...this.loc, name];
      cell = new Cell(() => this.#makeChild(loc, name, decls), loc, "declarations");
      this.#children.set(name, cell);
    }
    return cell.get();
  }

  /** The definitions of this level and below that no option declares, sorted by path. */
  unmatched(): UnmatchedDefinition[] {
    if (this.#configs.get().length === 0) return [];
    const definitions = this.definitionsByName;
    const names = new Set([...this.#declarations.get().keys(), ...definitions.keys()]);
    const out: UnmatchedDefinition[] = [];
    for (const name of [...names].sort(compareNames)) {
      const child = this.child(name);
      if (child === undefined) {
        for (const def of definitions.get(name) ?? []) out.push({ file: def.file, prefix: [name], value: def.value });
      } else if (child instanceof OptionSet) {
        for (const def of child.unmatched()) out.push({ ...def, prefix: [name, ...def.prefix] });
      }
    }
    return out;
  }

  #collectDeclarations(): Map<string, Declaration[]> {
    const byNameMap = new Map<string, Declaration[]>();
    for (const { file, options } of this.#declarationSets) {
      const set = force(options);
      if (!isAttrs(set)) {
        throw new ModuleError({
          kind: "InvalidModule",
          path: this.loc,
          definitions: [{ file, value: set }],
          message:
            `An option declaration for \`${showOption(this.loc)}' in \`${file}' is ${showValue(set)}, a value of type ` +
            `${typeOf(set)}, rather than a set of options. Did you mean to define it outside of \`options'?`,
        });
      }
      for (const name of Object.keys(set)) {
        let list = byNameMap.get(name);
        if (list === undefined) byNameMap.set(name, (list = []));
        list.push({ file, options: lazyProperty(set, name) });
      }
    }
    return new Map([...byNameMap.entries()].sort(([a], [b]) => compareNames(a, b)));
  }

  #collectDefinitions(): Map<string, PendingDefinition[]> {
    const map = new Map<string, PendingDefinition[]>();
    for (const { file, config } of this.#configs.get()) {
      if (!isAttrs(config) && this.loc.length === 0) {
        throw new ModuleError({
          kind: "InvalidDefinition",
          path: this.loc,
          definitions: [{ file, value: config }],
          message:
            `In \`${file}', the configuration is ${showValue(config)}, a value of type ${typeOf(config)}, but a module's ` +
            "configuration is a set of option definitions (`<name> = ...'): give a set at the top.",
        });
      }
      if (!isAttrs(config)) {
        throw new ModuleError({
          kind: "InvalidDefinition",
          path: this.loc,
          definitions: [{ file, value: config }],
          message:
            `In \`${file}', the definition of \`${showOption(this.loc)}' is ${showValue(config)}, a value of type ` +
            `${typeOf(config)}, but \`${showOption(this.loc)}' is a set of options: define its options ` +
            `(\`${showOption([...this.loc, "<name>"])} = ...') instead of a value for the whole set.`,
        });
      }
      for (const name of Object.keys(config)) {
        let list = map.get(name);
        if (list === undefined) map.set(name, (list = []));
        list.push({ file, value: lazyProperty(config, name) });
      }
    }
    return map;
  }

  #makeChild(loc: readonly string[], name: string, lazyDecls: readonly Declaration[]): OptionTreeNode {
    const decls = lazyDecls.map((d) => ({ file: d.file, options: force(d.options) }));
    const optionDecls = decls.filter((d) => {
      const tag = typeTag(d.options);
      if (tag === undefined) return false;
      if (tag === "option") return true;
      throw declarationNotAnOption(loc, tag, d.file);
    });
    const definitions = () => this.definitionsByName.get(name) ?? [];
    if (optionDecls.length === decls.length) return new OptionNode(loc, decls, definitions, this.context);
    if (optionDecls.length > 0) {
      const submoduleOnly = optionDecls.every((d) => ((d.options as Attrs)["type"] as OptionType | undefined)?.name === "submodule");
      if (submoduleOnly) return new OptionNode(loc, decls.map(optionTreeToOption), definitions, this.context);
      const first = optionDecls[0]!;
      const firstType = (first.options as Attrs)["type"] as OptionType | undefined;
      const sets = decls.filter((d) => typeTag(d.options) === undefined);
      throw new ModuleError({
        kind: "DuplicateDeclaration",
        path: loc,
        declarations: [first.file, ...sets.map((d) => d.file)],
        message:
          `The option \`${showOption(loc)}' in \`${first.file}' would be a parent of the options declared in ` +
          `${sets.map((d) => `\`${d.file}'`).join(" and ")}, but its type \`${firstType?.description ?? "unspecified value"}' ` +
          "does not support nested options. Declare the nested options in a submodule type instead.",
      });
    }
    return new OptionSet(
      loc,
      decls,
      () => definitions().flatMap((def) => pushDown(def.value).map((config) => ({ file: def.file, config }))),
      this.context,
    );
  }
}

function declarationNotAnOption(loc: readonly string[], tag: unknown, file: string): ModuleError {
  const name = loc[loc.length - 1] ?? "";
  return new ModuleError({
    kind: "InvalidModule",
    path: loc,
    definitions: [{ file }],
    message:
      `In module \`${file}': expected an option declaration at \`${showOption(loc)}' but got a value of type \`${String(tag)}'.` +
      (tag === "option-type"
        ? ` Wrap the type in mkOption: \`${name}: lib.mkOption({ type: <the type>, description: "..." })'.`
        : ""),
  });
}

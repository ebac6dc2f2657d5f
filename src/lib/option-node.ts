/**
 * One declared option of an evaluation: its merged declaration, its definitions, its value (cached,
 * cycle-checked) and the record that `options.<path>` shows (Nixpkgs' `evalOptionValue`).
 */
import { defineLazy, type Attrs } from "./attrs.js";
import type { PendingDefinition } from "./definitions.js";
import { ModuleError } from "./errors.js";
import { Cell, force, Lazy } from "./lazy.js";
import { mergeDeclarations, type Declaration, type MergedDeclaration } from "./merge-declarations.js";
import { mergeDefinitions, type MergedDefinitions } from "./merge-definitions.js";
import { declares, isApplyWithoutValue } from "./options.js";
import { mkOptionDefault } from "./properties.js";
import { showDefs, showFiles, showOption } from "./show.js";
import type { EvaluationContext } from "./option-tree.js";
import { emitWarning } from "./warnings.js";

/** A declared option and everything computed from it, each part on first use. */
export class OptionNode {
  readonly loc: readonly string[];
  readonly #decls: readonly Declaration[];
  readonly #defs: () => readonly PendingDefinition[];
  #declaration: Cell<MergedDeclaration> | undefined;
  #definitions: Cell<MergedDefinitions> | undefined;
  #value: Cell<unknown> | undefined;
  #record: Cell<Attrs> | undefined;
  #hasWarnedOfDeprecation = false;

  /** @param defs the option's definitions, filed when first needed */
  readonly #context: EvaluationContext;

  readonly #merged: MergedDeclaration | undefined;

  /**
   * @param merged the declarations already merged elsewhere (at another path: the same
   *   declarations in every value of a submodule type), to be taken rather than merged again
   */
  constructor(
    loc: readonly string[],
    decls: readonly Declaration[],
    defs: () => readonly PendingDefinition[],
    context: EvaluationContext,
    merged?: MergedDeclaration,
  ) {
    this.loc = loc;
    this.#context = context;
    this.#decls = decls;
    this.#defs = defs;
    this.#merged = merged;
  }

  /** The merged declaration (throws `DuplicateDeclaration` where declarations clash). */
  get declaration(): MergedDeclaration {
    const merged = this.#merged;
    this.#declaration ??= new Cell(
      () => (merged === undefined ? mergeDeclarations(this.loc, this.#decls) : { ...merged, loc: this.loc }),
      this.loc,
      "declaration",
    );
    return this.#declaration.get();
  }

  /** The declarations as the modules wrote them. */
  get declarations(): readonly Declaration[] {
    return this.#decls;
  }

  /** The definitions, a declared default first, ready to be merged. */
  get definitions(): MergedDefinitions {
    this.#definitions ??= new Cell(() => this.#mergeDefinitions(), this.loc);
    return this.#definitions.get();
  }

  /** The option's value: merged, checked, passed through `apply`. */
  get value(): unknown {
    this.#value ??= new Cell(() => this.#computeValue(), this.loc);
    return this.#value.get();
  }

  /** The record that `options.<path>` shows. */
  get record(): Attrs {
    this.#record ??= new Cell(() => this.#makeRecord(), this.loc);
    return this.#record.get();
  }

  /** The definitions as written, before properties are processed (for diagnostics). */
  get rawDefinitions(): readonly PendingDefinition[] {
    return this.#defs();
  }

  #allDefinitions(): PendingDefinition[] {
    const { fields, declarations } = this.declaration;
    if (!declares(fields, "default")) return [...this.#defs()];
    const defaultDef = {
      file: declarations[0] ?? "<unknown-file>",
      value: mkOptionDefault(new Lazy(() => fields["default"])),
    };
    return [defaultDef, ...this.#defs()];
  }

  #mergeDefinitions(): MergedDefinitions {
    const { fields, type } = this.declaration;
    const defs = this.#allDefinitions();
    if (fields["readOnly"] === true && defs.length > 1) {
      const shown = defs.map((def) => {
        try {
          return { file: def.file, value: mergeDefinitions(this.loc, type, [def]).mergedValue };
        } catch {
          return { file: def.file, value: force(def.value) };
        }
      });
      throw new ModuleError({
        kind: "UniqueViolation",
        path: this.loc,
        definitions: shown,
        message:
          `The option \`${showOption(this.loc)}' is read-only, but it is set ${defs.length} times (its declared default counts). ` +
          `Definition values:${showDefs(shown)}\nRemove all but one of these definitions.`,
      });
    }
    return mergeDefinitions(this.loc, type, defs);
  }

  /**
   * Nixpkgs' `warnDeprecation` of `evalOptionValue`: the option of a deprecated type (`loaOf`) warns
   * when its record is first made, which reading its value or any field of `options.<path>` does;
   * ours are two parts, so the node warns once for both.
   */
  #warnDeprecation(): void {
    const { type, declarations } = this.declaration;
    if (type.deprecationMessage === null || this.#hasWarnedOfDeprecation) return;
    emitWarning(
      `The type \`types.${type.name}' of option \`${showOption(this.loc)}' defined in ${showFiles(declarations)} is deprecated. ${type.deprecationMessage}`,
      { path: this.loc },
    );
    // Set once it did not throw: with abort-on-warn, every read fails, as a Nix thunk that threw does.
    this.#hasWarnedOfDeprecation = true;
  }

  #computeValue(): unknown {
    this.#warnDeprecation();
    const apply = this.declaration.fields["apply"];
    if (isApplyWithoutValue(apply)) return apply();
    const merged = this.#mergedValue();
    return typeof apply === "function" ? (apply as (v: unknown) => unknown)(merged) : merged;
  }

  /** The merged value; a missing value inside a submodule names the files that defined the submodule. */
  #mergedValue(): unknown {
    try {
      return this.definitions.mergedValue;
    } catch (e) {
      const files = this.#context.definitionFiles;
      if (!(e instanceof ModuleError) || e.kind !== "NoDefinition" || files.length === 0 || e.path !== this.loc) throw e;
      throw new ModuleError({
        kind: "NoDefinition",
        path: this.loc,
        definitions: files.map((file) => ({ file })),
        message: `${e.message} It is missing from the set defined in ${showFiles(files)}.`,
      });
    }
  }

  #makeRecord(): Attrs {
    this.#warnDeprecation();
    const { fields, declarations, type } = this.declaration;
    const record: Attrs = {};
    for (const key of Object.keys(fields)) {
      Object.defineProperty(record, key, { ...Object.getOwnPropertyDescriptor(fields, key), enumerable: true, configurable: true });
    }
    Object.defineProperty(record, "_type", { value: "option", enumerable: true });
    record["loc"] = this.loc;
    record["declarations"] = declarations;
    record["declarationPositions"] = declarations.map((file) => ({ file, line: null, column: null }));
    record["type"] = type;
    defineLazy(record, "value", () => this.value);
    defineLazy(record, "isDefined", () => this.definitions.isDefined);
    defineLazy(record, "highestPrio", () => this.definitions.highestPrio);
    defineLazy(record, "valueMeta", () => this.definitions.valueMeta);
    defineLazy(record, "definitions", () => this.definitions.final.map((d) => d.value));
    defineLazy(record, "files", () => this.definitions.final.map((d) => d.file));
    defineLazy(record, "definitionsWithLocations", () =>
      this.definitions.final.map((d) => ({ file: d.file, value: d.value })),
    );
    Object.defineProperty(record, "toString", { value: () => showOption(this.loc), enumerable: false });
    return record;
  }
}

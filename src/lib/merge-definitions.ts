/**
 * The value of one option (or one attribute, or one list element) from its definitions: properties
 * processed, the type checked and merged (Nixpkgs' `mergeDefinitions`). Every stage is computed when
 * first asked for, so `highestPrio` does not evaluate a default and `isDefined` does not merge.
 */
import { ModuleError } from "./errors.js";
import { Cell } from "./lazy.js";
import {
  discharge,
  filterOverrides,
  sortProperties,
  type EvaluatedDefinition,
  type Filtered,
  type PendingDefinition,
} from "./definitions.js";
import { showDefs, showOption } from "./show.js";
import { runCheckedMerge, type CheckedMerge, type OptionType } from "./types/type.js";
import type { Attrs } from "./attrs.js";

/** The error of a definition whose value is not of the option's type. */
export function typeMismatch(
  loc: readonly string[],
  type: OptionType,
  defs: readonly EvaluatedDefinition[],
  detail: string,
): ModuleError {
  return new ModuleError({
    kind: "TypeMismatch",
    path: loc,
    definitions: defs,
    message:
      `A definition of \`${showOption(loc)}' is not of type \`${type.description}'. ${detail}\n` +
      `Change the value to one of type \`${type.name}'${type.description === type.name ? "" : ` (${type.description})`}, or remove the definition.`,
  });
}

/** The error of reading an option that has no value at all. */
export function noDefinition(loc: readonly string[]): ModuleError {
  return new ModuleError({
    kind: "NoDefinition",
    path: loc,
    message: `The option \`${showOption(loc)}' was read, but it has no definition and no default. Define it (or declare a default).`,
  });
}

/**
 * The definitions of one value, processed in stages on demand, and their merged value. Each stage
 * is a cell: a condition or value that needs its own stage is reported as a cycle.
 */
export class MergedDefinitions {
  readonly loc: readonly string[];
  readonly type: OptionType;
  readonly #defs: readonly PendingDefinition[];
  #filtered: Cell<Filtered> | undefined;
  #final: Cell<EvaluatedDefinition[]> | undefined;
  #merged: Cell<unknown> | undefined;
  #checked: Cell<CheckedMerge> | undefined;

  constructor(loc: readonly string[], type: OptionType, defs: readonly PendingDefinition[]) {
    this.loc = loc;
    this.type = type;
    this.#defs = defs;
  }

  /** The definitions left once `mkMerge`/`mkIf` are processed and worse priorities dropped. */
  get filtered(): Filtered {
    this.#filtered ??= new Cell(
      () => {
        const discharged: EvaluatedDefinition[] = [];
        for (const def of this.#defs) discharge(def, this.loc, discharged);
        return filterOverrides(discharged);
      },
      this.loc,
    );
    return this.#filtered.get();
  }

  /** The priority of the winning definitions; 9999 when there are none. */
  get highestPrio(): number {
    return this.filtered.highestPrio;
  }

  /** The winning definitions, evaluated and sorted by `mkOrder`, in merge order. */
  get final(): readonly EvaluatedDefinition[] {
    this.#final ??= new Cell(() => sortProperties(this.filtered.values), this.loc);
    return this.#final.get();
  }

  /** Whether any definition remains (a declared default counts). */
  get isDefined(): boolean {
    return this.final.length > 0;
  }

  /** The merged value; throws where a definition does not type-check or nothing defines it. */
  get mergedValue(): unknown {
    this.#merged ??= new Cell(() => this.#merge(), this.loc);
    return this.#merged.get();
  }

  /** `{ value }` when defined, `{}` otherwise (Nixpkgs' `optionalValue`). */
  get optionalValue(): { value?: unknown } {
    return this.isDefined ? { value: this.mergedValue } : {};
  }

  /**
   * What the type's merge knows beside the value (Nixpkgs' `checkedAndMerged.valueMeta`): `{}` for
   * a type without a checking merge. Nixpkgs adds `_internal.type`, which is not for modules to read.
   */
  get valueMeta(): Attrs {
    if (!this.type.checkedMerge) return {};
    return this.#checkedMerge().valueMeta?.() ?? {};
  }

  /** The type's checking merge of the final definitions, made once for the value and `valueMeta`. */
  #checkedMerge(): CheckedMerge {
    this.#checked ??= new Cell(() => runCheckedMerge(this.type, this.loc, this.final), this.loc);
    return this.#checked.get();
  }

  #merge(): unknown {
    const { type, loc } = this;
    if (!this.isDefined) {
      if ("value" in type.emptyValue) return type.emptyValue.value;
      throw noDefinition(loc);
    }
    const defs = this.final;
    if (type.checkedMerge) {
      const result = this.#checkedMerge();
      if (result.headError !== null) throw typeMismatch(loc, type, defs, result.headError);
      return result.value();
    }
    const invalid = defs.filter((d) => !type.check(d.value));
    if (invalid.length > 0) throw typeMismatch(loc, type, invalid, `Definition values:${showDefs(invalid)}`);
    return type.merge(loc, defs);
  }
}

/** Merges the definitions of a value of `type` at `loc`. */
export function mergeDefinitions(
  loc: readonly string[],
  type: OptionType,
  defs: readonly PendingDefinition[],
): MergedDefinitions {
  return new MergedDefinitions(loc, type, defs);
}

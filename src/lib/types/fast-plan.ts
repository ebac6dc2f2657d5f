/**
 * The plan by which the fast path merges a submodule's value: its options, sorted by name, each
 * with its type's fast merge, and its free-form type. A static type has one plan; a type whose
 * modules are functions gets one from their declarations (src/lib/types/fast-call-plan.ts).
 */
import type { ResolvedFastMerge } from "../fast-merge.js";
import type { CompiledConfig } from "./compiled-config.js";
import type { OptionType } from "./type.js";

/** One declared option as the fast path reads it. */
export interface FastOption {
  readonly name: string;
  readonly type: OptionType;
  /** The type's fast merge, looked up once for every value the plan merges. */
  readonly merge: ResolvedFastMerge;
  /**
   * The declared default, when it is a data value; `noDefault` when there is none. A plan made
   * from a call's declarations has each call's defaults beside it (`CallPlan`, fast-call-plan.ts).
   */
  readonly default: unknown;
  readonly readOnly: boolean;
  /** The file a default's definition names (the first declaration's). */
  readonly file: string;
}

/** The options of one value, sorted by name, and the free-form type. */
export interface FastPlan {
  readonly options: readonly FastOption[];
  /** The declared names, where a plan is used often enough to index them; null: search `options`. */
  readonly declared: ReadonlySet<string> | null;
  readonly freeformType: OptionType | null;
  /**
   * How many values the plan has merged, until it is compiled; then its compiled configuration,
   * or null where it cannot be compiled (it is interpreted).
   */
  compiled: number | CompiledConfig | null;
}

/** The default of an option that has none. */
export const noDefault = Symbol("no default");


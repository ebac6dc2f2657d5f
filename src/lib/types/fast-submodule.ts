/**
 * The fast merge of a submodule type: the configuration a nested evaluation would give for one
 * plain definition, made without the evaluation, where the type's modules only declare options.
 *
 * - A static type (modules that are sets of declarations) has one plan, from the declarations
 *   merged once by its base evaluation.
 * - A module that is a function is called once per value, as Nix calls it, with `name` and `lib`
 *   (src/lib/types/fast-call-plan.ts).
 * - A plan is read option by option for its first values, then compiled to a function
 *   (src/lib/types/compiled-config.ts).
 *
 * Every declared option's value is computed at once (a fast merge cannot fail, and the module
 * functions it calls are functions of their arguments, so this is unobservable); an option the
 * fast merges do not cover (a getter, a property, an `apply`, a value that fails its check, a
 * missing value) leaves the whole value to the general path, which gives it with its own laziness
 * and errors.
 */
import { compareNames, isAttrs, isOwnGetter, setOwn, sortNames, type Attrs } from "../attrs.js";
import { declares } from "../options.js";
import { fastPathCounts, isPlainDefinition, notCovered, fastMergeOf, resolveFastMerge, resolvedChildValue, type FastMerge } from "../fast-merge.js";
import { attrsElemType, defineEntry } from "./attrs.js";
import type { StaticSubmodulePlan } from "./static-submodule.js";
import type { OptionType } from "./type.js";
import { compileConfig, type CompiledConfig } from "./compiled-config.js";
import { fastPlanOfCall, type FunctionModules } from "./fast-call-plan.js";
import { noDefault, type FastOption, type FastPlan } from "./fast-plan.js";

/** A plan merges this many values interpreted before it is compiled (a plan used once costs no compilation). */
let usesBeforeCompiling = 4;

/**
 * Sets how many values a plan merges interpreted before it is compiled (1: at once; Infinity:
 * never), for plans made from now on and plans not yet compiled; the tests compare the two ways.
 * Returns the previous setting.
 */
export function setUsesBeforeCompiling(uses: number): number {
  const previous = usesBeforeCompiling;
  usesBeforeCompiling = uses;
  return previous;
}

/** Whether `plan` declares `name`. */
function declaresName(plan: FastPlan, name: string): boolean {
  if (plan.declared !== null) return plan.declared.has(name);
  for (const option of plan.options) if (option.name === name) return true;
  return false;
}

/**
 * A fast option from a merged declaration's fields; null where the fast path cannot take it (a
 * getter, an `apply`).
 */
function fastOption(name: string, type: OptionType, fields: Attrs, file: string): FastOption | null {
  if (declares(fields, "apply")) return null;
  const defaultField = Object.getOwnPropertyDescriptor(fields, "default");
  const readOnlyField = Object.getOwnPropertyDescriptor(fields, "readOnly");
  if (defaultField?.get !== undefined || readOnlyField?.get !== undefined) return null;
  const hasDefault = defaultField !== undefined && defaultField.value !== undefined;
  return { name, type, merge: resolveFastMerge(type), default: hasDefault ? defaultField.value : noDefault, readOnly: readOnlyField?.value === true, file };
}

/** The fast plan of a static type, from its static plan; null where an option cannot be taken. */
export function fastPlanOfStatic(plan: StaticSubmodulePlan): FastPlan | null {
  const options: FastOption[] = [];
  for (const option of plan.options) {
    const { merged } = option;
    const fast = fastOption(option.name, merged.type, merged.fields, merged.declarations[0] ?? "<unknown-file>");
    if (fast === null) return null;
    options.push(fast);
  }
  return { options, declared: plan.declared, freeformType: plan.freeformType, compiled: 0 };
}

/** The value of one option of a fast plan with default `defaultValue`, or {@link notCovered}. */
function optionValue(option: FastOption, defaultValue: unknown, value: Attrs, loc: readonly string[], file: string): unknown {
  // Only an enumerable property is a definition, as the general path reads them (Object.keys).
  if (propertyIsEnumerable.call(value, option.name)) {
    if (option.readOnly && defaultValue !== noDefault) return notCovered;
    return resolvedChildValue(option.merge, value[option.name], loc, option.name, file);
  }
  if (defaultValue !== noDefault) return resolvedChildValue(option.merge, defaultValue, loc, option.name, option.file);
  return emptyOptionValue(option);
}

const propertyIsEnumerable = Object.prototype.propertyIsEnumerable;

/** The value of option `option` where neither the definition nor a default gives one, or {@link notCovered}. */
function emptyOptionValue(option: FastOption): unknown {
  // A submodule's empty value is an evaluation: only a datum is taken.
  const empty = Object.getOwnPropertyDescriptor(option.type.emptyValue, "value");
  return empty !== undefined && empty.get === undefined ? empty.value : notCovered;
}

/**
 * The configuration of one plain definition `value` under `plan`, or {@link notCovered}; `defaults`
 * are a call's defaults by option index, null for the plan's own. A plan is interpreted for its
 * first values, then compiled.
 */
function fastConfig(plan: FastPlan, defaults: readonly unknown[] | null, value: unknown, loc: readonly string[], file: string): unknown {
  if (!isAttrs(value)) return notCovered;
  let { compiled } = plan;
  if (typeof compiled === "number") {
    plan.compiled = compiled = compiled + 1 < usesBeforeCompiling ? compiled + 1 : compilePlan(plan);
  }
  return typeof compiled === "function" ? compiled(defaults, value, loc, file) : interpretConfig(plan, defaults, value, loc, file);
}

/** The compiled configuration of `plan`, or null where it cannot be compiled. */
function compilePlan(plan: FastPlan): CompiledConfig | null {
  const { options, freeformType } = plan;
  const elemType = freeformType === null || fastMergeOf(freeformType) === null ? undefined : attrsElemType(freeformType);
  return compileConfig(options, freeformType !== null, {
    notCovered,
    noDefault,
    isOwnGetter,
    isPlainDefinition,
    child: (index, value, loc, file) => {
      const option = options[index]!;
      return resolvedChildValue(option.merge, value, loc, option.name, file ?? option.file);
    },
    empty: (index) => emptyOptionValue(options[index]!),
    freeformEntry: elemType === undefined ? undefined : (out, key, entry, loc, file) => defineEntry(out, loc, key, elemType, entry, file),
    setOwn,
    identityChecks: options.map((o) => o.merge.identityCheck),
    counts: fastPathCounts,
  });
}

/** {@link fastConfig} without compiling: the plan read option by option. */
function interpretConfig(plan: FastPlan, defaults: readonly unknown[] | null, value: Attrs, loc: readonly string[], file: string): unknown {
  let unmatched: string[] | null = null;
  for (const key of Object.keys(value)) {
    if (isOwnGetter(value, key)) return notCovered;
    if (declaresName(plan, key)) continue;
    if (key === "_module" || plan.freeformType === null || !isPlainDefinition(value[key])) return notCovered;
    (unmatched ??= []).push(key);
  }
  // Only a set type merges the free-form names entry by entry, as one definition.
  const elemType = unmatched === null || fastMergeOf(plan.freeformType!) === null ? undefined : attrsElemType(plan.freeformType!);
  if (unmatched !== null && elemType === undefined) return notCovered;
  const { options } = plan;
  // Every option first, then the free-form entries, as the compiled code does (a declined option
  // merges no entry, and the fast path's counts agree).
  const values: unknown[] = [];
  for (let j = 0; j < options.length; j++) {
    const option = options[j]!;
    const result = optionValue(option, defaults === null ? option.default : defaults[j], value, loc, file);
    if (result === notCovered) return notCovered;
    values.push(result);
  }
  const out: Attrs = {};
  if (unmatched === null || elemType === undefined) {
    for (let j = 0; j < options.length; j++) setOwn(out, options[j]!.name, values[j]);
    return out;
  }
  // As `recursiveUpdate` lays the declared options over the free-form ones: every key, sorted.
  sortNames(unmatched);
  let d = 0;
  for (let u = 0; u <= unmatched.length; u++) {
    const key = unmatched[u];
    for (; d < options.length && (key === undefined || compareNames(options[d]!.name, key) < 0); d++) setOwn(out, options[d]!.name, values[d]);
    if (key !== undefined) defineEntry(out, loc, key, elemType, value[key], file);
  }
  return out;
}

/** The parts of a submodule type that its fast merge reads, each computed when first needed. */
export interface FastSubmoduleParts {
  /** The fast plan of a static type; null where the type is not static or has none. */
  readonly staticPlan: () => FastPlan | null;
  /** The modules to call per value; null where the type is static or cannot be called so. */
  readonly functionModules: () => FunctionModules | null;
}

/** The fast merge of a submodule type, from the parts of the type it reads. */
export function fastSubmoduleMerge(parts: FastSubmoduleParts): FastMerge {
  return (value, loc, file) => {
    const plan = parts.staticPlan();
    if (plan !== null) return fastConfig(plan, null, value, loc, file);
    const modules = parts.functionModules();
    if (modules === null || !isAttrs(value)) return notCovered;
    const perValue = fastPlanOfCall(modules, loc[loc.length - 1] ?? "‹name›");
    return perValue === null ? notCovered : fastConfig(perValue.plan, perValue.defaults, value, loc, file);
  };
}

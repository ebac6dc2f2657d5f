/**
 * The fast merge of a submodule type: the configuration a nested evaluation would give for one
 * plain definition, made without the evaluation, where the type's modules only declare options.
 *
 * - A static type (modules that are sets of declarations) has one plan, from the declarations
 *   merged once by its base evaluation.
 * - A module that is a function is called once per value, as Nix calls it, with `name` and `lib`;
 *   the declarations it returns are read directly. Reading any other argument, or returning
 *   anything but declarations and a free-form type, leaves the value to the nested evaluation
 *   (which calls the function again: a module function is a function of its arguments).
 *
 * Every declared option's value is computed at once (a fast merge cannot fail or run user code,
 * so this is unobservable); an option the fast merges do not cover (a getter, a property, an
 * `apply`, a value that fails its check, a missing value) leaves the whole value to the general
 * path, which gives it with its own laziness and errors.
 */
import { compareNames, hasOwn, isAttrs, isOwnGetter, setOwn, type Attrs } from "../attrs.js";
import { declares, isOption } from "../options.js";
import { fastChildValue, isPlainDataObject, isPlainDefinition, notCovered, fastMergeOf, type FastMerge } from "../fast-merge.js";
import { attrsElemType, defineEntry } from "./attrs.js";
import type { StaticSubmodulePlan } from "./static-submodule.js";
import { isOptionType, type OptionType } from "./type.js";
import { unspecified } from "./basic.js";

/** One declared option as the fast path reads it. */
interface FastOption {
  readonly name: string;
  readonly type: OptionType;
  /** The declared default, when it is a data value; `noDefault` when there is none. */
  readonly default: unknown;
  readonly readOnly: boolean;
  /** The file a default's definition names (the first declaration's). */
  readonly file: string;
}

/** The options of one value, sorted by name, and the free-form type. */
interface FastPlan {
  readonly options: readonly FastOption[];
  /** The declared names, where a plan is used often enough to index them; null: search `options`. */
  readonly declared: ReadonlySet<string> | null;
  readonly freeformType: OptionType | null;
}

/** Whether `plan` declares `name`. */
function declaresName(plan: FastPlan, name: string): boolean {
  if (plan.declared !== null) return plan.declared.has(name);
  for (const option of plan.options) if (option.name === name) return true;
  return false;
}

const noDefault = Symbol("no default");

/** Thrown by the arguments of a module function that reads anything but `name` and `lib`. */
const leftFastPath = Symbol("the module read an argument the fast path does not give");

/** The keys a module may have for the fast path: declarations and a free-form type. */
const declarationKeys = new Set(["_file", "key", "options", "freeformType"]);

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
  return { name, type, default: hasDefault ? defaultField.value : noDefault, readOnly: readOnlyField?.value === true, file };
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
  return { options, declared: plan.declared, freeformType: plan.freeformType };
}

/**
 * The arguments a module function gets on the fast path: `name` and `lib`; reading anything else
 * throws {@link leftFastPath}.
 */
function fastModuleArgs(name: string, lib: unknown): object {
  return new Proxy(
    { name, lib },
    {
      get: (target, key) => {
        if (key === "name") return target.name;
        if (key === "lib") return target.lib;
        throw leftFastPath;
      },
      has: () => {
        throw leftFastPath;
      },
      ownKeys: () => {
        throw leftFastPath;
      },
      getOwnPropertyDescriptor: () => {
        throw leftFastPath;
      },
    },
  );
}

/** The modules of a submodule type that has module functions, and how to call them. */
export interface FunctionModules {
  readonly modules: readonly unknown[];
  readonly lib: unknown;
}

/**
 * The modules of a type that the fast path may call per value, with static imports followed: sets
 * of declarations and functions; null where there are none or something else (special
 * arguments, which a function could read; a module it cannot read directly).
 */
export function modulesToCallPerValue(modules: readonly unknown[], specialArgs: unknown): readonly unknown[] | null {
  if (!isAttrs(specialArgs) || Object.keys(specialArgs).length > 0) return null;
  const leaves: unknown[] = [];
  const pending = [...modules].reverse();
  while (pending.length > 0) {
    // A pathological import graph is left to the evaluation, which reports it.
    if (leaves.length + pending.length > 1_000) return null;
    const module = pending.pop();
    if (typeof module === "function") {
      leaves.push(module);
      continue;
    }
    if (!isPlainDataObject(module)) return null;
    for (const key of Object.keys(module)) if (!declarationKeys.has(key) && key !== "imports") return null;
    if (hasOwn(module, "imports")) {
      const imports = module["imports"];
      if (!Array.isArray(imports)) return null;
      for (let i = imports.length - 1; i >= 0; i--) pending.push(imports[i]);
    }
    if (hasOwn(module, "options") || hasOwn(module, "freeformType")) leaves.push(module);
  }
  return leaves.some((m) => typeof m === "function") ? leaves : null;
}

/** Whether `module` is a set of declarations the fast path reads directly. */
function isDeclarationModule(module: unknown): module is Attrs {
  if (!isAttrs(module)) return false;
  for (const key of Object.keys(module)) if (!declarationKeys.has(key) || isOwnGetter(module, key)) return false;
  return true;
}

/** The fast plan of one value of a type whose modules are called per value; null where there is none. */
function fastPlanOfCall(modules: FunctionModules, name: string): FastPlan | null {
  const options: FastOption[] = [];
  let freeformType: OptionType | null = null;
  for (const m of modules.modules) {
    let module: unknown = m;
    if (typeof m === "function") {
      try {
        module = (m as (args: object) => unknown)(fastModuleArgs(name, modules.lib));
      } catch {
        return null;
      }
    }
    if (!isDeclarationModule(module)) return null;
    if (hasOwn(module, "freeformType") && module["freeformType"] !== undefined) {
      const type = module["freeformType"];
      if (freeformType !== null || !isOptionType(type)) return null;
      freeformType = type;
    }
    if (!hasOwn(module, "options")) continue;
    const declarations = module["options"];
    if (!isPlainDataObject(declarations)) return null;
    for (const optionName of Object.keys(declarations)) {
      const declaration = declarations[optionName] as Attrs;
      if (optionName === "_module" || !isOption(declaration)) return null;
      // Only the fields the value needs are read, and only as data.
      if (isOwnGetter(declaration, "type") || isOwnGetter(declaration, "default") || isOwnGetter(declaration, "apply") || isOwnGetter(declaration, "readOnly")) return null;
      const type = declaration["type"] ?? unspecified;
      // A submodule type's declaration is re-made with its modules' locations; the general path does that.
      if (!isOptionType(type) || type.getSubModules !== null) return null;
      // The declaration's fields are data (checked above); a default that is not a plain datum
      // would need the file of its declaration.
      const defaultValue = declaration["default"];
      if (declaration["apply"] !== undefined || (typeof defaultValue === "object" && defaultValue !== null)) return null;
      options.push({
        name: optionName,
        type,
        default: defaultValue === undefined ? noDefault : defaultValue,
        readOnly: declaration["readOnly"] === true,
        file: "<unknown-file>",
      });
    }
  }
  // Declared in order, mostly: sorted only where they are not, and twice-declared names refused.
  for (let i = 1; i < options.length; i++) {
    const order = compareNames(options[i - 1]!.name, options[i]!.name);
    if (order === 0) return null;
    if (order > 0) {
      options.sort((a, b) => compareNames(a.name, b.name));
      for (let j = 1; j < options.length; j++) if (options[j - 1]!.name === options[j]!.name) return null;
      break;
    }
  }
  return { options, declared: null, freeformType };
}

/** The value of one option of a fast plan, or {@link notCovered}. */
function optionValue(option: FastOption, value: Attrs, loc: readonly string[], file: string): unknown {
  if (hasOwn(value, option.name)) {
    if (option.readOnly && option.default !== noDefault) return notCovered;
    return fastChildValue(option.type, value[option.name], loc, option.name, file);
  }
  if (option.default !== noDefault) return fastChildValue(option.type, option.default, loc, option.name, option.file);
  // A submodule's empty value is an evaluation: only a datum is taken.
  const empty = Object.getOwnPropertyDescriptor(option.type.emptyValue, "value");
  return empty !== undefined && empty.get === undefined ? empty.value : notCovered;
}

/** The configuration of one plain definition `value` under `plan`, or {@link notCovered}. */
function fastConfig(plan: FastPlan, value: unknown, loc: readonly string[], file: string): unknown {
  if (!isAttrs(value)) return notCovered;
  let unmatched: string[] | null = null;
  for (const key of Object.keys(value)) {
    if (isOwnGetter(value, key)) return notCovered;
    if (declaresName(plan, key)) continue;
    if (key === "_module" || plan.freeformType === null || !isPlainDefinition(value[key])) return notCovered;
    (unmatched ??= []).push(key);
  }
  const { options } = plan;
  const out: Attrs = {};
  if (unmatched === null) {
    for (const option of options) {
      const result = optionValue(option, value, loc, file);
      if (result === notCovered) return notCovered;
      setOwn(out, option.name, result);
    }
    return out;
  }
  // Only a set type merges the free-form names entry by entry, as one definition.
  const elemType = fastMergeOf(plan.freeformType!) === null ? undefined : attrsElemType(plan.freeformType!);
  if (elemType === undefined) return notCovered;
  // As `recursiveUpdate` lays the declared options over the free-form ones: every key, sorted.
  unmatched.sort(compareNames);
  let d = 0;
  for (let u = 0; u <= unmatched.length; u++) {
    const key = unmatched[u];
    for (; d < options.length && (key === undefined || compareNames(options[d]!.name, key) < 0); d++) {
      const result = optionValue(options[d]!, value, loc, file);
      if (result === notCovered) return notCovered;
      setOwn(out, options[d]!.name, result);
    }
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
    if (plan !== null) return fastConfig(plan, value, loc, file);
    const modules = parts.functionModules();
    if (modules === null || !isAttrs(value)) return notCovered;
    const perValue = fastPlanOfCall(modules, loc[loc.length - 1] ?? "‹name›");
    return perValue === null ? notCovered : fastConfig(perValue, value, loc, file);
  };
}

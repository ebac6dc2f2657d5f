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
import { isPlainDataObject, isPlainDefinition, notCovered, fastMergeOf, resolveFastMerge, resolvedChildValue, type FastMerge, type ResolvedFastMerge } from "../fast-merge.js";
import { attrsElemType, defineEntry } from "./attrs.js";
import type { StaticSubmodulePlan } from "./static-submodule.js";
import { isOptionType, type OptionType } from "./type.js";
import { unspecified } from "./basic.js";
import { compileConfig, type CompiledConfig } from "./compiled-config.js";

/** One declared option as the fast path reads it. */
interface FastOption {
  readonly name: string;
  readonly type: OptionType;
  /** The type's fast merge, looked up once for every value the plan merges. */
  readonly merge: ResolvedFastMerge;
  /**
   * The declared default, when it is a data value; `noDefault` when there is none. A plan made
   * from a call's declarations has each call's defaults beside it (see {@link CallPlan}).
   */
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
  /**
   * How many values the plan has merged, until it is compiled; then its compiled configuration,
   * or null where it cannot be compiled (it is interpreted).
   */
  compiled: number | CompiledConfig | null;
}

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

/**
 * The arguments a module function gets on the fast path: `name` and `lib`; reading anything else
 * throws {@link leftFastPath}.
 */
function fastModuleArgs(name: string, lib: unknown): object {
  return new Proxy({ name, lib }, fastModuleArgsHandler);
}

/** One handler for every call's arguments: it reads only its target. */
const fastModuleArgsHandler: ProxyHandler<{ name: string; lib: unknown }> = {
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
};

/** The modules of a submodule type that has module functions, and how to call them. */
export interface FunctionModules {
  readonly modules: readonly unknown[];
  readonly lib: unknown;
  /** The plan the last call's declarations gave, reused while calls declare the same options. */
  template?: CallTemplate;
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
  // for-in makes no array of keys; a key inherited from a tampered prototype is refused with the rest.
  for (const key in module) if (!declarationKeys.has(key) || isOwnGetter(module, key)) return false;
  return true;
}

/**
 * What one call of a type's modules declared, to recognise a call that declares the same options
 * (a module function builds new declarations each time, mostly of the same options and types).
 */
interface ModuleShape {
  /** The free-form type it declares; null where it declares none. */
  readonly freeformType: OptionType | null;
  /** The names of its options, in its own order; null where it has no `options`. */
  readonly names: readonly string[] | null;
  readonly types: readonly OptionType[];
  readonly readOnly: readonly boolean[];
}

/** A plan made from one call's declarations, and how to read the same plan from another call's. */
interface CallTemplate {
  readonly plan: FastPlan;
  readonly shapes: readonly ModuleShape[];
  /** For each declaration, in the modules' order, the index of its option in `plan.options`. */
  readonly positions: readonly number[];
}

/** A plan for one value, with that call's defaults by option index (`noDefault` where none). */
interface CallPlan {
  readonly plan: FastPlan;
  readonly defaults: readonly unknown[];
}

/** The modules of one call: each function called with the fast path's arguments; null where one fails. */
function callModules(modules: FunctionModules, name: string): unknown[] | null {
  const results: unknown[] = [];
  for (const m of modules.modules) {
    if (typeof m !== "function") {
      results.push(m);
      continue;
    }
    try {
      results.push((m as (args: object) => unknown)(fastModuleArgs(name, modules.lib)));
    } catch {
      return null;
    }
  }
  return results;
}

/**
 * The fields of one declaration the fast path reads, where it can take them: its type, data
 * default and read-only flag; null where it cannot (a getter, an `apply`, a submodule type, an
 * object default).
 */
function declarationFields(declaration: unknown): { type: OptionType; default: unknown; readOnly: boolean } | null {
  if (!isOption(declaration)) return null;
  const fields = declaration as Attrs;
  // Only the fields the value needs are read, and only as data.
  if (isOwnGetter(fields, "type") || isOwnGetter(fields, "default") || isOwnGetter(fields, "apply") || isOwnGetter(fields, "readOnly")) return null;
  const type = fields["type"] ?? unspecified;
  // A submodule type's declaration is re-made with its modules' locations; the general path does that.
  if (!isOptionType(type) || type.getSubModules !== null) return null;
  // A default that is not a plain datum would need the file of its declaration.
  const defaultValue = fields["default"];
  if (fields["apply"] !== undefined || (typeof defaultValue === "object" && defaultValue !== null)) return null;
  return { type, default: defaultValue === undefined ? noDefault : defaultValue, readOnly: fields["readOnly"] === true };
}

const differentDeclaration = Symbol("a declaration the template does not describe");

/**
 * The default of a declaration that {@link declarationFields} takes, with the given type and
 * read-only flag (checked as it checks them, without making its record);
 * {@link differentDeclaration} otherwise.
 */
function defaultOfSameDeclaration(declaration: unknown, type: OptionType, readOnly: boolean): unknown {
  if (!isOption(declaration)) return differentDeclaration;
  const fields = declaration as Attrs;
  if (isOwnGetter(fields, "type") || isOwnGetter(fields, "default") || isOwnGetter(fields, "apply") || isOwnGetter(fields, "readOnly")) return differentDeclaration;
  if ((fields["type"] ?? unspecified) !== type || (fields["readOnly"] === true) !== readOnly || fields["apply"] !== undefined) return differentDeclaration;
  const defaultValue = fields["default"];
  if (typeof defaultValue === "object" && defaultValue !== null) return differentDeclaration;
  return defaultValue === undefined ? noDefault : defaultValue;
}

/** The declared free-form type of a module: null where none, undefined where it cannot be taken. */
function freeformOf(module: Attrs): OptionType | null | undefined {
  if (!hasOwn(module, "freeformType") || module["freeformType"] === undefined) return null;
  const type = module["freeformType"];
  return isOptionType(type) ? type : undefined;
}

/**
 * The defaults of a call whose declarations have the template's shape, by option index; null
 * where they differ in any way the plan depends on (then a new plan is made).
 */
function defaultsOfSameShape(template: CallTemplate, results: readonly unknown[]): unknown[] | null {
  const defaults: unknown[] = new Array<unknown>(template.plan.options.length);
  let declarationIndex = 0;
  for (let i = 0; i < results.length; i++) {
    const module = results[i];
    const shape = template.shapes[i]!;
    if (!isDeclarationModule(module) || freeformOf(module) !== shape.freeformType) return null;
    if (shape.names === null) {
      if (hasOwn(module, "options")) return null;
      continue;
    }
    const declarations = module["options"];
    if (!isAttrs(declarations)) return null;
    const names = Object.keys(declarations);
    if (names.length !== shape.names.length) return null;
    for (let k = 0; k < names.length; k++) {
      const name = names[k]!;
      if (name !== shape.names[k] || isOwnGetter(declarations, name)) return null;
      const defaultValue = defaultOfSameDeclaration(declarations[name], shape.types[k]!, shape.readOnly[k]!);
      if (defaultValue === differentDeclaration) return null;
      defaults[template.positions[declarationIndex++]!] = defaultValue;
    }
  }
  return defaults;
}

/** A new template from one call's modules; null where the fast path cannot take them. */
function templateOfCall(results: readonly unknown[]): { template: CallTemplate; defaults: unknown[] } | null {
  const declared: { option: FastOption; default: unknown }[] = [];
  const shapes: ModuleShape[] = [];
  let freeformType: OptionType | null = null;
  for (const module of results) {
    if (!isDeclarationModule(module)) return null;
    const freeform = freeformOf(module);
    if (freeform === undefined || (freeform !== null && freeformType !== null)) return null;
    freeformType ??= freeform;
    if (!hasOwn(module, "options")) {
      shapes.push({ freeformType: freeform, names: null, types: [], readOnly: [] });
      continue;
    }
    const declarations = module["options"];
    if (!isPlainDataObject(declarations)) return null;
    const names = Object.keys(declarations);
    const types: OptionType[] = [];
    const readOnly: boolean[] = [];
    for (const name of names) {
      const fields = name === "_module" ? null : declarationFields(declarations[name]);
      if (fields === null) return null;
      types.push(fields.type);
      readOnly.push(fields.readOnly);
      const option: FastOption = { name, type: fields.type, merge: resolveFastMerge(fields.type), default: noDefault, readOnly: fields.readOnly, file: "<unknown-file>" };
      declared.push({ option, default: fields.default });
    }
    shapes.push({ freeformType: freeform, names, types, readOnly });
  }
  const sorted = declared.map((d, index) => ({ ...d, index })).sort((a, b) => compareNames(a.option.name, b.option.name));
  for (let j = 1; j < sorted.length; j++) if (sorted[j - 1]!.option.name === sorted[j]!.option.name) return null;
  const positions: number[] = new Array<number>(sorted.length);
  sorted.forEach((d, j) => (positions[d.index] = j));
  const plan: FastPlan = { options: sorted.map((d) => d.option), declared: null, freeformType, compiled: 0 };
  return { template: { plan, shapes, positions }, defaults: sorted.map((d) => d.default) };
}

/**
 * The fast plan of one value of a type whose modules are called per value, with that call's
 * defaults; null where there is none.
 */
function fastPlanOfCall(modules: FunctionModules, name: string): CallPlan | null {
  const results = callModules(modules, name);
  if (results === null) return null;
  const { template } = modules;
  if (template !== undefined) {
    const defaults = defaultsOfSameShape(template, results);
    if (defaults !== null) return { plan: template.plan, defaults };
  }
  const made = templateOfCall(results);
  if (made === null) return null;
  modules.template = made.template;
  return { plan: made.template.plan, defaults: made.defaults };
}

/** The value of one option of a fast plan with default `defaultValue`, or {@link notCovered}. */
function optionValue(option: FastOption, defaultValue: unknown, value: Attrs, loc: readonly string[], file: string): unknown {
  if (hasOwn(value, option.name)) {
    if (option.readOnly && defaultValue !== noDefault) return notCovered;
    return resolvedChildValue(option.merge, value[option.name], loc, option.name, file);
  }
  if (defaultValue !== noDefault) return resolvedChildValue(option.merge, defaultValue, loc, option.name, option.file);
  return emptyOptionValue(option);
}

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
    hasOwn,
    isPlainDefinition,
    child: (index, value, loc, file) => {
      const option = options[index]!;
      return resolvedChildValue(option.merge, value, loc, option.name, file ?? option.file);
    },
    empty: (index) => emptyOptionValue(options[index]!),
    freeformEntry: elemType === undefined ? undefined : (out, key, entry, loc, file) => defineEntry(out, loc, key, elemType, entry, file),
    setOwn,
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
  const { options } = plan;
  const out: Attrs = {};
  if (unmatched === null) {
    for (let j = 0; j < options.length; j++) {
      const option = options[j]!;
      const result = optionValue(option, defaults === null ? option.default : defaults[j], value, loc, file);
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
      const result = optionValue(options[d]!, defaults === null ? options[d]!.default : defaults[d], value, loc, file);
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
    if (plan !== null) return fastConfig(plan, null, value, loc, file);
    const modules = parts.functionModules();
    if (modules === null || !isAttrs(value)) return notCovered;
    const perValue = fastPlanOfCall(modules, loc[loc.length - 1] ?? "‹name›");
    return perValue === null ? notCovered : fastConfig(perValue.plan, perValue.defaults, value, loc, file);
  };
}

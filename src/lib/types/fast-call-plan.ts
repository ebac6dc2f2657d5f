/**
 * The plans of a submodule type whose modules are functions: each function is called once per
 * value, as Nix calls it, with `name` and `lib`, and the declarations it returns are read directly.
 * Reading any other argument, or returning anything but declarations and a free-form type, leaves
 * the value to the nested evaluation (which calls the function again: a module function is a
 * function of its arguments). A function builds new declarations for every value, mostly of the
 * same options: the plan of the last call is kept and read again while the declarations have its
 * shape, with each call's defaults.
 */
import { compareNames, hasOwn, isAttrs, isOwnGetter, type Attrs } from "../attrs.js";
import { isOption } from "../options.js";
import { isPlainDataObject, resolveFastMerge } from "../fast-merge.js";
import { unspecified } from "./basic.js";
import { noDefault, type FastOption, type FastPlan } from "./fast-plan.js";
import { isOptionType, type OptionType } from "./type.js";

/** Thrown by the arguments of a module function that reads anything but `name` and `lib`. */
const leftFastPath = Symbol("the module read an argument the fast path does not give");

/**
 * The keys a module may have for the fast path: declarations and a free-form type. Not `key`:
 * two modules of one key are one module to the evaluation, which the general path decides.
 */
const declarationKeys = new Set(["_file", "options", "freeformType"]);

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
export interface CallPlan {
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
 * Whether the fast path reads a declaration's fields: an option whose `type`, `default`, `apply`
 * and `readOnly` are data (only the fields the value needs are read, and only as data), without
 * an `apply`.
 */
function isReadableDeclaration(declaration: unknown): declaration is Attrs {
  if (!isOption(declaration)) return false;
  const fields = declaration as Attrs;
  if (isOwnGetter(fields, "type") || isOwnGetter(fields, "default") || isOwnGetter(fields, "apply") || isOwnGetter(fields, "readOnly")) return false;
  return fields["apply"] === undefined;
}

const notTaken = Symbol("a declaration or default the plan does not take");

/**
 * The default of a readable declaration as a plan keeps it: `noDefault` where none; a default that
 * is not a plain datum (it would need the file of its declaration) is {@link notTaken}.
 */
function dataDefault(fields: Attrs): unknown {
  const defaultValue = fields["default"];
  if (typeof defaultValue === "object" && defaultValue !== null) return notTaken;
  return defaultValue === undefined ? noDefault : defaultValue;
}

/**
 * The fields of one declaration the fast path takes: its type, data default and read-only flag;
 * null where it cannot (see {@link isReadableDeclaration}; a submodule type; an object default).
 */
function declarationFields(declaration: unknown): { type: OptionType; default: unknown; readOnly: boolean } | null {
  if (!isReadableDeclaration(declaration)) return null;
  const type = declaration["type"] ?? unspecified;
  // A submodule type's declaration is re-made with its modules' locations; the general path does that.
  if (!isOptionType(type) || type.getSubModules !== null) return null;
  const defaultValue = dataDefault(declaration);
  return defaultValue === notTaken ? null : { type, default: defaultValue, readOnly: declaration["readOnly"] === true };
}

/**
 * The default of a declaration that {@link declarationFields} takes with the given type and
 * read-only flag (without making its record); {@link notTaken} where it does not.
 */
function defaultOfSameDeclaration(declaration: unknown, type: OptionType, readOnly: boolean): unknown {
  if (!isReadableDeclaration(declaration)) return notTaken;
  if ((declaration["type"] ?? unspecified) !== type || (declaration["readOnly"] === true) !== readOnly) return notTaken;
  return dataDefault(declaration);
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
      if (defaultValue === notTaken) return null;
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
export function fastPlanOfCall(modules: FunctionModules, name: string): CallPlan | null {
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


/**
 * The values of a submodule type whose modules are static (sets of option declarations that read
 * no module argument and define nothing but a free-form type), made without a nested evaluation
 * for each value. Such modules declare the same options in every value, so their declarations
 * are collected and merged once, from the type's base evaluation; each value then only files its
 * definition under those options. The options' values are computed by the same `OptionNode` as in
 * an evaluation, so merging, defaults, priorities, errors and laziness are the evaluation's own.
 *
 * Whatever the plan does not cover (several definitions, properties around the whole value, a
 * `_module` definition, undeclared names without a free-form type, a free-form merge that fails)
 * is left to the nested evaluation, which gives the value or the error it always gave.
 */
import { defineCachedLazy, hasOwn, isAttrs, sortNames, type Attrs } from "../attrs.js";
import { recursiveUpdate } from "../config-objects.js";
import type { PendingDefinition } from "../definitions.js";
import { nestLazily, optionTreeOf, type Evaluation } from "../eval-modules.js";
import { Lazy, lazyProperty } from "../lazy.js";
import type { Declaration, MergedDeclaration } from "../merge-declarations.js";
import { OptionNode } from "../option-node.js";
import type { Definition, OptionType } from "./type.js";

/** A declared option of the plan: its declarations, merged once. */
interface PlannedOption {
  readonly name: string;
  readonly declarations: readonly Declaration[];
  readonly merged: MergedDeclaration;
}

/** What every value of a static submodule type shares. */
export interface StaticSubmodulePlan {
  /** The declared options, by name, in the evaluation's order. */
  readonly options: readonly PlannedOption[];
  readonly declared: ReadonlySet<string>;
  readonly freeformType: OptionType | null;
}

/** The keys a static module may have: declarations, a free-form type, and static imports. */
const staticModuleKeys = new Set(["_file", "key", "options", "freeformType", "imports"]);

/** Whether `modules` (and what they import) are sets that read no argument and define nothing but `freeformType`. */
export function areStaticModules(modules: readonly unknown[]): boolean {
  const pending = [...modules];
  let visited = 0;
  while (pending.length > 0) {
    // A pathological import graph is left to the evaluation, which reports it.
    if (++visited > 10_000) return false;
    const module = pending.pop();
    if (!isAttrs(module) || Object.getPrototypeOf(module) !== Object.prototype) return false;
    for (const key of Object.keys(module)) {
      if (!staticModuleKeys.has(key)) return false;
      const descriptor = Object.getOwnPropertyDescriptor(module, key)!;
      if (descriptor.get !== undefined) return false;
    }
    if (hasOwn(module, "imports")) {
      const imports = module["imports"];
      if (!Array.isArray(imports)) return false;
      pending.push(...imports);
    }
  }
  return true;
}

/**
 * The plan of a static submodule type, read from its base evaluation (the modules with no
 * definition); null where the declarations are not a flat set of options or fail to merge (the
 * nested evaluation then reports the problem where the value is read).
 */
export function staticSubmodulePlan(base: Evaluation): StaticSubmodulePlan | null {
  try {
    const root = optionTreeOf(base);
    if (root === undefined) return null;
    const options: PlannedOption[] = [];
    for (const name of root.names) {
      if (name === "_module") continue;
      const node = root.child(name);
      if (!(node instanceof OptionNode)) return null;
      options.push({ name, declarations: node.declarations, merged: node.declaration });
    }
    const freeformType = (base._module["freeformType"] as OptionType | null) ?? null;
    return { options, declared: new Set(options.map((o) => o.name)), freeformType };
  } catch {
    return null;
  }
}

/**
 * The definitions the free-form type merges: one per undeclared name, as Nixpkgs makes them; or,
 * for `attrsOf` and `lazyAttrsOf`, which merge key by key, one definition of them all (the names
 * are distinct and come from one file, so every key has the same one definition either way),
 * which lets `attrsOf` merge each entry when it is read. Getters are carried over as getters.
 */
function freeformDefinitions(type: OptionType, file: string, value: Attrs, names: readonly string[]): Definition[] {
  if (type.name !== "attrsOf" && type.name !== "lazyAttrsOf") return names.map((name) => ({ file, value: nestLazily([name], lazyProperty(value, name)) }));
  const entries: Attrs = {};
  for (const name of names) Object.defineProperty(entries, name, Object.getOwnPropertyDescriptor(value, name)!);
  return [{ file, value: entries }];
}

/**
 * The configuration that a nested evaluation of the plan's modules and `definition` (a set, the
 * modules' `config`) would give at `loc`; undefined where the plan does not cover it.
 */
export function staticSubmoduleValue(plan: StaticSubmodulePlan, loc: readonly string[], definition: Definition): Attrs | undefined {
  const { file, value } = definition;
  if (!isAttrs(value) || value instanceof Lazy || hasOwn(value, "_type") || hasOwn(value, "_module")) return undefined;
  const names = Object.keys(value);
  const unmatched = names.filter((name) => !plan.declared.has(name));
  if (unmatched.length > 0 && plan.freeformType === null) return undefined;

  const context = { definitionFiles: [file] };
  const declared: Attrs = {};
  for (const option of plan.options) {
    const name = option.name;
    const defs = (): readonly PendingDefinition[] => (hasOwn(value, name) ? [{ file, value: lazyProperty(value, name) }] : []);
    const node = new OptionNode([...loc, name], option.declarations, defs, context, option.merged);
    defineCachedLazy(declared, name, () => node.value);
  }
  if (unmatched.length === 0) return declared;

  let freeform: unknown;
  try {
    freeform = plan.freeformType!.merge(loc, freeformDefinitions(plan.freeformType!, file, value, sortNames(unmatched)));
  } catch {
    return undefined;
  }
  return isAttrs(freeform) ? recursiveUpdate(freeform, declared) : declared;
}

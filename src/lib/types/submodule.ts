/**
 * Types whose values are modules: `submoduleWith`/`submodule` (each value a nested evaluation),
 * `deferredModule` (modules collected to be evaluated elsewhere) and `optionType` (a type as a value).
 */
import { isAttrs, type Attrs } from "../attrs.js";
import type { SubmoduleValue } from "../config-of.js";
import { ModuleError } from "../errors.js";
import { Lazy } from "../lazy.js";
import { evaluate, type EvalModulesArgs, type Evaluation } from "../eval-modules.js";
import { mergeDeclarations } from "../merge-declarations.js";
import { mkOption } from "../options.js";
import { setDefaultModuleLocation } from "../module-location.js";
import { mkOptionDefault, mkForce } from "../properties.js";
import { showOption } from "../show.js";
import { fastDefinitionValue, fastPathDeclined, notCovered, withFastMerge } from "../fast-merge.js";
import { lib } from "../lib.js";
import { modulesToCallPerValue, type FunctionModules } from "./fast-call-plan.js";
import { fastPlanOfStatic, fastSubmoduleMerge } from "./fast-submodule.js";
import { areStaticModules, staticSubmodulePlan, staticSubmoduleValue, type StaticSubmodulePlan } from "./static-submodule.js";
import {
  checkDefsForError,
  descriptionPhrase,
  isOptionType,
  mkOptionType,
  type OptionType,
  type TypeFunctor,
} from "./type.js";

/** The parameters of {@link submoduleWith}. */
export interface SubmoduleSpec {
  readonly modules: readonly unknown[];
  readonly specialArgs?: Readonly<Attrs>;
  /**
   * Whether a definition that is a set is the module's `config` only (true, as `submodule`), or a
   * whole module (false). Null is internal: "whatever another declaration says".
   */
  readonly shorthandOnlyDefinesConfig?: boolean | null;
  readonly description?: string | null;
  readonly class?: string | null;
}

const placeholderName = "‹name›";

const isModuleLike = (x: unknown) => isAttrs(x) || typeof x === "function" || (typeof x === "string" && x.startsWith("/"));

const noCheckForDocs = {
  _file: "<built-in module that disables checks for the purpose of documentation generation>",
  config: { _module: { check: mkForce(false) } },
};

/**
 * A set of options given by `modules`: every value is a nested evaluation of those modules and the
 * definitions. @example submoduleWith({ modules: [serverModule], specialArgs: { site } })
 */
export function submoduleWith(spec: SubmoduleSpec): OptionType<Attrs> {
  const modules = spec.modules;
  // The other fields are read when used: two declarations that disagree on one of them fail only
  // where it matters, as in Nixpkgs.
  const baseModules = [{ _module: { args: { name: mkOptionDefault(placeholderName) } } }, ...modules];
  const evaluationArgs = (extra: { modules: readonly unknown[]; prefix?: readonly string[] }): EvalModulesArgs => ({
    ...extra,
    get specialArgs() {
      return atPath(extra.prefix, () => spec.specialArgs ?? {});
    },
    get class() {
      return atPath(extra.prefix, () => spec.class ?? null);
    },
  });
  let base: Evaluation | undefined;
  const getBase = () => (base ??= evaluate(evaluationArgs({ modules: baseModules }), { name: placeholderName }));
  // The plan of a type whose modules are static, made on the first value; null where there is none.
  let plan: StaticSubmodulePlan | null | undefined;
  const getPlan = (): StaticSubmodulePlan | null => {
    if (plan !== undefined) return plan;
    let shorthand: boolean | null | undefined;
    try {
      shorthand = spec.shorthandOnlyDefinesConfig;
    } catch {
      shorthand = null;
    }
    return (plan = shorthand === true && areStaticModules(modules) ? staticSubmodulePlan(getBase()) : null);
  };
  let docs: Evaluation | undefined;
  const getDocs = () => (docs ??= getBase().extendModules({ modules: [noCheckForDocs] }));

  const functor: TypeFunctor = {
    name: "submodule",
    payload: withDefaults(spec),
    build: (p) => submoduleWith(p as SubmoduleSpec),
    binOp: (a, b) => combineSpecs(a as SubmoduleSpec, b as SubmoduleSpec),
  };

  // The fast path's plan of a static type, and the modules a non-static one calls per value.
  let fastStatic: ReturnType<typeof fastPlanOfStatic> | undefined;
  let perValue: FunctionModules | null | undefined;
  const fastMerge = fastSubmoduleMerge({
    staticPlan: () => {
      if (fastStatic !== undefined) return fastStatic;
      const staticPlan = getPlan();
      return (fastStatic = staticPlan === null ? null : fastPlanOfStatic(staticPlan));
    },
    functionModules: () => {
      if (perValue !== undefined) return perValue;
      let leaves: readonly unknown[] | null = null;
      try {
        if (spec.shorthandOnlyDefinesConfig === true) leaves = modulesToCallPerValue(modules, spec.specialArgs ?? {});
      } catch {
        leaves = null;
      }
      return (perValue = leaves === null ? null : { modules: leaves, lib });
    },
  });

  const type = mkOptionType<Attrs>({
    name: "submodule",
    get description() {
      const description = spec.description;
      if (description !== undefined && description !== null) return description;
      const freeform = getDocs()._module["freeformType"] as OptionType | null;
      return freeform
        ? `open submodule of ${descriptionPhrase((c) => c === "noun" || c === "composite", freeform)}`
        : "submodule";
    },
    check: isModuleLike,
    checkedMerge: (loc, defs) => {
      let configuration: Evaluation | undefined;
      const evaluateDefinitions = (): Evaluation => {
        if (configuration !== undefined) return configuration;
        const name = loc[loc.length - 1] ?? placeholderName;
        const definitionModules = defs.map(({ file, value }) =>
          isAttrs(value) && atPath(loc, () => spec.shorthandOnlyDefinesConfig) === true
            ? { _file: file, config: value }
            : { _file: file, imports: [value] },
        );
        return (configuration = evaluate(
          evaluationArgs({
            modules: [...baseModules, { _module: { args: { name } } }, ...definitionModules],
            prefix: loc,
          }),
          { name, definitionFiles: [...new Set(defs.map((d) => d.file))] },
        ));
      };
      return {
        headError: checkDefsForError(isModuleLike, defs),
        value: () => {
          if (defs.length === 1) {
            const def = defs[0]!;
            // Reached from a set whose entry the fast path just declined: no second try.
            if (!fastPathDeclined(type, def.value)) {
              const fastValue = fastDefinitionValue(type, def.value, loc, def.file);
              if (fastValue !== notCovered) return fastValue;
            }
            const plan = getPlan();
            const fast = plan === null ? undefined : staticSubmoduleValue(plan, loc, defs[0]!);
            if (fast !== undefined) return fast;
          }
          return evaluateDefinitions().config;
        },
        // The evaluation of the value's modules; a value made by the static plan is not one, so
        // asking for it evaluates them.
        valueMeta: () => ({ configuration: evaluateDefinitions() }),
      };
    },
    emptyValue: {
      get value() {
        return getBase().config;
      },
    },
    getSubOptions: (prefix) => {
      const evaluation = getBase().extendModules({ prefix, modules: [noCheckForDocs] });
      const freeform = evaluation._module["freeformType"] as OptionType | null;
      return freeform ? { ...evaluation.options, _freeformOptions: freeform.getSubOptions(prefix) } : evaluation.options;
    },
    getSubModules: modules,
    substSubModules: (m) => submoduleWith(withModules(spec, m)),
    functor,
    nestedTypes: {
      // Only a submodule with a free-form type has one (Nixpkgs' `optionalAttrs`).
      get freeformType() {
        return (getDocs()._module["freeformType"] as OptionType | null) ?? undefined;
      },
    } as Readonly<Record<string, OptionType>>,
  });
  return withFastMerge(type, () => fastMerge);
}

/** The fields of a spec besides `modules`, each computed when first read. */
type SpecFields = { readonly [K in Exclude<keyof SubmoduleSpec, "modules">]-?: () => SubmoduleSpec[K] };

/** A spec whose fields are computed once, when first read (a chain of merged declarations stays linear). */
function lazySpec(modules: readonly unknown[], fields: SpecFields): SubmoduleSpec {
  const spec = { modules } as SubmoduleSpec;
  for (const [key, compute] of Object.entries(fields) as [string, () => unknown][]) {
    const value = new Lazy(compute);
    Object.defineProperty(spec, key, { get: () => value.get(), enumerable: true });
  }
  return spec;
}

/** `spec` with Nixpkgs' defaults filled in (`shorthandOnlyDefinesConfig` false), each field read when used. */
function withDefaults(spec: SubmoduleSpec): SubmoduleSpec {
  return lazySpec(spec.modules, {
    specialArgs: () => spec.specialArgs ?? {},
    class: () => spec.class ?? null,
    shorthandOnlyDefinesConfig: () => (spec.shorthandOnlyDefinesConfig === undefined ? false : spec.shorthandOnlyDefinesConfig),
    description: () => spec.description ?? null,
  });
}

/** `spec` with other modules, its other fields still read when used. */
function withModules(spec: SubmoduleSpec, modules: readonly unknown[]): SubmoduleSpec {
  const copy = {} as SubmoduleSpec;
  Object.defineProperties(copy, Object.getOwnPropertyDescriptors(spec));
  Object.defineProperty(copy, "modules", { value: modules, enumerable: true });
  return copy;
}

/** `read()`, with the option path added to a declaration conflict that it reports without one. */
function atPath<T>(loc: readonly string[] | undefined, read: () => T): T {
  try {
    return read();
  } catch (e) {
    if (e instanceof ModuleError && e.path === undefined && loc !== undefined && loc.length > 0) {
      throw new ModuleError({ kind: e.kind, path: loc, message: `The option \`${showOption(loc)}': ${e.message}` });
    }
    throw e;
  }
}

function conflict(what: string, same = false): ModuleError {
  return new ModuleError({
    kind: "DuplicateDeclaration",
    message: `A submoduleWith option is declared multiple times with ${same ? "" : "conflicting "}${what}. Declare it once, or make the declarations agree.`,
  });
}

/** One of two fields that must agree where both are given. */
function agree<T>(what: string, a: T | null | undefined, b: T | null | undefined): T | null {
  if (a === null || a === undefined) return b ?? null;
  if (b === null || b === undefined) return a;
  if (a === b) return a;
  throw conflict(`${what} values (${JSON.stringify(a)} and ${JSON.stringify(b)})`);
}

/** Two declarations' parameters combined; a disagreement fails when the field is read. */
function combineSpecs(a: SubmoduleSpec, b: SubmoduleSpec): SubmoduleSpec {
  return lazySpec([...a.modules, ...b.modules], {
    class: () => agree("class", a.class, b.class),
    specialArgs: () => {
      const left = a.specialArgs ?? {};
      const right = b.specialArgs ?? {};
      const shared = Object.keys(left).filter((k) => Object.prototype.hasOwnProperty.call(right, k));
      if (shared.length > 0) throw conflict(`the same specialArgs (${shared.join(", ")})`, true);
      return { ...left, ...right };
    },
    shorthandOnlyDefinesConfig: () => agree("shorthandOnlyDefinesConfig", a.shorthandOnlyDefinesConfig, b.shorthandOnlyDefinesConfig),
    description: () => agree("description", a.description, b.description),
  });
}

/**
 * A set of options given by `modules`; a set given as a definition is that module's `config`.
 * @example submodule({ options: { port: mkOption({ type: types.port }) } })
 */
export function submodule<M>(modules: M): OptionType<SubmoduleValue<M>> {
  // The static value type comes from the modules' declarations; the engine's value is the same object.
  const type = submoduleWith({ shorthandOnlyDefinesConfig: true, modules: Array.isArray(modules) ? modules : [modules] });
  return type as OptionType<SubmoduleValue<M>>;
}

/**
 * Modules collected from every definition, unevaluated, to be imported into another evaluation;
 * `staticModules` come first. @example deferredModuleWith({ staticModules: [common] })
 */
export function deferredModuleWith(spec: { staticModules?: readonly unknown[] } = {}): OptionType<{ imports: unknown[] }> {
  const staticModules = spec.staticModules ?? [];
  let forDocs: OptionType<Attrs> | undefined;
  const docsType = () => (forDocs ??= submoduleWith({ modules: staticModules }));
  return mkOptionType<{ imports: unknown[] }>({
    name: "deferredModule",
    description: "module",
    descriptionClass: "noun",
    check: isModuleLike,
    merge: (loc, defs) => ({
      imports: [
        ...staticModules,
        ...defs.map((def) => setDefaultModuleLocation(`${def.file}, via option ${showOption(loc)}`, def.value)),
      ],
    }),
    getSubOptions: (prefix) => docsType().getSubOptions(prefix),
    getSubModules: staticModules,
    substSubModules: (m) => deferredModuleWith({ staticModules: m }),
    functor: {
      name: "deferredModuleWith",
      payload: { staticModules },
      build: (p) => deferredModuleWith(p as { staticModules: unknown[] }),
      binOp: (a, b) => ({
        staticModules: [...(a as { staticModules: unknown[] }).staticModules, ...(b as { staticModules: unknown[] }).staticModules],
      }),
    },
  });
}

/** A module, kept unevaluated. */
export const deferredModule: OptionType<{ imports: unknown[] }> = deferredModuleWith();

/** An option type given as a value (as `freeformType` is); several definitions merge their types. */
export const optionType: OptionType<OptionType> = mkOptionType<OptionType>({
  name: "optionType",
  description: "optionType",
  descriptionClass: "noun",
  check: isOptionType,
  merge: (loc, defs) =>
    defs.length === 1
      ? (defs[0]!.value as OptionType)
      : mergeDeclarations(
          loc,
          defs.map((d) => ({ file: d.file, options: mkOption({ type: d.value as OptionType }) })),
        ).type,
});

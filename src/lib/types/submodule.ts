/**
 * Types whose values are modules: `submoduleWith`/`submodule` (each value a nested evaluation),
 * `deferredModule` (modules collected to be evaluated elsewhere) and `optionType` (a type as a value).
 */
import { isAttrs, type Attrs } from "../attrs.js";
import { evaluate, type Evaluation } from "../eval-modules.js";
import { mergeDeclarations } from "../merge-declarations.js";
import { mkOption } from "../options.js";
import { setDefaultModuleLocation } from "../module-location.js";
import { mkOptionDefault, mkForce } from "../properties.js";
import { showOption } from "../show.js";
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
  const specialArgs = spec.specialArgs ?? {};
  const shorthandOnlyDefinesConfig = spec.shorthandOnlyDefinesConfig ?? false;
  const moduleClass = spec.class ?? null;
  const baseModules = [{ _module: { args: { name: mkOptionDefault(placeholderName) } } }, ...modules];
  let base: Evaluation | undefined;
  const getBase = () =>
    (base ??= evaluate({ modules: baseModules, specialArgs, class: moduleClass }, { name: placeholderName }));
  let docs: Evaluation | undefined;
  const getDocs = () => (docs ??= getBase().extendModules({ modules: [noCheckForDocs] }));

  const functor: TypeFunctor = {
    name: "submodule",
    payload: { modules, class: moduleClass, specialArgs, shorthandOnlyDefinesConfig: spec.shorthandOnlyDefinesConfig ?? false, description: spec.description ?? null },
    build: (p) => submoduleWith(p as SubmoduleSpec),
    binOp: (a, b) => combineSpecs(a as Required<SubmoduleSpec>, b as Required<SubmoduleSpec>),
  };
  // A declaration of an option tree passes null: "whatever the other declaration says".
  if (spec.shorthandOnlyDefinesConfig === null) (functor.payload as { shorthandOnlyDefinesConfig: unknown }).shorthandOnlyDefinesConfig = null;

  return mkOptionType<Attrs>({
    name: "submodule",
    get description() {
      if (spec.description !== undefined && spec.description !== null) return spec.description;
      const freeform = getDocs()._module["freeformType"] as OptionType | null;
      return freeform
        ? `open submodule of ${descriptionPhrase((c) => c === "noun" || c === "composite", freeform)}`
        : "submodule";
    },
    check: isModuleLike,
    checkedMerge: (loc, defs) => ({
      headError: checkDefsForError(isModuleLike, defs),
      value: () => {
        const name = loc[loc.length - 1] ?? placeholderName;
        const definitionModules = defs.map(({ file, value }) =>
          isAttrs(value) && shorthandOnlyDefinesConfig ? { _file: file, config: value } : { _file: file, imports: [value] },
        );
        return evaluate(
          {
            modules: [...baseModules, { _module: { args: { name } } }, ...definitionModules],
            specialArgs,
            prefix: loc,
            class: moduleClass,
          },
          { name },
        ).config;
      },
    }),
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
    substSubModules: (m) => submoduleWith({ ...spec, modules: m }),
    functor,
  });
}

function agree<T>(what: string, a: T | null | undefined, b: T | null | undefined): T | null {
  if (a === null || a === undefined) return b ?? null;
  if (b === null || b === undefined) return a;
  if (a === b) return a;
  throw new TypeError(`A submoduleWith option is declared multiple times with conflicting ${what} values`);
}

function combineSpecs(a: Required<SubmoduleSpec>, b: Required<SubmoduleSpec>): SubmoduleSpec {
  const shared = Object.keys(a.specialArgs).filter((k) => Object.prototype.hasOwnProperty.call(b.specialArgs, k));
  if (shared.length > 0) {
    throw new TypeError(`A submoduleWith option is declared multiple times with the same specialArgs ${shared.join(", ")}`);
  }
  return {
    class: agree("class", a.class, b.class),
    modules: [...a.modules, ...b.modules],
    specialArgs: { ...a.specialArgs, ...b.specialArgs },
    shorthandOnlyDefinesConfig: agree("shorthandOnlyDefinesConfig", a.shorthandOnlyDefinesConfig, b.shorthandOnlyDefinesConfig),
    description: agree("description", a.description, b.description),
  };
}

/**
 * A set of options given by `modules`; a set given as a definition is that module's `config`.
 * @example submodule({ options: { port: mkOption({ type: types.port }) } })
 */
export function submodule(modules: unknown): OptionType<Attrs> {
  return submoduleWith({ shorthandOnlyDefinesConfig: true, modules: Array.isArray(modules) ? modules : [modules] });
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

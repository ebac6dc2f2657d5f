/**
 * The shape of an option type and its one constructor, {@link mkOptionType}, with Nixpkgs' fields:
 * `name`, `description`, `check` (shallow), `merge(loc, defs)`, the empty value, sub-options and
 * sub-modules, and `typeMerge`, which says how two declarations of one option combine their types.
 */
import type { Attrs } from "../attrs.js";
import { ModuleError } from "../errors.js";
import { showDefs, showOption } from "../show.js";
import { mergeDefaultOption, mergeEqualOption, mergeOneOption } from "../merge-helpers.js";
import { fastMergeOf, identityFastMerge, withFastMerge } from "../fast-merge.js";
import { namedType } from "./registry.js";

/** A definition as a type's merge receives it: the file and the (evaluated) value. */
export interface Definition<V = unknown> {
  readonly file: string;
  readonly value: V;
}

/** How a description reads inside another one (Nixpkgs' `descriptionClass`). */
export type DescriptionClass = "noun" | "composite" | "conjunction" | "nonRestrictiveClause" | null;

/** The outcome of a type's checking merge: the first problem found, and the value (computed when read). */
export interface CheckedMerge {
  readonly headError: string | null;
  readonly value: () => unknown;
  /**
   * What the merge knows beside the value (Nixpkgs' `valueMeta`): the merges of the entries of an
   * `attrsOf` (`attrs`) or a `listOf` (`list`), a submodule's `configuration`. Left out, it is `{}`.
   */
  readonly valueMeta?: () => Attrs;
}

/** What `typeMerge` works from: a type's family name, its parameters, and how to combine two of them. */
export interface TypeFunctor {
  readonly name: string;
  readonly payload: unknown;
  /** Combines two payloads; null when they cannot combine. */
  readonly binOp: (a: unknown, b: unknown) => unknown;
  /** The type of a (combined) payload; null when the family has no such type. */
  readonly build: (payload: unknown) => OptionType | null;
}

/** An option type. */
export interface OptionType<V = unknown> {
  readonly _type: "option-type";
  /** The type's name, as in Nixpkgs ("attrsOf", "unsignedInt16"). */
  readonly name: string;
  /** The description, worded as in Nixpkgs ("attribute set of signed integer"). */
  readonly description: string;
  readonly descriptionClass: DescriptionClass;
  /** Whether a definition's value has the right shape (shallow: elements are checked when merged). */
  readonly check: (value: unknown) => boolean;
  /** Merges the (checked) definitions of one option into its value. */
  readonly merge: (loc: readonly string[], defs: readonly Definition[]) => V;
  /** The checking merge of the types that check inside their merge (Nixpkgs' `merge.v2`). */
  readonly checkedMerge: ((loc: readonly string[], defs: readonly Definition[]) => CheckedMerge) | undefined;
  /** The value of an option of this type that has no definition, where there is one. */
  readonly emptyValue: { readonly value?: unknown };
  readonly getSubOptions: (prefix: readonly string[]) => Attrs;
  readonly getSubModules: readonly unknown[] | null;
  readonly substSubModules: (modules: readonly unknown[]) => OptionType | null;
  readonly typeMerge: (functor: TypeFunctor) => OptionType | null;
  readonly functor: TypeFunctor;
  readonly nestedTypes: Readonly<Record<string, OptionType>>;
  readonly deprecationMessage: string | null;
}

/** The fields {@link mkOptionType} accepts; all but `name` have Nixpkgs' defaults. */
export interface OptionTypeSpec<V = unknown> {
  name: string;
  description?: string | null;
  descriptionClass?: DescriptionClass;
  check?: (value: unknown) => boolean;
  merge?: (loc: readonly string[], defs: readonly Definition[]) => V;
  checkedMerge?: (loc: readonly string[], defs: readonly Definition[]) => CheckedMerge;
  emptyValue?: { readonly value?: unknown };
  getSubOptions?: (prefix: readonly string[]) => Attrs;
  getSubModules?: readonly unknown[] | null;
  substSubModules?: (modules: readonly unknown[]) => OptionType | null;
  typeMerge?: (functor: TypeFunctor) => OptionType | null;
  functor?: TypeFunctor;
  nestedTypes?: Readonly<Record<string, OptionType>>;
  deprecationMessage?: string | null;
}

/** The functor of a type without parameters: two such types merge when their names agree. */
export function defaultFunctor(name: string): TypeFunctor {
  return { name, payload: null, binOp: () => null, build: () => namedType(name) };
}

/** Nixpkgs' default `typeMerge`: same family, and payloads that combine. */
export function defaultTypeMerge(own: TypeFunctor, other: TypeFunctor): OptionType | null {
  if (own.name !== other.name) return null;
  if (own.payload === null || own.payload === undefined) return own.build(null);
  const merged = own.binOp(own.payload, other.payload);
  return merged === null || merged === undefined ? null : own.build(merged);
}

/**
 * The `check` functions that agree with their type's checked merge (Nixpkgs marks them
 * `isV2MergeCoherent`). A type copied with another `check` (`{ ...type, check }`, Nix's
 * `type // { check }`) keeps a checked merge that ignores the new check, so it is refused.
 */
const coherentChecks = new WeakSet<object>();

/** Whether `check` agrees with the checked merge of its type (see {@link markCoherentCheck}). */
export function isCoherentCheck(check: (value: unknown) => boolean): boolean {
  return coherentChecks.has(check);
}

/** Marks `check` as agreeing with the checked merge of the type it belongs to; returns it. */
export function markCoherentCheck<F extends (value: unknown) => boolean>(check: F): F {
  coherentChecks.add(check);
  return check;
}

/**
 * The checked merge of `type`, refused (as in Nixpkgs) when its `check` was replaced by copying
 * the type rather than by `addCheck`.
 */
export function runCheckedMerge(type: OptionType, loc: readonly string[], defs: readonly Definition[]): CheckedMerge {
  if (!coherentChecks.has(type.check)) {
    throw new ModuleError({
      kind: "InvalidModule",
      path: loc,
      message:
        `The option \`${showOption(loc)}' has a type \`${type.description}' that uses an ad-hoc \`type // { check = ...; }' override ` +
        "(in JavaScript, `{ ...type, check }`), which is incompatible with the v2 merge mechanism.\n" +
        "Please use `lib.types.addCheck` instead of `type // { check }' to add custom validation: `types.addCheck(baseType, (value) => …)`.",
    });
  }
  return type.checkedMerge!(loc, defs);
}

/**
 * Makes an option type; fields left out take Nixpkgs' defaults (description = name, any value
 * passes `check`, `merge` as for an unspecified value).
 * @example mkOptionType({ name: "even", description: "even integer", check: (x) => Number.isInteger(x) && x % 2 === 0 })
 */
export function mkOptionType<V = unknown>(spec: OptionTypeSpec<V>): OptionType<V> {
  const functor = spec.functor ?? defaultFunctor(spec.name);
  const checkedMerge = spec.checkedMerge;
  const merge =
    spec.merge ??
    (checkedMerge
      ? (loc: readonly string[], defs: readonly Definition[]) => checkedMerge(loc, defs).value() as V
      : (mergeDefaultOption as (loc: readonly string[], defs: readonly Definition[]) => V));
  const describe = Object.getOwnPropertyDescriptor(spec, "description")?.get;
  const type: OptionType<V> = {
    _type: "option-type",
    name: spec.name,
    description: describe ? spec.name : (spec.description ?? spec.name),
    descriptionClass: spec.descriptionClass ?? null,
    check: checkedMerge ? markCoherentCheck(spec.check ?? (() => true)) : (spec.check ?? (() => true)),
    merge,
    checkedMerge,
    emptyValue: spec.emptyValue ?? {},
    getSubOptions: spec.getSubOptions ?? (() => ({})),
    getSubModules: spec.getSubModules ?? null,
    substSubModules: spec.substSubModules ?? (() => null),
    typeMerge: spec.typeMerge ?? ((f) => defaultTypeMerge(functor, f)),
    functor,
    nestedTypes: spec.nestedTypes ?? {},
    deprecationMessage: spec.deprecationMessage ?? null,
  };
  // A description given as a getter stays lazy: a submodule's needs an evaluation of its modules.
  if (describe) {
    let cached: string | undefined;
    Object.defineProperty(type, "description", {
      get: () => (cached ??= (describe.call(spec) as string | null | undefined) ?? spec.name),
      enumerable: true,
    });
  }
  // The merges whose value of one definition is that definition's value: the fast path only checks.
  if (checkedMerge === undefined && (merge === mergeEqualOption || merge === mergeOneOption || merge === mergeDefaultOption)) {
    withFastMerge(type, identityFastMerge(guarded(type.check)));
  }
  return type;
}

/** `check`, where a throw (a user's check) means "not covered" rather than an error. */
function guarded(check: (value: unknown) => boolean): (value: unknown) => boolean {
  return (value) => {
    try {
      return Boolean(check(value));
    } catch {
      return false;
    }
  };
}

/**
 * A copy of `type` with some fields replaced (Nix's `type // { ... }`); a field given as a getter
 * stays lazy.
 */
export function overrideType<V>(type: OptionType<V>, fields: Partial<OptionType<V>>): OptionType<V> {
  const copy = Object.create(null) as OptionType<V>;
  // A frozen type's fields are fixed; the copy's are its own to replace.
  for (const [key, descriptor] of Object.entries(Object.getOwnPropertyDescriptors(type))) {
    Object.defineProperty(copy, key, "value" in descriptor ? { ...descriptor, writable: true, configurable: true } : { ...descriptor, configurable: true });
  }
  Object.defineProperties(copy, Object.getOwnPropertyDescriptors(fields));
  return Object.setPrototypeOf(copy, Object.prototype) as OptionType<V>;
}

/** The fields {@link renamedType} replaces: those that only name and describe a type. */
export interface TypeNaming {
  readonly name?: string;
  readonly description?: string;
  readonly descriptionClass?: DescriptionClass;
}

/**
 * `type` under another name or description (Nix's `type // { name = …; description = …; }`):
 * checking and merging are `type`'s, and so is its fast merge.
 * @example renamedType(types.strMatching("^sm_[0-9]+$"), { name: "cudaArch", description: "A CUDA architecture name." })
 */
export function renamedType<V>(type: OptionType<V>, naming: TypeNaming): OptionType<V> {
  const fields: Partial<Record<keyof TypeNaming, unknown>> = {};
  for (const key of ["name", "description", "descriptionClass"] as const) if (naming[key] !== undefined) fields[key] = naming[key];
  const copy = overrideType(type, fields as Partial<OptionType<V>>);
  return withFastMerge(copy, () => fastMergeOf(type));
}

/** A type's description as it reads inside another: bare where `bare(class)` holds, else parenthesised. */
export function descriptionPhrase(bare: (c: DescriptionClass) => boolean, type: OptionType): string {
  return bare(type.descriptionClass) ? type.description : `(${type.description})`;
}

/** The head error of definitions that fail `check`: null when all pass. */
export function checkDefsForError(
  check: (value: unknown) => boolean,
  defs: readonly Definition[],
): string | null {
  const invalid = defs.filter((d) => !check(d.value));
  return invalid.length === 0 ? null : `Definition values:${showDefs(invalid)}`;
}

/** Whether a value is an option type. */
export function isOptionType(value: unknown): value is OptionType {
  return typeof value === "object" && value !== null && (value as { _type?: unknown })._type === "option-type";
}

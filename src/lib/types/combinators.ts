/** Types built from other types: nullOr, either, oneOf, coercedTo, uniq, unique, functionTo, enum. */
import { deepEqual } from "../attrs.js";
import { fastMergeOf, headCheckOf, notCovered, withFastMerge } from "../fast-merge.js";
import { ModuleError } from "../errors.js";
import { mergeDefinitions } from "../merge-definitions.js";
import { mergeEqualOption, mergeOneOption, mergeUniqueOption } from "../merge-helpers.js";
import { showDefs, showFiles, showOption } from "../show.js";
import { emitWarning } from "../warnings.js";
import { elemTypeFunctor } from "./lists.js";
import {
  checkDefsForError,
  defaultTypeMerge,
  descriptionPhrase,
  mkOptionType,
  runCheckedMerge,
  type CheckedMerge,
  type Definition,
  type OptionType,
  type TypeFunctor,
} from "./type.js";

/** `null`, or a value of `elemType`; definitions must be all null or all not null. @example nullOr(types.str) */
export function nullOr<V>(elemType: OptionType<V>): OptionType<V | null> {
  const type = mkOptionType<V | null>({
    name: "nullOr",
    get description() {
      return `null or ${descriptionPhrase((c) => c === "noun" || c === "conjunction", elemType)}`;
    },
    descriptionClass: "conjunction",
    check: (x) => x === null || elemType.check(x),
    merge: (loc, defs) => {
      const nulls = defs.filter((d) => d.value === null).length;
      if (nulls === 0) return elemType.merge(loc, defs);
      if (nulls === defs.length) return null;
      throw new ModuleError({
        kind: "ConflictingDefinitions",
        path: loc,
        definitions: defs,
        message:
          `The option \`${showOption(loc)}' is defined both null and not null, in ${showFiles(defs.map((d) => d.file))}:` +
          `${showDefs(defs)}\nDefine it as null everywhere or nowhere, or give one definition a better priority with \`lib.mkForce value\`.`,
      });
    },
    emptyValue: { value: null },
    getSubOptions: elemType.getSubOptions,
    getSubModules: elemType.getSubModules,
    substSubModules: (m) => {
      const sub = elemType.substSubModules(m);
      return sub === null ? null : (nullOr(sub) as OptionType);
    },
    functor: elemTypeFunctor("nullOr", elemType, (e) => nullOr(e) as OptionType),
    nestedTypes: { elemType },
  });
  // One definition: null, or the element type's merge of it (whose fast merge checks it).
  return withFastMerge(type, () => {
    const elemMerge = fastMergeOf(elemType as OptionType);
    return (value, loc, file) => (value === null ? null : elemMerge === null ? notCovered : elemMerge(value, loc, file));
  });
}

function checkedMergeOf(type: OptionType, loc: readonly string[], defs: readonly Definition[]): CheckedMerge {
  if (type.checkedMerge) return runCheckedMerge(type, loc, defs);
  return { headError: checkDefsForError(type.check, defs), value: () => type.merge(loc, defs) };
}

/** Nixpkgs' warning where a value of `either` is read although no side takes its definitions. */
function eitherWarning(loc: readonly string[], headError: string): string {
  return (
    "One or more definitions did not pass the type-check of the 'either' type.\n" +
    `${headError}\n` +
    "If `either`, `oneOf` or similar is used in freeformType, ensure that it is preceded by an 'attrsOf' such as: " +
    "`freeformType = types.attrsOf (types.either t1 t2)`.\n" +
    `Otherwise consider using the correct type for the option \`${showOption(loc)}\`.  This will be an error in Nixpkgs 26.05.\n`
  );
}

/**
 * A value of `left` or of `right`; all definitions must fit the same one (left tried first).
 * @example either(types.int, types.str)
 */
export function either<A, B>(left: OptionType<A>, right: OptionType<B>): OptionType<A | B> {
  // Read only when asked for, as every attribute of a Nix type is (a submodule's starts an evaluation).
  const describe = () =>
    left.descriptionClass === "nonRestrictiveClause"
      ? `${left.description}, or ${descriptionPhrase((c) => c === "noun" || c === "conjunction", right)}`
      : `${descriptionPhrase((c) => c === "noun" || c === "conjunction", left)} or ${descriptionPhrase(
          (c) => c === "noun" || c === "conjunction" || c === "composite",
          right,
        )}`;
  const functor: TypeFunctor = {
    name: "either",
    payload: { elemType: [left, right] },
    build: (p) => {
      const [l, r] = (p as { elemType: [OptionType, OptionType] }).elemType;
      return either(l, r) as OptionType;
    },
    binOp: () => null,
  };
  const type = mkOptionType<A | B>({
    name: "either",
    get description() {
      return describe();
    },
    descriptionClass: "conjunction",
    check: (x) => left.check(x) || right.check(x),
    checkedMerge: (loc, defs) => {
      const first = checkedMergeOf(left as OptionType, loc, defs);
      if (first.headError === null) return first;
      const second = checkedMergeOf(right as OptionType, loc, defs);
      if (second.headError === null) return second;
      const headError =
        `The option \`${showOption(loc)}' is neither a value of type \`${left.description}' nor of type ` +
        `\`${right.description}'; all its definitions must be of one of them. Definition values:${showDefs(defs)}`;
      return {
        headError,
        // Read where the head error is not (a freeform type's merge): Nixpkgs warns, and will fail from 26.05.
        value: () => {
          emitWarning(eitherWarning(loc, headError), { path: loc, definitions: defs });
          return mergeOneOption(loc, defs);
        },
        valueMeta: () => ({ headError: { message: headError } }),
      };
    },
    typeMerge: (other) => {
      if (other.name !== "either") return null;
      const [otherLeft, otherRight] = (other.payload as { elemType: [OptionType, OptionType] }).elemType;
      const l = left.typeMerge(otherLeft.functor);
      const r = right.typeMerge(otherRight.functor);
      return l !== null && r !== null ? (either(l, r) as OptionType) : null;
    },
    functor,
    nestedTypes: { left: left as OptionType, right: right as OptionType },
  });
  // One definition takes the first side whose head check it passes, as the checked merge does.
  return withFastMerge(type, () => {
    const sides = [left, right].map((side) => ({ headCheck: headCheckOf(side as OptionType), merge: fastMergeOf(side as OptionType) }));
    return (value, loc, file) => {
      for (const { headCheck, merge } of sides) {
        const passes = headCheck(value);
        if (passes === undefined) return notCovered;
        if (passes) return merge === null ? notCovered : merge(value, loc, file);
      }
      return notCovered;
    };
  });
}

/** A value of one of `types`, tried in order (`either` folded over the list). @example oneOf([types.bool, types.int]) */
export function oneOf(types: readonly OptionType[]): OptionType {
  const [head, ...rest] = types;
  if (head === undefined) throw new TypeError("types.oneOf needs at least one type");
  return rest.reduce<OptionType>((acc, t) => either(acc, t) as OptionType, head);
}

/**
 * Values of `finalType`, or of `coercedType` converted by `coerce`; all are merged as `finalType`.
 * @example coercedTo(types.int, String, types.str)
 */
export function coercedTo<F, T>(
  coercedType: OptionType<F>,
  coerce: (value: F) => T,
  finalType: OptionType<T>,
): OptionType<T> {
  if (coercedType.getSubModules !== null) {
    throw new TypeError(`coercedTo: coercedType must not have submodules (it's a ${coercedType.description})`);
  }
  const check = (x: unknown) => (coercedType.check(x) && finalType.check(coerce(x as F))) || finalType.check(x);
  return mkOptionType<T>({
    name: "coercedTo",
    get description() {
      return `${descriptionPhrase((c) => c === "noun", finalType)} or ${descriptionPhrase((c) => c === "noun", coercedType)} convertible to it`;
    },
    check,
    checkedMerge: (loc, defs) => {
      const finalDefs = defs.map((def) => {
        const fits = coercedType.checkedMerge
          ? runCheckedMerge(coercedType, loc, [def]).headError === null
          : coercedType.check(def.value);
        return fits ? { file: def.file, value: coerce(def.value as F) } : def;
      });
      if (finalType.checkedMerge) return runCheckedMerge(finalType, loc, finalDefs);
      return { headError: checkDefsForError(check, defs), value: () => finalType.merge(loc, finalDefs) };
    },
    emptyValue: finalType.emptyValue,
    getSubOptions: finalType.getSubOptions,
    getSubModules: finalType.getSubModules,
    substSubModules: (m) => {
      const sub = finalType.substSubModules(m);
      return sub === null ? null : (coercedTo(coercedType, coerce, sub as OptionType<T>) as OptionType);
    },
    typeMerge: () => null,
    nestedTypes: { coercedType: coercedType as OptionType, finalType: finalType as OptionType },
  });
}

/**
 * `type` that takes a single definition; `message` is added to the error when there are more.
 * @example unique({ message: "Set the port in one place only." }, types.port)
 */
export function unique<V>(spec: { message: string }, type: OptionType<V>): OptionType<V> {
  const result = mkOptionType<V>({
    name: "unique",
    get description() {
      return type.description;
    },
    descriptionClass: type.descriptionClass,
    check: type.check,
    merge: mergeUniqueOption({ message: spec.message, merge: type.merge }) as (
      loc: readonly string[],
      defs: readonly Definition[],
    ) => V,
    emptyValue: type.emptyValue,
    getSubOptions: type.getSubOptions,
    getSubModules: type.getSubModules,
    substSubModules: (m) => {
      const sub = type.substSubModules(m);
      return sub === null ? null : uniq(sub);
    },
    functor: elemTypeFunctor("unique", type as OptionType, (e) => unique(spec, e)),
    nestedTypes: { elemType: type as OptionType },
  });
  return result;
}

/** `type` that takes a single definition. @example uniq(types.int) */
export function uniq<V>(type: OptionType<V>): OptionType<V> {
  return unique({ message: "" }, type);
}

/**
 * A function whose result is of `elemType`; the merged function calls every definition and merges
 * the results. @example functionTo(types.listOf(types.str))
 */
export function functionTo<V>(elemType: OptionType<V>): OptionType<(...args: unknown[]) => V> {
  return mkOptionType<(...args: unknown[]) => V>({
    name: "functionTo",
    get description() {
      return `function that evaluates to a(n) ${descriptionPhrase((c) => c === "noun" || c === "composite", elemType)}`;
    },
    descriptionClass: "composite",
    check: (x) => typeof x === "function",
    merge: (loc, defs) => (...args: unknown[]) =>
      mergeDefinitions(
        [...loc, "<function body>"],
        elemType as OptionType,
        defs.map((fn) => ({ file: fn.file, value: (fn.value as (...a: unknown[]) => unknown)(...args) })),
      ).mergedValue as V,
    getSubOptions: (prefix) => elemType.getSubOptions([...prefix, "<function body>"]),
    getSubModules: elemType.getSubModules,
    substSubModules: (m) => {
      const sub = elemType.substSubModules(m);
      return sub === null ? null : (functionTo(sub) as OptionType);
    },
    functor: elemTypeFunctor("functionTo", elemType as OptionType, (e) => functionTo(e) as OptionType),
    nestedTypes: { elemType: elemType as OptionType },
  });
}

/** A value that an enum lists, shown as Nix shows it. */
export type EnumValue = string | number | boolean;

function showEnumValue(v: unknown): string {
  if (typeof v === "string") return `"${v}"`;
  if (typeof v === "number" && Number.isInteger(v)) return String(v);
  if (typeof v === "boolean") return String(v);
  return `<${v === null ? "null" : Array.isArray(v) ? "list" : typeof v === "number" ? "float" : typeof v === "object" ? "set" : typeof v}>`;
}

/** One of the given values; two declarations of enums merge into one enum of all their values. @example enum(["low", "high"]) */
export function enumOf<V extends EnumValue>(values: readonly V[]): OptionType<V> {
  const description =
    values.length === 0
      ? "impossible (empty enum)"
      : values.length === 1
        ? `value ${showEnumValue(values[0])} (singular enum)`
        : `one of ${values.map(showEnumValue).join(", ")}`;
  const functor: TypeFunctor = {
    name: "enum",
    payload: { values },
    build: (p) => enumOf((p as { values: EnumValue[] }).values) as OptionType,
    binOp: (a, b) => {
      const all = [...(a as { values: EnumValue[] }).values, ...(b as { values: EnumValue[] }).values];
      return { values: all.filter((v, i) => all.findIndex((w) => deepEqual(v, w)) === i) };
    },
  };
  return mkOptionType<V>({
    name: "enum",
    description,
    descriptionClass: values.length < 2 ? "noun" : "conjunction",
    check: (x) => values.some((v) => deepEqual(v, x)),
    merge: mergeEqualOption as (loc: readonly string[], defs: readonly Definition[]) => V,
    functor,
    typeMerge: (f) => defaultTypeMerge(functor, f),
  });
}

/**
 * Nixpkgs' `lib.gvariant` (lib/gvariant.nix): GLib's GVariant values and their text format
 * (https://docs.gtk.org/glib/gvariant-text.html), as NixOS writes dconf settings. A value is a set
 * `{ _type: "gvariant", type, value, __toString }`, as in Nix; `String(v)` (or `nixToString`) prints
 * it, as Nix's `toString v` does.
 *
 * JavaScript has one number type where Nix has two: an integer number is a Nix int, any other a
 * float, so `mkValue(1)` asks which integer type is meant, as Nix does for `1`, and `mkValue(1.5)`
 * is a double; a double whose value is an integer is made with `mkDouble`, which prints it as one
 * (`1.000000`). Errors are Nixpkgs' words as `InvalidDefinition` errors, thrown when the value is
 * made rather than, as Nix's laziness has it, when it is first printed.
 */
import { isAttrs } from "./attrs.js";
import { ModuleError } from "./errors.js";
import { typeOf } from "./show.js";
import { nixToString, showFloat } from "./to-string.js";

/** A GVariant value: its GVariant type string, its contents, and how it prints. */
export interface GVariant<V = unknown> {
  readonly _type: "gvariant";
  /** The GVariant type string (`"i"`, `"as"`, `"(ias)"`, ...). */
  readonly type: string;
  readonly value: V;
  /** Nix's `__toString`: the value in GVariant text format, given the value itself. */
  __toString(self: GVariant<V>): string;
}

/** A GVariant integer constructor, with the range of its type (null where Nix's ints reach). */
export interface IntConstructor {
  readonly name: string;
  readonly type: string;
  readonly min: number | null;
  readonly max: number | null;
}

function invalid(message: string): ModuleError {
  return new ModuleError({ kind: "InvalidDefinition", message });
}

/** `toString` of a value inside a GVariant, failing as Nix does where there is no string. */
function text(value: unknown): string {
  const shown = nixToString(value);
  if (shown === null) throw invalid(`cannot coerce a ${typeOf(value)} to a string`);
  return shown;
}

function mkPrimitive<V>(type: string, value: V, show: (self: GVariant<V>) => string = (self) => `@${self.type} ${text(self.value)}`): GVariant<V> {
  const result: GVariant<V> = { _type: "gvariant", type, value, __toString: show };
  // String(v) and `${v}` print it, as Nix's toString and interpolation call __toString.
  Object.defineProperty(result, "toString", { value: function (this: GVariant<V>) { return this.__toString(this); } });
  return Object.freeze(result);
}

/**
 * The GVariant type strings, and the functions that make those of arrays, maybes, tuples and
 * dictionary entries. @example gvariant.type.arrayOf(gvariant.type.string) // "as"
 */
export const type = Object.freeze({
  arrayOf: (t: string): string => `a${t}`,
  maybeOf: (t: string): string => `m${t}`,
  tupleOf: (ts: readonly string[]): string => `(${ts.join("")})`,
  dictionaryEntryOf: (nameType: string, valueType: string): string => `{${nameType}${valueType}}`,
  string: "s",
  boolean: "b",
  uchar: "y",
  int16: "n",
  uint16: "q",
  int32: "i",
  uint32: "u",
  int64: "x",
  uint64: "t",
  double: "d",
  variant: "v",
});

/** Whether `v` is a GVariant value (a set whose `_type` is "gvariant"). @example isGVariant(mkInt32(1)) // true */
export function isGVariant(v: unknown): v is GVariant {
  return isAttrs(v) && v["_type"] === "gvariant";
}

/** The integer constructors and their ranges, which `mkValue` proposes for an integer. */
export const intConstructors: readonly IntConstructor[] = Object.freeze([
  { name: "mkInt32", type: type.int32, min: -2147483648, max: 2147483647 },
  { name: "mkUint32", type: type.uint32, min: 0, max: 4294967295 },
  { name: "mkInt64", type: type.int64, min: null, max: null },
  { name: "mkUint64", type: type.uint64, min: 0, max: null },
  { name: "mkInt16", type: type.int16, min: -32768, max: 32767 },
  { name: "mkUint16", type: type.uint16, min: 0, max: 65535 },
  { name: "mkUchar", type: type.uchar, min: 0, max: 255 },
]);

/**
 * The GVariant value that most closely matches `v`: a boolean, a double (a non-integer number), a
 * string, an array (a list) or `v` itself (a GVariant). An integer's type is unclear (the error
 * lists the constructors whose range holds it), and a set has none.
 * @example String(mkValue(["a", "b"])) // "@as ['a','b']"
 */
export function mkValue(v: unknown): GVariant {
  if (typeof v === "boolean") return mkBoolean(v);
  if (typeof v === "number" && !Number.isInteger(v)) return mkDouble(v);
  if (typeof v === "string") return mkString(v);
  if (Array.isArray(v)) return mkArray(v);
  if (isGVariant(v)) return v;
  if (typeof v === "number") {
    const valid = intConstructors.filter(({ min, max }) => (min === null || min <= v) && (max === null || v <= max));
    throw invalid(
      `The GVariant type for number “${v}” is unclear.\n` +
        "Please wrap the value with one of the following, depending on the value type in GSettings schema:\n" +
        `${valid.map(({ name, type: t }) => `- \`lib.gvariant.${name}\` for \`${t}\``).join("\n")}\n`,
    );
  }
  if (isAttrs(v)) {
    throw invalid(
      "Cannot construct GVariant value from an attribute set. If you want to construct a dictionary, you will need to " +
        "create an array containing items constructed with `lib.gvariant.mkDictionaryEntry`.",
    );
  }
  throw invalid(`The GVariant type of “${typeOf(v)}” can't be inferred.`);
}

/**
 * The array of the given elements, each made a GVariant by `mkValue`; they must have one type, and
 * there must be one (`mkEmptyArray` makes an empty array).
 * @example String(mkArray([mkUint32(2)])) // "@au [@u 2]"
 */
export function mkArray(elems: readonly unknown[]): GVariant<readonly GVariant[]> {
  if (elems.length === 0) throw invalid("Please create empty array with mkEmptyArray.");
  const vs = elems.map(mkValue);
  const elemType = vs[0]!.type;
  if (!vs.every((v) => v.type === elemType)) throw invalid("Elements in a list should have same type.");
  return mkPrimitive(type.arrayOf(elemType), vs, (self) => `@${self.type} [${self.value.map(text).join(",")}]`);
}

/** The empty array of elements of `elemType`. @example String(mkEmptyArray(type.uint32)) // "@au []" */
export function mkEmptyArray(elemType: string): GVariant<readonly GVariant[]> {
  return mkPrimitive(type.arrayOf(elemType), [], (self) => `@${self.type} []`);
}

/** The variant holding `elem` (made a GVariant by `mkValue`). @example String(mkVariant("foo")) // "<'foo'>" */
export function mkVariant(elem: unknown): GVariant<GVariant> {
  return mkPrimitive(type.variant, mkValue(elem), (self) => `<${text(self.value)}>`);
}

/**
 * The dictionary entry of `name` and `value` (each made a GVariant by `mkValue`); a dictionary is
 * an array of them. @example String(mkDictionaryEntry(mkInt32(1), ["foo"])) // "@{ias} {1,@as ['foo']}"
 */
export function mkDictionaryEntry(name: unknown, value: unknown): GVariant<{ readonly name: unknown; readonly value: unknown }> {
  const name_ = mkValue(name);
  const value_ = mkValue(value);
  return mkPrimitive(type.dictionaryEntryOf(name_.type, value_.type), { name, value }, (self) => `@${self.type} {${text(name_)},${text(value_)}}`);
}

/**
 * The maybe of `elemType` holding `elem`, or nothing where `elem` is null.
 * @example String(mkMaybe(type.string, null)) // "@ms nothing"
 */
export function mkMaybe(elemType: string, elem: unknown): GVariant {
  return mkPrimitive(type.maybeOf(elemType), elem, (self) =>
    self.value === null ? `@${self.type} nothing` : `just ${text(self.value)}`,
  );
}

/** The maybe of `elemType` holding nothing. @example String(mkNothing(type.string)) // "@ms nothing" */
export function mkNothing(elemType: string): GVariant {
  return mkMaybe(elemType, null);
}

/** The maybe holding `elem` (made a GVariant by `mkValue`). @example String(mkJust(mkUint32(4))) // "just @u 4" */
export function mkJust(elem: unknown): GVariant {
  const gvarElem = mkValue(elem);
  return mkMaybe(gvarElem.type, gvarElem);
}

/**
 * The tuple of the given elements, each made a GVariant by `mkValue`.
 * @example String(mkTuple([mkInt32(1), ["foo"]])) // "@(ias) (1,@as ['foo'])"
 */
export function mkTuple(elems: readonly unknown[]): GVariant<readonly GVariant[]> {
  const gvarElems = elems.map(mkValue);
  return mkPrimitive(type.tupleOf(gvarElems.map((e) => e.type)), gvarElems, (self) => `@${self.type} (${self.value.map(text).join(",")})`);
}

/** The boolean `v`. @example String(mkBoolean(true)) // "true" */
export function mkBoolean(v: boolean): GVariant<boolean> {
  return mkPrimitive(type.boolean, v, (self) => (self.value ? "true" : "false"));
}

/**
 * The string `v`, quoted with `'`, its quotes and backslashes escaped and its line feeds `\n`.
 * @example String(mkString("it's")) // "'it\\'s'"
 */
export function mkString(v: string): GVariant<string> {
  const sanitize = (s: string) => s.replace(/['\\]/g, "\\$&").replaceAll("\n", "\\n");
  return mkPrimitive(type.string, v, (self) => `'${sanitize(self.value)}'`);
}

/**
 * The object path `v` (of type `s`, as in Nixpkgs), its quotes escaped.
 * @example String(mkObjectpath("/org/gnome")) // "objectpath '/org/gnome'"
 */
export function mkObjectpath(v: string): GVariant<string> {
  return mkPrimitive(type.string, v, (self) => `objectpath '${self.value.replaceAll("'", "\\'")}'`);
}

/** The uchar (byte) `v`. @example String(mkUchar(7)) // "@y 7" */
export function mkUchar(v: number): GVariant<number> {
  return mkPrimitive(type.uchar, v);
}

/** The int16 `v`. @example String(mkInt16(-42)) // "@n -42" */
export function mkInt16(v: number): GVariant<number> {
  return mkPrimitive(type.int16, v);
}

/** The uint16 `v`. @example String(mkUint16(42)) // "@q 42" */
export function mkUint16(v: number): GVariant<number> {
  return mkPrimitive(type.uint16, v);
}

/** The int32 `v`, GVariant's integer, printed without its type. @example String(mkInt32(-42)) // "-42" */
export function mkInt32(v: number): GVariant<number> {
  return mkPrimitive(type.int32, v, (self) => text(self.value));
}

/** The uint32 `v`. @example String(mkUint32(42)) // "@u 42" */
export function mkUint32(v: number): GVariant<number> {
  return mkPrimitive(type.uint32, v);
}

/** The int64 `v`. @example String(mkInt64(-42)) // "@x -42" */
export function mkInt64(v: number): GVariant<number> {
  return mkPrimitive(type.int64, v);
}

/** The uint64 `v`. @example String(mkUint64(42)) // "@t 42" */
export function mkUint64(v: number): GVariant<number> {
  return mkPrimitive(type.uint64, v);
}

/**
 * The double `v`, printed as Nix prints a float, an integer value too (JavaScript cannot say `1.0`).
 * @example String(mkDouble(3.14)) // "3.140000"
 */
export function mkDouble(v: number): GVariant<number> {
  return mkPrimitive(type.double, v, (self) => showFloat(self.value));
}

/**
 * Nixpkgs' `lib.gvariant`: GVariant values and their text format.
 * @example String(gvariant.mkValue(["one"])) // "@as ['one']"
 */
export const gvariant = Object.freeze({
  type,
  isGVariant,
  intConstructors,
  mkValue,
  mkArray,
  mkEmptyArray,
  mkVariant,
  mkDictionaryEntry,
  mkMaybe,
  mkNothing,
  mkJust,
  mkTuple,
  mkBoolean,
  mkString,
  mkObjectpath,
  mkUchar,
  mkInt16,
  mkUint16,
  mkInt32,
  mkUint32,
  mkInt64,
  mkUint64,
  mkDouble,
});

/**
 * Nix's `builtins.toString`, for the values JavaScript shares with Nix: what a module key is made
 * from (Nixpkgs' `isConvertibleWithToString`) and what `lib.gvariant` prints.
 */
import { hasOwn, isAttrs } from "./attrs.js";

/**
 * A float as Nix's `toString` prints it, C's `%f`: six decimals, the exact binary value rounded half
 * to even (`0.0078125` is `0.007812`, where `toFixed(6)` gives `0.007813`), every digit of a large
 * one (`1e300` prints its 301 digits), `inf`, `-inf` and `nan` for the others.
 * @example showFloat(3.14) // "3.140000"
 */
export function showFloat(x: number): string {
  if (Number.isNaN(x)) return "nan";
  if (!Number.isFinite(x)) return x > 0 ? "inf" : "-inf";
  const bits = new DataView(new ArrayBuffer(8));
  bits.setFloat64(0, x);
  const word = bits.getBigUint64(0);
  const biasedExponent = Number((word >> 52n) & 0x7ffn);
  const fraction = word & ((1n << 52n) - 1n);
  // |x| = mantissa * 2^exponent exactly; scaled is |x| * 10^6, rounded half to even.
  const mantissa = biasedExponent === 0 ? fraction : fraction | (1n << 52n);
  const exponent = (biasedExponent === 0 ? 1 : biasedExponent) - 1075;
  let scaled: bigint;
  if (exponent >= 0) {
    scaled = (mantissa * 1_000_000n) << BigInt(exponent);
  } else {
    const numerator = mantissa * 1_000_000n;
    const denominator = 1n << BigInt(-exponent);
    scaled = numerator / denominator;
    const twiceRest = 2n * (numerator % denominator);
    if (twiceRest > denominator || (twiceRest === denominator && scaled % 2n === 1n)) scaled += 1n;
  }
  const digits = scaled.toString().padStart(7, "0");
  const sign = x < 0 || Object.is(x, -0) ? "-" : "";
  return `${sign}${digits.slice(0, -6)}.${digits.slice(-6)}`;
}

/**
 * A value as Nix's `toString` converts it: strings as they are, an integer in decimal, any other
 * number as a float ({@link showFloat}), booleans "1" or "", null "", lists their items joined by
 * spaces, and sets with `__toString` (called with the set) or `outPath`. Null for a value Nix
 * cannot convert (another set, a function).
 * @example nixToString([1, true, null, "a"]) // "1 1  a"
 */
export function nixToString(value: unknown): string | null {
  if (typeof value === "string") return value;
  if (typeof value === "number") return Number.isInteger(value) ? String(value) : showFloat(value);
  if (typeof value === "boolean") return value ? "1" : "";
  if (value === null) return "";
  if (Array.isArray(value)) {
    const items = value.map(nixToString);
    return items.every((item) => item !== null) ? items.join(" ") : null;
  }
  if (!isAttrs(value)) return null;
  if (typeof value["__toString"] === "function") return nixToString((value["__toString"] as (self: unknown) => unknown)(value));
  return hasOwn(value, "outPath") ? nixToString(value["outPath"]) : null;
}

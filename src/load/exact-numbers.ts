/**
 * Which numbers a data file may hold: those a JavaScript number (a double) holds exactly as
 * written. Past 2^53 a number is rounded, whatever its form (`9007199254740993`, `1e16`,
 * `9007199254740993.0`); past about 1.8e308 it becomes Infinity; a tiny one (`1e-400`) becomes 0.
 * Each is refused, so that no value changes silently between the file and the check.
 */

/** The reason `source` (a number as the file writes it, read as `value`) cannot be read exactly, or null. */
export function inexactNumber(source: string, value: number): string | null {
  if (!Number.isFinite(value)) return "it is out of range";
  if (Math.abs(value) > Number.MAX_SAFE_INTEGER) return "numbers are exact up to 2^53";
  const mantissa = source.replace(/^[-+]/, "").split(/[eE]/)[0]!;
  if (value === 0 && !/^0[xob]/i.test(mantissa) && /[1-9]/.test(mantissa)) return "it is too small, and would be read as 0";
  return null;
}

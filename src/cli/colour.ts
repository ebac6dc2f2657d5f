/**
 * Whether to colour what is written to a stream, as command-line tools agree: `--color` or
 * `--no-color` decide; else `NO_COLOR` (any value) and `FORCE_COLOR=0` turn colour off, another
 * `FORCE_COLOR` turns it on; else a terminal gets colour unless `TERM=dumb`.
 */

/**
 * @param stream where the text goes
 * @param choice `--color` (true) or `--no-color` (false), when given
 * @example useColour(process.stdout, undefined) // true on a terminal
 */
export function useColour(stream: { readonly isTTY?: boolean }, choice?: boolean): boolean {
  if (choice !== undefined) return choice;
  const env = process.env;
  if ("NO_COLOR" in env) return false;
  if ("FORCE_COLOR" in env) return env["FORCE_COLOR"] !== "0" && env["FORCE_COLOR"] !== "false";
  if (env["TERM"] === "dumb") return false;
  return stream.isTTY === true;
}

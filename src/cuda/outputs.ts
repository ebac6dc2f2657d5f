/**
 * A package's outputs, derived from the feature flags of the archive it is built from (spec 5.3,
 * Nixpkgs `generic-builders/manifest.nix`), and the folders the install phase moves into each.
 */

/**
 * The outputs the builder knows besides `out`, in the order Nixpkgs lists them. The order matters:
 * `lib` before `static`, or moving `lib/` would take the `.a` files back (spec 5.3).
 *
 * @example
 * possibleOutputs[0] // "bin"
 */
export const possibleOutputs: readonly string[] = ["bin", "lib", "static", "dev", "doc", "sample", "python"];

/**
 * The flags of one archive in a feature release: six booleans in a feature manifest, and `python`
 * too in the TensorRT shim's.
 *
 * @example
 * const flags: OutputFlags = { bin: false, dev: true, doc: false, lib: true, sample: false, static: true };
 */
export type OutputFlags = Readonly<Partial<Record<string, boolean>>>;

/**
 * The outputs of a package built from an archive with `flags`: `out` first, then every possible
 * output whose flag is true, in {@link possibleOutputs}' order; a missing flag counts as false
 * (Nixpkgs reads `python` with a default, spec 2.4). A platform the package has no entry for
 * (`flags` undefined) gives `out` alone.
 *
 * @example
 * outputsFromFeatures({ bin: false, dev: true, doc: false, lib: true, sample: false, static: true }) // ["out", "lib", "static", "dev"]
 */
export function outputsFromFeatures(flags: OutputFlags | undefined): string[] {
  return ["out", ...possibleOutputs.filter((output) => flags?.[output] === true)];
}

/**
 * The patterns `moveToOutput` is given for each output, in the install phase ([mid/late]
 * `outputToPatterns`, spec 5.3). `doc` and `include/` are left to the standard multiple-outputs hook.
 *
 * @example
 * outputToPatterns["static"] // ["**\/*.a"]
 */
export const outputToPatterns: Readonly<Record<string, readonly string[]>> = {
  bin: ["bin"],
  dev: ["share/pkgconfig", "**/*.pc", "**/*.cmake"],
  lib: ["lib", "lib64"],
  static: ["**/*.a"],
  sample: ["samples"],
  python: ["**/*.whl"],
};

/**
 * The builder's own broken conditions on a final output list ([mid/late], spec 5.5): reason to
 * whether it holds.
 *
 * @example
 * outputBrokenConditions(["out", "static", "lib"])["lib output follows static output"] // true
 */
export function outputBrokenConditions(outputs: readonly string[]): Record<string, boolean> {
  const libIndex = outputs.indexOf("lib");
  const staticIndex = outputs.indexOf("static");
  return {
    "Duplicate entries in outputs": new Set(outputs).size !== outputs.length,
    "lib output follows static output": libIndex !== -1 && staticIndex !== -1 && libIndex > staticIndex,
  };
}

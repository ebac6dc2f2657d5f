/**
 * Which CUDA manifest a package set of one CUDA major.minor is made from: the fixed table of the
 * reference revision's `cuda/extension.nix` (`cudaVersionMap`), not "the newest bundled one".
 */

/**
 * `cudaVersionMap` of `cuda/extension.nix` at faukah/nixpkgs@3b20077c, then the rows the data is
 * newer than: `"12.9" = "12.9.1"` from the next revision that maps it (NixOS/nixpkgs@34a09096,
 * `cuda/extension.nix`, whose table is 12.6, 12.8 and 12.9); `"13.0" = "13.0.0"` because Nixpkgs
 * added `feature_13.0.0.json` (NixOS/nixpkgs@6baf095a), whose `cuda/extension.nix` is not stored
 * where we could read it, and 13.0.0 is the only modules-era manifest of 13.0.
 *
 * @example
 * cudaVersionMap["12.3"] // "12.3.2"
 * cudaVersionMap["12.7"] // undefined: Nixpkgs makes no redist packages for CUDA 12.7
 */
export const cudaVersionMap: Readonly<Record<string, string>> = {
  "11.4": "11.4.4",
  "11.5": "11.5.2",
  "11.6": "11.6.2",
  "11.7": "11.7.1",
  "11.8": "11.8.0",
  "12.0": "12.0.1",
  "12.1": "12.1.1",
  "12.2": "12.2.2",
  "12.3": "12.3.2",
  "12.4": "12.4.1",
  "12.5": "12.5.1",
  "12.6": "12.6.3",
  "12.8": "12.8.1",
  "12.9": "12.9.1",
  "13.0": "13.0.0",
};

/**
 * Whether `version` names a package set (a CUDA major.minor, `12.2`) rather than one manifest (`12.2.2`).
 *
 * @example
 * isMajorMinor("12.2") // true
 * isMajorMinor("12.2.2") // false
 */
export function isMajorMinor(version: string): boolean {
  return /^[0-9]+\.[0-9]+$/.test(version);
}

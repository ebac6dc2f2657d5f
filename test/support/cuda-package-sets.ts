// The CUDA modules evaluated once with every bundled manifest and release list, and the package
// sets made from that evaluation, each made once per CUDA version, system and Jetson flag.
import { evaluateCuda } from "../../src/cuda/evaluate.js";
import { cudaPackages, type CudaPackageSet } from "../../src/cuda/package-set.js";
import { bundledManifests, bundledNewerManifests, bundledReleaseLists } from "../../src/load/bundled-data.js";

/** The evaluation of the bundled data (manifests, newer-format manifests and release lists). */
export const bundledEvaluation = evaluateCuda({ manifests: bundledManifests(), releases: bundledReleaseLists(), newerManifests: bundledNewerManifests() });

const sets = new Map<string, CudaPackageSet>();

/** The package set of `cudaVersion` on `system` (a Jetson one where `jetson`), made once. */
export function packageSet(cudaVersion: string, system: string, jetson = false): CudaPackageSet {
  const key = `${cudaVersion} ${system} ${jetson}`;
  let set = sets.get(key);
  if (set === undefined) sets.set(key, (set = cudaPackages({ evaluation: bundledEvaluation, cudaVersion, system, jetson })));
  return set;
}

/**
 * A checked release list, a CUDA version and a platform become manifests: the releases the [late]
 * rule selects, each turned by its product's shim into the feature and redistrib releases the
 * generic builder expects.
 */
import type { ReleaseList } from "./manifest.js";
import { selectReleases } from "./select-releases.js";
import { cudnnShim, tensorrtShim } from "./shims.js";

const shims = { cudnn: cudnnShim, tensorrt: tensorrtShim } as const;

/** One selected release as manifests: its attribute name, its platform and the shim's output. */
export interface ReleaseManifests {
  readonly name: string;
  readonly redistSystem: string;
  readonly featureRelease: unknown;
  readonly redistribRelease: unknown;
}

/** What {@link releaseManifests} returns: the selected releases as manifests, and the default's name. */
export interface ReleaseManifestSet {
  readonly packages: readonly ReleaseManifests[];
  readonly defaultName: string | null;
}

/**
 * The manifests of the releases of `list` that the [late] rule selects for `cudaMajorMinorVersion`
 * on `redistSystem`, newest first; each release's outputs are filed under its own platform.
 * @example releaseManifests(cudnnList, "12.2", "linux-x86_64").packages.map((p) => p.name) // ["cudnn_9_7", "cudnn_9_3", "cudnn_8_9"]
 */
export function releaseManifests(list: ReleaseList, cudaMajorMinorVersion: string, redistSystem: string): ReleaseManifestSet {
  const shim = shims[list.product as keyof typeof shims];
  if (shim === undefined) throw new RangeError(`No shim for ${list.product}: only cudnn and tensorrt have release lists.`);
  const selection = selectReleases({ pname: list.product, releases: list.releases, cudaMajorMinorVersion, redistSystem });
  const packages = selection.selected.map((s) => ({ name: s.name, redistSystem: s.redistSystem, ...shim({ release: s.release, redistSystem: s.redistSystem }) }));
  return { packages, defaultName: packages[0]?.name ?? null };
}

// The bundled release lists (modules/<product>/releases.json) as the selection and shims take them.
import type { ReleaseLists } from "../../src/cuda/select-releases.js";
import { bundledReleaseLists } from "../../src/load/bundled-data.js";

/** The release lists of `pname`, by platform, straight from the bundled file. */
export function releaseLists(pname: string): ReleaseLists {
  const file = bundledReleaseLists().find((l) => l.product === pname);
  const product = (file?.data as Record<string, { releases: ReleaseLists }> | undefined)?.[pname];
  if (product === undefined) throw new Error(`modules/${pname}/releases.json has no ${pname} key`);
  return product.releases;
}

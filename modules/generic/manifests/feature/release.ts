/** One package of a feature manifest: its archives' features per platform (`manifests/feature/release.nix`). */
import { lib } from "../../../../src/lib/index.js";
import { featurePackageType } from "./package.js";

/** The type of a package's features, by platform. */
export const featureReleaseType = lib.types.attrsOf(featurePackageType);

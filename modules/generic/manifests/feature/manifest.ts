/** A feature manifest: every package's features (`manifests/feature/manifest.nix`). */
import { lib } from "../../../../src/lib/index.js";
import { featureReleaseType } from "./release.js";

/** The type of a feature manifest. */
export const featureManifestType = lib.types.attrsOf(featureReleaseType);

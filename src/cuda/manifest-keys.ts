/**
 * The declared keys of a redistrib manifest and of its packages, read from the modules'
 * declarations: every other key of a manifest is a package, and every other key of a package a
 * platform. `cuda_variant` is the newer format's one further package key.
 */
import { redistribManifestOptions } from "../../modules/generic/manifests/redistrib/manifest.js";
import { redistribReleaseOptions } from "../../modules/generic/manifests/redistrib/release.js";

/** The keys of a manifest that are not packages (`release_date`, `release_label`, `release_product`). */
export const releaseKeys: ReadonlySet<string> = new Set(Object.keys(redistribManifestOptions));

/** The keys of a package that are not platforms (`name`, `license`, `license_path`, `version`, `cuda_variant`). */
export const packageKeys: ReadonlySet<string> = new Set([...Object.keys(redistribReleaseOptions), "cuda_variant"]);

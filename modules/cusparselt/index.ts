/** `cusparselt.manifests`: the redistrib and feature manifests of every cusparselt release, by version. */
import { manifestsModule } from "../product.js";

/** The module declaring `cusparselt.manifests`. */
export const cusparseltModule = manifestsModule("cusparselt");

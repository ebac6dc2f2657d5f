/** `cuda.manifests`: the redistrib and feature manifests of every cuda release, by version. */
import { manifestsModule } from "../product.js";

/** The module declaring `cuda.manifests`. */
export const cudaModule = manifestsModule("cuda");

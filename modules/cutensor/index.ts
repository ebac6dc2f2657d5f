/** `cutensor.manifests`: the redistrib and feature manifests of every cutensor release, by version. */
import { manifestsModule } from "../product.js";

/** The module declaring `cutensor.manifests`. */
export const cutensorModule = manifestsModule("cutensor");

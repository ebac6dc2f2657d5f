/** `cudnn.releases`: the release list of cudnn, by platform. */
import { releasesModule } from "../product.js";

/** The module declaring `cudnn.releases`. */
export const cudnnModule = releasesModule("cudnn");

/** `tensorrt.releases`: the release list of tensorrt, by platform. */
import { releasesModule } from "../product.js";

/** The module declaring `tensorrt.releases`. */
export const tensorrtModule = releasesModule("tensorrt");

/** The generic modules: the types registry, the manifests' (both formats) and the release lists' options. */
import { genericManifestsModule } from "./manifests/index.js";
import { newerManifestsModule } from "./manifests/variants/index.js";
import { genericReleasesModule } from "./releases/index.js";
import { genericTypesModule } from "./types/index.js";

/** The module importing the generic modules. */
export const genericModule = {
  _file: "modules/generic/index.ts",
  imports: [genericTypesModule, genericManifestsModule, genericReleasesModule, newerManifestsModule],
};

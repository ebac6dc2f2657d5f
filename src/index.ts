/**
 * The package: the module-system engine (`lib`), the CUDA modules' evaluation, checked manifests,
 * release selection and shims, and the loading of the bundled data.
 */
export * from "./lib/index.js";
export * from "./cuda/index.js";
export * from "./load/index.js";
export { cudaModules, genericTypes } from "../modules/index.js";

/** The package: the module-system engine (`lib`). The CUDA modules, shims and builders join it later. */
export * from "./lib/index.js";

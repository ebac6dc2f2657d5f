/**
 * The CUDA modules, as in Nixpkgs' `cuda-modules/modules`: the generic declarations and the
 * products that reuse them. Evaluate them with a data module that defines one product's option.
 */
import { cudaModule } from "./cuda/index.js";
import { cudnnModule } from "./cudnn/index.js";
import { cusparseltModule } from "./cusparselt/index.js";
import { cutensorModule } from "./cutensor/index.js";
import { genericModule } from "./generic/index.js";
import { tensorrtModule } from "./tensorrt/index.js";

/** The module importing every CUDA module (the order of Nixpkgs' late period). */
export const cudaModules = {
  _file: "modules/index.ts",
  imports: [genericModule, cudaModule, cudnnModule, cusparseltModule, cutensorModule, tensorrtModule],
};

export { genericTypes } from "./generic/types/index.js";

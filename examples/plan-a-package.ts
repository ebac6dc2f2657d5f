// The build plan of one package: evaluate the bundled data, then ask the package set.
// Run: npx tsx examples/plan-a-package.ts
import { bundledManifests, bundledReleaseLists, cudaPackages, evaluateCuda } from "cuda-modules";

const evaluation = evaluateCuda({ manifests: bundledManifests(), releases: bundledReleaseLists() });
const set = cudaPackages({ evaluation, cudaVersion: "12.2.2", system: "x86_64-linux" });
const cudart = set.packages["cuda_cudart"];
if (cudart?.available) console.log(cudart.plan.version, cudart.plan.outputs.join(" "));
else console.log("unavailable:", cudart?.reason);

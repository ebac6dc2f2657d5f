// The builders' rules, each on the real bundled data: outputs from feature flags, the runpath with
// and without cuda_compat, packages missing on a platform, multiplexed names and defaults, every
// fixup of the table applied, and the platform table (spec 5-8).
import { either as E } from "fp-ts";
import { describe, expect, test } from "vitest";
import { buildPlan, type BuildPlan } from "../../src/cuda/build-plan.js";
import { fixups } from "../../src/cuda/fixups.js";
import { checkManifest, type Manifest } from "../../src/cuda/index.js";
import { outputBrokenConditions, outputsFromFeatures } from "../../src/cuda/outputs.js";
import { checkCudaPackages, cudaPackages, type PackageEntry } from "../../src/cuda/package-set.js";
import { getNixSystems, platformOf } from "../../src/cuda/platforms.js";
import { expectModuleError, thrownBy } from "../support/module-errors.js";
import { bundledEvaluation, packageSet } from "../support/cuda-package-sets.js";

const evaluation = bundledEvaluation;

function manifest(product: string, version: string): Manifest {
  const result = checkManifest(evaluation, product, version);
  if (E.isLeft(result)) throw result.left[0];
  return result.right;
}


function entry(cudaVersion: string, system: string, name: string, jetson = false): PackageEntry {
  const found = packageSet(cudaVersion, system, jetson).packages[name];
  if (found === undefined) throw new Error(`no attribute ${name} in CUDA ${cudaVersion} on ${system}`);
  return found;
}

function plan(cudaVersion: string, system: string, name: string, jetson = false): BuildPlan {
  const found = entry(cudaVersion, system, name, jetson);
  if (found.plan === null) throw new Error(`${name} has no plan: ${found.available ? "" : found.reason}`);
  return found.plan;
}

describe("the platform table (spec 5.2, _cuda/lib/redist.nix)", () => {
  test("maps each system, Jetson or not, to NVIDIA's platform, and back; ppc64le and Windows are unsupported", () => {
    expect(platformOf({ system: "x86_64-linux", jetson: false }).redistSystem).toBe("linux-x86_64");
    expect(platformOf({ system: "aarch64-linux", jetson: false }).redistSystem).toBe("linux-sbsa");
    expect(platformOf({ system: "aarch64-linux", jetson: true }).redistSystem).toBe("linux-aarch64");
    expect(platformOf({ system: "powerpc64le-linux", jetson: false }).redistSystem).toBe("unsupported");
    expect(platformOf({ system: "x86_64-windows", jetson: false }).redistSystem).toBe("unsupported");
    expect(["linux-x86_64", "linux-sbsa", "linux-aarch64", "linux-ppc64le", "windows-x86_64", "linux-all"].map(getNixSystems)).toEqual([
      ["x86_64-linux"],
      ["aarch64-linux"],
      ["aarch64-linux"],
      [],
      [],
      ["aarch64-linux", "x86_64-linux"],
    ]);
  });

  test("a misspelt system is an error proposing the supported one, and a name that is no Nix system one saying its form", () => {
    const e = thrownBy(() => cudaPackages({ evaluation, cudaVersion: "12.2.2", system: "x86_64-linus" }));
    expectModuleError(e, "InvalidDefinition", ["system"], ["x86_64-linus", "did you mean x86_64-linux?", "x86_64-darwin, is planned as \"unsupported\""]);
    const either = checkCudaPackages({ evaluation, cudaVersion: "12.2.2", system: "linux" });
    expect(E.isLeft(either) && either.left[0]!.message).toContain("<cpu>-<kernel>");
  });

  test("Jetson capabilities on x86_64-linux are an error, not quietly ignored", () => {
    const e = thrownBy(() => platformOf({ system: "x86_64-linux", jetson: true }));
    expectModuleError(e, "InvalidDefinition", ["system"], ["only aarch64-linux has Jetson devices"]);
  });
});

describe("outputs from the feature manifest (spec 5.3, 9.3)", () => {
  test("cuda_cudart on x86: the flags give out, lib, static, dev, and the fixup appends stubs", () => {
    const flags = manifest("cuda", "12.2.2").feature!["cuda_cudart"]!["linux-x86_64"]!.outputs;
    expect(outputsFromFeatures(flags)).toEqual(["out", "lib", "static", "dev"]);
    expect(plan("12.2.2", "x86_64-linux", "cuda_cudart").outputs).toEqual(["out", "lib", "static", "dev", "stubs"]);
    expect(plan("12.2.2", "x86_64-linux", "cuda_cudart").propagatedBuildOutputs).toEqual(["out", "lib", "static", "stubs"]);
  });

  test("the order is Nixpkgs' (bin lib static dev doc sample python), not the flags' key order", () => {
    expect(outputsFromFeatures({ sample: true, dev: true, static: true, lib: true, bin: true, doc: true, python: true })).toEqual([
      "out", "bin", "lib", "static", "dev", "doc", "sample", "python",
    ]);
    expect(outputBrokenConditions(["out", "static", "lib"])["lib output follows static output"]).toBe(true);
    expect(outputBrokenConditions(["out", "lib", "lib"])["Duplicate entries in outputs"]).toBe(true);
  });

  test("cuda_cupti differs by platform: sample and static on x86, no static on linux-sbsa", () => {
    expect(plan("12.2.2", "x86_64-linux", "cuda_cupti").outputs).toEqual(["out", "lib", "static", "dev", "sample"]);
    expect(plan("12.2.2", "aarch64-linux", "cuda_cupti").outputs).toEqual(["out", "lib", "dev", "sample"]);
  });

  test("cuda_nvcc: the flags give bin, static and dev; the [late] fixup merges bin and dev into out", () => {
    expect(outputsFromFeatures(manifest("cuda", "12.2.2").feature!["cuda_nvcc"]!["linux-x86_64"]!.outputs)).toEqual(["out", "bin", "static", "dev"]);
    expect(plan("12.2.2", "x86_64-linux", "cuda_nvcc").outputs).toEqual(["out", "static"]);
  });

  test("install moves each output's folders in output order, lib before static before dev", () => {
    const moves = plan("12.2.2", "x86_64-linux", "cuda_cudart").steps.filter((s) => s.does === "moveToOutput");
    expect(moves.map((s) => [s.output, s.patterns])).toEqual([
      ["lib", ["lib", "lib64"]],
      ["static", ["**/*.a"]],
      ["dev", ["share/pkgconfig", "**/*.pc", "**/*.cmake"]],
    ]);
  });

  test("the shims' outputs: cuDNN out lib static dev, TensorRT with bin, sample and python", () => {
    expect(plan("12.2.2", "x86_64-linux", "cudnn").outputs).toEqual(["out", "lib", "static", "dev"]);
    expect(plan("12.2.2", "x86_64-linux", "tensorrt").outputs).toEqual(["out", "bin", "lib", "static", "dev", "sample", "python"]);
  });
});

describe("runpath and cuda_compat (spec 8)", () => {
  test("a Jetson build puts cuda_compat's directory before the driver's", () => {
    const cudart = plan("12.2.2", "aarch64-linux", "cuda_cudart", true);
    expect(cudart.runpath.map((r) => r.path).slice(0, 2)).toEqual(["${cuda_compat}/compat", "/run/opengl-driver/lib"]);
    const hooks = cudart.nativeBuildInputs;
    expect(hooks.indexOf("autoAddCudaCompatRunpath")).toBeGreaterThan(hooks.indexOf("autoAddDriverRunpath"));
  });

  test("a non-Jetson build has neither the hook nor the compat entry", () => {
    for (const system of ["x86_64-linux", "aarch64-linux"]) {
      const cudart = plan("12.2.2", system, "cuda_cudart");
      expect(cudart.runpath[0]!.path).toBe("/run/opengl-driver/lib");
      expect(cudart.runpath.map((r) => r.path)).not.toContain("${cuda_compat}/compat");
      expect(cudart.nativeBuildInputs).not.toContain("autoAddCudaCompatRunpath");
    }
  });

  test("cuda_compat itself never gets the hook (it would depend on itself)", () => {
    const compat = plan("12.2.2", "aarch64-linux", "cuda_compat", true);
    expect(compat.nativeBuildInputs).not.toContain("autoAddCudaCompatRunpath");
    expect(compat.runpath[0]!.path).toBe("/run/opengl-driver/lib");
  });

  test("on a Jetson build of a CUDA version without cuda_compat (12.3.2), the [late] hook is there but adds nothing", () => {
    // CUDA 12.3.2 ships nothing for Jetson, but cuDNN 8.9.5.30 for linux-aarch64 fits it.
    expect(packageSet("12.3.2", "aarch64-linux", true).packages["cuda_compat"]).toBeUndefined();
    const cudnn = plan("12.3.2", "aarch64-linux", "cudnn_8_9", true);
    expect([cudnn.version, cudnn.host.redistSystem]).toEqual(["8.9.5.30", "linux-aarch64"]);
    expect(cudnn.nativeBuildInputs).toContain("autoAddCudaCompatRunpath");
    expect(cudnn.runpath[0]!.path).toBe("/run/opengl-driver/lib");
  });

  test("cuDNN and cuTENSOR plans get the compat entry too on a Jetson build", () => {
    expect(plan("12.2.2", "aarch64-linux", "cudnn", true).runpath[0]!.path).toBe("${cuda_compat}/compat");
  });

  test("cuda_compat is a bad platform except on Jetson builds (spec 9.6 example 18)", () => {
    const m = manifest("cuda", "12.2.2");
    const compat = (system: string, jetson: boolean) => buildPlan({ manifest: m, pname: "cuda_compat", system, jetson, cudaVersion: "12.2" });
    expect(compat("x86_64-linux", false).meta.badPlatforms).toEqual(["aarch64-linux"]);
    expect(compat("aarch64-linux", false).meta.badPlatforms).toEqual(["aarch64-linux"]);
    expect(compat("aarch64-linux", false).badPlatformsConditions["Trying to use cuda_compat on aarch64-linux targeting non-Jetson devices"]).toBe(true);
    expect(compat("aarch64-linux", true).meta.badPlatforms).toEqual([]);
    expect(compat("x86_64-linux", false).src).toBeNull();
    expect(entry("12.2.2", "aarch64-linux", "cuda_compat", true).available).toBe(true);
    const sbsa = entry("12.2.2", "aarch64-linux", "cuda_compat");
    expect(sbsa.available === false && sbsa.reason).toMatch(/no archive for linux-sbsa; its aarch64-linux archive is for linux-aarch64.*non-Jetson/);
  });
});

describe("packages missing on a platform are unavailable with the reason", () => {
  test("libcudla ships for Jetson only", () => {
    const x86 = entry("12.2.2", "x86_64-linux", "libcudla");
    expect(x86).toMatchObject({ available: false, plan: null });
    expect(x86.available === false && x86.reason).toBe("libcudla 12.2.140 has no archive for linux-x86_64; it is built for aarch64-linux");
    expect(entry("12.2.2", "aarch64-linux", "libcudla", true).available).toBe(true);
  });

  test("a CUDA version without a feature manifest (12.0.1, 12.6.0) plans every package of its redistrib manifest, outputs decided when unpacked", () => {
    for (const version of ["12.0.1", "12.6.0"]) {
      const redistrib = manifest("cuda", version).redistrib as Record<string, unknown>;
      const cudart = plan(version, "x86_64-linux", "cuda_cudart");
      // `out`, known before unpacking, and the stubs output its fixup adds.
      expect([cudart.version, cudart.outputs, cudart.outputsDecided]).toEqual([(redistrib["cuda_cudart"] as { version: string }).version, ["out", "stubs"], "when the archive is unpacked"]);
      expect(cudart.steps.filter((step) => step.does === "moveToOutput")).toEqual([]);
      expect(cudart.steps.some((step) => step.phase === "install" && step.does.includes("decided when the archive is unpacked"))).toBe(true);
      const archive = (redistrib["cuda_cudart"] as Record<string, { relative_path: string }>)["linux-x86_64"]!;
      expect(cudart.src?.kind === "fetchurl" && cudart.src.url).toBe(`https://developer.download.nvidia.com/compute/cuda/redist/${archive.relative_path}`);
      expect(cudart.meta.redistPlatforms).toEqual(Object.keys(redistrib["cuda_cudart"] as object).filter((k) => k.includes("-")).sort());
      // Every package of the redistrib manifest is in the set, each with its archive's source where the host has one.
      const set = cudaPackages({ evaluation, cudaVersion: version, system: "x86_64-linux" });
      for (const pname of Object.keys(redistrib).filter((k) => !k.startsWith("release_"))) expect(Object.keys(set.packages)).toContain(pname);
    }
    // A version with a feature manifest keeps its feature outputs and says nothing of unpacking.
    expect(plan("12.2.2", "x86_64-linux", "cuda_cudart").outputsDecided).toBeUndefined();
  });

  test("cuTENSOR has no Jetson archive (spec 9.4 example 24): no cutensor attribute at all; a version without feature manifest decides its outputs when unpacked", () => {
    expect(Object.keys(packageSet("12.2.2", "aarch64-linux", true).packages).filter((n) => n.startsWith("cutensor"))).toEqual([]);
    const old = plan("12.2.2", "x86_64-linux", "cutensor_1_4");
    expect([old.version, old.outputs, old.outputsDecided]).toEqual(["1.4.0.6", ["out"], "when the archive is unpacked"]);
    const cutensor21 = plan("12.2.2", "x86_64-linux", "cutensor_2_1");
    expect([cutensor21.pname, cutensor21.version, cutensor21.libPath, cutensor21.outputs]).toEqual(["libcutensor", "2.1.0.9", "12", ["out", "lib", "static", "dev"]]);
  });

  test("TensorRT on a Jetson build of CUDA 12.2: only x86 releases fit, so each is unavailable with the platform it ships for", () => {
    const trt = entry("12.2.2", "aarch64-linux", "tensorrt_10_9", true);
    expect(trt.available === false && trt.reason).toBe("tensorrt 10.9.0.34 has no archive for linux-aarch64; it is built for x86_64-linux");
  });

  test("driver_assistant is a bad platform everywhere, with its reason; nvidia_driver has no fixup in the reference revision", () => {
    const assistant = entry("12.8.1", "x86_64-linux", "driver_assistant");
    expect(assistant.available === false && assistant.reason).toContain("bad platform: Package is not supported; use drivers from linuxPackages");
    expect(entry("12.2.2", "x86_64-linux", "nvidia_driver").available).toBe(true);
  });
});

describe("multiplexed cuDNN and TensorRT: names and default (spec 6, 9.5)", () => {
  const names = (cudaVersion: string, system: string, prefix: string, jetson = false) =>
    Object.keys(packageSet(cudaVersion, system, jetson).packages).filter((n) => n === prefix || n.startsWith(`${prefix}_`));

  test("CUDA 12.2 on x86: cudnn_9_7, cudnn_9_3, cudnn_8_9 and cudnn = 9.7.1.26", () => {
    expect(names("12.2.2", "x86_64-linux", "cudnn")).toEqual(["cudnn", "cudnn_8_9", "cudnn_9_3", "cudnn_9_7"]);
    expect(plan("12.2.2", "x86_64-linux", "cudnn").version).toBe("9.7.1.26");
    expect(plan("12.2.2", "x86_64-linux", "cudnn_8_9").version).toBe("8.9.7.29");
  });

  test("CUDA 11.8 on x86: six cuDNN attributes, the default the 9.7.1.26 archive for CUDA 11", () => {
    expect(names("11.8.0", "x86_64-linux", "cudnn")).toEqual(["cudnn", "cudnn_8_6", "cudnn_8_7", "cudnn_8_8", "cudnn_8_9", "cudnn_9_3", "cudnn_9_7"]);
    const cudnn = plan("11.8.0", "x86_64-linux", "cudnn");
    expect(cudnn.version).toBe("9.7.1.26");
    expect(cudnn.src?.kind === "fetchurl" && cudnn.src.url).toContain("_cuda11-archive");
  });

  test("CUDA 12.8 on x86 has no cudnn_9_3 (its maxCudaVersion is 12.6)", () => {
    expect(names("12.8.1", "x86_64-linux", "cudnn")).toEqual(["cudnn", "cudnn_8_9", "cudnn_9_7"]);
  });

  test("the names do not depend on the host; a Jetson build takes cuDNN 8.9 from linux-aarch64", () => {
    expect(names("12.2.2", "aarch64-linux", "cudnn", true)).toEqual(names("12.2.2", "x86_64-linux", "cudnn"));
    expect(plan("12.2.2", "aarch64-linux", "cudnn_8_9", true).version).toBe("8.9.5.30");
    expect(plan("12.2.2", "aarch64-linux", "cudnn_8_9").version).toBe("8.9.7.29");
  });

  test("TensorRT for CUDA 12.2: 10.9, 10.8, 10.3 and the default 10.9.0.34, a manual download", () => {
    expect(names("12.2.2", "x86_64-linux", "tensorrt")).toEqual(["tensorrt", "tensorrt_10_3", "tensorrt_10_8", "tensorrt_10_9"]);
    const trt = plan("12.2.2", "x86_64-linux", "tensorrt");
    expect(trt.version).toBe("10.9.0.34");
    expect(trt.src).toMatchObject({ kind: "requireFile", name: "TensorRT-10.9.0.34.Linux.x86_64-gnu.cuda-12.8.tar.gz" });
  });

  test("no cuDNN or TensorRT release fits CUDA 13.0: no attribute, not even the default", () => {
    expect(names("13.0.0", "x86_64-linux", "cudnn")).toEqual([]);
    expect(names("13.0.0", "x86_64-linux", "tensorrt")).toEqual([]);
  });

  test("known defect: the cuDNN 9.3.0.75 entry for CUDA 11.8 has an unpadded SRI hash, which Nix accepts, so it is planned as written", () => {
    const cudnn93 = entry("11.8.0", "x86_64-linux", "cudnn_9_3");
    expect(cudnn93.available === true && cudnn93.plan.src).toMatchObject({ hash: "sha256-Bp2ghM02jzn7gw1MTpMYAwZPtl52b0z33y2ko0aiup8" });
  });
});

describe("every fixup of the table is applied by pname (spec 7)", () => {
  // The pname, where its fixup shows on real data, and what it changes there.
  const applied: Record<string, () => void> = {
    cuda_cudart: () => expect(plan("12.2.2", "x86_64-linux", "cuda_cudart").allowFHSReferences).toBe(false),
    cuda_compat: () => expect(plan("12.2.2", "aarch64-linux", "cuda_compat", true).autoPatchelfIgnoreMissingDeps).toContain("libnvrm_gpu.so"),
    cuda_gdb: () => {
      expect(plan("12.2.2", "x86_64-linux", "cuda_gdb").buildInputs).toContain("gmp");
      expect(plan("11.8.0", "x86_64-linux", "cuda_gdb").buildInputs).not.toContain("gmp");
    },
    cuda_nvcc: () => expect(plan("12.2.2", "x86_64-linux", "cuda_nvcc").meta.mainProgram).toBe("nvcc"),
    cuda_nvprof: () => expect(plan("12.2.2", "x86_64-linux", "cuda_nvprof").buildInputs).toContain("cuda_cupti"),
    cuda_demo_suite: () => expect(plan("12.2.2", "x86_64-linux", "cuda_demo_suite").buildInputs).toContain("libcufft"),
    cuda_sanitizer_api: () => expect(plan("12.2.2", "x86_64-linux", "cuda_sanitizer_api").outputs).toEqual(["out"]),
    driver_assistant: () => {
      const assistant = entry("12.8.1", "x86_64-linux", "driver_assistant");
      expect(assistant.available === false && assistant.reason).toContain("bad platform: Package is not supported; use drivers from linuxPackages");
    },
    imex: () => expect(plan("12.8.1", "x86_64-linux", "imex").buildInputs).toContain("zlib"),
    libcufile: () => {
      expect(plan("12.2.2", "x86_64-linux", "libcufile").buildInputs).toContain("libcublas");
      expect(plan("11.6.2", "x86_64-linux", "libcufile").autoPatchelfIgnoreMissingDeps).toContain("libcufile.so.0");
    },
    libcusolver: () => {
      expect(plan("12.2.2", "x86_64-linux", "libcusolver").buildInputs).toEqual(["stdenv.cc.cc.lib", "libcublas", "libnvjitlink", "libcusparse"]);
      expect(plan("11.8.0", "x86_64-linux", "libcusolver").buildInputs).toEqual(["stdenv.cc.cc.lib", "libcublas"]);
    },
    libcusparse: () => expect(plan("12.2.2", "x86_64-linux", "libcusparse").buildInputs).toContain("libnvjitlink"),
    nsight_compute: () => expect(plan("12.2.2", "x86_64-linux", "nsight_compute").nativeBuildInputs).toContain("qt6.wrapQtAppsHook"),
    nsight_systems: () => {
      const nsys = plan("12.2.2", "x86_64-linux", "nsight_systems");
      expect(nsys.buildInputs).toContain("cuda_cudart.stubs");
      expect(nsys.steps.find((s) => s.by === "fixup nsight_systems")).toMatchObject({ phase: "postPatch" });
      expect(nsys.badPlatformsConditions["CUDA too old (<11.8)"]).toBe(false);
    },
    cudnn: () => {
      for (const name of ["cudnn", "cudnn_8_9"]) {
        const cudnn = plan("12.2.2", "x86_64-linux", name);
        expect([cudnn.meta.homepage, cudnn.meta.license.shortName]).toEqual(["https://developer.nvidia.com/cudnn", "cuDNN EULA"]);
        expect(cudnn.meta.description.startsWith("NVIDIA CUDA Deep Neural Network library (cuDNN). ")).toBe(true);
      }
      expect(plan("12.2.2", "x86_64-linux", "cudnn_8_9").steps.some((s) => s.phase === "postFixup" && s.does.includes("libcudnn_cnn_infer"))).toBe(true);
      expect(plan("12.2.2", "x86_64-linux", "cudnn_9_7").steps.some((s) => s.by === "fixup cudnn")).toBe(false);
    },
    tensorrt: () => {
      const trt = plan("12.2.2", "x86_64-linux", "tensorrt_10_3");
      expect(trt.buildInputs).toContain("cudnn_9_3.lib");
      expect(trt.brokenConditions).toMatchObject({ "CUDNN version is too old": false, "CUDNN version is too new": false });
      expect(trt.meta.hydraPlatforms).toEqual([]);
    },
    libcutensor: () => {
      const cutensor = plan("12.2.2", "x86_64-linux", "cutensor");
      expect(cutensor.meta.description).toBe("cuTENSOR: A High-Performance CUDA Library For Tensor Primitives");
      expect(cutensor.buildInputs).toContain("libcublas.lib");
    },
    libcusparse_lt: () => {
      const lt = plan("12.8.1", "x86_64-linux", "cusparselt");
      expect([lt.meta.license.shortName, lt.buildInputs, lt.fixup?.pname]).toEqual(["cuSPARSELt EULA", ["stdenv.cc.cc.lib", "libcublas.lib"], "libcusparse_lt"]);
    },
  };

  test("the table covers every fixup file of the reference revision, and nothing else", () => {
    expect(Object.keys(fixups).sort()).toEqual(Object.keys(applied).sort());
  });

  for (const [pname, check] of Object.entries(applied)) {
    test(`${pname}: its fixup is applied and recorded in the plan`, () => {
      check();
    });
  }

  test("a package without an entry gets no fixup", () => {
    expect(plan("12.2.2", "x86_64-linux", "cuda_cccl").fixup).toBeNull();
    expect(plan("12.2.2", "x86_64-linux", "cuda_nvcc").fixup?.pname).toBe("cuda_nvcc");
  });
});

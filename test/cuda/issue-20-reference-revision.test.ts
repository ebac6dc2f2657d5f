// Issue 20: the builders follow one Nixpkgs revision, faukah/nixpkgs@3b20077c (the late modules era,
// `_cuda/lib`, `_cuda/fixups`). One describe per point of the issue, each on the real bundled data;
// every test here failed before the change.
import { either as E } from "fp-ts";
import { describe, expect, test } from "vitest";
import { buildPlan, type BuildPlan } from "../../src/cuda/build-plan.js";
import { checkManifest } from "../../src/cuda/manifest.js";
import { bundledEvaluation, packageSet } from "../support/cuda-package-sets.js";

const evaluation = bundledEvaluation;


function plan(cudaVersion: string, system: string, name: string, jetson = false): BuildPlan {
  const entry = packageSet(cudaVersion, system, jetson).packages[name];
  if (entry === undefined) throw new Error(`no attribute ${name} in CUDA ${cudaVersion} on ${system}`);
  if (entry.plan === null) throw new Error(`${name} has no plan: ${entry.available ? "" : entry.reason}`);
  return entry.plan;
}

function names(cudaVersion: string, system: string, prefix: string, jetson = false): string[] {
  return Object.keys(packageSet(cudaVersion, system, jetson).packages).filter((n) => n === prefix || n.startsWith(`${prefix}_`));
}

describe("1. meta.platforms is getNixSystems of each platform (_cuda/lib/redist.nix)", () => {
  test("cuda_cudart of CUDA 12.2 is for aarch64-linux and x86_64-linux only: ppc64le and Windows map to no system", () => {
    expect(plan("12.2.2", "x86_64-linux", "cuda_cudart").meta.platforms).toEqual(["aarch64-linux", "x86_64-linux"]);
    expect(plan("12.2.2", "x86_64-linux", "cuda_cudart").meta.redistPlatforms).toEqual(["linux-aarch64", "linux-ppc64le", "linux-sbsa", "linux-x86_64", "windows-x86_64"]);
  });

  test("cuda_demo_suite of CUDA 12.2 (linux-x86_64 and windows-x86_64) is for x86_64-linux alone", () => {
    expect(plan("12.2.2", "x86_64-linux", "cuda_demo_suite").meta.platforms).toEqual(["x86_64-linux"]);
  });
});

describe("2. an unsupported host evaluates: every output, badPlatforms = platforms (generic-builders/manifest.nix)", () => {
  for (const system of ["x86_64-darwin", "powerpc64le-linux", "x86_64-windows"]) {
    test(`${system} is "unsupported": cuda_cudart lists every output, has no source and is a bad platform everywhere`, () => {
      const set = packageSet("12.2.2", system);
      expect(set.host).toEqual({ system, jetson: false, redistSystem: "unsupported" });
      const entry = set.packages["cuda_cudart"]!;
      expect(entry.available).toBe(false);
      const cudart = entry.plan!;
      expect(cudart.outputs).toEqual(["out", "bin", "lib", "static", "dev", "doc", "sample", "python", "stubs"]);
      expect([cudart.src, cudart.archivePlatform, cudart.badPlatformsConditions["No source"]]).toEqual([null, null, true]);
      expect(cudart.meta.badPlatforms).toEqual(cudart.meta.platforms);
      expect(cudart.meta.badPlatforms).toEqual(["aarch64-linux", "x86_64-linux"]);
    });
  }

  test("an unsupported host gets no cuTENSOR or cuSPARSELt attribute (no manifest has its platform), but the multiplexed names", () => {
    expect(names("12.2.2", "x86_64-darwin", "cutensor")).toEqual([]);
    expect(names("12.2.2", "x86_64-darwin", "cusparselt")).toEqual([]);
    expect(names("12.2.2", "x86_64-darwin", "cudnn")).toEqual(["cudnn", "cudnn_8_9", "cudnn_9_3", "cudnn_9_7"]);
  });
});

describe('3. "No source" is !elem host (getNixSystems redistSystem), not src == null', () => {
  const cuda1222 = () => {
    const manifest = checkManifest(evaluation, "cuda", "12.2.2");
    if (E.isLeft(manifest)) throw manifest.left[0];
    return manifest.right;
  };

  test("libcudla (Jetson only) on x86_64-linux has no source, yet no bad platform: it is kept out by meta.platforms", () => {
    const cudla = buildPlan({ manifest: cuda1222(), pname: "libcudla", system: "x86_64-linux", cudaVersion: "12.2" });
    expect(cudla.src).toBeNull();
    expect(cudla.badPlatformsConditions["No source"]).toBe(false);
    expect([cudla.meta.platforms, cudla.meta.badPlatforms]).toEqual([["aarch64-linux"], []]);
  });

  test("cuda_compat on x86_64-linux: its bad platforms come from its fixup's condition alone", () => {
    const compat = buildPlan({ manifest: cuda1222(), pname: "cuda_compat", system: "x86_64-linux", cudaVersion: "12.2" });
    expect(compat.badPlatformsConditions).toEqual({ "No source": false, "Trying to use cuda_compat on aarch64-linux targeting non-Jetson devices": true });
    expect(compat.meta.badPlatforms).toEqual(["aarch64-linux"]);
  });
});

describe("4. a phase's string runs before its hooks (stdenv runHook)", () => {
  const order = (p: BuildPlan) => p.steps.map((s) => `${s.phase} ${s.by}`);

  test("cuDNN 8.9's patchelf --add-needed runs before autoPatchelf, which it informs", () => {
    const steps = order(plan("12.2.2", "x86_64-linux", "cudnn_8_9"));
    expect(steps.indexOf("postFixup fixup cudnn")).toBeGreaterThan(-1);
    expect(steps.indexOf("postFixup fixup cudnn")).toBeLessThan(steps.indexOf("postFixup autoPatchelfHook"));
    expect(steps.indexOf("preFixup multiple-outputs")).toBeLessThan(steps.indexOf("postFixup fixup cudnn"));
  });

  test("cuda_cudart's steps carry their real phases: the libcuda.so.1 link in postPatch, the stubs move in postFixup", () => {
    const cudart = plan("12.2.2", "x86_64-linux", "cuda_cudart").steps.filter((s) => s.by === "fixup cuda_cudart");
    expect(cudart.map((s) => s.phase)).toEqual(["postPatch", "postPatch", "postFixup"]);
    expect(cudart[1]!.does).toContain("libcuda.so.1");
    expect(cudart[2]!.does).toContain("moveToOutput lib/stubs");
  });
});

describe("5. one period's fixups, with Nixpkgs' own condition keys (_cuda/fixups/*.nix)", () => {
  test("libcusolver: libcublas, libnvjitlink and libcusparse as written, and the two keys of libcusolver.nix", () => {
    const cusolver = plan("12.2.2", "x86_64-linux", "libcusolver");
    expect(cusolver.buildInputs).toEqual(["stdenv.cc.cc.lib", "libcublas", "libnvjitlink", "libcusparse"]);
    expect(Object.keys(cusolver.brokenConditions)).toEqual([
      "Duplicate entries in outputs",
      "lib output follows static output",
      "libnvjitlink missing (CUDA >= 12.0)",
      "libcusparse missing (CUDA >= 12.1)",
    ]);
  });

  test("nsight_systems: the CUDA 11.8 bound is a bad-platform condition, Qt keys are broken conditions", () => {
    const nsys = plan("12.2.2", "x86_64-linux", "nsight_systems");
    expect(nsys.badPlatformsConditions).toEqual({ "No source": false, "CUDA too old (<11.8)": false });
    expect(nsys.brokenConditions).toMatchObject({ "Qt 5 missing (<2022.4.2.1)": false, "Qt 6 missing (>=2022.4.2.1)": false });
    expect(nsys.autoPatchelfIgnoreMissingDeps).toContain("libnvidia-ml.so.1");
  });

  test("cuda_gdb from CUDA 12.5: Python 3.10-3.12, ncurses6, libxcrypt-legacy, and 3.8/3.9 files deleted at the end of install", () => {
    const gdb = plan("12.5.1", "x86_64-linux", "cuda_gdb");
    expect(gdb.buildInputs).toEqual(["stdenv.cc.cc.lib", "gmp", "libxcrypt-legacy", "ncurses6", "python310", "python311", "python312"]);
    expect(gdb.steps.find((s) => s.by === "fixup cuda_gdb")).toMatchObject({ phase: "install" });
    expect(plan("12.5.1", "aarch64-linux", "cuda_gdb").buildInputs).toContain("expat");
  });

  test("cuda_sanitizer_api has out alone; imex needs zlib; libcufile libcublas as written", () => {
    expect(plan("12.2.2", "x86_64-linux", "cuda_sanitizer_api").outputs).toEqual(["out"]);
    expect(plan("12.8.1", "x86_64-linux", "imex").buildInputs).toEqual(["stdenv.cc.cc.lib", "zlib"]);
    expect(plan("12.2.2", "x86_64-linux", "libcufile").buildInputs).toEqual(["stdenv.cc.cc.lib", "libcublas", "numactl", "rdma-core"]);
  });
});

describe("6. a CUDA major.minor is made from the manifest of cuda/extension.nix's cudaVersionMap", () => {
  test("12.3 is made from 12.3.2, 12.0 from 12.0.1 (its feature manifest missing, so outputs are decided when unpacked)", () => {
    expect(packageSet("12.3", "x86_64-linux").cudaVersion).toBe("12.3.2");
    expect(plan("12.3", "x86_64-linux", "cuda_cudart").version).toBe("12.3.101");
    expect(packageSet("12.0", "x86_64-linux").cudaVersion).toBe("12.0.1");
    expect(plan("12.0", "x86_64-linux", "cuda_cudart").outputsDecided).toBe("when the archive is unpacked");
  });

  test("12.7 is not in the map: no redist packages, but cuDNN, TensorRT, cuTENSOR and cuSPARSELt", () => {
    const set = packageSet("12.7", "x86_64-linux");
    expect(set.cudaVersion).toBeNull();
    expect(Object.keys(set.packages).filter((n) => n.startsWith("cuda_") || n.startsWith("libcu"))).toEqual([]);
    expect(names("12.7", "x86_64-linux", "cudnn")).toContain("cudnn");
    expect(names("12.7", "x86_64-linux", "cusparselt")).toEqual(["cusparselt", "cusparselt_0_7"]);
  });

  test("12.9 follows the next revision's map (12.9.1)", () => {
    expect(packageSet("12.9", "x86_64-linux").cudaVersion).toBe("12.9.1");
  });
});

describe("7. cuTENSOR as cutensor/extension.nix lists it, and cuSPARSELt in the set", () => {
  test("CUDA 12.2 on x86_64-linux: one attribute per listed version, 2.0 from 2.0.2, the default 2.1", () => {
    expect(names("12.2.2", "x86_64-linux", "cutensor")).toEqual([
      "cutensor",
      "cutensor_1_3",
      "cutensor_1_4",
      "cutensor_1_5",
      "cutensor_1_6",
      "cutensor_1_7",
      "cutensor_2_0",
      "cutensor_2_1",
    ]);
    expect(plan("12.2.2", "x86_64-linux", "cutensor_2_0").version).toBe("2.0.2.4");
    expect(plan("12.2.2", "x86_64-linux", "cutensor").version).toBe("2.1.0.9");
  });

  test("a Jetson build has no cuTENSOR manifest for linux-aarch64: no cutensor name at all", () => {
    expect(names("12.2.2", "aarch64-linux", "cutensor", true)).toEqual([]);
  });

  test("cuSPARSELt 0.7.1 is in the set on x86_64-linux and on Jetson, with its feature manifest's outputs and its fixup", () => {
    expect(names("12.8.1", "x86_64-linux", "cusparselt")).toEqual(["cusparselt", "cusparselt_0_7"]);
    const lt = plan("12.8.1", "aarch64-linux", "cusparselt", true);
    expect([lt.pname, lt.redistName, lt.version, lt.outputs]).toEqual(["libcusparse_lt", "cusparselt", "0.7.1.0", ["out", "lib", "static", "dev"]]);
    expect(lt.src?.kind === "fetchurl" && lt.src.url).toBe(
      "https://developer.download.nvidia.com/compute/cusparselt/redist/libcusparse_lt/linux-aarch64/libcusparse_lt-linux-aarch64-0.7.1.0-archive.tar.xz",
    );
    expect([lt.meta.description, lt.meta.license.shortName]).toEqual(["cuSPARSELt: A High-Performance CUDA Library for Sparse Matrix-Matrix Multiplication", "cuSPARSELt EULA"]);
  });
});

describe("8. where no release fits, no default attribute (generic-builders/multiplex.nix)", () => {
  test("CUDA 13.0 has no cudnn and no tensorrt attribute", () => {
    expect(names("13.0.0", "x86_64-linux", "cudnn")).toEqual([]);
    expect(names("13.0.0", "x86_64-linux", "tensorrt")).toEqual([]);
  });
});

// NVIDIA's newer manifest format (cuda_variant, archives nested per CUDA major, `source` and
// `linux-all`): checked by a declared option, nothing lost, and normalised into the modules-era
// shape for each CUDA major, on every bundled manifest of that format (four from the shared data
// set, two fetched from Nixpkgs' _cuda/manifests).
import { either as E } from "fp-ts";
import { describe, expect, test } from "vitest";
import { evaluateCuda } from "../../src/cuda/evaluate.js";
import { checkNewerManifest, desiredVariants, normaliseVariants } from "../../src/cuda/newer-format.js";
import { deepForce } from "../../src/lib/index.js";
import { bundledNewerManifests } from "../../src/load/bundled-data.js";

type Json = Record<string, any>;

const manifests = bundledNewerManifests();
const evaluation = evaluateCuda({ newerManifests: manifests });

describe("bundled manifests of the newer format", () => {
  test("every product Nixpkgs' _cuda/manifests carries is bundled, at least its newest manifest", () => {
    expect(manifests.map((m) => m.file)).toEqual([
      "modules/newer/cublasmp/redistrib_0.10.0.json",
      "modules/newer/cuda/redistrib_13.4.2.json",
      "modules/newer/cudnn/redistrib_8.9.7.json",
      "modules/newer/cudnn/redistrib_9.12.0.json",
      "modules/newer/cudnn/redistrib_9.27.0.json",
      "modules/newer/cudnn/redistrib_9.8.0.json",
      "modules/newer/cudss/redistrib_0.8.0.json",
      "modules/newer/cuquantum/redistrib_26.09.0.json",
      "modules/newer/cusolvermp/redistrib_0.9.1.json",
      "modules/newer/cusparselt/redistrib_0.10.0.json",
      "modules/newer/cusparselt/redistrib_0.8.0.json",
      "modules/newer/cusparselt/redistrib_0.8.1.json",
      "modules/newer/cutensor/redistrib_2.2.0.json",
      "modules/newer/cutensor/redistrib_2.8.1.json",
      "modules/newer/nppplus/redistrib_0.10.0.json",
      "modules/newer/nvcomp/redistrib_5.3.0.json",
      "modules/newer/nvjpeg2000/redistrib_0.11.0.json",
      "modules/newer/nvpl/redistrib_26.5.json",
      "modules/newer/nvtiff/redistrib_0.8.0.json",
      "modules/newer/tensorrt/redistrib_11.3.0.json",
    ]);
  });

  for (const m of manifests) {
    test(`${m.file} is checked by its declared option and loses nothing`, () => {
      const checked = deepForce(((evaluation.config["newer"] as Json)["manifests"] as Json)[m.product][m.version]) as Json;
      const data = m.data as Json;
      for (const [pname, pkg] of Object.entries(data)) {
        if (typeof pkg !== "object") expect(checked[pname]).toBe(pkg);
        else expect(checked[pname]).toEqual({ license_path: null, cuda_variant: null, ...pkg });
      }
      expect(Object.keys(checked).sort()).toEqual(
        [...new Set([...Object.keys(data), "release_date", "release_label", "release_product"])].sort(),
      );
    });

    test(`${m.file} normalises, for each of its CUDA majors, to one archive per platform`, () => {
      const data = m.data as Json;
      const majors = [...new Set(Object.values(data).flatMap((p: any) => (Array.isArray(p?.cuda_variant) ? p.cuda_variant : [])))];
      for (const major of majors.length ? majors : ["12"]) {
        const result = checkNewerManifest(evaluation, m.product, m.version, major);
        if (E.isLeft(result)) throw result.left[0];
        const normalised = result.right.redistrib as Json;
        expect(result.right.cudaVariant).toBe(`cuda${major}`);
        for (const [pname, pkg] of Object.entries(data)) {
          if (typeof pkg !== "object") continue;
          for (const [platform, entry] of Object.entries(pkg as Json)) {
            if (typeof entry !== "object" || Array.isArray(entry)) continue;
            // Nixpkgs' rule: the variant's archive; else, without cuda_variant, the entry itself; else nothing.
            const expected = entry[`cuda${major}`] ?? (Array.isArray((pkg as Json)["cuda_variant"]) ? undefined : entry);
            expect([pname, platform, normalised[pname][platform]]).toEqual([pname, platform, expected]);
          }
          expect(normalised[pname]).not.toHaveProperty("cuda_variant");
        }
      }
    });
  }

  test("a package with a `source` archive keeps only that one", () => {
    const normalised = normaliseVariants(
      { cudnn_samples: { name: "s", license: "l", license_path: null, version: "1", source: { relative_path: "s" }, "linux-x86_64": { relative_path: "x" } } },
      "12",
    ) as Json;
    expect(Object.keys(normalised["cudnn_samples"])).toEqual(["name", "license", "license_path", "version", "source"]);
  });

  test("a platform without the wanted variant is left out", () => {
    const normalised = normaliseVariants(
      {
        p: {
          name: "p", license: "l", license_path: null, version: "1", cuda_variant: ["12", "13"],
          "linux-x86_64": { cuda12: { relative_path: "a" }, cuda13: { relative_path: "b" } },
          "linux-aarch64": { cuda12: { relative_path: "c" } },
        },
      },
      "13",
    ) as Json;
    expect(normalised["p"]).toEqual({ name: "p", license: "l", license_path: null, version: "1", "linux-x86_64": { relative_path: "b" } });
  });

  test("a variant entry that is not `cuda<variant>` passes the option type (a set of archives) and is left out for every CUDA version", () => {
    const data = structuredClone(manifests.find((m) => m.version === "9.12.0")!.data) as Json;
    data["cudnn"]["linux-x86_64"]["cu12"] = data["cudnn"]["linux-x86_64"]["cuda12"];
    const bad = evaluateCuda({ newerManifests: [{ product: "cudnn", kind: "redistrib", version: "9.12.0", file: "bad.json", data }] });
    const result = checkNewerManifest(bad, "cudnn", "9.12.0", "12");
    if (E.isLeft(result)) throw result.left[0];
    expect((result.right.redistrib as Json)["cudnn"]["linux-x86_64"]).toEqual(data["cudnn"]["linux-x86_64"]["cuda12"]);
  });

  test("a flat archive beside variant archives (cuDNN 9.27.0, windows-arm64): CUDA 13 takes the variant's, CUDA 12 leaves the platform out", () => {
    const m = manifests.find((x) => x.version === "9.27.0")!;
    const entry = (m.data as Json)["cudnn"]["windows-arm64"];
    const for13 = checkNewerManifest(evaluation, "cudnn", "9.27.0", "13.4.2");
    const for12 = checkNewerManifest(evaluation, "cudnn", "9.27.0", "12.9.1");
    if (E.isLeft(for13) || E.isLeft(for12)) throw new Error("9.27.0 does not check");
    expect((for13.right.redistrib as Json)["cudnn"]["windows-arm64"]).toEqual(entry["cuda13"]);
    expect((for12.right.redistrib as Json)["cudnn"]).not.toHaveProperty("windows-arm64");
  });

  test("a CUDA version looks for its whole version, then its major.minor, then its major (Nixpkgs' _mkCudaVariants)", () => {
    expect(desiredVariants("13.1.1")).toEqual(["cuda13.1.1", "cuda13.1", "cuda13"]);
    expect(desiredVariants("13.1")).toEqual(["cuda13.1", "cuda13"]);
    expect(desiredVariants("12")).toEqual(["cuda12"]);
    const compat = {
      cuda_compat: {
        name: "c", license: "l", license_path: null, version: "1", cuda_variant: ["13.1"],
        "linux-sbsa": { "cuda13.1": { relative_path: "a" } },
      },
    };
    expect((normaliseVariants(compat, "13.1.1") as Json)["cuda_compat"]["linux-sbsa"]).toEqual({ relative_path: "a" });
    expect((normaliseVariants(compat, "13.2.0") as Json)["cuda_compat"]).not.toHaveProperty("linux-sbsa");
    expect((normaliseVariants(compat, "13") as Json)["cuda_compat"]).not.toHaveProperty("linux-sbsa");
  });
});

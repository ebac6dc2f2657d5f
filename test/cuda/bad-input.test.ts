// Real-shaped bad input: each error has its kind, the full option path (with the version) and
// the file, and says what to do.
import { readFileSync } from "node:fs";
import path from "node:path";
import { either as E } from "fp-ts";
import { describe, expect, test } from "vitest";
import { crossCheckManifests } from "../../src/cuda/cross-check.js";
import { evaluateCuda, type ManifestData } from "../../src/cuda/evaluate.js";
import { checkManifest, checkReleaseList, type Manifest } from "../../src/cuda/manifest.js";
import { checkManifestPlatforms, checkReleaseListPlatforms } from "../../src/cuda/platform-names.js";
import { ModuleError } from "../../src/lib/index.js";
import { projectRoot } from "../../src/load/bundled-data.js";

type Json = Record<string, any>;

function read(relative: string): Json {
  return JSON.parse(readFileSync(path.join(projectRoot, relative), "utf8")) as Json;
}

const redistribFile = "redistrib_12.2.2.json";
const featureFile = "feature_12.2.2.json";

function manifestData(kind: "redistrib" | "feature", data: unknown): ManifestData {
  return { product: "cuda", kind, version: "12.2.2", file: kind === "redistrib" ? redistribFile : featureFile, data };
}

function firstError(result: E.Either<ModuleError[], unknown>): ModuleError {
  if (E.isRight(result)) throw new Error("expected an error");
  return result.left[0]!;
}

function checked(redistrib: Json, feature?: Json): E.Either<ModuleError[], Manifest> {
  const manifests = [manifestData("redistrib", redistrib), ...(feature ? [manifestData("feature", feature)] : [])];
  return checkManifest(evaluateCuda({ manifests }), "cuda", "12.2.2");
}

describe("bad manifests", () => {
  test("a missing sha256 is NoDefinition at the full path, naming the file", () => {
    const data = read("modules/cuda/manifests/redistrib_12.2.2.json");
    delete data["cuda_cudart"]["linux-x86_64"]["sha256"];
    const e = firstError(checked(data));
    expect(e.kind).toBe("NoDefinition");
    expect(e.path).toEqual(["cuda", "manifests", "12.2.2", "redistrib", "cuda_cudart", "linux-x86_64", "sha256"]);
    expect(e.message).toContain('cuda.manifests."12.2.2".redistrib.cuda_cudart.linux-x86_64.sha256');
    expect(e.message).toContain(redistribFile);
    expect(e.definitions.map((d) => d.file)).toContain(redistribFile);
  });

  test("a size written as a number is a TypeMismatch at its path, naming the file and the value", () => {
    const data = read("modules/cuda/manifests/redistrib_12.2.2.json");
    data["cuda_cudart"]["linux-sbsa"]["size"] = 1058992;
    const e = firstError(checked(data));
    expect(e.kind).toBe("TypeMismatch");
    expect(e.path).toEqual(["cuda", "manifests", "12.2.2", "redistrib", "cuda_cudart", "linux-sbsa", "size"]);
    expect(e.message).toContain(redistribFile);
    expect(e.message).toContain("1058992");
  });

  test("a misspelt package field is an UndeclaredOption with the closest names", () => {
    const data = read("modules/cuda/manifests/redistrib_12.2.2.json");
    data["cuda_cudart"]["linux-x86_64"]["sha265"] = data["cuda_cudart"]["linux-x86_64"]["sha256"];
    const e = firstError(checked(data));
    expect(e.kind).toBe("UndeclaredOption");
    expect(e.path).toEqual(["cuda", "manifests", "12.2.2", "redistrib", "cuda_cudart", "linux-x86_64", "sha265"]);
    expect(e.message).toContain("sha256");
    expect(e.message).toContain(redistribFile);
  });

  test("an unknown platform is named with the known ones", () => {
    const data = read("modules/cuda/manifests/redistrib_12.2.2.json");
    data["cuda_cudart"]["linux-riscv64"] = data["cuda_cudart"]["linux-x86_64"];
    const result = checked(data);
    if (E.isLeft(result)) throw result.left[0];
    const [e] = checkManifestPlatforms(result.right, { redistrib: redistribFile });
    expect(e?.kind).toBe("InvalidDefinition");
    expect(e?.path).toEqual(["cuda", "manifests", "12.2.2", "redistrib", "cuda_cudart", "linux-riscv64"]);
    expect(e?.message).toContain("linux-sbsa, linux-x86_64");
    expect(e?.message).toContain(redistribFile);
  });

  test("the real manifests and release lists have no unknown platform", () => {
    const result = checked(read("modules/cuda/manifests/redistrib_12.2.2.json"), read("modules/cuda/manifests/feature_12.2.2.json"));
    if (E.isLeft(result)) throw result.left[0];
    expect(checkManifestPlatforms(result.right)).toEqual([]);
  });

  test("a feature manifest with a platform its redistrib manifest lacks is an error naming both files", () => {
    const feature = read("modules/cuda/manifests/feature_12.2.2.json");
    feature["cuda_cudart"]["windows-arm64"] = feature["cuda_cudart"]["linux-x86_64"];
    delete feature["cuda_nvcc"];
    const result = checked(read("modules/cuda/manifests/redistrib_12.2.2.json"), feature);
    if (E.isLeft(result)) throw result.left[0];
    const errors = crossCheckManifests(result.right, { redistrib: redistribFile, feature: featureFile });
    expect(errors.map((e) => e.path)).toEqual([
      ["cuda", "manifests", "12.2.2", "feature", "cuda_cudart", "windows-arm64"],
      ["cuda", "manifests", "12.2.2", "redistrib", "cuda_nvcc"],
    ]);
    for (const e of errors) {
      expect(e.kind).toBe("InvalidDefinition");
      expect(e.message).toContain(redistribFile);
      expect(e.message).toContain(featureFile);
    }
  });
});

describe("bad release lists", () => {
  const file = "modules/cudnn/releases.json";

  function releaseError(mutate: (data: Json) => void): ModuleError {
    const data = read(file);
    mutate(data);
    return firstError(checkReleaseList(evaluateCuda({ releases: [{ file, data }] }), "cudnn"));
  }

  test("a version with three parts is a TypeMismatch naming the version pattern, the path and the file", () => {
    const e = releaseError((d) => (d["cudnn"]["releases"]["linux-x86_64"][2]["version"] = "8.9.7"));
    expect(e.kind).toBe("TypeMismatch");
    expect(e.path).toEqual(["cudnn", "releases", "linux-x86_64", "[definition 1-entry 3]", "version"]);
    expect(e.message).toContain("major, minor, patch, and build");
    expect(e.message).toContain(file);
    expect(e.message).toContain('"8.9.7"');
  });

  test("a release without a hash is NoDefinition at its path, naming the file", () => {
    const e = releaseError((d) => delete d["cudnn"]["releases"]["linux-sbsa"][0]["hash"]);
    expect(e.kind).toBe("NoDefinition");
    expect(e.path).toEqual(["cudnn", "releases", "linux-sbsa", "[definition 1-entry 1]", "hash"]);
    expect(e.message).toContain(file);
  });

  test("an unknown platform of a release list is named", () => {
    const data = read(file);
    data["cudnn"]["releases"]["linux-mips"] = [];
    const result = checkReleaseList(evaluateCuda({ releases: [{ file, data }] }), "cudnn");
    if (E.isLeft(result)) throw result.left[0];
    expect(checkReleaseListPlatforms(result.right, file).map((e) => e.path)).toEqual([["cudnn", "releases", "linux-mips"]]);
  });
});

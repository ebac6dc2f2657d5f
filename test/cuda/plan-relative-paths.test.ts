// Escaping relative_path (and license_path) values in a checked manifest are refused with an
// error, never joined into a URL: the real 12.2.2 manifests, with one value replaced.
import { readFileSync } from "node:fs";
import path from "node:path";
import { either as E } from "fp-ts";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { buildPlan } from "../../src/cuda/build-plan.js";
import { evaluateCuda } from "../../src/cuda/evaluate.js";
import { checkManifest, type Manifest } from "../../src/cuda/manifest.js";
import { cudaPackages } from "../../src/cuda/package-set.js";
import { checkRelativePath, relativePathError } from "../../src/cuda/relative-path.js";
import { fromHex, fromSri } from "../../src/cuda/src-hash.js";
import { projectRoot } from "../../src/load/bundled-data.js";
import { expectModuleError, thrownBy } from "../support/module-errors.js";

const read = (name: string): Record<string, Record<string, unknown>> =>
  JSON.parse(readFileSync(path.join(projectRoot, "modules", "cuda", "manifests", name), "utf8")) as Record<string, Record<string, unknown>>;

/** The 12.2.2 manifests evaluated with `edit` applied to cuda_cudart's redistrib entry. */
function withCudart(edit: (cudart: Record<string, unknown>) => void) {
  const redistrib = read("redistrib_12.2.2.json");
  edit(redistrib["cuda_cudart"]!);
  const evaluation = evaluateCuda({
    manifests: [
      { product: "cuda", kind: "redistrib", version: "12.2.2", file: "define-escaping-path.json", data: redistrib },
      { product: "cuda", kind: "feature", version: "12.2.2", file: "feature_12.2.2.json", data: read("feature_12.2.2.json") },
    ],
  });
  const result = checkManifest(evaluation, "cuda", "12.2.2");
  if (E.isLeft(result)) throw result.left[0];
  return { evaluation, manifest: result.right as Manifest };
}

const escaping = [
  ["../../../etc/passwd", ".. segment"],
  ["cuda_cudart/../../secrets/archive.tar.xz", ".. segment"],
  ["/etc/passwd", "absolute"],
  ["cuda_cudart\\linux-x86_64\\archive.tar.xz", "backslash"],
  ["%2e%2e/%2e%2e/archive.tar.xz", "percent-encoded"],
  ["cuda_cudart/%2E%2E/archive.tar.xz", "percent-encoded"],
  ["cuda_cudart%2f..%2farchive.tar.xz", "percent-encoded"],
  ["https://example.com/archive.tar.xz", "scheme"],
  ["C:/archive.zip", "scheme or drive letter"],
  ["cuda_cudart//archive.tar.xz", "empty or . segment"],
  ["./cuda_cudart/archive.tar.xz", "empty or . segment"],
  ["cuda_cudart/archive.tar.xz?x=1", "query or fragment"],
  ["", "empty"],
] as const;

describe("escaping relative_path values are refused", () => {
  for (const [relativePath, reason] of escaping) {
    test(`${JSON.stringify(relativePath)} (${reason})`, () => {
      const { manifest, evaluation } = withCudart((cudart) => {
        (cudart["linux-x86_64"] as Record<string, unknown>)["relative_path"] = relativePath;
      });
      const at = ["cuda", "manifests", "12.2.2", "redistrib", "cuda_cudart", "linux-x86_64", "relative_path"];
      const e = thrownBy(() => buildPlan({ manifest, pname: "cuda_cudart", system: "x86_64-linux", cudaVersion: "12.2" }));
      expectModuleError(e, "InvalidDefinition", at, [reason, "correct it in the manifest"]);
      // In the package set, only that package is unavailable, with the same error; no URL is made.
      const set = cudaPackages({ evaluation, cudaVersion: "12.2.2", system: "x86_64-linux" });
      expect(set.packages["cuda_cudart"]).toMatchObject({ available: false, plan: null });
      expect(JSON.stringify(set.packages["cuda_cudart"])).toContain(reason);
      expect(set.packages["cuda_cccl"]?.available).toBe(true);
      // Other platforms of the same package do not read the bad value.
      expect(cudaPackages({ evaluation, cudaVersion: "12.2.2", system: "aarch64-linux" }).packages["cuda_cudart"]?.available).toBe(true);
    });
  }

  test("an escaping license_path is refused too: it becomes the licence URL", () => {
    const { manifest } = withCudart((cudart) => {
      cudart["license_path"] = "../../LICENSE.txt";
    });
    const e = thrownBy(() => buildPlan({ manifest, pname: "cuda_cudart", system: "x86_64-linux", cudaVersion: "12.2" }));
    expectModuleError(e, "InvalidDefinition", ["cuda", "manifests", "12.2.2", "redistrib", "cuda_cudart", "license_path"], [".. segment"]);
  });

  test("every real path is accepted as it is", () => {
    expect(() => checkRelativePath("cuda_cudart/linux-x86_64/cuda_cudart-linux-x86_64-12.2.140-archive.tar.xz", ["p"])).not.toThrow();
    expect(() => checkRelativePath("libcutensor/linux-sbsa/libcutensor-linux-sbsa-2.0.1.2-archive.tar.xz", ["p"])).not.toThrow();
  });

  test("a path is accepted exactly when its slash-separated segments are names of letters, digits and . _ + -, none empty, . or ..", () => {
    // The rule, written out segment by segment, against the checker's (which answers most paths with one pattern).
    const plain = (p: string) => p.split("/").every((s) => s !== "." && s !== ".." && /^[A-Za-z0-9_+-][A-Za-z0-9._+-]*$/.test(s));
    const accepted = (p: string) => relativePathError(p, ["p"]) === null;
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("a", "Z", "0", "-", "_", "+", ".", "/", "\\", "%", "?", "#", ":", " ", "é"), maxLength: 12 }), (p) => {
        expect(accepted(p)).toBe(plain(p));
      }),
      { seed: 20261206, numRuns: 3000 },
    );
    for (const p of ["", "/", "a/", "/a", "a//b", "./a", "a/./b", "a/../b", "..", "...", "a.b/c-d+e_f", "C:x", "a%2e", "a?b", "a#b", "a\\b"]) expect(accepted(p), p).toBe(plain(p));
  });
});

describe("archive hashes as SRI and hex", () => {
  test("a manifest's hex sha256 gets its SRI form, and back", () => {
    const hex = "baebd331249bca0edf36776ead90e6b2024ffee01ea26cd9dd07344bebeaff08";
    const both = fromHex(hex, ["p"]);
    expect(both.hash).toBe("sha256-uuvTMSSbyg7fNndurZDmsgJP/uAeomzZ3Qc0S+vq/wg=");
    expect(fromSri(both.hash, ["p"]).sha256).toBe(hex);
  });

  test("a malformed hash is an error at its path, not repaired", () => {
    expectModuleError(thrownBy(() => fromHex("baebd3", ["x", "sha256"])), "TypeMismatch", ["x", "sha256"], ["64 hex digits"]);
    expectModuleError(
      thrownBy(() => fromSri("sha256-Bp2ghM02jzn7gw1MTpMYAwZPtl52b0z33y2ko", ["x", "hash"])),
      "TypeMismatch",
      ["x", "hash"],
      ["43 base64 characters"],
    );
  });

  test("an SRI hash without its = padding is accepted, as Nix accepts it, and kept as written", () => {
    // `nix hash to-base16` gives 069da084…ba9f for this string with and without the padding.
    const unpadded = fromSri("sha256-Bp2ghM02jzn7gw1MTpMYAwZPtl52b0z33y2ko0aiup8", ["x", "hash"]);
    expect(unpadded).toEqual({ hash: "sha256-Bp2ghM02jzn7gw1MTpMYAwZPtl52b0z33y2ko0aiup8", sha256: "069da084cd368f39fb830d4c4e931803064fb65e766f4cf7df2da4a346a2ba9f" });
  });
});

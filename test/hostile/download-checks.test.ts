// `check` refuses what `plan` would refuse (issue 19): a relative_path or license_path that could
// leave NVIDIA's redist folder, in a manifest of either format; a release whose url is not an
// https:// download; a release whose minCudaVersion is above its maxCudaVersion. Each an error
// at the value, located.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { root } from "../cli/run-cli.js";
import { checkPaths, expectWellFormed, scratchDirectory, writeInput } from "./hostile-files.js";

const dir = scratchDirectory("download-checks");
const real = (relative: string): Record<string, any> => JSON.parse(readFileSync(path.join(root, relative), "utf8"));

/** The line and column (from 1) of the first `needle` in `text` after `after`. */
function at(text: string, needle: string, after = ""): { line: number; column: number } {
  const offset = text.indexOf(needle, after === "" ? 0 : text.indexOf(after));
  const before = text.slice(0, offset).split("\n");
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

const escaping = ["../../etc/passwd", "/etc/passwd", "cuda_cudart\\..\\x.tar.xz", "cuda_cudart/%2e%2e/x.tar.xz", "file:///etc/passwd", "a/b.tar.xz?x=1", "a/b.tar.xz#x", "a//b.tar.xz"];

describe("paths that would leave the redist folder", () => {
  for (const bad of escaping) {
    test(`relative_path ${JSON.stringify(bad)} in a flat CUDA manifest: an error at it`, () => {
      const data = real("modules/cuda/manifests/redistrib_12.2.2.json");
      data["cuda_cudart"]["linux-x86_64"]["relative_path"] = bad;
      const text = JSON.stringify(data, null, 4);
      const diagnostics = checkPaths([writeInput(dir, `flat/${encodeURIComponent(bad)}/cuda/redistrib_12.2.2.json`, text)]);
      expectWellFormed(diagnostics);
      const where = at(text, '"relative_path"', '"cuda_cudart"');
      expect(diagnostics.map((d) => [d.kind, d.path, d.locations[0]?.line, d.locations[0]?.column])).toEqual([
        ["InvalidDefinition", ["cuda", "manifests", "12.2.2", "redistrib", "cuda_cudart", "linux-x86_64", "relative_path"], where.line, where.column],
      ]);
      expect(diagnostics[0]!.message).toContain("is refused");
    });
  }

  test("a variant archive's relative_path and a license_path in a manifest with CUDA variants", () => {
    const data = real("modules/newer/cudnn/redistrib_9.12.0.json");
    data["cudnn"]["linux-x86_64"]["cuda13"]["relative_path"] = "../cudnn.tar.xz";
    data["cudnn"]["license_path"] = "/LICENSE.txt";
    const text = JSON.stringify(data, null, 4);
    const diagnostics = checkPaths([writeInput(dir, "variants/cudnn/redistrib_9.12.0.json", text)]);
    expectWellFormed(diagnostics);
    const base = ["newer", "manifests", "cudnn", "9.12.0", "cudnn"];
    expect(diagnostics.map((d) => [d.kind, d.path, d.locations[0]?.line])).toEqual([
      ["InvalidDefinition", [...base, "license_path"], at(text, '"license_path"', '"cudnn"').line],
      ["InvalidDefinition", [...base, "linux-x86_64", "cuda13", "relative_path"], at(text, '"relative_path"', '"cuda13"').line],
    ]);
  });

  test("the real manifests have no such path", () => {
    const files = ["modules/cuda/manifests/redistrib_12.9.1.json", "modules/newer/cudnn/redistrib_9.27.0.json", "modules/newer/nvpl/redistrib_26.5.json"];
    const diagnostics = checkPaths(files.map((f) => path.join(root, f)));
    expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });
});

describe("release lists", () => {
  test("a url that is not https://, and a minCudaVersion above maxCudaVersion: errors at them", () => {
    const data = real("modules/cudnn/releases.json");
    data["cudnn"]["releases"]["linux-x86_64"][1]["url"] = "http://example.com/cudnn.tar.xz";
    const third = data["cudnn"]["releases"]["linux-x86_64"][2];
    [third["minCudaVersion"], third["maxCudaVersion"]] = ["99.1", "99.0"];
    const text = JSON.stringify(data, null, 2);
    const diagnostics = checkPaths([writeInput(dir, "lists/cudnn/releases.json", text)]);
    expectWellFormed(diagnostics);
    expect(diagnostics.map((d) => [d.kind, d.path, d.locations[0]?.line])).toEqual([
      ["InvalidDefinition", ["cudnn", "releases", "linux-x86_64", "[definition 1-entry 2]", "url"], at(text, '"http://example.com').line],
      ["InvalidDefinition", ["cudnn", "releases", "linux-x86_64", "[definition 1-entry 3]", "maxCudaVersion"], at(text, '"maxCudaVersion": "99.0"').line],
    ]);
  });
});

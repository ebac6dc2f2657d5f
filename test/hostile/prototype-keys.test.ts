// Issue 10: keys named like Object.prototype's members are data: stored in the checked Manifest,
// reported at their path when they are wrong, and Object.prototype is unchanged afterwards.
import { readFileSync } from "node:fs";
import path from "node:path";
import { either as E } from "fp-ts";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { evaluateCuda } from "../../src/cuda/evaluate.js";
import { checkManifest, checkReleaseList } from "../../src/cuda/manifest.js";
import { check, lib } from "../../src/lib/index.js";
import { parseDefinitionText } from "../../src/load/index.js";
import { root } from "../cli/run-cli.js";
import { checkPaths, expectWellFormed, prototypeSnapshot, scratchDirectory, writeInput } from "./hostile-files.js";

const names = ["__proto__", "constructor", "prototype", "toString"] as const;
const dir = scratchDirectory("proto");
const archive = JSON.parse(readFileSync(path.join(root, "modules/cuda/manifests/redistrib_12.2.2.json"), "utf8"))["cuda_cudart"]["linux-x86_64"] as unknown;
let before: unknown;

beforeAll(() => {
  before = prototypeSnapshot();
});
afterAll(() => {
  expect(prototypeSnapshot()).toEqual(before);
});

/** JSON text with the key `name` everywhere a manifest has keys of its own: package, platform. */
function manifestText(name: string): string {
  const pkg = `{"name": "n", "license": "l", "version": "1", "linux-x86_64": ${JSON.stringify(archive)}}`;
  return `{"release_label": "1.0.0", ${JSON.stringify(name)}: ${pkg}, "pkg": {"name": "n", "license": "l", "version": "1", ${JSON.stringify(name)}: ${JSON.stringify(archive)}}}`;
}

function parse(text: string, syntax: "json" | "yaml" = "json"): unknown {
  const result = parseDefinitionText(new TextEncoder().encode(text), `f.${syntax}`, syntax);
  if (E.isLeft(result)) throw new Error(result.left[0]!.message);
  return result.right.data;
}

describe.each(names)("the key %s", (name) => {
  test("is an own key of the parsed data, in JSON and YAML", () => {
    for (const data of [parse(`{${JSON.stringify(name)}: {"polluted": true}}`), parse(`${name}: {polluted: true}\n`, "yaml")]) {
      expect(Object.keys(data as object)).toEqual([name]);
      expect(Object.getOwnPropertyDescriptor(data, name)?.value).toEqual({ polluted: true });
      expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
    }
  });

  test("names a package and a platform of the checked Manifest, with its data", () => {
    const data = parse(manifestText(name));
    const result = checkManifest(evaluateCuda({ manifests: [{ product: "cuda", kind: "redistrib", version: "1.0.0", file: "f.json", data }] }), "cuda", "1.0.0");
    if (E.isLeft(result)) throw result.left[0];
    const redistrib = result.right.redistrib as Record<string, unknown>;
    expect(Object.hasOwn(redistrib, name)).toBe(true);
    expect(Object.getOwnPropertyDescriptor(redistrib, name)?.value).toMatchObject({ name: "n", "linux-x86_64": archive });
    const pkg = redistrib["pkg"] as Record<string, unknown>;
    expect(Object.getOwnPropertyDescriptor(pkg, name)?.value).toEqual(archive);
  });

  test("is reported at its path when its value is wrong, and as an unknown platform", () => {
    const text = `{"release_label": "1.0.0", ${JSON.stringify(name)}: 5, "pkg": {"name": "n", "license": "l", "version": "1", ${JSON.stringify(name)}: ${JSON.stringify(archive)}}}`;
    const diagnostics = checkPaths([writeInput(dir, `${name}/redistrib_1.0.0.json`, text)]);
    expectWellFormed(diagnostics);
    expect(diagnostics.map((d) => [d.kind, d.path.slice(4)])).toEqual([
      ["TypeMismatch", [name]],
      ["InvalidDefinition", ["pkg", name]],
    ]);
    expect(diagnostics[0]!.locations[0]).toMatchObject({ line: 1, column: 28 });
    expect(diagnostics[1]!.message).toContain("is not a known platform");
  });

  test("is an extra field of a release list, kept as data", () => {
    const data = parse(`{"cudnn": {"releases": {"linux-x86_64": [{"version": "8.9.7.29", "minCudaVersion": "12.0", "maxCudaVersion": "12.2", "hash": "sha256-x", ${JSON.stringify(name)}: {"polluted": true}}]}}}`);
    const result = checkReleaseList(evaluateCuda({ releases: [{ file: "r.json", data }] }), "cudnn");
    if (E.isLeft(result)) throw result.left[0];
    const release = result.right.releases["linux-x86_64"]![0]! as Record<string, unknown>;
    expect(Object.getOwnPropertyDescriptor(release, name)?.value).toEqual({ polluted: true });
  });

  test("is an attribute name like any other for the engine", () => {
    const { mkOption, types } = lib;
    const config = JSON.parse(`{"x": {${JSON.stringify(name)}: 1}, "y": {${JSON.stringify(name)}: {"a": 1}}}`) as object;
    const diagnostics = check({ modules: [{ options: { x: mkOption({ type: types.attrsOf(types.str) }), y: mkOption({ type: types.attrsOf(types.anything) }) } }, { config }] });
    expect(diagnostics.map((d) => [d.kind, d.path])).toEqual([["TypeMismatch", ["x", name]]]);
    expect(({} as Record<string, unknown>)["a"]).toBeUndefined();
  });
});

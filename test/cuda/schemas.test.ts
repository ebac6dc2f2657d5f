// The checked-in schemas (`schemas/`) are the ones the modules' declarations give, every real
// manifest and release list fits them, and broken copies fail both ajv and `check` (issue 7).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { Ajv, type ValidateFunction } from "ajv";
import { either as E } from "fp-ts";
import { describe, expect, test } from "vitest";
import { evaluateCuda } from "../../src/cuda/evaluate.js";
import { checkManifest, checkReleaseList } from "../../src/cuda/manifest.js";
import { cudaSchemaFiles, cudaSchemas } from "../../src/cuda/schemas.js";
import { projectRoot } from "../../src/load/bundled-data.js";

type Json = Record<string, any>;

const schemas = cudaSchemas();
const ajv = new Ajv({ allErrors: true, strict: true });
const validators = new Map<string, ValidateFunction>(
  Object.entries(schemas).map(([file, schema]) => [file, ajv.compile(schema)]),
);

function validator(file: string): ValidateFunction {
  const validate = validators.get(file);
  if (validate === undefined) throw new Error(`no schema ${file}`);
  return validate;
}

function read(relative: string): Json {
  return JSON.parse(readFileSync(path.join(projectRoot, relative), "utf8")) as Json;
}

/** ajv's verdict, with its errors when it refuses. */
function validate(file: string, data: unknown): { valid: boolean; errors: string } {
  const run = validator(file);
  const valid = run(data) === true;
  return { valid, errors: ajv.errorsText(run.errors) };
}

const manifestFiles = ["cuda", "cusparselt", "cutensor"].flatMap((product) =>
  readdirSync(path.join(projectRoot, "modules", product, "manifests"))
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) => ({ product, name, relative: `modules/${product}/manifests/${name}` })),
);
const releaseFiles = ["cudnn", "tensorrt"].map((product) => ({ product, relative: `modules/${product}/releases.json` }));

describe("checked-in schemas", () => {
  test("schemas/ holds exactly the generated schemas, byte for byte (run `npx tsx scripts/write-schemas.ts` after a change)", () => {
    const onDisk = readdirSync(path.join(projectRoot, "schemas")).filter((name) => name.endsWith(".schema.json")).sort();
    expect(onDisk).toEqual(Object.keys(schemas).sort());
    for (const [file, schema] of Object.entries(schemas)) {
      const text = readFileSync(path.join(projectRoot, "schemas", file), "utf8");
      expect(text, `schemas/${file} is stale`).toBe(`${JSON.stringify(schema, null, 2)}\n`);
    }
  });

  test("the three data files have a schema each, of draft-07", () => {
    expect(Object.keys(schemas).sort()).toEqual(Object.values(cudaSchemaFiles).sort());
    for (const schema of Object.values(schemas)) expect(schema.$schema).toBe("http://json-schema.org/draft-07/schema#");
  });
});

describe("every real data file fits its schema", () => {
  test("there are real files to validate", () => {
    expect(manifestFiles.filter((f) => f.name.startsWith("redistrib_")).length).toBeGreaterThan(20);
    expect(manifestFiles.filter((f) => f.name.startsWith("feature_")).length).toBeGreaterThan(15);
  });

  test.each(manifestFiles)("$relative", ({ name, relative }) => {
    const file = name.startsWith("redistrib_") ? cudaSchemaFiles.redistribManifest : cudaSchemaFiles.featureManifest;
    expect(validate(file, read(relative))).toEqual({ valid: true, errors: "No errors" });
  });

  test.each(releaseFiles)("$relative", ({ relative }) => {
    expect(validate(cudaSchemaFiles.releaseList, read(relative))).toEqual({ valid: true, errors: "No errors" });
  });
});

const version = "12.2.2";
const realRedistrib = () => read(`modules/cuda/manifests/redistrib_${version}.json`);
const realFeature = () => read(`modules/cuda/manifests/feature_${version}.json`);

function checkPair(redistrib: Json, feature: Json): boolean {
  const evaluation = evaluateCuda({
    manifests: [
      { product: "cuda", kind: "redistrib", version, file: "redistrib.json", data: redistrib },
      { product: "cuda", kind: "feature", version, file: "feature.json", data: feature },
    ],
  });
  return E.isRight(checkManifest(evaluation, "cuda", version));
}

function checkReleases(product: string, data: Json): boolean {
  return E.isRight(checkReleaseList(evaluateCuda({ releases: [{ file: "releases.json", data }] }), product));
}

describe("broken copies fail ajv and check alike", () => {
  const brokenRedistrib: [string, (m: Json) => void, string][] = [
    ["a missing sha256", (m) => delete m["cuda_cudart"]["linux-x86_64"]["sha256"], "sha256"],
    ["a size written as a number", (m) => (m["cuda_cudart"]["linux-sbsa"]["size"] = 1058992), "must be string"],
    ["an unknown key in an archive", (m) => (m["cuda_cudart"]["linux-x86_64"]["sha265"] = "00"), "additional properties"],
    ["a package without a version", (m) => delete m["cuda_nvcc"]["version"], "version"],
    ["a package that is not a set", (m) => (m["cuda_nvcc"] = "12.2.140"), "must be object"],
  ];
  test.each(brokenRedistrib)("redistrib manifest: %s", (_, breakIt, message) => {
    const data = realRedistrib();
    expect(validate(cudaSchemaFiles.redistribManifest, data).valid).toBe(true);
    expect(checkPair(data, realFeature())).toBe(true);
    breakIt(data);
    const result = validate(cudaSchemaFiles.redistribManifest, data);
    expect(result.valid).toBe(false);
    expect(result.errors).toContain(message);
    expect(checkPair(data, realFeature())).toBe(false);
  });

  const brokenFeature: [string, (m: Json) => void, string][] = [
    ["an output missing", (m) => delete m["cuda_cudart"]["linux-x86_64"]["outputs"]["lib"], "lib"],
    ["an output that is not a boolean", (m) => (m["cuda_cudart"]["linux-x86_64"]["outputs"]["dev"] = "yes"), "must be boolean"],
    ["an unknown output", (m) => (m["cuda_cudart"]["linux-x86_64"]["outputs"]["python"] = true), "additional properties"],
  ];
  test.each(brokenFeature)("feature manifest: %s", (_, breakIt, message) => {
    const data = realFeature();
    breakIt(data);
    const result = validate(cudaSchemaFiles.featureManifest, data);
    expect(result.valid).toBe(false);
    expect(result.errors).toContain(message);
    expect(checkPair(realRedistrib(), data)).toBe(false);
  });

  const brokenReleases: [string, string, (m: Json) => void, string][] = [
    ["a version of three components", "cudnn", (m) => (m["cudnn"]["releases"]["linux-x86_64"][0]["version"] = "9.3.0"), "must match pattern"],
    ["a CUDA version with a patch", "cudnn", (m) => (m["cudnn"]["releases"]["linux-x86_64"][0]["minCudaVersion"] = "12.0.1"), "must match pattern"],
    ["a missing hash", "tensorrt", (m) => delete m["tensorrt"]["releases"]["linux-x86_64"][0]["hash"], "hash"],
    ["releases that are not a list", "tensorrt", (m) => (m["tensorrt"]["releases"]["linux-x86_64"] = {}), "must be array"],
    ["an unknown product", "cudnn", (m) => (m["cudnnn"] = m["cudnn"]), "additional properties"],
  ];
  test.each(brokenReleases)("release list: %s", (_, product, breakIt, message) => {
    const data = read(`modules/${product}/releases.json`);
    expect(checkReleases(product, data)).toBe(true);
    breakIt(data);
    const result = validate(cudaSchemaFiles.releaseList, data);
    expect(result.valid).toBe(false);
    expect(result.errors).toContain(message);
    expect(checkReleases(product, data)).toBe(false);
  });

  test("free-form fields of a release are accepted by both (the release type is open)", () => {
    const data = read("modules/cudnn/releases.json");
    data["cudnn"]["releases"]["linux-x86_64"][0]["comment"] = "extra";
    expect(validate(cudaSchemaFiles.releaseList, data).valid).toBe(true);
    expect(checkReleases("cudnn", data)).toBe(true);
  });
});

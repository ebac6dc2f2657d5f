// The redistrib manifest schema for editors (issue 22): it accepts every real manifest `check`
// accepts, in both formats, refuses what `check` refuses where JSON Schema can say it, has an $id,
// and works in a real language service (vscode-json-languageservice, as VS Code runs it):
// platform names are completed, and a misspelt field is a diagnostic at its line.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { Ajv } from "ajv";
import { describe, expect, test } from "vitest";
import { getLanguageService, TextDocument, type JSONSchema } from "vscode-json-languageservice";
import { cudaSchemaFiles, cudaSchemas } from "../../src/cuda/schemas.js";
import { redistSystems } from "../../src/cuda/platforms.js";
import { projectRoot } from "../../src/load/bundled-data.js";

type Json = Record<string, any>;

const schemas = cudaSchemas();
const schema = schemas[cudaSchemaFiles.redistribManifest]!;
const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);
const read = (relative: string): Json => JSON.parse(readFileSync(path.join(projectRoot, relative), "utf8")) as Json;

const redistribFiles = [
  ...["cuda", "cusparselt", "cutensor"].flatMap((product) =>
    readdirSync(path.join(projectRoot, "modules", product, "manifests"))
      .filter((name) => name.startsWith("redistrib_"))
      .map((name) => `modules/${product}/manifests/${name}`),
  ),
  ...readdirSync(path.join(projectRoot, "modules", "newer")).flatMap((product) =>
    readdirSync(path.join(projectRoot, "modules", "newer", product)).map((name) => `modules/newer/${product}/${name}`),
  ),
].sort();

describe("the redistrib manifest schema", () => {
  test("every schema has an $id", () => {
    for (const [file, s] of Object.entries(schemas)) expect([file, (s as { $id?: string }).$id]).toEqual([file, `urn:cuda-modules:schema:${file}`]);
  });

  for (const file of redistribFiles) {
    test(`accepts ${file}, as check does`, () => {
      expect(validate(read(file)), JSON.stringify(validate.errors)).toBe(true);
    });
  }

  const refused: [string, (m: Json) => void][] = [
    ["a misspelt field (licence)", (m) => (m["cuda_cudart"]["licence"] = m["cuda_cudart"]["license"])],
    ["a misspelt platform", (m) => (m["cuda_cudart"]["linux-x86-64"] = m["cuda_cudart"]["linux-x86_64"])],
    ["a sha256 that is not 64 hexadecimal digits", (m) => (m["cuda_cudart"]["linux-x86_64"]["sha256"] = "xyz")],
    ["an md5 that is not 32 hexadecimal digits", (m) => (m["cuda_cudart"]["linux-x86_64"]["md5"] = "0")],
    ["a size that is not decimal digits", (m) => (m["cuda_cudart"]["linux-x86_64"]["size"] = "12 MB")],
    ["a package without a name", (m) => delete m["cuda_cudart"]["name"]],
    ["an archive without an md5", (m) => delete m["cuda_cudart"]["linux-x86_64"]["md5"]],
    ["a variant key that is not cuda<variant>", (m) => (m["cuda_cudart"]["linux-x86_64"] = { cu12: m["cuda_cudart"]["linux-x86_64"] })],
    ["a cuda_variant entry that is not a version", (m) => (m["cuda_cudart"]["cuda_variant"] = ["12.x"])],
  ];
  for (const [name, mutate] of refused) {
    test(`refuses ${name}, as check does`, () => {
      const data = read("modules/cuda/manifests/redistrib_12.2.2.json");
      mutate(data);
      expect(validate(data)).toBe(false);
    });
  }
});

describe("in a JSON language service (vscode-json-languageservice)", () => {
  const service = getLanguageService({});
  service.configure({ validate: true, schemas: [{ uri: "urn:cuda-modules:schema:redistrib-manifest.schema.json", fileMatch: ["**/redistrib_*.json"], schema: schema as JSONSchema }] });
  const open = (text: string) => {
    const document = TextDocument.create("file:///work/cuda/redistrib_99.0.0.json", "json", 1, text);
    return { document, json: service.parseJSONDocument(document) };
  };

  test("completes the platform names inside a package", async () => {
    const text = '{\n  "cuda_cudart": {\n    "name": "CUDA Runtime",\n    \n  }\n}';
    const { document, json } = open(text);
    const completion = await service.doComplete(document, { line: 3, character: 4 }, json);
    const labels = (completion?.items ?? []).map((item) => item.label.replace(/"/g, ""));
    for (const platform of redistSystems) expect(labels).toContain(platform);
    expect(labels).toContain("license");
    expect(labels).toContain("cuda_variant");
  });

  test("a misspelt field and a malformed sha256 are diagnostics at their lines", async () => {
    const text = [
      "{",
      '  "cuda_cudart": {',
      '    "name": "CUDA Runtime",',
      '    "licence": "CUDA Toolkit",',
      '    "license": "CUDA Toolkit",',
      '    "version": "1.0",',
      '    "linux-x86_64": { "relative_path": "a/b.tar.xz", "sha256": "xyz", "md5": "00000000000000000000000000000000", "size": "1" }',
      "  }",
      "}",
    ].join("\n");
    const { document, json } = open(text);
    const diagnostics = await service.doValidation(document, json);
    const lines = diagnostics.map((d) => d.range.start.line).sort();
    expect(lines).toEqual([3, 6]);
  });
});

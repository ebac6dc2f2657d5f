// The SARIF that `cuda-modules check --format sarif` prints is valid against the official SARIF
// 2.1.0 schema (a verbatim copy: test/support/sarif-schema-2.1.0.json, its source in the README
// beside it), for a clean run and for located errors in a file whose path needs percent-encoding,
// under the working directory (a relative URI against %SRCROOT%) and outside it (a file: URI).
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Ajv } from "ajv";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { root, runCli, type CliRun } from "./run-cli.js";

// The OASIS schema (SARIF 2.1.0 Errata 01) is written in JSON Schema draft-04: `"$schema":
// ".../draft-04/schema#"` and `id` rather than `$id`. ajv 8's `Ajv` knows draft-07, has no
// draft-04 meta-schema (that is the separate ajv-draft-04 package, not a dependency) and refuses
// the keyword `id`. So the file stays verbatim and ajv is given it with those two header keywords
// translated: `id` becomes `$id` and `$schema` is dropped, so ajv checks it against its default
// draft-07 meta-schema (it passes). Every keyword the schema validates with (type, enum,
// required, properties, additionalProperties, items, minItems, uniqueItems, minimum, pattern,
// anyOf, $ref to #/definitions; no exclusiveMinimum) means the same in draft-04 and draft-07.
// - `strictRequired: false`: strict mode otherwise refuses the schema itself, whose `anyOf`
//   branches `required` properties declared only in the parent (e.g. region, physicalLocation);
// - `validateFormats: false`: `format` (uri, uri-reference, date-time) needs ajv-formats, which is
//   not installed; the URIs are checked by hand below instead (RFC 3986 characters, and that they
//   decode back to the file).
const { id, $schema: draft04, ...definitions } = JSON.parse(readFileSync(path.join(root, "test/support/sarif-schema-2.1.0.json"), "utf8")) as Record<string, unknown>;
const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false, validateFormats: false });
const validateSarif = ajv.compile({ $id: id as string, ...definitions });

interface ArtifactLocation {
  uri: string;
  uriBaseId?: string;
}

interface SarifLog {
  version: string;
  runs: {
    originalUriBaseIds?: Record<string, ArtifactLocation>;
    results: {
      ruleId: string;
      level: string;
      locations: { physicalLocation: { artifactLocation: ArtifactLocation; region?: { startLine: number } } }[];
    }[];
  }[];
}

/** The log a run printed, after asserting it is valid SARIF 2.1.0 (with ajv's errors, and the parts of the log they point at, when it is not). */
function validLog(run: CliRun): SarifLog {
  const log = JSON.parse(run.stdout) as unknown;
  const valid = validateSarif(log);
  const report = (validateSarif.errors ?? []).map((e) => {
    const offending = e.instancePath.split("/").slice(1).reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key.replace(/~1/g, "/").replace(/~0/g, "~")], log);
    return `${e.instancePath || "/"} ${e.message ?? ""} (${e.schemaPath}) ${JSON.stringify(e.params)}\n  at: ${JSON.stringify(offending)}`;
  });
  expect(report, "the SARIF log is not valid against the SARIF 2.1.0 schema").toEqual([]);
  expect(valid).toBe(true);
  return log as SarifLog;
}

/** An RFC 3986 URI reference: only unreserved and reserved characters, and %HH escapes. */
const uriReference = /^(?:[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$/;

/** The file an artifact location names, resolving a relative URI against the run's `originalUriBaseIds`. */
function fileOf(location: ArtifactLocation, run: SarifLog["runs"][number]): string {
  expect(location.uri).toMatch(uriReference);
  if (location.uriBaseId === undefined) {
    expect(location.uri.startsWith("file:")).toBe(true);
    return fileURLToPath(location.uri);
  }
  const base = run.originalUriBaseIds?.[location.uriBaseId];
  expect(base, `originalUriBaseIds has no ${location.uriBaseId}`).toBeDefined();
  expect(base!.uri).toMatch(uriReference);
  expect(base!.uri.endsWith("/")).toBe(true);
  return fileURLToPath(new URL(location.uri, base!.uri));
}

// A folder whose name has a space, a `%` (followed by digits, as if already escaped), a `#` and
// a non-ASCII letter, holding a copy of a real manifest with one field removed.
const folder = "dir with space%25#é";
let top: string;
let file: string;

beforeAll(() => {
  top = realpathSync(mkdtempSync(path.join(tmpdir(), "cuda-modules-sarif-")));
  const manifest = JSON.parse(readFileSync(path.join(root, "modules/cuda/manifests/redistrib_12.2.2.json"), "utf8")) as Record<string, Record<string, Record<string, unknown>>>;
  delete manifest["cuda_nvcc"]!["linux-x86_64"]!["sha256"];
  file = path.join(top, "tree", folder, "cuda", "redistrib_12.2.2.json");
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(manifest, null, 4));
  mkdirSync(path.join(top, "elsewhere"));
});

afterAll(() => rmSync(top, { recursive: true, force: true }));

describe("check --format sarif is valid SARIF 2.1.0", () => {
  test("the schema is the OASIS SARIF 2.1.0 (Errata 01) one, in draft-04", () => {
    expect(id).toBe("https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json");
    expect(draft04).toBe("http://json-schema.org/draft-04/schema#");
  });

  test("a clean run over a real manifest", () => {
    const run = runCli(["check", "--format", "sarif", "modules/cuda/manifests/redistrib_12.2.2.json"]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const log = validLog(run);
    expect(log.version).toBe("2.1.0");
    expect(log.runs).toHaveLength(1);
    expect(log.runs[0]!.results).toEqual([]);
  });

  const cases = [
    { name: "under the working directory: a relative URI against %SRCROOT%", cwd: () => path.join(top, "tree"), arg: () => path.join(folder, "cuda", "redistrib_12.2.2.json"), uriBaseId: "%SRCROOT%" },
    { name: "outside the working directory: an absolute file: URI", cwd: () => path.join(top, "elsewhere"), arg: () => file, uriBaseId: undefined },
  ];

  for (const c of cases) {
    test(`a located error in a file whose path has a space, %, # and é, ${c.name}`, () => {
      const run = runCli(["check", "--format", "sarif", c.arg()], c.cwd());
      expect(run.stderr).toBe("");
      expect(run.status).toBe(1);
      const log = validLog(run);
      const sarifRun = log.runs[0]!;
      expect(sarifRun.results.map((r) => [r.ruleId, r.level])).toEqual([["NoDefinition", "error"]]);
      const [location] = sarifRun.results[0]!.locations;
      expect(location!.physicalLocation.region?.startLine).toBeGreaterThan(0);
      const artifact = location!.physicalLocation.artifactLocation;
      expect(artifact.uriBaseId).toBe(c.uriBaseId);
      if (c.uriBaseId !== undefined) expect(artifact.uri.startsWith("file:")).toBe(false);
      expect(fileOf(artifact, sarifRun)).toBe(file);
    });
  }
});

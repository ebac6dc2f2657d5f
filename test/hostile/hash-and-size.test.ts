// Issue 10: a hash or size that cannot be what NVIDIA writes is a diagnostic at its path and at the
// value's line and column, whether it is a string of the wrong form (the key-level check) or not a
// string at all (the option type).
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { checkArchiveFields } from "../../src/cuda/archive-fields.js";
import { bundledManifests, bundledNewerManifests } from "../../src/load/index.js";
import { positionOf, root } from "../cli/run-cli.js";
import { checkPaths, expectWellFormed, scratchDirectory, writeInput } from "./hostile-files.js";

const dir = scratchDirectory("hash-size");
const text = readFileSync(path.join(root, "modules/cuda/manifests/redistrib_12.2.2.json"), "utf8");
const base = ["cuda", "manifests", "12.2.2", "redistrib", "cuda_cudart", "linux-x86_64"];
const sha256 = "baebd331249bca0edf36776ead90e6b2024ffee01ea26cd9dd07344bebeaff08";

/** The real manifest with one field of cuda_cudart's linux-x86_64 archive rewritten as `json`. */
function checkField(field: "sha256" | "md5" | "size", json: string) {
  const data = JSON.parse(text) as Record<string, Record<string, Record<string, unknown>>>;
  const placeholder = "@@value@@";
  data["cuda_cudart"]!["linux-x86_64"]![field] = placeholder;
  const edited = JSON.stringify(data, null, 4).replace(JSON.stringify(placeholder), json);
  const file = writeInput(dir, `${field}-${Buffer.from(json).toString("hex").slice(0, 40)}/redistrib_12.2.2.json`, edited);
  const diagnostics = checkPaths([file]);
  expectWellFormed(diagnostics);
  return { diagnostics, at: positionOf(edited, `"${field}": ${json}`, '"cuda_cudart"') };
}

describe("hash and size fields", () => {
  test.each([
    ["sha256", "a sha256 of 63 digits", JSON.stringify(sha256.slice(1)), "InvalidDefinition", "64 hexadecimal digits"],
    ["sha256", "a sha256 with a letter that is not hex", JSON.stringify(`g${sha256.slice(1)}`), "InvalidDefinition", "64 hexadecimal digits"],
    ["sha256", "an SRI hash where hex is expected", JSON.stringify("sha256-ur7TMSSbyg7fN2d66tbrICQP/uAeom3Z3Qc0S+v/8Ag="), "InvalidDefinition", "64 hexadecimal digits"],
    ["md5", "an md5 of 31 digits", JSON.stringify("e5deef4f6cb71f14aac5be5d5745daf"), "InvalidDefinition", "32 hexadecimal digits"],
    ["md5", "a sha256 where the md5 is expected", JSON.stringify(sha256), "InvalidDefinition", "32 hexadecimal digits"],
    ["size", "a negative size", JSON.stringify("-1058992"), "InvalidDefinition", "whole number of bytes"],
    ["size", "a fractional size", JSON.stringify("1058992.5"), "InvalidDefinition", "whole number of bytes"],
    ["size", "a size past 2^53", JSON.stringify("9007199254740993"), "InvalidDefinition", "at most 2^53 - 1"],
    ["size", "an empty size", JSON.stringify(""), "InvalidDefinition", "whole number of bytes"],
    ["size", "a negative number", "-1058992", "TypeMismatch", "is not of type `string'"],
    ["size", "a fractional number", "1058992.5", "TypeMismatch", "is not of type `string'"],
    ["sha256", "a number", "12", "TypeMismatch", "is not of type `string'"],
  ] as const)("%s: %s (%s) is %s at its path and position", (field, _what, json, kind, says) => {
    const { diagnostics, at } = checkField(field, json);
    expect(diagnostics.map((d) => ({ kind: d.kind, path: d.path, line: d.locations[0]?.line, column: d.locations[0]?.column }))).toEqual([
      { kind, path: [...base, field], ...at },
    ]);
    expect(diagnostics[0]!.message).toContain(says);
  });

  test("a size number past 2^53 is refused where it stands: JSON would round it", () => {
    const { diagnostics, at } = checkField("size", "9007199254740993");
    expect(diagnostics.map((d) => ({ kind: d.kind, line: d.locations[0]?.line, column: d.locations[0]?.column }))).toEqual([
      { kind: "ParseError", line: at.line, column: at.column + '"size": '.length },
    ]);
    expect(diagnostics[0]!.message).toContain("9007199254740993, which cannot be read exactly");
  });

  test("upper-case hex digits and the largest exact size are accepted", () => {
    expect(checkField("sha256", JSON.stringify(sha256.toUpperCase())).diagnostics).toEqual([]);
    expect(checkField("size", JSON.stringify(String(Number.MAX_SAFE_INTEGER))).diagnostics).toEqual([]);
  });

  test("every bundled manifest's hashes and sizes pass the check, in both formats", () => {
    for (const m of bundledManifests().filter((m) => m.kind === "redistrib")) expect([m.file, checkArchiveFields(m.data, [])]).toEqual([m.file, []]);
    for (const m of bundledNewerManifests()) expect([m.file, checkArchiveFields(m.data, [])]).toEqual([m.file, []]);
  });

  test("an archive of the newer format is checked per CUDA variant", () => {
    const data = { libcudnn: { name: "n", license: "l", version: "9", cuda_variant: ["12"], "linux-x86_64": { cuda12: { relative_path: "x", sha256: "nope", md5: "e5deef4f6cb71f14aac5be5d5745dafe", size: "1" } } } };
    expect(checkArchiveFields(data, ["newer"], "f.json").map((e) => e.path)).toEqual([["newer", "libcudnn", "linux-x86_64", "cuda12", "sha256"]]);
  });
});

// No silent loss or change (issue 19): YAML keys that are not strings are refused with their
// location (two of them could collapse into one key, and a package disappear); numbers that a
// double cannot hold as written are refused in every form (past 2^53 with `.0` or an exponent, a
// tiny one read as 0), in JSON and YAML alike.
import { describe, expect, test } from "vitest";
import { checkPaths, expectWellFormed, scratchDirectory, writeInput } from "./hostile-files.js";

const dir = scratchDirectory("no-silent-loss");

/** The diagnostics of `text` checked as `name`, each as [kind, line, column]. */
function located(name: string, text: string): [string, number | undefined, number | undefined][] {
  const diagnostics = checkPaths([writeInput(dir, name, text)]);
  expectWellFormed(diagnostics);
  return diagnostics.map((d) => [d.kind, d.locations[0]?.line, d.locations[0]?.column]);
}

const archive = "      relative_path: p/x.tar.xz\n      sha256: " + "a".repeat(64) + "\n      md5: " + "b".repeat(32) + '\n      size: "1"\n';

describe("YAML keys are strings", () => {
  for (const key of ["1", "true", "~", "12.10", "1e3", "0x1F", "null", "-5", "0o17"]) {
    test(`the key ${key} is refused at its place`, () => {
      const text = `release_product: nvpl\nrelease_label: "1.0"\n${key}:\n  name: x\n  license: y\n  version: "1"\n`;
      const diagnostics = checkPaths([writeInput(dir, `keys/${encodeURIComponent(key)}/redistrib_1.0.yaml`, text)]);
      expect(diagnostics.map((d) => [d.kind, d.locations[0]?.line, d.locations[0]?.column])).toEqual([["ParseError", 3, 1]]);
      expect(diagnostics[0]!.message).toContain(`quote it ("${key}")`);
    });
  }

  test("`1` and `\"1\"` side by side do not collapse into one package: the file is refused (it was exit 0 with one package lost)", () => {
    const text = `release_product: nvpl\nrelease_label: "1.0"\n"1":\n  name: a\n  license: l\n  version: "1"\n  linux-sbsa:\n${archive}1:\n  name: b\n  license: l\n  version: "1"\n`;
    expect(located("keys/collide/redistrib_1.0.yaml", text)).toEqual([["ParseError", 12, 1]]);
  });

  test("quoted keys, and plain keys that are strings, are kept as written", () => {
    const text = `release_product: nvpl\nrelease_label: "1.0"\n"12.10":\n  name: a\n  license: l\n  version: "1"\n  linux-sbsa:\n${archive}`;
    expect(located("keys/quoted/redistrib_1.0.yaml", text)).toEqual([]);
  });
});

describe("numbers are read exactly or refused", () => {
  const refused = ["9007199254740993", "9007199254740993.0", "1e16", "1.5e300", "-1e17", "1e-400", "1E400", "123456789012345678901234567890.5"];
  const kept = ["1.5", "0.0", "0e10", "1e2", "-0", "9007199254740991", "2.5e-3", "-0.0000e-999999"];
  for (const number of refused) {
    test(`JSON ${number}: refused at the number`, () => {
      const text = `{\n  "release_label": "1.0",\n  "release_date": ${number}\n}`;
      const found = located(`numbers/json-${encodeURIComponent(number)}/redistrib_1.0.json`, text);
      expect(found).toEqual([["ParseError", 3, 19]]);
    });
    test(`YAML ${number}: refused at the number`, () => {
      const text = `release_label: "1.0"\nrelease_date: ${number}\n`;
      expect(located(`numbers/yaml-${encodeURIComponent(number)}/redistrib_1.0.yaml`, text)).toEqual([["ParseError", 2, 15]]);
    });
  }
  for (const number of kept) {
    test(`${number} is read as it is written (the type, not the reader, decides: release_date is a string)`, () => {
      const text = `{\n  "release_label": "1.0",\n  "release_date": ${number}\n}`;
      const found = located(`numbers/kept-${encodeURIComponent(number)}/redistrib_1.0.json`, text);
      expect(found.map(([kind]) => kind)).toEqual(["TypeMismatch"]);
    });
  }
});

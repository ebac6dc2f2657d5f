// Runs every case of the conformance corpus (cases/*.case.ts, copied unedited from the shared
// corpus) against the package's `lib`: each case is one test, named after its file.
import { readdirSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { lib } from "../../src/index.js";
import type { CaseSpec, ExpectError, ExpectValue } from "./case.ts";
import { forceDeeply } from "../support/force-deeply.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const caseFiles = readdirSync(path.join(here, "cases"))
  .filter((f) => f.endsWith(".case.ts"))
  .sort();

function checkValue(spec: CaseSpec, e: ExpectValue): void {
  const result = lib.evalModules({ modules: spec.modules, ...(spec.specialArgs ? { specialArgs: spec.specialArgs } : {}) });
  expect(forceDeeply(e.get(result))).toEqual(e.value);
}

function checkError(spec: CaseSpec, e: ExpectError): void {
  const result = lib.evalModules({ modules: spec.modules, ...(spec.specialArgs ? { specialArgs: spec.specialArgs } : {}) });
  let thrown: unknown;
  try {
    forceDeeply(e.get(result));
  } catch (err) {
    thrown = err;
  }
  expect(thrown, "expected an error").toBeInstanceOf(Error);
  const err = thrown as Error & { kind?: string; path?: string[] };
  expect({ kind: err.kind, message: err.message }).toMatchObject({ kind: e.error.kind });
  if (e.error.path) expect(err.path).toEqual(e.error.path);
  for (const s of e.error.includes ?? []) expect(err.message).toContain(s);
}

describe("conformance", () => {
  for (const file of caseFiles) {
    test(file.replace(/\.case\.ts$/, ""), async () => {
      const mod = (await import(pathToFileURL(path.join(here, "cases", file)).href)) as { default: (l: unknown) => CaseSpec };
      const spec = mod.default(lib);
      expect(spec.expect.length).toBeGreaterThan(0);
      spec.expect.forEach((e, i) => {
        try {
          if ("value" in e) checkValue(spec, e);
          else checkError(spec, e);
        } catch (failure) {
          (failure as Error).message = `expect[${i}]: ${(failure as Error).message}`;
          throw failure;
        }
      });
    });
  }
});

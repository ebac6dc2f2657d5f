// Hostile input written to a temporary directory and checked as `cuda-modules check` checks it,
// with the assertions every diagnostic must pass: a known kind, a message a person can act on,
// nothing internal leaking.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { either as E } from "fp-ts";
import { expect } from "vitest";
import { checkDataFiles, classifyDataFile, type CheckDiagnostic, type CheckFilesOptions } from "../../src/cuda/check-files.js";

/** The kinds `check` may report on bad input: never `InternalError`. */
// InvalidModule: a string starting with / where a submodule belongs is a path to import, for Nix as here.
export const inputErrorKinds = ["TypeMismatch", "NoDefinition", "UndeclaredOption", "InvalidDefinition", "InvalidModule", "ConflictingDefinitions", "InfiniteRecursion", "ReadError", "ParseError"];

/** A fresh temporary directory for one test file's inputs. */
export function scratchDirectory(name: string): string {
  return mkdtempSync(path.join(tmpdir(), `cuda-modules-${name}-`));
}

/** Writes `content` at `relative` under `dir` and returns the file's path. */
export function writeInput(dir: string, relative: string, content: string | Uint8Array): string {
  const file = path.join(dir, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
  return file;
}

/** Checks the files at `paths` as `cuda-modules check` does (kind from the name). */
export function checkPaths(paths: readonly string[], options: CheckFilesOptions = {}): readonly CheckDiagnostic[] {
  const classified = paths.map((p) => {
    const c = classifyDataFile(p);
    if (E.isLeft(c)) throw new Error(c.left);
    return c.right;
  });
  return checkDataFiles(classified, options).diagnostics;
}

/** Asserts what every diagnostic of bad input must be: a known kind, a message, no internals. */
export function expectWellFormed(diagnostics: readonly CheckDiagnostic[]): void {
  for (const d of diagnostics) {
    expect(inputErrorKinds).toContain(d.kind);
    expect(d.message.length).toBeGreaterThan(10);
    expect(d.message).not.toMatch(/\n\s+at .+:\d+:\d+|\[object Object\]|RangeError|Maximum call stack/);
    expect(d.locations.length).toBeGreaterThan(0);
  }
}

/** The own property names and descriptors of `Object.prototype`, to show nothing polluted it. */
export function prototypeSnapshot(): unknown {
  return Object.getOwnPropertyNames(Object.prototype).map((name) => [name, Object.getOwnPropertyDescriptor(Object.prototype, name)]);
}

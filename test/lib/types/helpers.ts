// Shared helpers of the type tests: evaluate one option `a` of a type with definitions from
// several modules (`m1.nix`, `m2.nix`, ...), force results deeply, and catch engine errors.
import { expect } from "vitest";
import { lib, ModuleError, type ErrorKind, type Evaluation, type OptionType } from "../../../src/index.js";
import { forceDeeply } from "../../support/force-deeply.js";

/** Modules that define `a` once each, in order, from files m1.nix, m2.nix, ... */
export function definitionModules(values: readonly unknown[]): unknown[] {
  return values.map((value, i) => ({ _file: `m${i + 1}.nix`, config: { a: value } }));
}

/** An evaluation with `a` declared (in decl.nix) of `type` and defined by each of `values`. */
export function evalOption(type: OptionType, values: readonly unknown[]): Evaluation {
  return lib.evalModules({
    modules: [{ _file: "decl.nix", options: { a: lib.mkOption({ type }) } }, ...definitionModules(values)],
  });
}

/** An evaluation with `a` declared twice (d1.nix, d2.nix) and defined by each of `values`. */
export function evalTwoDeclarations(first: OptionType, second: OptionType, values: readonly unknown[]): Evaluation {
  return lib.evalModules({
    modules: [
      { _file: "d1.nix", options: { a: lib.mkOption({ type: first }) } },
      { _file: "d2.nix", options: { a: lib.mkOption({ type: second }) } },
      ...definitionModules(values),
    ],
  });
}

/** The value of `a`, forced deeply. */
export function valueOf(type: OptionType, values: readonly unknown[]): unknown {
  return forceDeeply(evalOption(type, values).config["a"]);
}

export { forceDeeply };

/** The engine error that forcing `read()` deeply throws; fails the test if it throws none or another. */
export function errorOf(read: () => unknown): ModuleError {
  let thrown: unknown;
  try {
    forceDeeply(read());
  } catch (e) {
    thrown = e;
  }
  if (thrown === undefined) throw new Error("expected a ModuleError, but nothing was thrown");
  if (!(thrown instanceof ModuleError)) throw thrown;
  return thrown;
}

/** What an error test asserts: the kind, the option path and substrings of the message (files, values). */
export interface ExpectedError {
  kind: ErrorKind;
  path: readonly string[];
  includes?: readonly string[];
}

/** Asserts that forcing `read()` throws a ModuleError as `expected` says, with a message free of internals. */
export function expectError(read: () => unknown, expected: ExpectedError): ModuleError {
  const e = errorOf(read);
  expect({ kind: e.kind, path: e.path }).toEqual({ kind: expected.kind, path: expected.path });
  for (const part of expected.includes ?? []) expect(e.message).toContain(part);
  expect(e.message).not.toContain("[object Object]");
  expect(e.message).not.toMatch(/\n\s+at /);
  return e;
}

/** The error of the value of `a` of `type` with these definitions. */
export function expectOptionError(type: OptionType, values: readonly unknown[], expected: ExpectedError): ModuleError {
  return expectError(() => evalOption(type, values).config["a"], expected);
}

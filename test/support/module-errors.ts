// Catching and checking engine errors in tests: the kind, the path, what the message names, and
// that nothing internal leaks into it.
import { expect } from "vitest";
import { ModuleError, type ErrorKind } from "../../src/lib/index.js";

/** The ModuleError that `run()` throws; fails the test when it throws nothing or something else. */
export function thrownBy(run: () => unknown): ModuleError {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(ModuleError);
    return e as ModuleError;
  }
  throw new Error("expected a ModuleError, but nothing was thrown");
}

/** Asserts an error's kind and path, that its message names every string of `includes`, and that it leaks nothing. */
export function expectModuleError(e: ModuleError, kind: ErrorKind, path: readonly string[] | undefined, includes: readonly string[]): void {
  expect(e.kind).toBe(kind);
  expect(e.path).toEqual(path);
  for (const s of includes) expect(e.message).toContain(s);
  expect(e.message).not.toContain("[object Object]");
  expect(e.message).not.toMatch(/\n\s+at /);
}

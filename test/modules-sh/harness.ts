// The port of Nixpkgs' lib/tests/modules.sh: its `checkConfigOutput` and `checkConfigError` over
// the fixtures of lib/tests/modules/, rewritten in JavaScript (fixtures.ts). As in modules.sh
// (`import ./default.nix { modules = [ ... ]; }`), each fixture is loaded as a file: its `_file` and
// `key` are its path under /modules/, so that `disabledModules` can name it and messages show it.
import { expect, test } from "vitest";
import { lib, ModuleError, setWarningSettings, type ErrorKind, type Evaluation } from "../../src/lib/index.js";
import { fixtures } from "./fixtures.js";

/** Where the fixtures "live": messages name /modules/<fixture>. */
export const modulesDir = "/modules";

/** A fixture as Nix imports a path: a module whose file and key are the path. */
export function fixtureFile(name: string): unknown {
  const module = fixtures[name];
  if (module === undefined) throw new Error(`no fixture ${name}`);
  const file = `${modulesDir}/${name}`;
  return { _file: file, key: file, imports: [module] };
}

/** `import ./default.nix { modules = [ ... ]; }`: the evaluation of the named fixtures. */
export function evalFixtures(names: readonly string[]): Evaluation {
  return lib.evalModules({ modules: names.map(fixtureFile), specialArgs: { modulesPath: modulesDir } });
}

/** Reads a dotted attribute path (`config.a.b`, quoted names allowed) of the evaluation. */
export function select(root: unknown, attr: string): unknown {
  const names = attr.match(/"[^"]*"|[^.]+/g) ?? [];
  let value = root;
  for (const raw of names) {
    const name = raw.startsWith('"') ? raw.slice(1, -1) : raw;
    if (typeof value !== "object" || value === null || !(name in value)) return missing;
    value = (value as Record<string, unknown>)[name];
  }
  return value;
}

/** What `select` gives where Nix says "attribute ... not found". */
export const missing = Symbol("attribute missing");

/** JSON as `nix-instantiate --eval --json` prints it: attribute names sorted, every value forced. */
export function toNixJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(toNixJson).join(",")}]`;
  if (typeof value === "function") return "<LAMBDA>";
  if (typeof value === "object" && value !== null) {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${keys.map((k) => `${JSON.stringify(k)}:${toNixJson(record[k])}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

function title(line: number, attr: string, names: readonly string[]): string {
  return `modules.sh:${line} ${attr} ${names.join(" ")}`;
}

/** Runs `body` and gives the ModuleError it throws, failing the test if it throws none. */
function moduleErrorOf(body: () => void): ModuleError {
  let thrown: unknown;
  try {
    body();
  } catch (e) {
    thrown = e;
  }
  expect(thrown).toBeInstanceOf(ModuleError);
  return thrown as ModuleError;
}

/** `checkConfigOutput`: the JSON of `attr` matches the pattern (modules.sh greps the output). */
export function checkConfigOutput(line: number, pattern: RegExp, attr: string, ...names: string[]): void {
  test(title(line, attr, names), () => {
    const value = select(evalFixtures(names), attr);
    expect(value).not.toBe(missing);
    expect(toNixJson(value)).toMatch(pattern);
  });
}

/**
 * `checkConfigError`: reading `attr` fails with the kind that Nix's message maps to (the
 * conformance mapping); `pattern`, where given, is what our message must also say (Nix's pattern
 * rewritten for our wording, which names the same things).
 */
export function checkConfigError(line: number, kind: ErrorKind, pattern: RegExp | null, attr: string, ...names: string[]): void {
  test(title(line, attr, names), () => {
    const e = moduleErrorOf(() => toNixJson(select(evalFixtures(names), attr)));
    expect(e.kind, e.message).toBe(kind);
    if (pattern) expect(e.message).toMatch(pattern);
  });
}

/**
 * `ABORT_ON_WARN=1 checkConfigError`: with abort-on-warn on (Nix's `--option abort-on-warn true`;
 * the test file puts the setting back after each test), reading `attr` fails with an `AbortOnWarn`
 * error whose message, the warning, matches `pattern` (modules.sh greps Nix's stderr, where the
 * warning is printed before the error).
 */
export function checkConfigErrorAbortOnWarn(line: number, pattern: RegExp, attr: string, ...names: string[]): void {
  test(`${title(line, attr, names)} (ABORT_ON_WARN)`, () => {
    setWarningSettings({ abortOnWarn: true });
    const e = moduleErrorOf(() => toNixJson(select(evalFixtures(names), attr)));
    expect(e.kind, e.message).toBe("AbortOnWarn");
    expect(e.message).toMatch(pattern);
    expect(e.message).toMatch(/aborting to reveal stack trace of warning, as abort-on-warn is set$/);
  });
}

/** `ABORT_ON_WARN=1 checkConfigOutput`: the value of `attr`, read with abort-on-warn on, so with no warning. */
export function checkConfigOutputAbortOnWarn(line: number, pattern: RegExp, attr: string, ...names: string[]): void {
  test(`${title(line, attr, names)} (ABORT_ON_WARN)`, () => {
    setWarningSettings({ abortOnWarn: true });
    const value = select(evalFixtures(names), attr);
    expect(value).not.toBe(missing);
    expect(toNixJson(value)).toMatch(pattern);
  });
}

/**
 * `checkConfigError` where Nix's message names an option that ours gives as the error's `path`
 * (Nix: "while trying to load a module into `foo'").
 */
export function checkConfigErrorAt(line: number, kind: ErrorKind, pattern: RegExp, path: readonly string[], attr: string, ...names: string[]): void {
  test(title(line, attr, names), () => {
    const e = moduleErrorOf(() => toNixJson(select(evalFixtures(names), attr)));
    expect(e.kind, e.message).toBe(kind);
    expect(e.message).toMatch(pattern);
    expect(e.path).toEqual(path);
  });
}

/**
 * An assertion that our engine fails where Nix passes ("engine bug"): written as Nix expects, with
 * `test.fails`, so that it reports when the engine is fixed. `check` reads the evaluation.
 */
export function engineBug(line: number, bug: string, attr: string, names: readonly string[], check: (read: () => unknown) => void): void {
  test.fails(`${title(line, attr, names)} (engine bug: ${bug})`, () => {
    check(() => toNixJson(select(evalFixtures(names), attr)));
  });
}

/** `engineBug`'s check of a ModuleError whose message matches `pattern` (the kind is the engine's to choose). */
export function failsWith(pattern: RegExp): (read: () => unknown) => void {
  return (read) => expect(moduleErrorOf(read).message).toMatch(pattern);
}

/** `checkConfigError 'attribute .* not found'`: the attribute is absent (JavaScript reads undefined). */
export function checkAttributeMissing(line: number, attr: string, ...names: string[]): void {
  test(title(line, attr, names), () => {
    expect(select(evalFixtures(names), attr)).toBe(missing);
  });
}

/** A check whose failure is a plain exception thrown by the fixture's own code (Nix's `throw`/`toInt`). */
export function checkThrows(line: number, pattern: RegExp, attr: string, ...names: string[]): void {
  test(title(line, attr, names), () => {
    expect(() => toNixJson(select(evalFixtures(names), attr))).toThrow(pattern);
  });
}

/** `checkExpression`: a fixture expression that asserts its own result, written as a test body. */
export function checkExpression(line: number, name: string, body: () => void): void {
  test(`modules.sh:${line} checkExpression ${name}`, body);
}

/**
 * `check`: evaluates modules and reads every value of the configuration (submodules, `attrsOf`
 * entries and list items included), collecting every error as a diagnostic instead of throwing
 * the first. Values are read one by one, each in its own `try`, so a broken value hides nothing
 * but what is inside it.
 */
import * as E from "fp-ts/lib/Either.js";
import { hasOwn, isAttrs, type Attrs } from "./attrs.js";
import { diagnosticOf, type Diagnostic, type Locator } from "./diagnostics.js";
import { evalModules, type EvalModulesArgs, type Evaluation } from "./eval-modules.js";
import { withUndeclaredSink } from "./undeclared-sink.js";

/** The options of {@link check}. */
export interface CheckOptions {
  /** Finds where a definition stands in its file, to give diagnostics a line and column. */
  readonly locate?: Locator;
  /**
   * The option paths to walk (the whole configuration by default). Declared options that exist
   * only to be read by other modules, never as values, are left out this way; undeclared options
   * are reported wherever they are.
   */
  readonly roots?: readonly (readonly string[])[];
}

/** A step of the walk: the value's parent step and its name there, so paths are built only when needed. */
interface Step {
  readonly parent: Step | null;
  readonly name: string;
}

function pathOf(step: Step | null): string[] {
  const path: string[] = [];
  for (let s = step; s !== null; s = s.parent) path.push(s.name);
  return path.reverse();
}

/**
 * Every diagnostic of the evaluation of `args`, in the order the walk meets them (empty when the
 * configuration is valid). The evaluation is made here, not taken from the caller: while it is
 * walked, undeclared options are collected rather than thrown, and its values must not be reused
 * by a reader who expects them to throw.
 * @example check({ modules: [{ options: { port: mkOption({ type: types.port }) } }, { config: { port: "x" } }] }) // [{ kind: "TypeMismatch", path: ["port"], … }]
 */
export function check(args: EvalModulesArgs, options: CheckOptions = {}): Diagnostic[] {
  return walkEvaluation(evalModules(args), options).diagnostics;
}

/**
 * The configuration of `args` when it is valid, fully read, or every diagnostic otherwise.
 * @example checkEither({ modules }) // E.right(config) or E.left([diagnostic, …])
 */
export function checkEither(args: EvalModulesArgs, options: CheckOptions = {}): E.Either<Diagnostic[], Attrs> {
  try {
    const { diagnostics, config } = walkEvaluation(evalModules(args), options);
    return diagnostics.length > 0 || config === undefined ? E.left(diagnostics) : E.right(config);
  } catch (e) {
    // Arguments that are not what evalModules takes (not an object, a throwing getter on them).
    return E.left([diagnosticOf(e, options?.locate)]);
  }
}

/**
 * {@link evalModules} without throwing: the evaluation when every value of its configuration
 * (under `roots`) reads without error, or every diagnostic otherwise. The values of the returned
 * evaluation are already computed, so reading them again costs nothing.
 * @example evalModulesE({ modules }) // E.right(evaluation), then evaluation.config.port
 */
export function evalModulesE(args: EvalModulesArgs, options: CheckOptions = {}): E.Either<Diagnostic[], Evaluation> {
  try {
    // evalModules's errors surface when the walk reads the configuration; only arguments that are
    // not what it takes (not an object, a throwing getter on them) make it throw at once.
    const evaluation = evalModules(args);
    const { diagnostics, config } = walkEvaluation(evaluation, options);
    return diagnostics.length > 0 || config === undefined ? E.left(diagnostics) : E.right(evaluation);
  } catch (e) {
    return E.left([diagnosticOf(e, options?.locate)]);
  }
}

/** {@link checkEither} under the name of the other non-throwing forms (`evalModulesE`, `checkE`). */
export const checkE: typeof checkEither = checkEither;

function walkEvaluation(evaluation: Evaluation, options: CheckOptions): { diagnostics: Diagnostic[]; config: Attrs | undefined } {
  const diagnostics: Diagnostic[] = [];
  const reported = new Set<string>();
  const report = (error: unknown, at: Step | null) => {
    const diagnostic = withWalkPath(diagnosticOf(error, options.locate, pathOf(at)), pathOf(at), options.locate);
    const key = `${diagnostic.kind}\u0000${diagnostic.path.join("\u0000")}\u0000${diagnostic.message}`;
    if (reported.has(key)) return;
    reported.add(key);
    diagnostics.push(diagnostic);
  };
  let config: Attrs | undefined;
  withUndeclaredSink(
    (errors) => errors.forEach((e) => report(e, null)),
    () => {
      try {
        config = evaluation.config;
      } catch (e) {
        report(e, null);
        return;
      }
      for (const root of options.roots ?? [[]]) {
        let value: unknown = config;
        let step: Step | null = null;
        try {
          for (const name of root) {
            step = { parent: step, name };
            value = isAttrs(value) && hasOwn(value, name) ? value[name] : undefined;
          }
        } catch (e) {
          report(e, step);
          continue;
        }
        walkValues(value, step, report);
      }
    },
  );
  return { diagnostics, config };
}

/**
 * The diagnostic at the path the walk read, where the error names only the end of it: an option of
 * a submodule value that has no definition is reported by Nix under its name inside the
 * submodule (`bin'), and the walk knows where that submodule stands. The message keeps Nix's words.
 */
function withWalkPath(diagnostic: Diagnostic, walked: readonly string[], locate: Locator | undefined): Diagnostic {
  const own = diagnostic.path;
  const isTail = own.length > 0 && own.length < walked.length && own.every((name, i) => walked[walked.length - own.length + i] === name);
  if (!isTail) return diagnostic;
  return { ...diagnostic, path: [...walked], locations: diagnostic.locations.map((l) => locate?.(l.file, walked) ?? l) };
}

/**
 * Reads every value under `root`, depth first, without recursion (inputs may nest deeply). A value
 * is read when the walk reaches it, not when its parent is listed, so that the values computed and
 * not yet walked are those of one path, not every sibling of a large set at once.
 */
function walkValues(root: unknown, rootStep: Step | null, report: (error: unknown, at: Step | null) => void): void {
  const seen = new Set<object>();
  type Pending = { readonly parent: unknown; readonly name: string | number; readonly step: Step | null };
  const pending: Pending[] = [];
  const expand = (value: unknown, step: Step | null) => {
    if (typeof value !== "object" || value === null || seen.has(value)) return;
    seen.add(value);
    // Types, options and properties are declarations, not configuration: nothing to check inside.
    if (!Array.isArray(value) && hasOwn(value, "_type")) return;
    const names = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
    // Pushed in reverse so that the walk meets names in order.
    for (let i = names.length - 1; i >= 0; i--) {
      const name = names[i]!;
      pending.push({ parent: value, name, step: { parent: step, name: typeof name === "number" ? `[${name}]` : name } });
    }
  };
  expand(root, rootStep);
  while (pending.length > 0) {
    const { parent, name, step } = pending.pop()!;
    let value: unknown;
    try {
      value = (parent as Record<string | number, unknown>)[name];
    } catch (e) {
      report(e, step);
      continue;
    }
    expand(value, step);
  }
}

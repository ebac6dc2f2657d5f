/**
 * Evaluation warnings: Nixpkgs' `lib.warn`, `warnIf` and `warnIfNot`, and the two settings that
 * say what becomes of a warning, as Nix's evaluator does with `builtins.warn`: report it and go on
 * (Nix prints "evaluation warning: <message>" on stderr), or, with Nix's `--option abort-on-warn
 * true`, fail the evaluation.
 *
 * These settings are the one piece of process-wide state of the engine, and on purpose: in Nix they
 * are settings of the evaluator, not of an evaluation, and a warning is emitted from places that have
 * no evaluation to report to (a type's `merge(loc, defs)`, a type being a value shared between
 * evaluations; a library function called at any time). Set them once where the process starts (a
 * command, a test file) rather than around one evaluation: a warning fires when the value that
 * carries it is first read, which may be after the evaluation returned.
 */
import { ModuleError, type ReportedDefinition } from "./errors.js";

/** What receives a warning that does not abort: the message, as `lib.warn` was given it. */
export type WarningHandler = (message: string) => void;

/** What becomes of warnings, for the whole process (Nix's evaluator settings). */
export interface WarningSettings {
  /**
   * Whether a warning fails the evaluation instead of being reported, as Nix's `abort-on-warn`:
   * `lib.warn` then throws a {@link ModuleError} of kind `AbortOnWarn` whose message is the warning
   * and Nix's "aborting to reveal stack trace of warning, as abort-on-warn is set".
   * @default false
   */
  readonly abortOnWarn: boolean;
  /**
   * What receives each warning that does not abort.
   * @default reportToProcess (Node's `process.emitWarning`, of type `EvaluationWarning`)
   */
  readonly handler: WarningHandler;
}

/**
 * The default {@link WarningHandler}: Node's warning channel, `process.emitWarning(message, {
 * type: "EvaluationWarning" })`, which Node prints on stderr (`(node:…) EvaluationWarning: …`)
 * unless the process listens for `warning` events or runs with `--no-warnings`. The engine writes
 * to no terminal itself: the program that embeds it decides.
 */
export const reportToProcess: WarningHandler = (message) => {
  process.emitWarning(message, { type: "EvaluationWarning" });
};

/** The settings a process starts with: warnings go to {@link reportToProcess} and do not abort. */
export const defaultWarningSettings: WarningSettings = Object.freeze({ abortOnWarn: false, handler: reportToProcess });

let current: WarningSettings = defaultWarningSettings;

/** The warning settings in force. */
export function warningSettings(): WarningSettings {
  return current;
}

/**
 * Changes the warning settings of the process (those not given stay as they are) and returns the
 * settings that were in force, so that a test can put them back.
 * @example
 * const previous = setWarningSettings({ abortOnWarn: true }); // nix-instantiate --option abort-on-warn true
 * try { evaluate() } finally { setWarningSettings(previous) }
 * @example
 * const seen: string[] = [];
 * setWarningSettings({ handler: (message) => seen.push(message) });
 */
export function setWarningSettings(settings: Partial<WarningSettings>): WarningSettings {
  const previous = current;
  current = Object.freeze({ ...current, ...settings });
  return previous;
}

/** What the engine knows of where a warning arose, for the error that abort-on-warn makes of it. */
export interface WarningContext {
  /** The option path the warning is about. */
  readonly path?: readonly string[];
  /** The definitions involved. */
  readonly definitions?: readonly ReportedDefinition[];
}

/**
 * Emits a warning as `builtins.warn` does, without a value: to the handler, or, with abort-on-warn,
 * as a thrown `AbortOnWarn` error (Nix prints the warning, then fails with its own sentence; the
 * error says both, and the handler is not called). The engine passes the option concerned.
 */
export function emitWarning(message: string, context: WarningContext = {}): void {
  if (!current.abortOnWarn) {
    current.handler(message);
    return;
  }
  throw new ModuleError({
    kind: "AbortOnWarn",
    ...context,
    message: `evaluation warning: ${message.trimEnd()}\naborting to reveal stack trace of warning, as abort-on-warn is set`,
  });
}

/**
 * Nixpkgs' `lib.warn`: reports `message` as a warning and returns `value` (or throws, with
 * abort-on-warn; see {@link setWarningSettings}).
 * @example const port = lib.warn("services.web.port is deprecated; use services.web.listen.", 8080);
 */
export function warn<T>(message: string, value: T): T {
  emitWarning(message);
  return value;
}

/**
 * Nixpkgs' `lib.warnIf`: {@link warn} when `condition` is true, else `value` alone.
 * @example lib.warnIf(config.legacy, "legacy is deprecated.", config.value)
 */
export function warnIf<T>(condition: boolean, message: string, value: T): T {
  return condition ? warn(message, value) : value;
}

/**
 * Nixpkgs' `lib.warnIfNot`: {@link warn} when `condition` is false, else `value` alone.
 * @example lib.warnIfNot(config.tls, "tls is off: traffic is not encrypted.", config.listen)
 */
export function warnIfNot<T>(condition: boolean, message: string, value: T): T {
  return condition ? value : warn(message, value);
}

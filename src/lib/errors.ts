/**
 * The errors of the engine: every failure is a {@link ModuleError} with a stable `kind`, the option
 * path it concerns and the definitions involved, so that callers can render or match it without
 * parsing the message.
 */

/** Stable, machine-readable error kinds (the conformance contract's `ErrorKind`). */
export type ErrorKind =
  | "UndeclaredOption"
  | "TypeMismatch"
  | "ConflictingDefinitions"
  | "NoDefinition"
  | "UniqueViolation"
  | "DuplicateDeclaration"
  | "InfiniteRecursion"
  | "RemovedOption"
  | "InvalidModule"
  | "InvalidDefinition"
  | "AbortOnWarn";

/** Every error kind, in a fixed order (for documentation and exhaustive tests). */
export const errorKinds: readonly ErrorKind[] = [
  "UndeclaredOption",
  "TypeMismatch",
  "ConflictingDefinitions",
  "NoDefinition",
  "UniqueViolation",
  "DuplicateDeclaration",
  "InfiniteRecursion",
  "RemovedOption",
  "InvalidModule",
  "InvalidDefinition",
  "AbortOnWarn",
];

/** A definition as an error reports it: the file it came from and, where it could be shown, its value. */
export interface ReportedDefinition {
  readonly file: string;
  readonly value?: unknown;
}

/** What a {@link ModuleError} is made from. */
export interface ModuleErrorDetails {
  readonly kind: ErrorKind;
  readonly message: string;
  readonly path?: readonly string[];
  readonly definitions?: readonly ReportedDefinition[];
  /** The files of the declarations involved (duplicate declarations). */
  readonly declarations?: readonly string[];
}

/**
 * An error of module evaluation. `kind` says what went wrong, `path` where (the option path as an
 * array of names), `definitions` which definitions are involved.
 *
 * @example
 * try { result.config.port } catch (e) { if (e instanceof ModuleError) console.log(e.kind, e.path) }
 */
export class ModuleError extends Error {
  /** The stable kind of the error. */
  readonly kind: ErrorKind;
  /** The option path concerned, where there is one. */
  readonly path: readonly string[] | undefined;
  /** The definitions involved, later module first. */
  readonly definitions: readonly ReportedDefinition[];
  /** The declaring files involved, for declaration errors. */
  readonly declarations: readonly string[];

  constructor(details: ModuleErrorDetails) {
    super(details.message);
    this.name = "ModuleError";
    this.kind = details.kind;
    this.path = details.path;
    this.definitions = details.definitions ?? [];
    this.declarations = details.declarations ?? [];
  }
}

/** Whether `e` is an error of the engine (of any kind, or of the given one). */
export function isModuleError(e: unknown, kind?: ErrorKind): e is ModuleError {
  return e instanceof ModuleError && (kind === undefined || e.kind === kind);
}

// Nix's error messages mapped to our error kinds (the mapping of test/conformance/README.md).
import type { ErrorKind } from "../../src/lib/index.js";

/** A kind of ours, or the words of a Nix error that has no kind of ours, or a JavaScript exception that is no ModuleError. */
export type OutcomeKind = ErrorKind | `Nix:${string}` | `JS:${string}`;

const rules: readonly (readonly [RegExp, ErrorKind])[] = [
  [/infinite recursion encountered|stack overflow/, "InfiniteRecursion"],
  [/The option `.*?' does not exist/, "UndeclaredOption"],
  [/is already declared in|would be a parent of the following options/, "DuplicateDeclaration"],
  [/is defined multiple times while it's expected to be unique|is read-only, but it's set multiple times/, "UniqueViolation"],
  [/has conflicting definition values|Cannot merge definitions|has conflicting option types|The option `.*?' has conflicting definitions|is defined both null and not null/, "ConflictingDefinitions"],
  [/is not of type|did not pass the type-check/, "TypeMismatch"],
  [/was accessed but has no value defined|is used but not defined/, "NoDefinition"],
  [/you're trying to define a value of type|rather than an attribute set for the option|mkMerge|is not a valid priority/, "InvalidDefinition"],
  // A module that is neither a set nor a function is imported as a path, which a number cannot be.
  [/does not look like a module|Expected a module|unsupported attribute|cannot coerce an integer to a string/, "InvalidModule"],
  [/removed/, "RemovedOption"],
];

/** The kind of a Nix error message; messages that fit no rule keep their first line. */
export function classifyNixError(message: string): OutcomeKind {
  for (const [re, kind] of rules) if (re.test(message)) return kind;
  return `Nix:${message.split("\n")[0]!.replace(/^error:\s*/, "").slice(0, 80)}`;
}

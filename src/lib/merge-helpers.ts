/**
 * The merge functions that several types share (Nixpkgs' `mergeEqualOption`, `mergeOneOption`,
 * `mergeUniqueOption`, `mergeDefaultOption`), with the errors they raise.
 */
import { deepEqual, isAttrs, updateAttrs, type Attrs } from "./attrs.js";
import { ModuleError } from "./errors.js";
import { showDefs, showFiles, showOption } from "./show.js";
import type { Definition } from "./types/type.js";

type Def = Definition;

const priorityAdvice =
  "Make them agree, or let one win: `lib.mkForce value` raises a definition's priority, `lib.mkDefault value` lowers it.";

/** The error of definitions that cannot be merged because they differ. */
export function conflictError(loc: readonly string[], defs: readonly Def[], why = "conflicting definition values"): ModuleError {
  return new ModuleError({
    kind: "ConflictingDefinitions",
    path: loc,
    definitions: defs,
    message: `The option \`${showOption(loc)}' has ${why}:${showDefs(defs)}\n${priorityAdvice}`,
  });
}

/** All definitions must be equal; their common value is the result. */
export function mergeEqualOption(loc: readonly string[], defs: readonly Def[]): unknown {
  const first = defs[0];
  if (first === undefined) throw new Error("internal: mergeEqualOption of no definitions");
  if (defs.length === 1) return first.value;
  for (const def of defs.slice(1)) {
    if (!deepEqual(def.value, first.value)) throw conflictError(loc, [first, def]);
  }
  return first.value;
}

/** Exactly one definition is allowed; `message` is added to the error when there are more. */
export function mergeUniqueOption(
  spec: { message: string; merge?: (loc: readonly string[], defs: readonly Def[]) => unknown },
): (loc: readonly string[], defs: readonly Def[]) => unknown {
  return (loc, defs) => {
    if (defs.length === 1) return spec.merge ? spec.merge(loc, defs) : defs[0]!.value;
    throw new ModuleError({
      kind: "UniqueViolation",
      path: loc,
      definitions: defs,
      message:
        `The option \`${showOption(loc)}' is defined ${defs.length} times, in ${showFiles(defs.map((d) => d.file))}, ` +
        `but it takes a single definition.` +
        (spec.message ? `\n${spec.message}` : "") +
        `\nDefinition values:${showDefs(defs)}\nKeep one of them, or give one a better priority with \`lib.mkForce value\`.`,
    });
  };
}

/** Exactly one definition is allowed. */
export const mergeOneOption = mergeUniqueOption({ message: "" });

/**
 * The merge of a value of no particular type: lists concatenate, sets update, booleans `or`,
 * strings concatenate, functions merge their results, equal integers agree.
 */
export function mergeDefaultOption(loc: readonly string[], defs: readonly Def[]): unknown {
  const values = defs.map((d) => d.value);
  if (values.length === 1) return values[0];
  if (values.every((v) => typeof v === "function")) {
    return (...args: unknown[]) =>
      mergeDefaultOption(
        loc,
        defs.map((d) => ({ file: d.file, value: (d.value as (...a: unknown[]) => unknown)(...args) })),
      );
  }
  if (values.every(Array.isArray)) return (values as unknown[][]).flat(1);
  if (values.every(isAttrs)) {
    const out: Attrs = {};
    for (const v of values as Attrs[]) updateAttrs(out, v);
    return out;
  }
  if (values.every((v) => typeof v === "boolean")) return values.some((v) => v === true);
  if (values.every((v) => typeof v === "string")) return values.join("");
  if (values.every((v) => Number.isInteger(v)) && values.every((v) => v === values[0])) return values[0];
  throw conflictError(loc, defs, "definitions that cannot be merged (an unspecified type merges lists, sets, booleans and strings, and equal integers)");
}

/**
 * What happens to definitions before a type sees them, in Nixpkgs' order: `mkMerge` is spliced and
 * `mkIf` decided (discharge), then only the best `mkOverride` priority is kept (filter), then
 * `mkOrder` sorts. `pushDown` moves `mkIf` and `mkOverride` from a set onto each of its attributes,
 * which is what lets a condition read the configuration it helps to define.
 */
import { getOwn, isAttrs, type Attrs } from "./attrs.js";
import { ModuleError } from "./errors.js";
import { force, Lazy, lazyProperty } from "./lazy.js";
import { defaultOrderPriority, defaultOverridePriority, propertyKind } from "./properties.js";
import { showOption, showValue } from "./show.js";
import type { Definition } from "./types/type.js";

/** A definition whose value may still be unevaluated (a {@link Lazy} the engine forces when needed). */
export type PendingDefinition = Definition;

/** A definition whose value has been evaluated. */
export type EvaluatedDefinition = Definition;

/** The boolean a mkIf condition stands for; a function is called (once per shared condition). */
function decideCondition(condition: unknown, loc: readonly string[], file: string): boolean {
  let decided = force(condition);
  if (typeof decided === "function") decided = (decided as () => unknown)();
  if (typeof decided !== "boolean") {
    throw new ModuleError({
      kind: "InvalidDefinition",
      path: loc,
      definitions: [{ file }],
      message:
        `A definition of \`${showOption(loc)}' in \`${file}' uses mkIf with a condition that is not a boolean ` +
        `but ${showValue(decided)}. Give mkIf true or false, or a function that returns one.`,
    });
  }
  return decided;
}

/**
 * Splices `mkMerge` and decides `mkIf`, recursively: the values that remain (Nixpkgs'
 * `dischargeProperties`). A definition property names its own file.
 */
export function discharge(def: PendingDefinition, loc: readonly string[], out: EvaluatedDefinition[]): void {
  const value = force(def.value);
  switch (propertyKind(value)) {
    case "merge": {
      const contents = force(getOwn(value as Attrs, "contents"));
      if (!Array.isArray(contents)) {
        throw invalidProperty(loc, def.file, "mkMerge takes a list of definitions", contents);
      }
      for (const item of contents) discharge({ file: def.file, value: item }, loc, out);
      return;
    }
    case "if":
      if (decideCondition(getOwn(value as Attrs, "condition"), loc, def.file)) {
        discharge({ file: def.file, value: getOwn(value as Attrs, "content") }, loc, out);
      }
      return;
    case "definition": {
      const file = getOwn(value as Attrs, "file");
      out.push({ file: typeof file === "string" ? file : def.file, value: force(getOwn(value as Attrs, "value")) });
      return;
    }
    default:
      out.push({ file: def.file, value });
  }
}

function invalidProperty(loc: readonly string[], file: string, what: string, value: unknown): ModuleError {
  return new ModuleError({
    kind: "InvalidDefinition",
    path: loc,
    definitions: [{ file, value }],
    message: `A definition of \`${showOption(loc)}' in \`${file}' is malformed: ${what}, got ${showValue(value)}.`,
  });
}

/**
 * Splices `mkMerge` and pushes `mkIf` and `mkOverride` of a set down onto each of its attributes,
 * without evaluating the attributes or deciding any condition (Nixpkgs' `pushDownProperties`).
 */
export function pushDown(value: unknown): unknown[] {
  const v = force(value);
  switch (propertyKind(v)) {
    case "merge": {
      const contents = force(getOwn(v as Attrs, "contents"));
      if (!Array.isArray(contents)) {
        throw new ModuleError({
          kind: "InvalidDefinition",
          message: `mkMerge takes a list of definitions, but it was given ${showValue(contents)}. Pass a list: mkMerge([ ... ]).`,
        });
      }
      return contents.flatMap((item) => pushDown(item));
    }
    case "if": {
      const condition = shareCondition(getOwn(v as Attrs, "condition"));
      return pushDown(getOwn(v as Attrs, "content")).map((c) =>
        mapAttrsLazily(c, (content) => ({ _type: "if", condition, content })),
      );
    }
    case "override": {
      const priority = getOwn(v as Attrs, "priority");
      return pushDown(getOwn(v as Attrs, "content")).map((c) =>
        mapAttrsLazily(c, (content) => ({ _type: "override", priority, content })),
      );
    }
    default:
      return [v];
  }
}

/** A condition pushed onto many attributes is decided once, not once per attribute. */
function shareCondition(condition: unknown): unknown {
  return typeof condition === "function" ? new Lazy(condition as () => unknown) : condition;
}

function mapAttrsLazily(value: unknown, wrap: (content: Lazy) => Attrs): unknown {
  if (!isAttrs(value)) return value;
  const out: Attrs = Object.create(null) as Attrs;
  for (const key of Object.keys(value)) {
    Object.defineProperty(out, key, { value: wrap(lazyProperty(value, key)), enumerable: true });
  }
  return out;
}

/** The result of keeping only the best priority. */
export interface Filtered {
  readonly highestPrio: number;
  readonly values: readonly PendingDefinition[];
}

/** A property's priority, which must be a number. */
function numericPriority(value: Attrs, what: string): number {
  const p = value["priority"];
  if (typeof p === "number" && !Number.isNaN(p)) return p;
  throw new ModuleError({
    kind: "InvalidDefinition",
    message: `${what} takes a number as its priority, but it was given ${showValue(p)}.`,
  });
}

function priorityOf(value: unknown): number {
  return propertyKind(value) === "override" ? numericPriority(value as Attrs, "mkOverride") : defaultOverridePriority;
}

/** A definition without its `mkOverride`; the content is read when the value is (a priority alone reads none). */
function stripOverride(def: EvaluatedDefinition): PendingDefinition {
  return propertyKind(def.value) === "override" ? { file: def.file, value: new Lazy(() => force((def.value as Attrs)["content"])) } : def;
}

/** Keeps the definitions of the best (lowest) `mkOverride` priority, unwrapped one level. */
export function filterOverrides(defs: readonly EvaluatedDefinition[]): Filtered {
  if (defs.length === 1) return { highestPrio: priorityOf(defs[0]!.value), values: [stripOverride(defs[0]!)] };
  let highestPrio = 9999;
  for (const def of defs) highestPrio = Math.min(highestPrio, priorityOf(def.value));
  return { highestPrio, values: defs.filter((d) => priorityOf(d.value) === highestPrio).map(stripOverride) };
}

/** Evaluates the definitions and sorts them by `mkOrder` (stable), unwrapping one level. */
export function sortProperties(defs: readonly PendingDefinition[]): EvaluatedDefinition[] {
  const evaluated = defs.map((d) => ({ file: d.file, value: force(d.value) }));
  if (!evaluated.some((d) => propertyKind(d.value) === "order")) return evaluated;
  const keyed = evaluated.map((d) => {
    if (propertyKind(d.value) !== "order") return { def: d, order: defaultOrderPriority };
    return {
      def: { file: d.file, value: force((d.value as Attrs)["content"]) },
      order: numericPriority(d.value as Attrs, "mkOrder"),
    };
  });
  keyed.sort((a, b) => a.order - b.order);
  return keyed.map((k) => k.def);
}

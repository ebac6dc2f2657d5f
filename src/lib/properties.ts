/**
 * The properties of a definition (Nixpkgs' `mkIf`, `mkMerge`, `mkOverride`, `mkOrder` and
 * `mkDefinition`): plain objects tagged with `_type`, exactly as Nixpkgs represents them, so that
 * they can be written in data and shown in messages.
 */
import { hasOwn, isAttrs } from "./attrs.js";

/** A condition of {@link mkIf}: a boolean, or a function computing one when the definition is used. */
export type Condition = boolean | (() => boolean);

/** `mkIf(condition, content)`: the content counts only where the condition holds. */
export interface IfProperty<T = unknown> {
  readonly _type: "if";
  readonly condition: Condition | unknown;
  readonly content: T;
}

/** `mkMerge(contents)`: several definitions written as one. */
export interface MergeProperty<T = unknown> {
  readonly _type: "merge";
  readonly contents: readonly T[];
}

/** `mkOverride(priority, content)`: a definition with a priority (lower wins). */
export interface OverrideProperty<T = unknown> {
  readonly _type: "override";
  readonly priority: number;
  readonly content: T;
}

/** `mkOrder(priority, content)`: where the definition goes among the others (lower first). */
export interface OrderProperty<T = unknown> {
  readonly _type: "order";
  readonly priority: number;
  readonly content: T;
}

/** `mkDefinition({ file, value })`: a definition that names its own file. */
export interface DefinitionProperty<T = unknown> {
  readonly _type: "definition";
  readonly file: string;
  readonly value: T;
}

/** Any property. */
export type Property = IfProperty | MergeProperty | OverrideProperty | OrderProperty | DefinitionProperty;

/** The priority of a plain definition. */
export const defaultOverridePriority = 100;
/** The order of a plain definition. */
export const defaultOrderPriority = 1000;

/**
 * A definition that counts only where `condition` holds; a condition that reads `config` is a
 * function, called when the option is read.
 * @example mkIf(() => config.services.web.enable, { networking: { firewall: { allowedTCPPorts: [80] } } })
 */
export function mkIf<T>(condition: Condition, content: T): IfProperty<T> {
  return { _type: "if", condition, content };
}

/**
 * Several definitions in the place of one.
 * @example mkMerge([{ a: 1 }, mkIf(false, { b: 2 })])
 */
export function mkMerge<T>(contents: readonly T[]): MergeProperty<T> {
  return { _type: "merge", contents };
}

/**
 * A definition with an explicit priority: only the definitions of the lowest number count.
 * @example mkOverride(10, 8080)
 */
export function mkOverride<T>(priority: number, content: T): OverrideProperty<T> {
  return { _type: "override", priority, content };
}

/** The priority of a declared default (1500), for definitions that act as one. @example mkOptionDefault([]) */
export function mkOptionDefault<T>(content: T): OverrideProperty<T> {
  return mkOverride(1500, content);
}

/** A definition that any plain definition replaces (priority 1000). @example mkDefault(80) */
export function mkDefault<T>(content: T): OverrideProperty<T> {
  return mkOverride(1000, content);
}

/** Image media overrides (priority 60), as in Nixpkgs. @example mkImageMediaOverride(true) */
export function mkImageMediaOverride<T>(content: T): OverrideProperty<T> {
  return mkOverride(60, content);
}

/** A definition that replaces plain ones (priority 50). @example mkForce(8080) */
export function mkForce<T>(content: T): OverrideProperty<T> {
  return mkOverride(50, content);
}

/** The priority of `nixos-rebuild build-vm` overrides (10). @example mkVMOverride(false) */
export function mkVMOverride<T>(content: T): OverrideProperty<T> {
  return mkOverride(10, content);
}

/**
 * A definition placed by `priority` among the others when they are merged (lists, lines).
 * @example mkOrder(2000, ["last"])
 */
export function mkOrder<T>(priority: number, content: T): OrderProperty<T> {
  return { _type: "order", priority, content };
}

/** A definition placed before plain ones (order 500). @example mkBefore(["first"]) */
export function mkBefore<T>(content: T): OrderProperty<T> {
  return mkOrder(500, content);
}

/** A definition placed after plain ones (order 1500). @example mkAfter(["last"]) */
export function mkAfter<T>(content: T): OrderProperty<T> {
  return mkOrder(1500, content);
}

/** A definition that carries its own file name. @example mkDefinition({ file: "site.nix", value: 1 }) */
export function mkDefinition<T>(def: { file: string; value: T }): DefinitionProperty<T> {
  return { _type: "definition", file: def.file, value: def.value };
}

/** The `_type` of a value that is a property, or undefined. */
export function propertyKind(value: unknown): Property["_type"] | undefined {
  if (!isAttrs(value) || !hasOwn(value, "_type")) return undefined;
  const t = value["_type"];
  return t === "if" || t === "merge" || t === "override" || t === "order" || t === "definition" ? t : undefined;
}

/** The `_type` tag of any attribute set (a property, an option, a type, a module), or undefined. */
export function typeTag(value: unknown): unknown {
  return isAttrs(value) && hasOwn(value, "_type") ? value["_type"] : undefined;
}

/**
 * `f` applied to the value inside a definition, the properties around it (`mkIf`, `mkMerge`,
 * `mkOverride`, `mkOrder`, `mkDefinition`) kept as they are.
 * @example mapDefinitionValue((n: number) => String(n), mkForce(1)) // mkForce("1")
 */
export function mapDefinitionValue(f: (value: unknown) => unknown, def: unknown): unknown {
  switch (propertyKind(def)) {
    case "merge":
      return { ...(def as MergeProperty), contents: (def as MergeProperty).contents.map((d) => mapDefinitionValue(f, d)) };
    case "if":
    case "override":
    case "order":
      return { ...(def as IfProperty), content: mapDefinitionValue(f, (def as IfProperty).content) };
    case "definition":
      return { ...(def as DefinitionProperty), value: mapDefinitionValue(f, (def as DefinitionProperty).value) };
    default:
      return f(def);
  }
}

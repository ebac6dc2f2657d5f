/** Option declarations: `mkOption`, `mkEnableOption`, and what the engine reads of them. */
import { hasOwn, isAttrs, isOwnGetter, type Attrs } from "./attrs.js";
import { bool } from "./types/basic.js";
import type { OptionType } from "./types/type.js";

/** What `mkOption` accepts; a field written as a getter (a default that reads `config`) stays lazy. */
export interface OptionSpec<V = unknown> {
  type?: OptionType<V>;
  default?: unknown;
  defaultText?: unknown;
  example?: unknown;
  description?: string | null;
  relatedPackages?: unknown;
  internal?: boolean;
  visible?: boolean | "shallow" | "transparent";
  readOnly?: boolean;
  /** Transforms the merged value into the option's value. */
  apply?: ((value: V) => unknown) | (() => unknown);
}

/** An option declaration: the spec, tagged `_type: "option"`. */
export type OptionDeclaration<V = unknown> = OptionSpec<V> & { readonly _type: "option" };

/**
 * Declares an option. The argument's getters are kept as getters, so a default that reads
 * `config` is evaluated only when the option is used.
 * @example mkOption({ type: types.port, default: 80, description: "Port to listen on." })
 */
export function mkOption<V = unknown>(spec: OptionSpec<V>): OptionDeclaration<V> {
  const declaration = {} as Attrs;
  for (const key of Object.keys(spec)) {
    // A getter (or a key an assignment would not make own) is copied as it is; data is assigned.
    if (key === "__proto__" || key === "_type" || isOwnGetter(spec, key)) Object.defineProperty(declaration, key, Object.getOwnPropertyDescriptor(spec, key)!);
    else declaration[key] = (spec as Attrs)[key];
  }
  // Assigned where the spec has no tag of its own (a getter there would refuse an assignment):
  // defining a property costs a declaration more than the rest of it.
  if (hasOwn(declaration, "_type")) Object.defineProperty(declaration, "_type", optionTag);
  else declaration["_type"] = "option";
  return declaration as unknown as OptionDeclaration<V>;
}

const optionTag: PropertyDescriptor = Object.freeze({ value: "option", enumerable: true });

/**
 * Declares a boolean option, false by default, described as "Whether to enable <name>.".
 * @example mkEnableOption("the web server")
 */
export function mkEnableOption(name: string): OptionDeclaration<boolean> {
  return mkOption({ default: false, example: true, description: `Whether to enable ${name}.`, type: bool });
}

/** Whether a value is an option declaration (`mkOption`'s result, or an evaluated option). */
export function isOption(value: unknown): boolean {
  return isAttrs(value) && hasOwn(value, "_type") && value["_type"] === "option";
}

/** Whether a declaration has a field: defined as a value other than undefined, or as a getter (never called here). */
export function declares(declaration: object, field: string): boolean {
  const desc = Object.getOwnPropertyDescriptor(declaration, field);
  return desc !== undefined && (desc.get !== undefined || desc.value !== undefined);
}

const ignoresValue = Symbol("apply ignores the merged value");

/**
 * An `apply` that does not need the merged value, so the engine does not compute it (the
 * laziness Nix gives every `apply`): an alias reads its target, a removed option only fails.
 * @example mkOption({ apply: applyWithoutValue(() => config.target) })
 */
export function applyWithoutValue(compute: () => unknown): () => unknown {
  return Object.defineProperty(() => compute(), ignoresValue, { value: true });
}

/** Whether an `apply` was made by {@link applyWithoutValue}. */
export function isApplyWithoutValue(apply: unknown): apply is () => unknown {
  return typeof apply === "function" && (apply as unknown as Record<symbol, unknown>)[ignoresValue] === true;
}

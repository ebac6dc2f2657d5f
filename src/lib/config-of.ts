/**
 * Static types inferred from option declarations: `ConfigOf<typeof module>` is the TypeScript type
 * of the configuration a module declares, so that a caller gets types for free from the same
 * declarations that check the values at run time.
 *
 * The inference follows what the engine produces: an option's value is its type's merged value
 * (`ValueOf`), a nested set of options is a nested object, and a submodule's value is the
 * configuration of its modules plus, for a freeform submodule, the free-form entries. An option
 * without a type is `unknown`; `apply` is not followed (its result is not known statically).
 */
import type { OptionDeclaration } from "./options.js";
import type { OptionType } from "./types/type.js";

/** The value that an option type produces. @example ValueOf<typeof types.str> // string */
export type ValueOf<T> = T extends OptionType<infer V> ? V : unknown;

/**
 * The configuration declared by an `options` tree: an option gives its type's value, a nested set
 * of options a nested object.
 */
export type ConfigOfOptions<O> = {
  readonly [K in keyof O]: O[K] extends OptionDeclaration<infer V>
    ? V
    : O[K] extends Readonly<Record<string, unknown>>
      ? ConfigOfOptions<O[K]>
      : unknown;
};

/** The module a module function returns, or the module itself. */
type ModuleBody<M> = M extends (...args: never[]) => infer R ? R : M;

/**
 * The configuration that a module (a set, or a function returning one) declares through its
 * `options`. @example type Config = ConfigOf<typeof serverModule>; // { readonly port: number }
 */
export type ConfigOf<M> = ModuleBody<M> extends { readonly options: infer O } ? ConfigOfOptions<O> : object;

/** The free-form entries a module allows through its `freeformType`, beside its declared options. */
type FreeformOf<M, Declared> =
  ModuleBody<M> extends { readonly freeformType: OptionType<infer F> }
    ? F extends Readonly<Record<string, infer E>>
      ? { readonly [name: string]: E | Declared[keyof Declared] }
      : unknown
    : unknown;

/** Turns a union of object types into their intersection (the modules of one submodule). */
type Intersect<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;

/** One object type with the properties of `T`, so that editors show the shape rather than its formula. */
type Flatten<T> = { readonly [K in keyof T]: T[K] };

/** The value of a submodule made of one module: its declared options plus its free-form entries. */
type ModuleValue<M> = Flatten<ConfigOf<M> & FreeformOf<M, ConfigOf<M>>>;

/**
 * The value of a submodule made of `M`, one module or a list of them: the intersection of what
 * each declares. @example SubmoduleValue<{ options: { port: OptionDeclaration<number> } }> // { readonly port: number }
 */
export type SubmoduleValue<M> = M extends readonly (infer E)[] ? Intersect<ModuleValue<E>> : ModuleValue<M>;

/**
 * Static types inferred from option declarations: `ConfigOf<typeof module>` is the TypeScript type
 * of the configuration a module declares, so that a caller gets types for free from the same
 * declarations that check the values at run time.
 *
 * The inference follows what the engine produces: an option's value is its type's merged value
 * (`ValueOf`), a nested set of options is a nested object, and a submodule's value is the
 * configuration of its modules plus, for a module with a `freeformType`, the free-form entries. An
 * option without a type is `unknown`; `apply` and `imports` are not followed (`mkOption` does not
 * keep the type of `apply`'s result, and an import may be a path).
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

/** The configuration declared by the `options` of one module. */
type DeclaredOf<M> = ModuleBody<M> extends { readonly options: infer O } ? ConfigOfOptions<O> : object;

/** The free-form entries a module allows through its `freeformType`, beside its declared options. */
type FreeformOf<M, Declared> =
  ModuleBody<M> extends { readonly freeformType: OptionType<infer F> }
    ? F extends Readonly<Record<string, infer E>>
      ? { readonly [name: string]: E | Declared[keyof Declared] }
      : unknown
    : unknown;

/** One object type with the properties of `T`, so that editors show the shape rather than its formula. */
type Flatten<T> = { readonly [K in keyof T]: T[K] };

/**
 * The configuration that a module (a set, or a function returning one) declares through its
 * `options`, with the free-form entries its `freeformType` allows. It distributes over a union:
 * the modules of a list (`[a, b]`) have a union type, and each keeps its own options, where
 * inferring the options of the union would keep only those the modules share.
 * @example type Config = ConfigOf<typeof serverModule>; // { readonly port: number }
 */
export type ConfigOf<M> = M extends unknown ? Flatten<DeclaredOf<M> & FreeformOf<M, DeclaredOf<M>>> : never;

/** Turns a union of object types into their intersection (the modules of one submodule). */
type Intersect<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;

/**
 * The value of a submodule made of `M`, one module or a list of them: the intersection of what
 * each declares. @example SubmoduleValue<{ options: { port: OptionDeclaration<number> } }> // { readonly port: number }
 */
export type SubmoduleValue<M> = M extends readonly (infer E)[] ? Flatten<Intersect<ConfigOf<E>>> : ConfigOf<M>;

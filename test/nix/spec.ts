// A random module set as plain data: the option tree it declares and the modules that define it.
// The same value is rendered as JavaScript (render-js.ts) and as Nix (render-nix.ts), so the two
// engines see one module set; being plain data, fast-check can shrink it.

/** The option types the generator uses, each with a twin in Nix and in our catalogue. */
export type TypeSpec =
  | { readonly t: "int" | "str" | "bool" | "port" | "between" | "enum" | "lines" | "commas" | "strMatching" | "anything" | "uniq" | "either" | "coercedTo" }
  | { readonly t: "nullOr" | "listOf"; readonly of: TypeSpec }
  | { readonly t: "attrsOf"; readonly of: TypeSpec; readonly lazy: boolean }
  | { readonly t: "submodule"; readonly options: OptTree; readonly freeform: "none" | "attrsOf int" | "lazyAttrsOf anything" };

/** A declared option, or a set of nested options. */
export type OptNode =
  | { readonly kind: "option"; readonly type: TypeSpec; readonly default?: Json }
  | { readonly kind: "group"; readonly children: OptTree };

/** Options by name. */
export type OptTree = Readonly<Record<string, OptNode>>;

/** A JSON-like value, written the same way in both languages. */
export type Json = null | boolean | number | string | readonly Json[] | { readonly [k: string]: Json };

/** A `mkIf` condition: a constant, or a read of the boolean option `flags.<name>`. */
export type Cond = { readonly c: "const"; readonly v: boolean } | { readonly c: "flag"; readonly name: string };

/** A definition: a value, a set of definitions (options below), or a property around definitions. */
export type Def =
  | { readonly d: "value"; readonly v: Json }
  | { readonly d: "read"; readonly name: string }
  | { readonly d: "set"; readonly fields: readonly (readonly [string, Def])[] }
  | { readonly d: "default" | "force"; readonly of: Def }
  | { readonly d: "override" | "order"; readonly prio: number; readonly of: Def }
  | { readonly d: "if"; readonly cond: Cond; readonly of: Def }
  | { readonly d: "merge"; readonly of: readonly Def[] };

/** One module: option declarations, definitions (a `set` or a property around one) and imports. */
export interface ModuleSpec {
  readonly options?: OptTree;
  readonly config?: Def;
  readonly imports: readonly ModuleSpec[];
}

/** A module set: what `evalModules` gets. */
export interface CaseSpec {
  readonly modules: readonly ModuleSpec[];
}

/** The names of the top-level options of a case (declared anywhere), sorted as Nix sorts attribute names. */
export function topLevelNames(spec: CaseSpec): string[] {
  const names = new Set<string>();
  const visit = (m: ModuleSpec): void => {
    for (const k of Object.keys(m.options ?? {})) names.add(k);
    m.imports.forEach(visit);
  };
  spec.modules.forEach(visit);
  return [...names].sort(compareNixNames);
}

/** Nix orders attribute names by their bytes. */
export function compareNixNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

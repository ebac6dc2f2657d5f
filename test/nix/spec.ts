// A random module set as plain data: the option tree it declares and the modules that define it.
// The same value is rendered as JavaScript and as Nix (render.ts), so the two engines see one
// module set; being plain data, fast-check can shrink it.

/** How a submodule types the attributes it does not declare. */
export type Freeform = "none" | "attrsOf int" | "lazyAttrsOf anything";

/**
 * A definition of one of a submodule's options, made by a module function of `{ config, name }`
 * among the submodule's modules: from another of its options (`source`), or from `name` (null).
 */
export interface Derived {
  readonly target: string;
  readonly source: string | null;
  readonly wrap: "plain" | "default";
}

/** A module of Nixpkgs' rename family imported by a submodule: `mkRemovedOptionModule from "…"` or `mkRenamedOptionModule from to` (option paths). */
export type Alias =
  | { readonly a: "removed"; readonly from: readonly string[] }
  | { readonly a: "renamed"; readonly from: readonly string[]; readonly to: readonly string[] };

/** A submodule type: its options, and the modules besides their declarations that it may hold. */
export interface SubmoduleSpec {
  readonly t: "submodule";
  readonly options: OptTree;
  readonly freeform: Freeform;
  /** Options defined from other options (or from `name`) by a module function that reads `config`. */
  readonly derived?: readonly Derived[];
  /** Imported rename-family modules; `assertions` is declared beside them whenever one is a removal. */
  readonly aliases?: readonly Alias[];
  /** Whether `warnings` is declared too (mkRenamedOptionModule then warns). */
  readonly warnings?: boolean;
  /** A top-level deferredModule option that every value imports (`imports = [ config.<name> ]`), the NixOS test-driver pattern. */
  readonly importsOption?: string;
  /**
   * Options whose default is the value's `name`: the module declaring them is then a function of
   * `{ name }` (the fast path calls it once per value, as Nix does).
   */
  readonly byName?: readonly string[];
  /** Written `submoduleWith { modules = [ ... ]; }` rather than `submodule`. */
  readonly with?: boolean;
  /** A malformed module (the number 42) among its modules: only in types that are described, never given a value. */
  readonly junk?: boolean;
}

/** The option types the generator uses, each with a twin in Nix and in our catalogue. */
export type TypeSpec =
  | { readonly t: "int" | "str" | "bool" | "port" | "between" | "enum" | "lines" | "commas" | "strMatching" | "anything" | "uniq" | "either" | "coercedTo" }
  | { readonly t: "nullOr" | "listOf" | "functionTo"; readonly of: TypeSpec }
  | { readonly t: "attrsOf"; readonly of: TypeSpec; readonly lazy: boolean }
  | SubmoduleSpec
  /** `either a (either b …)`, or `oneOf [ a b … ]`. */
  | { readonly t: "alternatives"; readonly of: readonly TypeSpec[]; readonly oneOf: boolean }
  /** `coercedTo int (_: result) to`. */
  | { readonly t: "coerce"; readonly to: TypeSpec; readonly result: Json }
  /** `deferredModule`, whose values are written as modules of `module` (the submodule that imports them). */
  | { readonly t: "deferred"; readonly module: SubmoduleSpec };

/** A declared option (`describedOnly`: no module defines it, only its type's description is read), or a set of nested options. */
export type OptNode =
  | { readonly kind: "option"; readonly type: TypeSpec; readonly default?: Json; readonly describedOnly?: boolean }
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
  | { readonly d: "merge"; readonly of: readonly Def[] }
  /** The same definition; in JavaScript, where it is an attribute of a set, behind a getter (Nix is lazy everywhere). */
  | { readonly d: "getter"; readonly of: Def }
  /**
   * Manifest-sized plain data, written as a short expression that builds it: `n` entries
   * `e<offset+i>`, each `{ version = "<variant>.<i>"; size = i; deps = [ "e<offset+i-1>" ] }` (no
   * dependency for the first), so two bulk definitions of different variants conflict where their
   * names overlap.
   */
  | { readonly d: "bulk"; readonly n: number; readonly offset: number; readonly variant: number };

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

/**
 * Option and attribute names that Nix must quote or escape where it shows them: keywords, a `$`,
 * a quote, a space, a dot, a leading digit, an interpolation, and a `<…>` placeholder that
 * `showOption` leaves as it is. `it's` is an identifier (a quote may follow the first letter).
 */
export const awkwardNames = ["if", "in", "with", "cost$", 'a"b', "a b", "a.b", "1st", "it's", "${x}", "<n>"] as const;

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

/**
 * The paths of every option declared outside submodules (through nested option sets), each once,
 * sorted; `options.<path>.type.description` is read for each.
 */
export function optionPaths(spec: CaseSpec): string[][] {
  const paths = new Map<string, string[]>();
  const walk = (tree: OptTree, prefix: readonly string[]): void => {
    for (const [k, n] of Object.entries(tree)) {
      const at = [...prefix, k];
      if (n.kind === "group") walk(n.children, at);
      else paths.set(JSON.stringify(at), at);
    }
  };
  const visit = (m: ModuleSpec): void => {
    walk(m.options ?? {}, []);
    m.imports.forEach(visit);
  };
  spec.modules.forEach(visit);
  return [...paths.keys()].sort(compareNixNames).map((k) => paths.get(k)!);
}

/** The (last) names of options removed by `mkRemovedOptionModule` anywhere in the case (reading one fails, so values are also compared without them). */
export function removedNames(spec: CaseSpec): string[] {
  const names = new Set<string>();
  forEachType(spec, (t) => {
    if (t.t === "submodule") for (const a of t.aliases ?? []) if (a.a === "removed") names.add(a.from[a.from.length - 1]!);
  });
  return [...names].sort(compareNixNames);
}

/** Calls `f` on every type of the case, nested types included. */
export function forEachType(spec: CaseSpec, f: (t: TypeSpec) => void): void {
  const inType = (t: TypeSpec): void => {
    f(t);
    switch (t.t) {
      case "nullOr":
      case "listOf":
      case "functionTo":
      case "attrsOf":
        return inType(t.of);
      case "alternatives":
        return t.of.forEach(inType);
      case "coerce":
        return inType(t.to);
      case "deferred":
        return inType(t.module);
      case "submodule":
        return inTree(t.options);
      default:
        return;
    }
  };
  const inTree = (tree: OptTree): void => {
    for (const n of Object.values(tree)) {
      if (n.kind === "group") inTree(n.children);
      else inType(n.type);
    }
  };
  const visit = (m: ModuleSpec): void => {
    inTree(m.options ?? {});
    m.imports.forEach(visit);
  };
  spec.modules.forEach(visit);
}

/** Calls `f` on every definition of the case, nested definitions included. */
export function forEachDef(spec: CaseSpec, f: (d: Def) => void): void {
  const inDef = (d: Def): void => {
    f(d);
    switch (d.d) {
      case "set":
        return d.fields.forEach(([, v]) => inDef(v));
      case "merge":
        return d.of.forEach(inDef);
      case "default":
      case "force":
      case "override":
      case "order":
      case "if":
      case "getter":
        return inDef(d.of);
      default:
        return;
    }
  };
  const visit = (m: ModuleSpec): void => {
    if (m.config) inDef(m.config);
    m.imports.forEach(visit);
  };
  spec.modules.forEach(visit);
}

/** Every attribute name a JSON value uses. */
function jsonKeys(v: Json, into: Set<string>): void {
  if (Array.isArray(v)) (v as readonly Json[]).forEach((x) => jsonKeys(x, into));
  else if (typeof v === "object" && v !== null) {
    for (const [k, x] of Object.entries(v as Record<string, Json>)) {
      into.add(k);
      jsonKeys(x, into);
    }
  }
}

/**
 * The classes of issue 18 that a case exercises (for the run's summary): submodule modules that
 * read `config`, a deferredModule imported into submodules, types read for their description only,
 * awkward names, rename-family modules in submodules, and manifest-sized data; and issue 21's: module
 * functions of `name`, and definitions behind getters.
 */
export function features(spec: CaseSpec): Set<string> {
  const found = new Set<string>();
  const names = new Set<string>();
  forEachType(spec, (t) => {
    if (t.t === "submodule") {
      if ((t.derived ?? []).length > 0) found.add("submodule-reads-config");
      if ((t.byName ?? []).length > 0) found.add("function-of-name");
      if (t.importsOption !== undefined) found.add("deferred-imported");
      for (const a of t.aliases ?? []) found.add(a.a === "removed" ? "removed-in-submodule" : "renamed-in-submodule");
      for (const k of Object.keys(t.options)) names.add(k);
    }
    if (t.t === "alternatives" || t.t === "coerce") found.add("combinators");
  });
  const inTree = (tree: OptTree): void => {
    for (const [k, n] of Object.entries(tree)) {
      names.add(k);
      if (n.kind === "group") inTree(n.children);
      else if (n.describedOnly === true) found.add("description-only");
    }
  };
  const visit = (m: ModuleSpec): void => {
    inTree(m.options ?? {});
    m.imports.forEach(visit);
  };
  spec.modules.forEach(visit);
  forEachDef(spec, (d) => {
    if (d.d === "bulk") found.add("manifest-data");
    if (d.d === "getter") found.add("getter");
    if (d.d === "set") d.fields.forEach(([k]) => names.add(k));
    if (d.d === "value") jsonKeys(d.v, names);
  });
  if ((awkwardNames as readonly string[]).some((n) => names.has(n))) found.add("awkward-names");
  return found;
}

/** Nix orders attribute names by their bytes. */
export function compareNixNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

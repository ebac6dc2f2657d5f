// fast-check arbitraries of random module sets (spec.ts): a random option tree of types from the
// catalogue, then modules that declare it (split over several modules, sometimes twice) and
// modules that define it with plain values and every kind of property, with occasional mistakes
// (undeclared options, values of the wrong type, conflicting values).
//
// Besides that tree, a case may hold blocks of issue 18's classes: the NixOS test-driver pattern
// (a deferredModule `defaults` imported into every node of a submodule declared beside it), options
// declared only to have their type described, and manifest-sized data; and anywhere, submodules
// whose modules read `config` or import rename-family modules, nested combinators of submodules, and
// names that Nix must quote or escape.
import fc from "fast-check";
import { awkwardNames, type Alias, type CaseSpec, type Cond, type Def, type Derived, type Freeform, type Json, type ModuleSpec, type OptNode, type OptTree, type SubmoduleSpec, type TypeSpec } from "./spec.js";

/** The boolean options that `mkIf` conditions and `read` definitions use; always declared. */
export const flagNames = ["f0", "f1"] as const;

const leafTypes = ["int", "str", "bool", "port", "between", "enum", "lines", "commas", "strMatching", "anything", "uniq", "either", "coercedTo"] as const;

const awkward = fc.constantFrom(...awkwardNames);

/** The given names, now and then with an awkward name (spec.ts) in place of the last. */
function namesArb(names: readonly string[]): fc.Arbitrary<readonly string[]> {
  return fc.oneof(
    { arbitrary: fc.constant(names), weight: 5 },
    { arbitrary: awkward.map((a) => [...names.slice(0, -1), a]), weight: 1 },
  );
}

/** A name for an attribute of an `attrsOf` value: mostly plain, now and then awkward. */
const attrKey: fc.Arbitrary<string> = fc.oneof({ arbitrary: fc.constantFrom("k1", "k2", "k3"), weight: 6 }, { arbitrary: awkward, weight: 1 });

const freeformArb = fc.constantFrom<Freeform>("none", "attrsOf int", "lazyAttrsOf anything");

function typeArb(depth: number): fc.Arbitrary<TypeSpec> {
  const leaf = fc.constantFrom(...leafTypes).map((t): TypeSpec => ({ t }));
  if (depth <= 0) return leaf;
  const inner = typeArb(depth - 1);
  return fc.oneof(
    { arbitrary: leaf, weight: 6 },
    { arbitrary: inner.map((of): TypeSpec => ({ t: "nullOr", of })), weight: 1 },
    { arbitrary: inner.map((of): TypeSpec => ({ t: "listOf", of })), weight: 2 },
    { arbitrary: fc.record({ of: inner, lazy: fc.boolean() }).map(({ of, lazy }): TypeSpec => ({ t: "attrsOf", of, lazy })), weight: 2 },
    { arbitrary: submoduleArb(depth - 1), weight: 2 },
    { arbitrary: alternativesArb(inner), weight: 1 },
    { arbitrary: inner.chain((to) => validValue(to, 1).map((result): TypeSpec => ({ t: "coerce", to, result }))), weight: 1 },
  );
}

/** `either` or `oneOf` over two or three types. */
function alternativesArb(inner: fc.Arbitrary<TypeSpec>): fc.Arbitrary<TypeSpec> {
  return fc.record({ of: fc.array(inner, { minLength: 2, maxLength: 3 }), oneOf: fc.boolean() }).map(({ of, oneOf }): TypeSpec => ({ t: "alternatives", of, oneOf }));
}

/**
 * A submodule type: options `p` and `q` (or an awkward name), and now and then a module function
 * of `{ config, name }` that defines options from others, rename-family modules, and the
 * `submoduleWith` spelling.
 */
function submoduleArb(depth: number): fc.Arbitrary<SubmoduleSpec> {
  return fc.record({ options: treeArb(depth, ["p", "q"]), freeform: freeformArb, with: fc.boolean() }).chain(({ options, freeform, with: w }) =>
    fc
      .record({
        derived: fc.oneof({ arbitrary: fc.constant<readonly Derived[]>([]), weight: 3 }, { arbitrary: derivedArb(options), weight: 2 }),
        aliases: fc.oneof({ arbitrary: fc.constant<readonly Alias[]>([]), weight: 3 }, { arbitrary: aliasesArb(options), weight: 1 }),
        warnings: fc.boolean(),
        byName: byNameArb(options),
      })
      .map(({ derived, aliases, warnings, byName }): SubmoduleSpec => {
        const renamed = aliases.some((a) => a.a === "renamed");
        return {
          t: "submodule",
          options,
          freeform,
          ...(byName.length > 0 ? { byName } : {}),
          ...(w ? { with: true } : {}),
          ...(derived.length > 0 ? { derived } : {}),
          ...(aliases.length > 0 ? { aliases } : {}),
          ...(renamed && warnings ? { warnings: true } : {}),
        };
      }),
  );
}

/** Some string options of a tree's first level, to default to the value's `name` (often none). */
function byNameArb(tree: OptTree): fc.Arbitrary<readonly string[]> {
  const eligible = leafOptions(tree).filter(([, t]) => t.t === "str" || t.t === "lines" || t.t === "commas").map(([k]) => k);
  if (eligible.length === 0) return fc.constant([]);
  return fc.oneof({ arbitrary: fc.constant<readonly string[]>([]), weight: 1 }, { arbitrary: fc.subarray(eligible, { minLength: 1 }), weight: 2 });
}

/** The options (not option sets) of a tree's first level, with their types. */
function leafOptions(tree: OptTree): (readonly [string, TypeSpec])[] {
  return Object.entries(tree).flatMap(([k, n]) => (n.kind === "option" ? [[k, n.type] as const] : []));
}

const stringy: readonly string[] = ["str", "lines", "commas", "strMatching", "enum"];

/** Whether an option of type `target` is given the value of one of type `source` (or `name`, for null) by a derived definition. */
function derivable(target: TypeSpec, source: TypeSpec | null): boolean {
  if (target.t === "anything") return true;
  if (source === null) return stringy.includes(target.t) || target.t === "either" || target.t === "coercedTo";
  if (JSON.stringify(target) === JSON.stringify(source)) return true;
  return (target.t === "str" || target.t === "lines" || target.t === "commas") && stringy.includes(source.t);
}

/** One or two options of a submodule defined from another of its options or from `name`, plainly or with `mkDefault`. */
function derivedArb(tree: OptTree): fc.Arbitrary<readonly Derived[]> {
  const options = leafOptions(tree);
  const candidates = options.flatMap(([target, type]) => {
    const sources: (string | null)[] = options.filter(([s, t]) => s !== target && derivable(type, t)).map(([s]) => s);
    if (derivable(type, null)) sources.push(null);
    if (sources.length === 0) return [];
    return [fc.record({ target: fc.constant(target), source: fc.constantFrom(...sources), wrap: fc.constantFrom("plain" as const, "default" as const) })];
  });
  if (candidates.length === 0) return fc.constant([]);
  return fc.subarray(candidates, { minLength: 1 }).chain((chosen) => fc.tuple(...chosen));
}

/** Names that rename-family modules retire; none is a name `treeArb` gives a submodule's options. */
const retiredNames = ["old", "gone", "with"] as const;

/** The paths of a tree's options (through nested option sets), with their types. */
function optionPathsOf(tree: OptTree, prefix: readonly string[] = []): (readonly [readonly string[], TypeSpec])[] {
  return Object.entries(tree).flatMap(([k, n]) => (n.kind === "option" ? [[[...prefix, k], n.type] as const] : optionPathsOf(n.children, [...prefix, k])));
}

/**
 * `mkRemovedOptionModule` and `mkRenamedOptionModule` (to one of the submodule's options, nested or
 * not), one or two, retiring a name the tree does not use or an option below it (`old.inner`).
 */
function aliasesArb(tree: OptTree): fc.Arbitrary<readonly Alias[]> {
  const free = retiredNames.filter((n) => !(n in tree));
  const targets = optionPathsOf(tree).map(([p]) => p);
  const fromArb = (first: string): fc.Arbitrary<readonly string[]> =>
    fc.oneof({ arbitrary: fc.constant([first]), weight: 3 }, { arbitrary: fc.constantFrom("inner", "in").map((second) => [first, second]), weight: 1 });
  const one = (from: readonly string[]): fc.Arbitrary<Alias> =>
    targets.length === 0
      ? fc.constant<Alias>({ a: "removed", from })
      : fc.oneof(fc.constant<Alias>({ a: "removed", from }), fc.constantFrom(...targets).map((to): Alias => ({ a: "renamed", from, to })));
  return fc.uniqueArray(fc.constantFrom(...free), { minLength: 1, maxLength: 2 }).chain((firsts) => fc.tuple(...firsts.map((f) => fromArb(f).chain(one))));
}

function treeArb(depth: number, names: readonly string[]): fc.Arbitrary<OptTree> {
  const node: fc.Arbitrary<OptNode> =
    depth <= 0
      ? optionArb(0)
      : fc.oneof({ arbitrary: optionArb(depth), weight: 3 }, { arbitrary: treeArb(depth - 1, ["x", "y"]).map((children): OptNode => ({ kind: "group", children })), weight: 1 });
  return namesArb(names)
    .chain((pool) => fc.uniqueArray(fc.constantFrom(...pool), { minLength: 1, maxLength: pool.length }))
    .chain((keys) => fc.tuple(...keys.map((k) => node.map((n) => [k, n] as const))))
    .map((entries) => Object.fromEntries(entries));
}

function optionArb(depth: number): fc.Arbitrary<OptNode> {
  return typeArb(depth).chain((type) =>
    fc.oneof(
      fc.constant<OptNode>({ kind: "option", type }),
      validValue(type, 1).map((v): OptNode => ({ kind: "option", type, default: v })),
    ),
  );
}

const scalar: fc.Arbitrary<Json> = fc.oneof(fc.integer({ min: -2, max: 2 }), fc.constantFrom("a", "b"), fc.boolean(), fc.constant(null));

const anythingKey: fc.Arbitrary<string> = fc.oneof({ arbitrary: fc.constantFrom("m", "n"), weight: 8 }, { arbitrary: awkward, weight: 1 });

function anythingValue(depth: number): fc.Arbitrary<Json> {
  if (depth <= 0) return scalar;
  return fc.oneof(
    { arbitrary: scalar, weight: 3 },
    { arbitrary: fc.array(scalar, { maxLength: 2 }), weight: 1 },
    { arbitrary: fc.dictionary(anythingKey, anythingValue(depth - 1), { maxKeys: 2 }), weight: 2 },
  );
}

/** A value that the type accepts. */
export function validValue(type: TypeSpec, depth: number): fc.Arbitrary<Json> {
  switch (type.t) {
    case "int":
    case "uniq":
      return fc.integer({ min: -2, max: 3 });
    case "str":
      return fc.constantFrom("a", "b", "");
    case "bool":
      return fc.boolean();
    case "port":
      return fc.constantFrom(0, 80, 8080);
    case "between":
      return fc.integer({ min: 0, max: 10 });
    case "enum":
      return fc.constantFrom("a", "b", "c");
    case "lines":
    case "commas":
      return fc.constantFrom("a", "b");
    case "strMatching":
      return fc.constantFrom("ab", "c");
    case "anything":
      return anythingValue(2);
    case "either":
    case "coercedTo":
      return fc.oneof(fc.integer({ min: 0, max: 3 }), fc.constantFrom("a", "b"));
    case "nullOr":
      return fc.oneof(fc.constant(null), validValue(type.of, depth));
    case "listOf":
      return fc.array(validValue(type.of, depth), { maxLength: 2 });
    case "attrsOf":
      return fc.dictionary(attrKey, validValue(type.of, depth), { maxKeys: 2 });
    case "submodule":
      return subsetValue(type.options, depth);
    case "deferred":
      return subsetValue(type.module.options, depth);
    case "alternatives":
      return fc.oneof(...type.of.map((t) => validValue(t, depth)));
    case "coerce":
      return fc.oneof(validValue(type.to, depth), fc.integer({ min: 0, max: 3 }));
    case "functionTo":
      // Never asked for: an option with a function type is only described, never defined.
      return fc.constant(null);
  }
}

function subsetValue(tree: OptTree, depth: number): fc.Arbitrary<Json> {
  const entries = Object.entries(tree).map(([k, n]) =>
    (n.kind === "option" ? validValue(n.type, depth) : subsetValue(n.children, depth)).map((v) => [k, v] as const),
  );
  return fc.subarray(entries).chain((chosen) => fc.tuple(...chosen)).map((kv) => Object.fromEntries(kv));
}

/** A value that the type refuses (a TypeMismatch), or undefined where every value fits or none is known. */
function invalidValue(type: TypeSpec): Json | undefined {
  switch (type.t) {
    case "int":
    case "uniq":
    case "between":
    case "port":
      return type.t === "int" || type.t === "uniq" ? "s" : -1;
    case "str":
    case "lines":
    case "commas":
    case "strMatching":
      return type.t === "strMatching" ? "A1" : 1;
    case "bool":
      return 1;
    case "enum":
      return "z";
    case "either":
    case "coercedTo":
      return true;
    case "anything":
    case "alternatives":
    case "functionTo":
      return undefined;
    case "coerce": {
      // An integer would be coerced, so only a refusal that is no integer stays one.
      const bad = invalidValue(type.to);
      return typeof bad === "number" ? undefined : bad;
    }
    case "nullOr":
      return invalidValue(type.of);
    case "listOf":
      return "notalist";
    case "attrsOf":
    case "submodule":
    case "deferred":
      return 1;
  }
}

const priorities = [10, 50, 100, 900, 1000, 1500];

/** The definitions of a value of a type, before properties and mistakes are added around them. */
function plainDefArb(type: TypeSpec, depth: number): fc.Arbitrary<Def> {
  switch (type.t) {
    case "submodule":
      return submoduleDef(type, depth);
    case "deferred":
      return submoduleDef(type.module, depth);
    case "attrsOf": {
      const entry = defArb(type.of, depth - 1);
      return fc.oneof(
        {
          arbitrary: fc
            .uniqueArray(attrKey, { minLength: 1, maxLength: 2 })
            .chain((keys) => fc.tuple(...keys.map((k) => entry.map((d) => [k, d] as const))).map((fields): Def => ({ d: "set", fields }))),
          weight: 2,
        },
        { arbitrary: validValue(type, 1).map((v): Def => ({ d: "value", v })), weight: 1 },
      );
    }
    case "alternatives":
      return fc.oneof(...type.of.map((t) => plainDefArb(t, Math.max(0, depth - 1))));
    case "coerce":
      return fc.oneof(plainDefArb(type.to, Math.max(0, depth - 1)), fc.integer({ min: 0, max: 3 }).map((v): Def => ({ d: "value", v })));
    default:
      return validValue(type, 1).map((v): Def => ({ d: "value", v }));
  }
}

/** A definition of an option of this type: values, mistakes, and properties around definitions. */
function defArb(type: TypeSpec, depth: number): fc.Arbitrary<Def> {
  const choices: { arbitrary: fc.Arbitrary<Def>; weight: number }[] = [{ arbitrary: plainDefArb(type, depth), weight: 6 }];
  const bad = invalidValue(type);
  if (bad !== undefined) choices.push({ arbitrary: fc.constant<Def>({ d: "value", v: bad }), weight: 1 });
  if (type.t === "bool") choices.push({ arbitrary: fc.constantFrom(...flagNames).map((name): Def => ({ d: "read", name })), weight: 1 });
  if (depth > 0) {
    const inner = defArb(type, depth - 1);
    const overridden = inner.map(constantConditions);
    choices.push(
      { arbitrary: overridden.map((of): Def => ({ d: "default", of })), weight: 1 },
      { arbitrary: overridden.map((of): Def => ({ d: "force", of })), weight: 1 },
      { arbitrary: fc.tuple(fc.constantFrom(...priorities), overridden).map(([prio, of]): Def => ({ d: "override", prio, of })), weight: 1 },
      { arbitrary: fc.tuple(condArb, inner).map(([cond, of]): Def => ({ d: "if", cond, of })), weight: 2 },
      { arbitrary: fc.array(inner, { minLength: 1, maxLength: 2 }).map((of): Def => ({ d: "merge", of })), weight: 1 },
      { arbitrary: inner.map((of): Def => ({ d: "getter", of })), weight: 1 },
    );
    if (type.t === "listOf" || type.t === "lines" || type.t === "commas") {
      choices.push({ arbitrary: fc.tuple(fc.constantFrom(500, 1000, 1500), inner).map(([prio, of]): Def => ({ d: "order", prio, of })), weight: 2 });
    }
  }
  return fc.oneof(...choices);
}

/**
 * Nix does not discharge a `mkIf` or `mkMerge` inside `mkOverride`: it stays in the value as data.
 * There a condition that reads `config` is a thunk in Nix but a function in JavaScript, two
 * encodings of one value that evaluate at different times, so such conditions are made constant.
 */
function constantConditions(d: Def): Def {
  switch (d.d) {
    case "if":
      return { d: "if", cond: d.cond.c === "flag" ? { c: "const", v: false } : d.cond, of: constantConditions(d.of) };
    case "merge":
      return { d: "merge", of: d.of.map(constantConditions) };
    case "default":
    case "force":
      return { d: d.d, of: constantConditions(d.of) };
    case "override":
    case "order":
      return { d: d.d, prio: d.prio, of: constantConditions(d.of) };
    case "getter":
      return { d: "getter", of: constantConditions(d.of) };
    case "value":
    case "read":
    case "set":
    case "bulk":
      return d;
  }
}

const condArb: fc.Arbitrary<Cond> = fc.oneof(
  fc.boolean().map((v): Cond => ({ c: "const", v })),
  fc.constantFrom(...flagNames).map((name): Cond => ({ c: "flag", name })),
);

/** Definitions of a submodule's options, and now and then of the options its rename-family modules retire. */
function submoduleDef(t: SubmoduleSpec, depth: number): fc.Arbitrary<Def> {
  const aliasFields = (t.aliases ?? []).map((a): fc.Arbitrary<readonly [string, Def]> => {
    const target = a.a === "renamed" ? optionPathsOf(t.options).find(([p]) => JSON.stringify(p) === JSON.stringify(a.to))?.[1] : undefined;
    const def = target !== undefined ? defArb(target, Math.max(0, depth - 1)) : fc.constantFrom<Def>({ d: "value", v: 1 }, { d: "value", v: "x" });
    const [first, ...rest] = a.from;
    return def.map((d) => [first!, rest.reduceRight((inner: Def, k): Def => ({ d: "set", fields: [[k, inner]] }), d)] as const);
  });
  return setDef(t.options, depth, t.freeform, aliasFields);
}

/** Definitions of some options of a tree, with free-form values or an undeclared name now and then. */
function setDef(tree: OptTree, depth: number, freeform: Freeform = "none", more: readonly fc.Arbitrary<readonly [string, Def]>[] = []): fc.Arbitrary<Def> {
  const fields: fc.Arbitrary<readonly [string, Def]>[] = Object.entries(tree)
    .filter(([, n]) => n.kind === "group" || n.describedOnly !== true)
    .map(([k, n]) => (n.kind === "option" ? defArb(n.type, depth) : setDef(n.children, depth)).map((d) => [k, d] as const));
  const extras: fc.Arbitrary<readonly [string, Def]>[] = [...more];
  if (freeform === "attrsOf int") extras.push(fc.integer({ min: 0, max: 2 }).map((v) => ["free", { d: "value", v }] as const));
  if (freeform === "lazyAttrsOf anything") extras.push(anythingValue(1).map((v) => ["free", { d: "value", v }] as const));
  const extra = fc.oneof(
    { arbitrary: fc.constant<readonly [string, Def][]>([]), weight: 25 },
    { arbitrary: fc.constant<readonly [string, Def][]>([["zz", { d: "value", v: 1 }]]), weight: 1 },
  );
  return fc
    .tuple(fc.subarray([...fields, ...extras]).chain((chosen) => (chosen.length === 0 ? fc.constant<(readonly [string, Def])[]>([]) : fc.tuple(...chosen))), extra)
    .map(([kv, more]): Def => ({ d: "set", fields: [...kv, ...more] }));
}

/** A top-level `config`: definitions of some options, sometimes inside `mkIf` or `mkMerge`. */
function configArb(tree: OptTree): fc.Arbitrary<Def> {
  const flagsTree: OptTree = Object.fromEntries(flagNames.map((n) => [n, { kind: "option", type: { t: "bool" } } as const]));
  const flagsDef = setDef(flagsTree, 1).map((d) => stripReads(d));
  const body = fc
    .tuple(setDef(tree, 2), fc.option(flagsDef, { nil: undefined, freq: 3 }))
    .map(([d, flags]): Def => (flags && d.d === "set" ? { d: "set", fields: [...d.fields, ["flags", flags]] } : d));
  return fc.oneof(
    { arbitrary: body, weight: 6 },
    { arbitrary: fc.tuple(condArb, body).map(([cond, of]): Def => ({ d: "if", cond, of })), weight: 1 },
    { arbitrary: fc.array(body, { minLength: 1, maxLength: 2 }).map((of): Def => ({ d: "merge", of })), weight: 1 },
  );
}

/** Flags are defined by constants only: a flag computed from a flag could form a cycle. */
function stripReads(d: Def): Def {
  switch (d.d) {
    case "read":
      return { d: "value", v: true };
    case "if":
      return { d: "if", cond: d.cond.c === "flag" ? { c: "const", v: true } : d.cond, of: stripReads(d.of) };
    case "set":
      return { d: "set", fields: d.fields.map(([k, v]) => [k, stripReads(v)] as const) };
    case "merge":
      return { d: "merge", of: d.of.map(stripReads) };
    case "default":
    case "force":
      return { d: d.d, of: stripReads(d.of) };
    case "override":
    case "order":
      return { d: d.d, prio: d.prio, of: stripReads(d.of) };
    case "getter":
      return { d: "getter", of: stripReads(d.of) };
    case "value":
    case "bulk":
      return d;
  }
}

/** The module that declares the flags. */
const flagsModule: ModuleSpec = {
  options: { flags: { kind: "group", children: Object.fromEntries(flagNames.map((n) => [n, { kind: "option", type: { t: "bool" }, default: false }])) } },
  imports: [],
};

/**
 * The NixOS test-driver pattern: `defaults`, a deferredModule, and `nodes`, submodules (mostly an
 * `attrsOf` of them, written with `submoduleWith`) each of which imports `config.defaults`.
 */
const driverArb: fc.Arbitrary<OptTree> = fc
  .record({ node: submoduleArb(1), wrap: fc.constantFrom("attrsOf", "lazyAttrsOf", "attrsOf", "direct"), defaults: fc.boolean(), with: fc.boolean() })
  .map(({ node, wrap, defaults, with: w }): OptTree => {
    const importing: SubmoduleSpec = { ...node, importsOption: "defaults", ...(w || wrap !== "direct" ? { with: true } : {}) };
    const nodes: TypeSpec = wrap === "direct" ? importing : { t: "attrsOf", lazy: wrap === "lazyAttrsOf", of: importing };
    return {
      defaults: { kind: "option", type: { t: "deferred", module: node }, ...(defaults ? { default: {} } : {}) },
      nodes: { kind: "option", type: nodes, ...(wrap === "direct" ? {} : { default: {} }) },
    };
  });

/**
 * A type to be described only: combinators (`attrsOf`, `listOf`, `nullOr`, `either`, `oneOf`,
 * `coercedTo`, `functionTo`) around submodules, some of which read `config` (an import of
 * `config.defaults` where the driver block declares it) and a few of which hold a malformed module.
 */
function describedTypeArb(depth: number, canImport: boolean): fc.Arbitrary<TypeSpec> {
  const sub = fc
    .record({ s: submoduleArb(0), imports: fc.boolean(), junk: fc.oneof({ arbitrary: fc.constant(false), weight: 5 }, { arbitrary: fc.constant(true), weight: 1 }) })
    .map(({ s, imports, junk }): TypeSpec => ({ ...s, ...(canImport && imports ? { importsOption: "defaults" } : {}), ...(junk ? { junk: true } : {}) }));
  const leaf = fc.oneof({ arbitrary: sub, weight: 3 }, { arbitrary: typeArb(0), weight: 1 });
  if (depth <= 0) return leaf;
  const inner = describedTypeArb(depth - 1, canImport);
  return fc.oneof(
    { arbitrary: leaf, weight: 1 },
    { arbitrary: fc.record({ of: inner, lazy: fc.boolean() }).map(({ of, lazy }): TypeSpec => ({ t: "attrsOf", of, lazy })), weight: 2 },
    { arbitrary: fc.constantFrom("listOf" as const, "nullOr" as const, "functionTo" as const).chain((t) => inner.map((of): TypeSpec => ({ t, of }))), weight: 3 },
    { arbitrary: alternativesArb(inner), weight: 2 },
    { arbitrary: inner.map((to): TypeSpec => ({ t: "coerce", to, result: null })), weight: 1 },
  );
}

/** The empty value an option described only may have as its default, so that reading it gives a value. */
function emptyDefault(type: TypeSpec): Json | undefined {
  return type.t === "attrsOf" ? {} : type.t === "listOf" ? [] : type.t === "nullOr" ? null : undefined;
}

/** One or two options declared only to be described, named `d0`, `d1` (or an awkward name), some with an empty default. */
function describedArb(canImport: boolean): fc.Arbitrary<OptTree> {
  const option = fc.tuple(describedTypeArb(2, canImport), fc.boolean()).map(([type, withDefault]): OptNode => {
    const empty = withDefault ? emptyDefault(type) : undefined;
    return { kind: "option", type, describedOnly: true, ...(empty === undefined ? {} : { default: empty }) };
  });
  return namesArb(["d0", "d1"])
    .chain((pool) => fc.uniqueArray(fc.constantFrom(...pool), { minLength: 1, maxLength: 2 }))
    .chain((keys) => fc.tuple(...keys.map((k) => option.map((n) => [k, n] as const))))
    .map((entries) => Object.fromEntries(entries));
}

/** The entries of a manifest under `attrsOf (submodule …)`, matching the bulk data (spec.ts). */
const manifestEntry: SubmoduleSpec = {
  t: "submodule",
  freeform: "none",
  options: {
    version: { kind: "option", type: { t: "str" } },
    size: { kind: "option", type: { t: "int" } },
    deps: { kind: "option", type: { t: "listOf", of: { t: "str" } }, default: [] },
  },
};

/** The same entries with an option `name` that defaults to the entry's name, as NVIDIA's packages have. */
const namedManifestEntry: SubmoduleSpec = {
  ...manifestEntry,
  options: { ...manifestEntry.options, name: { kind: "option", type: { t: "str" } } },
  byName: ["name"],
};

/** The manifest block: an option `manifest` and modules that define it with bulk data (and the random definitions of the main tree). */
interface ManifestBlock {
  readonly tree: OptTree;
  readonly defs: readonly ModuleSpec[];
}

/**
 * Manifest-sized plain data: a few thousand entries under `anything`, fewer under `attrsOf
 * (submodule …)` (each entry is a module evaluation in Nix), one or two bulk definitions that
 * overlap, in the same or a different variant, sometimes behind `mkDefault` or `mkIf`.
 */
const manifestArb: fc.Arbitrary<ManifestBlock> = fc
  .record({ kind: fc.constantFrom("anything", "attrsOf", "lazyAttrsOf"), count: fc.integer({ min: 1, max: 2 }), overlap: fc.boolean(), variants: fc.constantFrom([1, 1], [1, 2]), named: fc.boolean() })
  .chain(({ kind, count, overlap, variants, named }) => {
    const type: TypeSpec = kind === "anything" ? { t: "anything" } : { t: "attrsOf", lazy: kind === "lazyAttrsOf", of: named ? namedManifestEntry : manifestEntry };
    const sizes = kind === "anything" ? fc.constantFrom(1500, 3000, 4000) : fc.constantFrom(300, 1000, 2000);
    const wrapped = (bulk: Def): fc.Arbitrary<Def> =>
      fc.oneof(
        { arbitrary: fc.constant(bulk), weight: 4 },
        { arbitrary: fc.constant<Def>({ d: "default", of: bulk }), weight: 1 },
        { arbitrary: condArb.map((cond): Def => ({ d: "if", cond, of: bulk })), weight: 1 },
      );
    return sizes.chain((n) => {
      const bulks = Array.from({ length: count }, (_, i): Def => ({ d: "bulk", n, offset: overlap ? i * Math.floor(n / 2) : i * n, variant: variants[i]! }));
      return fc.tuple(...bulks.map(wrapped)).map(
        (defs): ManifestBlock => ({
          tree: { manifest: { kind: "option", type } },
          defs: defs.map((d): ModuleSpec => ({ config: { d: "set", fields: [["manifest", d]] }, imports: [] })),
        }),
      );
    });
  });

/** The blocks of issue 18's classes a case holds besides its random tree, each in about a third of the cases. */
interface Blocks {
  readonly driver: OptTree | undefined;
  readonly described: OptTree | undefined;
  readonly manifest: ManifestBlock | undefined;
}

const sometimes = <T>(arb: fc.Arbitrary<T>, weight: number): fc.Arbitrary<T | undefined> =>
  fc.oneof({ arbitrary: fc.constant(undefined), weight: 6 - weight }, { arbitrary: arb, weight });

const blocksArb: fc.Arbitrary<Blocks> = sometimes(driverArb, 2).chain((driver) =>
  fc.record({ driver: fc.constant(driver), described: sometimes(describedArb(driver !== undefined), 2), manifest: sometimes(manifestArb, 1) }),
);

/** A random module set. */
export const caseArb: fc.Arbitrary<CaseSpec> = fc.tuple(treeArb(2, ["a", "b", "c"]), blocksArb).chain(([tree, blocks]) => {
  const names = Object.keys(tree);
  const defined: OptTree = { ...tree, ...blocks.driver, ...blocks.manifest?.tree };
  // A described option whose awkward name the tree took already is left out.
  const described = Object.entries(blocks.described ?? {}).filter(([k]) => !(k in tree));
  const blockTree: OptTree = { ...blocks.driver, ...Object.fromEntries(described), ...blocks.manifest?.tree };
  // Declarations split over one or two modules; now and then one option is declared twice. The
  // blocks are declared by one more module, or by the first.
  const declModules = fc
    .tuple(fc.boolean(), fc.oneof({ arbitrary: fc.constant(undefined), weight: 12 }, { arbitrary: fc.constantFrom(...names), weight: 1 }), fc.boolean())
    .map(([split, twice, ownModule]) => {
      const half = split && names.length > 1 ? Math.ceil(names.length / 2) : names.length;
      const parts = [names.slice(0, half), names.slice(half)].filter((p) => p.length > 0);
      const mods: ModuleSpec[] = parts.map((p) => ({ options: Object.fromEntries(p.map((n) => [n, tree[n]!])), imports: [] }));
      if (Object.keys(blockTree).length > 0) {
        if (ownModule) mods.push({ options: blockTree, imports: [] });
        else mods[0] = { ...mods[0]!, options: { ...mods[0]!.options, ...blockTree } };
      }
      if (twice !== undefined) mods.push({ options: { [twice]: tree[twice]! }, imports: [] });
      return mods;
    });
  const defModules = fc.array(configArb(defined).map((config): ModuleSpec => ({ config, imports: [] })), { minLength: 1, maxLength: 3 });
  return fc.tuple(declModules, defModules, fc.integer({ min: 0, max: 3 }), fc.boolean()).map(([decls, randomDefs, layout, together]) => {
    const defs = [...randomDefs, ...(blocks.manifest?.defs ?? [])];
    let modules: ModuleSpec[] = [flagsModule, ...decls, ...defs];
    // Options and config in one module.
    if (together && defs.length > 0) {
      const [d0, ...rest] = defs;
      const [first, ...otherDecls] = decls;
      modules = [flagsModule, { ...first!, config: d0!.config!, imports: [] }, ...otherDecls, ...rest];
    }
    // Some modules reached through `imports` rather than listed.
    if (layout === 1 && modules.length > 2) {
      const last = modules.pop()!;
      const host = modules[modules.length - 1]!;
      modules[modules.length - 1] = { ...host, imports: [...host.imports, last] };
    } else if (layout === 2) {
      modules = [{ imports: modules }];
    }
    return { modules };
  });
});

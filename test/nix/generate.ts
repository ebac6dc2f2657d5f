// fast-check arbitraries of random module sets (spec.ts): a random option tree of types from the
// catalogue, then modules that declare it (split over several modules, sometimes twice) and
// modules that define it with plain values and every kind of property, with occasional mistakes
// (undeclared options, values of the wrong type, conflicting values).
import fc from "fast-check";
import type { CaseSpec, Cond, Def, Json, ModuleSpec, OptNode, OptTree, TypeSpec } from "./spec.js";

/** The boolean options that `mkIf` conditions and `read` definitions use; always declared. */
export const flagNames = ["f0", "f1"] as const;

const leafTypes = ["int", "str", "bool", "port", "between", "enum", "lines", "commas", "strMatching", "anything", "uniq", "either", "coercedTo"] as const;

function typeArb(depth: number): fc.Arbitrary<TypeSpec> {
  const leaf = fc.constantFrom(...leafTypes).map((t): TypeSpec => ({ t }));
  if (depth <= 0) return leaf;
  const inner = typeArb(depth - 1);
  return fc.oneof(
    { arbitrary: leaf, weight: 6 },
    { arbitrary: inner.filter((t) => t.t !== "submodule").map((of): TypeSpec => ({ t: "nullOr", of })), weight: 1 },
    { arbitrary: inner.filter((t) => t.t !== "submodule").map((of): TypeSpec => ({ t: "listOf", of })), weight: 2 },
    { arbitrary: fc.record({ of: inner, lazy: fc.boolean() }).map(({ of, lazy }): TypeSpec => ({ t: "attrsOf", of, lazy })), weight: 2 },
    {
      arbitrary: fc
        .record({
          options: treeArb(depth - 1, ["p", "q"]),
          freeform: fc.constantFrom("none" as const, "attrsOf int" as const, "lazyAttrsOf anything" as const),
        })
        .map(({ options, freeform }): TypeSpec => ({ t: "submodule", options, freeform })),
      weight: 2,
    },
  );
}

function treeArb(depth: number, names: readonly string[]): fc.Arbitrary<OptTree> {
  const node: fc.Arbitrary<OptNode> =
    depth <= 0
      ? optionArb(0)
      : fc.oneof({ arbitrary: optionArb(depth), weight: 3 }, { arbitrary: treeArb(depth - 1, ["x", "y"]).map((children): OptNode => ({ kind: "group", children })), weight: 1 });
  return fc
    .uniqueArray(fc.constantFrom(...names), { minLength: 1, maxLength: names.length })
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

function anythingValue(depth: number): fc.Arbitrary<Json> {
  if (depth <= 0) return scalar;
  return fc.oneof(
    { arbitrary: scalar, weight: 3 },
    { arbitrary: fc.array(scalar, { maxLength: 2 }), weight: 1 },
    { arbitrary: fc.dictionary(fc.constantFrom("m", "n"), anythingValue(depth - 1), { maxKeys: 2 }), weight: 2 },
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
      return fc.dictionary(fc.constantFrom("k1", "k2"), validValue(type.of, depth), { maxKeys: 2 });
    case "submodule":
      return subsetValue(type.options, depth);
  }
}

function subsetValue(tree: OptTree, depth: number): fc.Arbitrary<Json> {
  const entries = Object.entries(tree).map(([k, n]) =>
    (n.kind === "option" ? validValue(n.type, depth) : subsetValue(n.children, depth)).map((v) => [k, v] as const),
  );
  return fc.subarray(entries).chain((chosen) => fc.tuple(...chosen)).map((kv) => Object.fromEntries(kv));
}

/** A value that the type refuses (a TypeMismatch), or undefined where every value fits. */
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
      return undefined;
    case "nullOr":
      return invalidValue(type.of);
    case "listOf":
      return "notalist";
    case "attrsOf":
    case "submodule":
      return 1;
  }
}

const priorities = [10, 50, 100, 900, 1000, 1500];

/** A definition of an option of this type: values, mistakes, and properties around definitions. */
function defArb(type: TypeSpec, depth: number): fc.Arbitrary<Def> {
  const choices: { arbitrary: fc.Arbitrary<Def>; weight: number }[] = [];
  if (type.t === "submodule") {
    choices.push({ arbitrary: setDef(type.options, depth, type.freeform), weight: 6 });
  } else if (type.t === "attrsOf") {
    const entry = defArb(type.of, depth - 1);
    choices.push({
      arbitrary: fc.uniqueArray(fc.constantFrom("k1", "k2", "k3"), { minLength: 1, maxLength: 2 }).chain((keys) =>
        fc.tuple(...keys.map((k) => entry.map((d) => [k, d] as const))).map((fields): Def => ({ d: "set", fields })),
      ),
      weight: 4,
    });
    choices.push({ arbitrary: validValue(type, 1).map((v): Def => ({ d: "value", v })), weight: 2 });
  } else {
    choices.push({ arbitrary: validValue(type, 1).map((v): Def => ({ d: "value", v })), weight: 6 });
  }
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
    case "value":
    case "read":
    case "set":
      return d;
  }
}

const condArb: fc.Arbitrary<Cond> = fc.oneof(
  fc.boolean().map((v): Cond => ({ c: "const", v })),
  fc.constantFrom(...flagNames).map((name): Cond => ({ c: "flag", name })),
);

/** Definitions of some options of a tree, with free-form values or an undeclared name now and then. */
function setDef(tree: OptTree, depth: number, freeform: "none" | "attrsOf int" | "lazyAttrsOf anything" = "none"): fc.Arbitrary<Def> {
  const fields: fc.Arbitrary<readonly [string, Def]>[] = Object.entries(tree).map(([k, n]) =>
    (n.kind === "option" ? defArb(n.type, depth) : setDef(n.children, depth)).map((d) => [k, d] as const),
  );
  const extras: fc.Arbitrary<readonly [string, Def]>[] = [];
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
    case "value":
      return d;
  }
}

/** The module that declares the flags. */
const flagsModule: ModuleSpec = {
  options: { flags: { kind: "group", children: Object.fromEntries(flagNames.map((n) => [n, { kind: "option", type: { t: "bool" }, default: false }])) } },
  imports: [],
};

/** A random module set. */
export const caseArb: fc.Arbitrary<CaseSpec> = treeArb(2, ["a", "b", "c"]).chain((tree) => {
  const names = Object.keys(tree);
  // Declarations split over one or two modules; now and then one option is declared twice.
  const declModules = fc.tuple(fc.boolean(), fc.oneof({ arbitrary: fc.constant(undefined), weight: 12 }, { arbitrary: fc.constantFrom(...names), weight: 1 })).map(([split, twice]) => {
    const half = split && names.length > 1 ? Math.ceil(names.length / 2) : names.length;
    const parts = [names.slice(0, half), names.slice(half)].filter((p) => p.length > 0);
    const mods: ModuleSpec[] = parts.map((p) => ({ options: Object.fromEntries(p.map((n) => [n, tree[n]!])), imports: [] }));
    if (twice !== undefined) mods.push({ options: { [twice]: tree[twice]! }, imports: [] });
    return mods;
  });
  const defModules = fc.array(configArb(tree).map((config): ModuleSpec => ({ config, imports: [] })), { minLength: 1, maxLength: 3 });
  return fc.tuple(declModules, defModules, fc.integer({ min: 0, max: 3 }), fc.boolean()).map(([decls, defs, layout, together]) => {
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

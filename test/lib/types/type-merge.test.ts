// typeMerge: two declarations of one option (d1.nix, d2.nix) combine their types where the type
// family allows it, or are a DuplicateDeclaration. Expected values are what Nixpkgs gives.
import { describe, expect, test } from "vitest";
import { lib, type OptionType } from "../../../src/index.js";
import { evalTwoDeclarations, expectError, forceDeeply } from "./helpers.js";

const t = lib.types;

function mergedType(first: OptionType, second: OptionType): OptionType {
  return (evalTwoDeclarations(first, second, []).options["a"] as { type: OptionType }).type;
}

function mergedValue(first: OptionType, second: OptionType, values: unknown[]): unknown {
  return forceDeeply(evalTwoDeclarations(first, second, values).config["a"]);
}

/** Two declarations whose types cannot merge: reading the option is a DuplicateDeclaration naming both. */
function expectDuplicate(first: OptionType, second: OptionType, values: unknown[]): void {
  const r = evalTwoDeclarations(first, second, values);
  expectError(() => r.config["a"], { kind: "DuplicateDeclaration", path: ["a"], includes: ["d1.nix", "d2.nix"] });
  expectError(() => (r.options["a"] as { type: OptionType }).type.description, {
    kind: "DuplicateDeclaration",
    path: ["a"],
    includes: ["d1.nix", "d2.nix"],
  });
}

describe("enum + enum", () => {
  test("merge into one enum of both value lists, the later declaration's values first", () => {
    expect(mergedType(t.enum(["a"]), t.enum(["b", "c"])).description).toBe('one of "b", "c", "a"');
  });

  test("a value shared by both lists appears once", () => {
    expect(mergedType(t.enum(["a", "b"]), t.enum(["b", "c"])).description).toBe('one of "b", "c", "a"');
  });

  test("a value of either declaration is accepted", () => {
    expect(mergedValue(t.enum(["a"]), t.enum(["b", "c"]), ["c"])).toBe("c");
    expect(mergedValue(t.enum(["a"]), t.enum(["b", "c"]), ["a"])).toBe("a");
  });

  test("a value of neither is a TypeMismatch naming the merged enum", () => {
    const r = evalTwoDeclarations(t.enum(["a"]), t.enum(["b"]), ["d"]);
    expectError(() => r.config["a"], { kind: "TypeMismatch", path: ["a"], includes: ["m1.nix", 'one of "b", "a"'] });
  });
});

describe("types with a range", () => {
  test("port + port gives int", () => {
    const type = mergedType(t.port, t.port);
    expect([type.name, type.description]).toEqual(["int", "signed integer"]);
  });

  test("port + port no longer checks the port range", () => {
    expect(mergedValue(t.port, t.port, [80])).toBe(80);
    expect(mergedValue(t.port, t.port, [70000])).toBe(70000);
  });

  test("u8 + u16 gives int", () => {
    expect(mergedType(t.ints.u8, t.ints.u16).name).toBe("int");
  });

  test("u8 + u8 gives int, so 300 is accepted", () => {
    expect(mergedValue(t.ints.u8, t.ints.u8, [300])).toBe(300);
  });

  test("ints.between with different bounds gives int", () => {
    expect(mergedValue(t.ints.between(0, 5), t.ints.between(0, 10), [20])).toBe(20);
  });

  test("addCheck(int) + int gives int, without the added check", () => {
    expect(mergedValue(t.addCheck(t.int, (x) => x > 2), t.int, [1])).toBe(1);
  });

  test("unsigned + unsigned gives int", () => {
    expect(mergedType(t.ints.unsigned, t.ints.unsigned).name).toBe("int");
  });
});

describe("types without parameters", () => {
  test("int + int stays int", () => {
    expect(mergedType(t.int, t.int).name).toBe("int");
  });

  test("str + str stays str", () => {
    expect(mergedValue(t.str, t.str, ["x"])).toBe("x");
  });

  test("anything + anything and attrs + attrs merge", () => {
    expect(mergedValue(t.anything, t.anything, [1])).toBe(1);
    expect(mergedValue(t.attrs, t.attrs, [{}])).toEqual({});
  });

  test("str + int is a DuplicateDeclaration naming both declaring files", () => {
    expectDuplicate(t.str, t.int, [1]);
  });

  test("bool + boolByOr is a DuplicateDeclaration", () => {
    expectDuplicate(t.bool, t.boolByOr, [true]);
  });

  test("float + number is a DuplicateDeclaration", () => {
    expectDuplicate(t.float, t.number, [1.5]);
  });

  test("types of different families are DuplicateDeclarations", () => {
    expectDuplicate(t.nullOr(t.int), t.int, [1]);
    expectDuplicate(t.enum(["a"]), t.str, ["a"]);
    expectDuplicate(t.either(t.int, t.str), t.int, [1]);
    expectDuplicate(t.listOf(t.int), t.attrsOf(t.int), [[1]]);
    expectDuplicate(t.submodule({}), t.attrsOf(t.int), [{}]);
    expectDuplicate(t.str, t.uniq(t.str), ["a"]);
  });

  test("two custom types of one name are a DuplicateDeclaration (no catalogue type of that name)", () => {
    expectDuplicate(lib.mkOptionType({ name: "foo" }), lib.mkOptionType({ name: "foo" }), [1]);
  });
});

describe("types with an element type", () => {
  test("listOf(enum) + listOf(enum) merges the element types", () => {
    const type = mergedType(t.listOf(t.enum(["a"])), t.listOf(t.enum(["b"])));
    expect(type.description).toBe('list of (one of "b", "a")');
    expect(mergedValue(t.listOf(t.enum(["a"])), t.listOf(t.enum(["b"])), [["a"], ["b"]])).toEqual(["b", "a"]);
  });

  test("listOf(int) + listOf(str) is a DuplicateDeclaration", () => {
    expectDuplicate(t.listOf(t.int), t.listOf(t.str), [[]]);
  });

  test("listOf + nonEmptyListOf, and nonEmptyListOf twice, give listOf", () => {
    expect(mergedType(t.listOf(t.int), t.nonEmptyListOf(t.int)).description).toBe("list of signed integer");
    expect(mergedType(t.nonEmptyListOf(t.int), t.nonEmptyListOf(t.int)).description).toBe("list of signed integer");
  });

  test("nullOr + nullOr merges the element types", () => {
    expect(mergedType(t.nullOr(t.int), t.nullOr(t.int)).description).toBe("null or signed integer");
    expect(mergedType(t.nullOr(t.enum(["a"])), t.nullOr(t.enum(["b"]))).description).toBe('null or one of "b", "a"');
  });

  test("attrsOf + attrsOf merges the element types", () => {
    expect(mergedType(t.attrsOf(t.int), t.attrsOf(t.int)).description).toBe("attribute set of signed integer");
    expect(mergedValue(t.attrsOf(t.enum(["a"])), t.attrsOf(t.enum(["b"])), [{ x: "b" }])).toEqual({ x: "b" });
  });

  test("attrsOf + lazyAttrsOf is a DuplicateDeclaration", () => {
    expectDuplicate(t.attrsOf(t.int), t.lazyAttrsOf(t.int), [{ x: 1 }]);
  });

  test("either + either merges branch by branch", () => {
    expect(mergedType(t.either(t.int, t.enum(["a"])), t.either(t.int, t.enum(["b"]))).description).toBe(
      'signed integer or one of "b", "a"',
    );
    expect(mergedType(t.number, t.number).description).toBe("signed integer or floating point number");
  });

  test("enum values of different types are kept apart", () => {
    expect(mergedType(t.enum([1]), t.enum(["1"])).description).toBe('one of "1", 1');
  });

  test("functionTo(int) + functionTo(str) is a DuplicateDeclaration", () => {
    expectDuplicate(t.functionTo(t.int), t.functionTo(t.str), []);
  });

  test("uniq + uniq stays unique", () => {
    expect(mergedType(t.uniq(t.int), t.uniq(t.int)).name).toBe("unique");
  });

  test("functionTo + functionTo merges the result types", () => {
    expect(mergedType(t.functionTo(t.int), t.functionTo(t.int)).description).toBe("function that evaluates to a(n) signed integer");
  });

  test("coercedTo + coercedTo is a DuplicateDeclaration", () => {
    const c = () => t.coercedTo(t.int, (x: number) => String(x), t.str);
    expectDuplicate(c(), c(), ["x"]);
  });
});

describe("types with parameters", () => {
  test("separatedString merges only with the same separator", () => {
    expect(mergedValue(t.separatedString(","), t.separatedString(","), ["x", "y"])).toBe("y,x");
    expect(mergedValue(t.lines, t.lines, ["a", "b"])).toBe("b\na");
    expectDuplicate(t.separatedString(","), t.separatedString(":"), ["x"]);
    expectDuplicate(t.lines, t.commas, ["a"]);
  });

  test("strMatching merges only with the same pattern", () => {
    expect(mergedValue(t.strMatching("a"), t.strMatching("a"), ["a"])).toBe("a");
    expectDuplicate(t.strMatching("a"), t.strMatching("b"), ["a"]);
  });

  test("path merges only with the same constraints", () => {
    expect(mergedValue(t.path, t.path, ["/a"])).toBe("/a");
    expectDuplicate(t.path, t.pathInStore, ["/a"]);
  });

  test("ints.between merges with the same bounds", () => {
    expect(mergedValue(t.ints.between(0, 5), t.ints.between(0, 5), [1])).toBe(1);
  });
});

describe("module types", () => {
  const withX = t.submodule({ options: { x: lib.mkOption({ type: t.int, default: 1 }) } });
  const withY = t.submodule({ options: { y: lib.mkOption({ type: t.str, default: "y" }) } });

  test("submodule + submodule merges the options of both", () => {
    expect(mergedValue(withX, withY, [{ x: 2 }])).toEqual({ x: 2, y: "y" });
    expect(mergedType(withX, withY).description).toBe("submodule");
  });

  test("the merged submodule refuses options of neither", () => {
    const r = evalTwoDeclarations(withX, withY, [{ z: 1 }]);
    expectError(() => r.config["a"], { kind: "UndeclaredOption", path: ["a", "z"], includes: ["m1.nix"] });
  });

  test("submodules inside nullOr, attrsOf and listOf merge their options", () => {
    expect(mergedValue(t.nullOr(withX), t.nullOr(withY), [{}])).toEqual({ x: 1, y: "y" });
    expect(mergedValue(t.attrsOf(withX), t.attrsOf(withY), [{ u: {} }])).toEqual({ u: { x: 1, y: "y" } });
    expect(mergedValue(t.listOf(withX), t.listOf(withY), [[{}]])).toEqual([{ x: 1, y: "y" }]);
  });

  test("a submoduleWith description given by one declaration is kept", () => {
    const described = t.submoduleWith({ modules: [], description: "x" });
    expect(mergedType(described, t.submoduleWith({ modules: [] })).description).toBe("x");
  });

  test("conflicting submoduleWith descriptions are an error when the description is read", () => {
    const r = evalTwoDeclarations(
      t.submoduleWith({ modules: [], description: "x" }),
      t.submoduleWith({ modules: [], description: "y" }),
      [{}],
    );
    expect(() => (r.options["a"] as { type: OptionType }).type.description).toThrow(/conflicting description/);
  });

  test("conflicting submoduleWith descriptions do not stop the value from being read", () => {
    const r = evalTwoDeclarations(
      t.submoduleWith({ modules: [], description: "x" }),
      t.submoduleWith({ modules: [], description: "y" }),
      [{}],
    );
    expect(forceDeeply(r.config["a"])).toEqual({});
  });

  test("submoduleWith specialArgs of different names are combined", () => {
    const withK = t.submoduleWith({
      modules: [({ k }: { k: number }) => ({ options: { x: lib.mkOption({ default: k }) } })],
      specialArgs: { k: 1 },
    });
    expect(mergedValue(withK, t.submoduleWith({ modules: [], specialArgs: { j: 2 } }), [{}])).toEqual({ x: 1 });
  });

  test("submoduleWith specialArgs of one name given twice are an error when a module needs them", () => {
    const withK = t.submoduleWith({
      modules: [({ k }: { k: number }) => ({ options: { x: lib.mkOption({ default: k }) } })],
      specialArgs: { k: 1 },
    });
    const r = evalTwoDeclarations(withK, t.submoduleWith({ modules: [], specialArgs: { k: 1 } }), [{}]);
    expect(() => forceDeeply(r.config["a"])).toThrow(/same specialArgs/);
  });

  test("submoduleWith specialArgs of one name given twice are no error while no module reads them", () => {
    const r = evalTwoDeclarations(
      t.submoduleWith({ modules: [], specialArgs: { k: 1 } }),
      t.submoduleWith({ modules: [], specialArgs: { k: 1 } }),
      [{}],
    );
    expect(forceDeeply(r.config["a"])).toEqual({});
  });

  test("conflicting shorthandOnlyDefinesConfig is an error naming the setting", () => {
    const r = evalTwoDeclarations(
      t.submoduleWith({ modules: [], shorthandOnlyDefinesConfig: true }),
      t.submoduleWith({ modules: [] }),
      [{}],
    );
    expect(() => forceDeeply(r.config["a"])).toThrow(/conflicting shorthandOnlyDefinesConfig/);
  });

  // Nix: "A submoduleWith option is declared multiple times with conflicting
  // shorthandOnlyDefinesConfig values"; by the error contract, declarations that cannot merge are a
  // DuplicateDeclaration.
  test("conflicting shorthandOnlyDefinesConfig is a DuplicateDeclaration at the option", () => {
    const r = evalTwoDeclarations(
      t.submoduleWith({ modules: [], shorthandOnlyDefinesConfig: true }),
      t.submoduleWith({ modules: [] }),
      [{}],
    );
    expectError(() => r.config["a"], { kind: "DuplicateDeclaration", path: ["a"] });
  });

  test("deferredModule + deferredModule stays a module", () => {
    expect(mergedType(t.deferredModule, t.deferredModule).description).toBe("module");
  });

  test("deferredModule + deferredModuleWith keeps the static modules", () => {
    const withStatic = t.deferredModuleWith({ staticModules: [{ options: { x: lib.mkOption({ type: t.int, default: 3 }) } }] });
    const deferred = evalTwoDeclarations(t.deferredModule, withStatic, [{ x: 5 }]).config["a"];
    expect(lib.evalModules({ modules: [deferred] }).config["x"]).toBe(5);
  });
});

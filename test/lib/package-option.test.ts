// mkPackageOption, the package type and literalExpression. Expected values and messages are what
// Nixpkgs gives (checked with nix-instantiate against lib/options.nix and lib/types.nix), in our
// wording; a package set is a plain object.
import { Ajv } from "ajv";
import { describe, expect, expectTypeOf, test } from "vitest";
import {
  check,
  isLooserSchema,
  jsonSchemaOf,
  lib,
  literalExpression,
  mkOption,
  mkPackageOption,
  optionDocs,
  packageType,
  type ConfigOf,
  type Derivation,
} from "../../src/lib/index.js";
import { errorOf, evalOption, evalTwoDeclarations, expectError, expectOptionError } from "./types/helpers.js";

const hello = { type: "derivation", pname: "hello" } as const;
const pkgs = { hello, python3Packages: { numpy: { type: "derivation", pname: "numpy" } } };
const bashPath = "/nix/store/0fb3ykw9r5hpayd05sr0cizwadzq1d8q-bash-5.2-p15";

/** The option `p` declared by `declaration`, evaluated with `definitions` (one module each). */
function evalPackage(declaration: unknown, ...definitions: unknown[]) {
  return lib.evalModules({
    modules: [{ _file: "decl.nix", options: { p: declaration } }, ...definitions.map((p, i) => ({ _file: `m${i + 1}.nix`, config: { p } }))],
  });
}

const option = (declaration: unknown) => evalPackage(declaration).options["p"] as Record<string, unknown>;

describe("the package type", () => {
  test("is named and described package, a noun, and reads as one inside nullOr", () => {
    expect([packageType.name, packageType.description, packageType.descriptionClass]).toEqual(["package", "package", "noun"]);
    expect(lib.types.nullOr(packageType).description).toBe("null or package");
  });

  test("check accepts derivations and store paths, as isDerivation and isStorePath decide", () => {
    const ca = `/${"a".repeat(52)}`;
    const values = [hello, bashPath, "/nix/store/abc", "/nix/store/", ca, { outPath: "/nix/store/x" }, `${bashPath}/bin`, "/nix/store", "relative", 1, { type: "other" }];
    expect(values.map(packageType.check)).toEqual([true, true, true, true, true, true, false, false, false, false, false]);
  });

  test("a store path becomes a derivation named after it without its hash", () => {
    const value = evalOption(packageType, [bashPath]).config["a"] as Record<string, unknown>;
    expect(value).toMatchObject({ type: "derivation", name: "bash-5.2-p15", outPath: bashPath, outputs: ["out"], outputName: "out" });
    expect(value["out"]).toBe(value);
  });

  test("a derivation is taken as it is; a second definition is a UniqueViolation", () => {
    expect(evalOption(packageType, [hello]).config["a"]).toBe(hello);
    expectOptionError(packageType, [hello, { ...hello, pname: "other" }], { kind: "UniqueViolation", path: ["a"], includes: ["m1.nix", "m2.nix"] });
  });

  test("a value that is no package is a TypeMismatch naming the type", () => {
    expectOptionError(packageType, ["hello"], { kind: "TypeMismatch", path: ["a"], includes: ["`package'", '"hello"'] });
  });

  test("two declarations of a package option merge", () => {
    expect((evalTwoDeclarations(packageType, packageType, [hello]).options["a"] as { type: { description: string } }).type.description).toBe("package");
  });

  test("its JSON Schema accepts derivations and store paths, and says that it does not check an outPath", () => {
    const schema = jsonSchemaOf(packageType);
    expect(isLooserSchema(schema)).toBe(true);
    const ajv = new Ajv({ strict: true });
    const accepted = (value: unknown) => check({ modules: [{ options: { a: mkOption({ type: packageType }) } }, { config: { a: value } }] }).length === 0;
    for (const value of [{ type: "derivation" }, bashPath, "/nix/store/abc", `${bashPath}/bin`, "hello", 1, { type: "other" }]) {
      expect([value, ajv.validate(schema, value)]).toEqual([value, accepted(value)]);
    }
    expect(accepted({ outPath: "/etc" })).toBe(false);
    expect(ajv.validate(schema, { outPath: "/etc" })).toBe(true);
  });
});

describe("literalExpression", () => {
  test("marks text as Nix code, and refuses anything but a string", () => {
    expect(literalExpression("pkgs.hello")).toEqual({ _type: "literalExpression", text: "pkgs.hello" });
    expect(() => literalExpression(1 as unknown as string)).toThrow("literalExpression expects a string.");
  });
});

describe("mkPackageOption", () => {
  test("describes the package, defaults to the package of the same name and documents it as pkgs.<name>", () => {
    const declared = option(mkPackageOption(pkgs, "hello"));
    expect(declared).toMatchObject({ description: "The hello package to use.", defaultText: { _type: "literalExpression", text: "pkgs.hello" } });
    expect((declared["type"] as { description: string }).description).toBe("package");
    expect(evalPackage(mkPackageOption(pkgs, "hello")).config["p"]).toBe(hello);
    expect(evalPackage(mkPackageOption(pkgs, "hello"), bashPath).config["p"]).toMatchObject({ name: "bash-5.2-p15" });
  });

  test("a name given as a path describes its last name; default and example may be paths in the set", () => {
    const declaration = mkPackageOption(pkgs, ["python3Packages", "numpy"], { example: ["python3Packages", "numpy"] });
    expect(option(declaration)).toMatchObject({
      description: "The numpy package to use.",
      defaultText: { text: "pkgs.python3Packages.numpy" },
      example: { _type: "literalExpression", text: "pkgs.python3Packages.numpy" },
    });
    expect(evalPackage(declaration).config["p"]).toBe(pkgs.python3Packages.numpy);
    expect(option(mkPackageOption(pkgs, "Hello", { default: "hello" }))).toMatchObject({ description: "The Hello package to use.", defaultText: { text: "pkgs.hello" } });
  });

  test("names that are not Nix identifiers are quoted in the documentation", () => {
    const set = { "123": { 'with"quote': { hello } } };
    expect(option(mkPackageOption(set, ["123", 'with"quote', "hello"]))["defaultText"]).toEqual(literalExpression('pkgs."123"."with\\"quote".hello'));
  });

  test("an example written as Nix code is kept; extraDescription follows the description; pkgsText names the set", () => {
    expect(option(mkPackageOption(pkgs, "hello", { example: "pkgs.hello.override { }", extraDescription: "It greets.", pkgsText: "myPkgs" }))).toMatchObject({
      description: "The hello package to use. It greets.",
      defaultText: { text: "myPkgs.hello" },
      example: { text: "pkgs.hello.override { }" },
    });
  });

  test("a default missing from the set fails only when the option is read, naming the path and the set", () => {
    const evaluation = evalPackage(mkPackageOption(pkgs, "nope", { pkgsText: "myPkgs" }));
    expect((evaluation.options["p"] as { description: string }).description).toBe("The nope package to use.");
    const e = errorOf(() => evaluation.config["p"]);
    expect(e.kind).toBe("InvalidModule");
    expect(e.message).toMatch(/^nope cannot be found in myPkgs\. .*default/);
    // A definition replaces the default, which is then never read.
    expect(evalPackage(mkPackageOption(pkgs, "nope"), hello).config["p"]).toBe(hello);
  });

  test("default null leaves the option without a default, or null where it is nullable", () => {
    expectError(() => evalPackage(mkPackageOption(pkgs, "hello", { default: null })).config["p"], { kind: "NoDefinition", path: ["p"] });
    expect(option(mkPackageOption(pkgs, "hello", { default: null }))).not.toHaveProperty("defaultText");
    const nullable = mkPackageOption(pkgs, "hello", { nullable: true, default: null });
    expect(evalPackage(nullable).config["p"]).toBe(null);
    expect((option(nullable)["type"] as { description: string }).description).toBe("null or package");
    expect(evalPackage(mkPackageOption(pkgs, "hello", { nullable: true })).config["p"]).toBe(hello);
  });

  test("the option documentation shows the default as Nix code, not the package", () => {
    const docs = optionDocs(evalPackage(mkPackageOption(pkgs, "hello", { example: ["hello"] })).options).filter((d) => d.name === "p");
    expect(docs).toEqual([
      {
        loc: ["p"],
        name: "p",
        description: "The hello package to use.",
        declarations: ["decl.nix"],
        internal: false,
        visible: true,
        readOnly: false,
        type: "package",
        default: { _type: "literalExpression", text: "pkgs.hello" },
        example: { _type: "literalExpression", text: "pkgs.hello" },
      },
    ]);
  });

  test("ConfigOf gives a derivation, or a derivation or null where the option is nullable", () => {
    const module = { options: { p: mkPackageOption(pkgs, "hello"), q: mkPackageOption(pkgs, "hello", { nullable: true }) } };
    type Config = ConfigOf<typeof module>;
    expectTypeOf<Config["p"]>().toEqualTypeOf<Derivation>();
    expectTypeOf<Config["q"]>().toEqualTypeOf<Derivation | null>();
    const config: Config = lib.evalModules({ modules: [module] }).config as Config;
    expect([config.p, config.q]).toEqual([hello, hello]);
  });
});

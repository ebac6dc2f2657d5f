// Fixtures of Nixpkgs' lib/tests/modules/ in JavaScript (see fixtures.ts): mkPackageOption, with a
// package set that is a plain object.
import { lib } from "../../src/lib/index.js";

const { mkPackageOption } = lib;

const pkgs = { hello: { type: "derivation", pname: "hello" } };

/** The fixtures of this file by name. */
export const packageOptionFixtures: Record<string, unknown> = {
  "declare-mkPackageOption.nix": {
    options: {
      package: mkPackageOption(pkgs, "hello", {}),
      namedPackage: mkPackageOption(pkgs, "Hello", { default: ["hello"] }),
      namedPackageSingletonDefault: mkPackageOption(pkgs, "Hello", { default: "hello" }),
      pathPackage: mkPackageOption(pkgs, ["hello"], {}),
      packageWithExample: mkPackageOption(pkgs, "hello", { example: "pkgs.hello.override { stdenv = pkgs.clangStdenv; }" }),
      packageWithPathExample: mkPackageOption(pkgs, "hello", { example: ["hello"] }),
      packageWithExtraDescription: mkPackageOption(pkgs, "hello", { extraDescription: "Example extra description." }),
      undefinedPackage: mkPackageOption(pkgs, "hello", { default: null }),
      nullablePackage: mkPackageOption(pkgs, "hello", { nullable: true, default: null }),
      nullablePackageWithDefault: mkPackageOption(pkgs, "hello", { nullable: true }),
      packageWithPkgsText: mkPackageOption(pkgs, "hello", { pkgsText: "myPkgs" }),
      packageFromOtherSet: mkPackageOption({ hello: { ...pkgs.hello, pname: "hello-other" } }, "hello", {}),
      packageInvalidIdentifier: mkPackageOption({ "123": { 'with"quote': { hello: pkgs.hello } } }, ["123", 'with"quote', "hello"], {}),
      packageInvalidIdentifierExample: mkPackageOption(pkgs, "hello", { example: ["123", 'with"quote', "hello"] }),
    },
  },
};

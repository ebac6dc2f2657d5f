import type { Case } from "../case.ts";

// Nixpkgs' anything merges a set with outPath or __toString as a single value (mergeOneOption):
// two definitions are "expected to be unique", a UniqueViolation; one is kept as it is.
const c: Case = (lib) => ({
  description: "a package-like set (with outPath) under types.anything defined twice is a UniqueViolation; once, it is kept",
  modules: [
    { options: { package: lib.mkOption({ type: lib.types.anything }), other: lib.mkOption({ type: lib.types.anything }) } },
    { _file: "a.nix", config: { package: { outPath: "/nix/store/aaa-hello" }, other: { outPath: "/nix/store/ccc-world" } } },
    { _file: "b.nix", config: { package: { outPath: "/nix/store/bbb-hello" } } },
  ],
  expect: [
    { get: (r) => r.config.package, error: { kind: "UniqueViolation", path: ["package"], includes: ["`package'", "a.nix", "b.nix"] } },
    { get: (r) => r.config.other.outPath, value: "/nix/store/ccc-world" },
  ],
});
export default c;

import type { Case } from "../case.ts";

// Nixpkgs' renamed option is `mkOption { … } // optionalAttrs (toType != null) { type = toType; }`:
// asking whether it is an option forces the target's merged declaration. A target declared twice
// with two defaults is then a DuplicateDeclaration on any read, even of another option.
const c: Case = (lib) => ({
  description: "mkRenamedOptionModule forces its target's declaration: a target declared twice fails every read",
  modules: [
    lib.mkRenamedOptionModule(["old"], ["x"]),
    { options: { x: lib.mkOption({ type: lib.types.int, default: 2 }) } },
    { options: { x: lib.mkOption({ type: lib.types.int, default: 2 }), y: lib.mkOption({ type: lib.types.int, default: 3 }) } },
  ],
  expect: [{ get: (r) => r.config.y, error: { kind: "DuplicateDeclaration", path: ["x"], includes: ["`x'", "already declared"] } }],
});
export default c;

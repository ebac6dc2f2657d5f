import type { Case } from "../case.ts";

// Nixpkgs' showOption writes each name through escapeNixIdentifier: a Nix keyword is quoted as a
// string, and escapeNixString escapes `$` (so that `${` cannot start an interpolation).
const c: Case = (lib) => ({
  description: "option names that are Nix keywords or hold `$` are written quoted and escaped in messages",
  modules: [
    { options: { services: lib.mkOption({ type: lib.types.attrsOf(lib.types.submodule({ options: { port: lib.mkOption({ type: lib.types.port }) } })) }) } },
    { _file: "servers.nix", config: { services: { if: { port: "eighty" }, "cost$": { port: 99999 }, web: { port: 80 } } } },
  ],
  expect: [
    {
      get: (r) => r.config.services.if.port,
      error: { kind: "TypeMismatch", path: ["services", "if", "port"], includes: ['`services."if".port\''] },
    },
    {
      get: (r) => r.config.services["cost$"].port,
      error: { kind: "TypeMismatch", path: ["services", "cost$", "port"], includes: ['`services."cost\\$".port\''] },
    },
    { get: (r) => r.config.services.web.port, value: 80 },
  ],
});
export default c;

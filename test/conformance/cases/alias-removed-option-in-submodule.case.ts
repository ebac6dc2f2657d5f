import type { Case } from "../case.ts";

// The removed option of a submodule entry: Nixpkgs' message names it by the path given to
// mkRemovedOptionModule (`legacyShell'); the error's path is where it stands, the whole path.
const c: Case = (lib) => ({
  description: "mkRemovedOptionModule inside a submodule: the RemovedOption error's path is the whole path of the entry's option",
  modules: [
    {
      options: {
        users: lib.mkOption({
          type: lib.types.attrsOf(
            lib.types.submodule({
              imports: [lib.mkRemovedOptionModule(["legacyShell"], "Use shell instead.")],
              options: {
                assertions: lib.mkOption({ type: lib.types.listOf(lib.types.unspecified), default: [] }),
                shell: lib.mkOption({ type: lib.types.str, default: "sh" }),
              },
            }),
          ),
          default: {},
        }),
      },
    },
    { _file: "users.nix", config: { users: { alice: { legacyShell: "zsh" }, bob: { shell: "bash" } } } },
  ],
  expect: [
    {
      get: (r) => r.config.users.alice.legacyShell,
      error: { kind: "RemovedOption", path: ["users", "alice", "legacyShell"], includes: ["`legacyShell' can no longer be used", "Use shell instead."] },
    },
    {
      get: (r) => r.config.users.alice.assertions,
      value: [
        {
          assertion: false,
          message: "The option definition `legacyShell' in `users.nix' no longer has any effect; please remove it.\nUse shell instead.\n",
        },
      ],
    },
    { get: (r) => r.config.users.bob.shell, value: "bash" },
  ],
});
export default c;

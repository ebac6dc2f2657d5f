import type { Case } from "../case.ts";

// A type's description is computed when read, as every attribute of a Nix type is: the NixOS
// test-driver pattern (a deferredModule `defaults` imported into every entry of an attrsOf
// submodule declared by the same module) evaluates, and a malformed module inside a submodule type
// that no value uses breaks nothing.
const c: Case = (lib) => ({
  description: "type descriptions are lazy: the test-driver pattern of defaults imported into every node, and an unused malformed submodule type",
  modules: [
    ({ config }: { config: Record<string, unknown> }) => ({
      options: {
        defaults: lib.mkOption({ type: lib.types.deferredModule, default: {} }),
        nodes: lib.mkOption({
          type: lib.types.attrsOf(
            lib.types.submoduleWith({
              modules: [
                { options: { memory: lib.mkOption({ type: lib.types.int, default: 512 }), name: lib.mkOption({ type: lib.types.str, default: "node" }) } },
                () => ({ imports: [config["defaults"]] }),
              ],
            }),
          ),
          default: {},
        }),
        unused: lib.mkOption({ type: lib.types.attrsOf(lib.types.submodule([42] as never)), default: {} }),
        count: lib.mkOption({ type: lib.types.int, default: 1 }),
      },
    }),
    { config: { defaults: { memory: 2048 } } },
    { config: { nodes: { a: {}, b: { name: "bee" } } } },
  ],
  expect: [
    { get: (r) => r.config.nodes.a.memory, value: 2048 },
    { get: (r) => r.config.nodes.b, value: { memory: 2048, name: "bee" } },
    { get: (r) => r.options.nodes.type.description, value: "attribute set of (submodule)" },
    { get: (r) => r.config.count, value: 1 },
    { get: (r) => r.config.unused, value: {} },
  ],
});
export default c;

# Every attribute of a type is computed when read, its description too. The NixOS test-driver
# pattern: a deferredModule option `defaults` imported into every entry of an attrsOf submodule
# declared by the same module, which reads `config.defaults` inside the submodule's modules. And a
# malformed module inside a submodule type that no value uses breaks nothing.
{ lib ? import ../../nixpkgs-lib/lib }:
let
  inherit (lib) mkOption types;
  driver = { config, ... }: {
    options.defaults = mkOption { type = types.deferredModule; default = { }; };
    options.nodes = mkOption {
      type = types.attrsOf (types.submoduleWith {
        modules = [
          { options.memory = mkOption { type = types.int; default = 512; }; options.name = mkOption { type = types.str; default = "node"; }; }
          ({ ... }: { imports = [ config.defaults ]; })
        ];
      });
      default = { };
    };
    options.unused = mkOption { type = types.attrsOf (types.submodule [ 42 ]); default = { }; };
    options.count = mkOption { type = types.int; default = 1; };
  };
  result = lib.evalModules {
    modules = [
      driver
      { defaults = { memory = 2048; }; }
      { nodes.a = { }; nodes.b = { name = "bee"; }; }
    ];
  };
in
[
  result.config.nodes.a.memory
  result.config.nodes.b
  result.options.nodes.type.description
  result.config.count
  result.config.unused
]

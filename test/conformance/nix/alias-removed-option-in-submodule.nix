# mkRemovedOptionModule inside a submodule: reading the removed option of an entry fails with
# Nixpkgs' message, which names the option by the path given to mkRemovedOptionModule; the
# assertion says the same. (The error's option path in this project is the whole path.)
{ lib ? import ../../nixpkgs-lib/lib }:
let
  inherit (lib) mkOption types;
  user = types.submodule {
    imports = [ (lib.mkRemovedOptionModule [ "legacyShell" ] "Use shell instead.") ];
    options.assertions = mkOption { type = types.listOf types.unspecified; default = [ ]; };
    options.shell = mkOption { type = types.str; default = "sh"; };
  };
  result = lib.evalModules {
    modules = [
      { options.users = mkOption { type = types.attrsOf user; default = { }; }; }
      { _file = "users.nix"; users.alice.legacyShell = "zsh"; users.bob.shell = "bash"; }
    ];
  };
in
[
  result.config.users.alice.legacyShell
  result.config.users.alice.assertions
  result.config.users.bob.shell
]

# Option names in messages are written as Nixpkgs' showOption writes them, through
# escapeNixIdentifier and escapeNixString: a keyword (`if`) is quoted, `$` is escaped.
{ lib ? import ../../nixpkgs-lib/lib }:
let
  inherit (lib) mkOption types;
  server = types.submodule { options.port = mkOption { type = types.port; }; };
  result = lib.evalModules {
    modules = [
      { options.services = mkOption { type = types.attrsOf server; }; }
      { _file = "servers.nix"; services."if".port = "eighty"; services."cost$".port = 99999; services.web.port = 80; }
    ];
  };
in
[
  result.config.services."if".port
  result.config.services."cost$".port
  result.config.services.web.port
]

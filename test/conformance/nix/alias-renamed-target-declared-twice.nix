# mkRenamedOptionModule builds its option with `// optionalAttrs (toType != null) { type = toType; }`:
# asking whether it is an option forces the target's merged declaration, so a target declared twice
# (with two defaults) is reported on any read of the configuration, even of another option.
{ lib ? import ../../nixpkgs-lib/lib }:
let
  inherit (lib) mkOption types;
  result = lib.evalModules {
    modules = [
      (lib.mkRenamedOptionModule [ "old" ] [ "x" ])
      { options.x = mkOption { type = types.int; default = 2; }; }
      { options.x = mkOption { type = types.int; default = 2; }; options.y = mkOption { type = types.int; default = 3; }; }
    ];
  };
in
[
  result.config.y
]

# A package-like set (with outPath) under types.anything is merged as one value: defined twice,
# Nix says it is "expected to be unique".
{ lib ? import ../../nixpkgs-lib/lib }:
let
  inherit (lib) mkOption types;
  result = lib.evalModules {
    modules = [
      { options.package = mkOption { type = types.anything; }; options.other = mkOption { type = types.anything; }; }
      { _file = "a.nix"; package = { outPath = "/nix/store/aaa-hello"; }; other = { outPath = "/nix/store/ccc-world"; }; }
      { _file = "b.nix"; package = { outPath = "/nix/store/bbb-hello"; }; }
    ];
  };
in
[
  result.config.package
  result.config.other.outPath
]

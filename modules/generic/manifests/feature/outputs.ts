/** The outputs an archive can fill (Nixpkgs' `manifests/feature/outputs.nix`). */
import { lib } from "../../../../src/lib/index.js";

const { mkOption, types } = lib;

const flag = (description: string) => mkOption({ type: types.bool, description });

/** One boolean per output, saying whether the archive has files for it. */
export const featureOutputsOptions = {
  bin: flag("A `bin` directory with at least one executable file."),
  dev: flag("A non-empty `include`, `lib/pkgconfig`, `share/pkgconfig`, `lib/cmake` or `share/aclocal` directory."),
  doc: flag("A non-empty `share/info`, `share/doc`, `share/gtk-doc`, `share/devhelp` or `share/man` directory."),
  lib: flag("A `lib` directory with at least one shared library."),
  sample: flag("A non-empty `samples` directory."),
  static: flag("A `lib` directory with at least one static library."),
};

/** The type of the outputs of an archive. */
export const featureOutputsType = types.submodule({ _file: "modules/generic/manifests/feature/outputs.ts", options: featureOutputsOptions });

/**
 * `generic.releases`: a hand-written release list (cuDNN, TensorRT), platform by platform
 * (Nixpkgs' `modules/generic/releases`). Its version types come from `config.generic.types`.
 */
import { lib } from "../../../src/lib/index.js";

const { mkOption, types } = lib;

interface Args {
  readonly config: { readonly generic: { readonly types: Readonly<Record<string, unknown>> } };
}

/** The module declaring `generic.releases`. */
export function genericReleasesModule({ config }: Args) {
  const generic = (name: string) => config.generic.types[name] as ReturnType<typeof types.strMatching>;
  const release = types.submodule({
    _file: "modules/generic/releases/index.ts",
    freeformType: types.attrsOf(types.anything),
    options: {
      version: mkOption({
        get type() {
          return generic("majorMinorPatchBuildVersion");
        },
        description: "The version of the release.",
      }),
      minCudaVersion: mkOption({
        get type() {
          return generic("majorMinorVersion");
        },
        description: "The lowest CUDA version the release supports (inclusive).",
      }),
      maxCudaVersion: mkOption({
        get type() {
          return generic("majorMinorVersion");
        },
        description: "The highest CUDA version the release supports (inclusive).",
      }),
      hash: mkOption({ type: types.str, description: "The SRI hash of the release's archive." }),
    },
  });
  return {
    _file: "modules/generic/releases/index.ts",
    options: {
      generic: {
        releases: mkOption({
          type: types.attrsOf(types.listOf(release)),
          description: "Releases of a product, by platform, oldest first.",
        }),
      },
    },
  };
}

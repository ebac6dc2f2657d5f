/**
 * The synthetic workload of `/work/shared/bench/synth.nix` with our lib: a manifest of N packages
 * shaped like an NVIDIA redistrib manifest, the same option declarations, the same definitions,
 * evaluated and forced to JSON.
 */
import { createHash } from "node:crypto";
import { evalModules, mkOption, types } from "../src/lib/index.js";

/** One archive of a synthetic package, as synth.nix defines it. */
export interface SynthArchive {
  readonly relative_path: string;
  readonly sha256: string;
  readonly md5: string;
  readonly size: string;
}

/** One synthetic package as the definitions give it: no `name`, which defaults to the attribute name. */
export interface SynthPackage {
  readonly license: string;
  readonly version: string;
  readonly "linux-x86_64": SynthArchive;
  readonly "linux-sbsa": SynthArchive;
}

/** synth.nix's `hex len`: a prefix of the SHA-256 of "x" in hex. */
function hex(length: number): string {
  return createHash("sha256").update("x").digest("hex").slice(0, length);
}

/**
 * The N packages synth.nix defines (`builtins.genList mkPackage n`), by attribute name.
 * @example synthPackages(2)["pkg_1"].version // "12.2.1"
 */
export function synthPackages(n: number): Record<string, SynthPackage> {
  const sha256 = hex(64);
  const md5 = hex(32);
  const archive = (platform: string, i: number, size: number): SynthArchive => ({
    relative_path: `pkg/${platform}/pkg-${i}.tar.xz`,
    sha256,
    md5,
    size: String(size),
  });
  const out: Record<string, SynthPackage> = {};
  for (let i = 0; i < n; i++) {
    out[`pkg_${i}`] = {
      license: "CUDA Toolkit",
      version: `12.2.${i}`,
      "linux-x86_64": archive("linux-x86_64", i, 1000 + i),
      "linux-sbsa": archive("linux-sbsa", i, 2000 + i),
    };
  }
  return out;
}

const platform = types.submodule({
  options: {
    relative_path: mkOption({ type: types.str }),
    sha256: mkOption({ type: types.strMatching("[0-9a-f]{64}") }),
    md5: mkOption({ type: types.strMatching("[0-9a-f]{32}") }),
    size: mkOption({ type: types.str }),
  },
});

const synthPackage = types.submodule(({ name }: { name: string }) => ({
  freeformType: types.attrsOf(platform),
  options: {
    name: mkOption({ type: types.str, default: name }),
    license: mkOption({ type: types.str }),
    version: mkOption({ type: types.strMatching("[0-9]+(\\.[0-9]+)*") }),
  },
}));

/** The module declaring `packages`, as synth.nix's first module. */
export const synthDeclarations = {
  options: { packages: mkOption({ type: types.attrsOf(synthPackage), default: {} }) },
};

/**
 * Evaluates the declarations with `packages` (from {@link synthPackages}) and forces
 * `config.packages` to JSON text, keys sorted as Nix prints them.
 * @example JSON.parse(evaluateSynth(synthPackages(1)))["pkg_0"].name // "pkg_0"
 */
export function evaluateSynth(packages: Readonly<Record<string, SynthPackage>>): string {
  const { config } = evalModules({ modules: [synthDeclarations, { config: { packages } }] });
  // JSON.stringify reads every lazy value, as Nix's --strict does; the configuration's sets are
  // already in Nix's order (sorted names), so no copy is made to sort them (the Nix workload
  // compares the two outputs byte for byte).
  return JSON.stringify((config as { packages: unknown }).packages);
}

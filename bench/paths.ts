/**
 * Where the benchmark finds things: the repository, the built CLI, the built bench scripts, and
 * the shared Nix files (overridable with `NIXPKGS_LIB` and `SYNTH_NIX`).
 */
import path from "node:path";
import { projectRoot } from "../src/load/bundled-data.js";

/** The repository root (the folder of `package.json`), from the sources or from `dist/`. */
export const repoRoot = projectRoot;

/**
 * The bench's own build (`tsc -p bench/tsconfig.json`): the sources, the modules and the bench,
 * compiled together when the run starts. The run measures that snapshot throughout, whatever
 * happens to `dist/src` meanwhile, and a child process pays no TypeScript loader at start.
 */
const buildRoot = path.join(repoRoot, "dist", "bench");

/** The CLI of the bench's build: the same program as `dist/src/cli/main.js`, built from the same sources. */
export const cliScript = path.join(buildRoot, "src", "cli", "main.js");

/**
 * A bench script's built form.
 * @example builtBenchScript("synth-child") // "<repo>/dist/bench/bench/synth-child.js"
 */
export function builtBenchScript(name: string): string {
  return path.join(buildRoot, "bench", `${name}.js`);
}

/** The Nixpkgs `lib` folder to evaluate synth.nix with: `$NIXPKGS_LIB`, else `../shared/nixpkgs-lib/lib`. */
export function nixpkgsLibPath(): string {
  return process.env["NIXPKGS_LIB"] ?? path.resolve(repoRoot, "..", "shared", "nixpkgs-lib", "lib");
}

/** The synthetic manifest in Nix: `$SYNTH_NIX`, else `../shared/bench/synth.nix`. */
export function synthNixPath(): string {
  return process.env["SYNTH_NIX"] ?? path.resolve(repoRoot, "..", "shared", "bench", "synth.nix");
}

/**
 * The output files of a run: the recorded results beside the bench sources (tracked) with
 * `--save`, else `bench/out/` (ignored by git), so that a run changes no tracked file unless asked.
 */
export function resultFiles(save: boolean): { readonly json: string; readonly markdown: string } {
  const dir = save ? path.join(repoRoot, "bench") : path.join(repoRoot, "bench", "out");
  return { json: path.join(dir, "results.json"), markdown: path.join(dir, "results.md") };
}

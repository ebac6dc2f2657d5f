/**
 * Against Nix: `nix-instantiate --eval --strict --json` of synth.nix with Nixpkgs' lib, and our
 * process doing the same (dist/bench/bench/synth-main.js), as whole processes; the ratio is ours over
 * Nix's. Skipped, with a note, where nix-instantiate, Nixpkgs' lib or synth.nix is missing.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { figureOf, type Figure } from "../figure.js";
import { builtBenchScript, nixpkgsLibPath, repoRoot, synthNixPath } from "../paths.js";
import { timeSuccessfulProcess } from "../process-timer.js";
import { rounds } from "../rounds.js";
import { runsOf } from "../settings.js";
import { powerOfTen, type Workload } from "../workload.js";

/** Why the Nix workload cannot run here, or null when it can. */
export function nixUnavailable(): string | null {
  if (spawnSync("nix-instantiate", ["--version"], { encoding: "utf8" }).status !== 0) return "nix-instantiate is not on the PATH";
  if (!existsSync(nixpkgsLibPath())) return `no Nixpkgs lib at ${nixpkgsLibPath()} (set NIXPKGS_LIB)`;
  if (!existsSync(synthNixPath())) return `no synth.nix at ${synthNixPath()} (set SYNTH_NIX)`;
  return null;
}

/**
 * The arguments of `nix-instantiate` evaluating synth.nix for `n` packages, strictly, to JSON.
 * @example nixInstantiateArgs(100) // ["--eval", "--strict", "--json", "--arg", "n", "100", …]
 */
export function nixInstantiateArgs(n: number): string[] {
  return ["--eval", "--strict", "--json", "--arg", "n", String(n), "--arg", "lib", `import ${nixpkgsLibPath()}`, synthNixPath()];
}

/** The Nix workload. */
export const nix: Workload = {
  name: "nix",
  description: "synth.nix: our whole process vs nix-instantiate --eval --strict --json",
  run(settings) {
    const missing = nixUnavailable();
    if (missing !== null) return { figures: [], notes: [`Skipped: ${missing}.`] };
    const figures: Figure[] = [];
    const notes: string[] = [];
    const ours = builtBenchScript("synth-main");
    for (const n of settings.quick ? [1e3] : [1e3, 1e4, 1e5]) {
      process.stderr.write(`  nix N = ${powerOfTen(n)}\n`);
      const outputs: { nix?: string; ours?: string } = {};
      // Nix takes minutes and about 10 GB at 10^5: one run there.
      const result = rounds(n >= 1e5 ? 1 : runsOf(settings, n >= 1e4), {
        nix: () => {
          const run = timeSuccessfulProcess("nix-instantiate", nixInstantiateArgs(n), repoRoot, settings.timeoutMs);
          outputs.nix ??= run.stdout.trim();
          return run.ms;
        },
        ours: () => {
          const run = timeSuccessfulProcess(process.execPath, [ours, String(n)], repoRoot, settings.timeoutMs);
          outputs.ours ??= run.stdout.trim();
          return run.ms;
        },
      });
      if (outputs.nix !== undefined && outputs.ours !== undefined) {
        notes.push(`N = ${powerOfTen(n)}: our JSON ${outputs.nix === outputs.ours ? "equals" : "DIFFERS FROM"} Nix's, byte for byte.`);
      }
      const heading = {
        workload: "nix",
        label: `synth.nix, N = ${powerOfTen(n)}, whole process`,
        metric: "time",
        unit: "ms",
        baseline: "nix-instantiate --eval --strict --json",
      } as const;
      figures.push(figureOf(heading, result.values.ours, result.values.nix, result.error));
    }
    return { figures, notes };
  },
};

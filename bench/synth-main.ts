/**
 * The synthetic workload as a whole process, to set beside `nix-instantiate --eval --strict
 * --json … synth.nix`: `node dist/bench/bench/synth-main.js N` prints `config.packages` as JSON.
 */
import { evaluateSynth, synthPackages } from "./synth.js";

const n = Number(process.argv[2]);
if (!Number.isSafeInteger(n) || n < 0) {
  process.stderr.write("usage: synth-main.js N\n");
  process.exit(2);
}
process.stdout.write(`${evaluateSynth(synthPackages(n))}\n`);

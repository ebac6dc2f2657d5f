/**
 * A child process measuring one side of the synthetic workload once:
 * `node dist/bench/bench/synth-child.js ours|floor N`. The input is generated (and, for the floor,
 * serialised and the schema compiled) before the clock starts; the child prints the time of the
 * work and its peak RSS, so each (N, side) has a process of its own.
 */
import { reportMeasurement } from "./child-measurement.js";
import { compileSynthSchema, floorSynth } from "./synth-floor.js";
import { evaluateSynth, synthPackages } from "./synth.js";

const [side, count] = process.argv.slice(2);
const n = Number(count);
if ((side !== "ours" && side !== "floor") || !Number.isSafeInteger(n) || n < 0) {
  process.stderr.write("usage: synth-child.js ours|floor N\n");
  process.exit(2);
}

const packages = synthPackages(n);
let ms: number;
if (side === "ours") {
  const start = performance.now();
  evaluateSynth(packages);
  ms = performance.now() - start;
} else {
  const text = JSON.stringify(packages);
  const validate = compileSynthSchema();
  const start = performance.now();
  floorSynth(text, validate);
  ms = performance.now() - start;
}
reportMeasurement(ms);

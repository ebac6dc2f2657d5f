/**
 * Synthetic scaling: synth.nix's manifest of N packages evaluated with our lib and forced to JSON,
 * against the floor on the same JSON (parse, ajv, name defaults, serialise). Each (N, side) runs
 * in a child process of its own, which reports the in-process time of the work (the input's
 * generation excluded) and its peak RSS.
 */
import { runMeasuringChild, type ChildMeasurement } from "../child-measurement.js";
import { figureOf, type Figure } from "../figure.js";
import { builtBenchScript } from "../paths.js";
import { rounds } from "../rounds.js";
import { runsOf, type BenchSettings } from "../settings.js";
import { powerOfTen, synthSizes, type Workload, type WorkloadReport } from "../workload.js";

const baseline = "floor: JSON.parse + ajv + name defaults + JSON.stringify, in-process";

function figuresAt(n: number, settings: BenchSettings): Figure[] {
  const child = builtBenchScript("synth-child");
  const measure = (side: string) => () => runMeasuringChild(child, [side, String(n)], settings.timeoutMs);
  const result = rounds(runsOf(settings, n >= 1e5), { floor: measure("floor"), ours: measure("ours") });
  const { ours, floor } = result.values;
  const label = `evalModules + JSON, N = ${powerOfTen(n)}`;
  const figure = (metric: Figure["metric"], unit: Figure["unit"], f: (m: ChildMeasurement) => number) =>
    figureOf({ workload: "synthetic", label, metric, unit, baseline }, ours.map(f), floor.map(f), result.error);
  return [
    figure("time", "ms", (m) => m.ms),
    figure("time per entry", "µs", (m) => (m.ms * 1000) / n),
    figure("peak RSS", "MiB", (m) => m.maxRssKiB / 1024),
  ];
}

/** The synthetic workload. */
export const synthetic: Workload = {
  name: "synthetic",
  description: "synth.nix's N packages with our lib vs JSON.parse + ajv of the same JSON",
  run(settings): WorkloadReport {
    const figures: Figure[] = [];
    const notes: string[] = [];
    for (const n of synthSizes(settings)) {
      if (figures.some((f) => f.error !== null)) {
        notes.push(`N = ${powerOfTen(n)} skipped: a smaller N failed.`);
        continue;
      }
      process.stderr.write(`  synthetic N = ${powerOfTen(n)}\n`);
      figures.push(...figuresAt(n, settings));
    }
    return { figures, notes };
  },
};

/**
 * The benchmark (issue 9): `npm run bench -- [--quick] [--large] [--runs K] [--only W]` builds the
 * sources and the bench into dist/, runs each workload, prints a table, and writes
 * bench/results.json and bench/results.md. Every figure is a ratio against a baseline of the same
 * run; timings are only reported, never asserted.
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describeMachine } from "./machine.js";
import { builtBenchScript, cliScript, resultFiles } from "./paths.js";
import { renderJson, renderMarkdown, renderTable, type BenchResults } from "./report.js";
import { parseSettings, UsageError, usage, type BenchSettings } from "./settings.js";
import type { Workload } from "./workload.js";
import { coldStart } from "./workloads/cold-start.js";
import { nix } from "./workloads/nix.js";
import { realData } from "./workloads/real-data.js";
import { synthetic } from "./workloads/synthetic.js";

const workloads: readonly Workload[] = [realData, synthetic, nix, coldStart];

function settingsOrExit(): BenchSettings {
  try {
    return parseSettings(process.argv.slice(2));
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(e.message === "" ? `${usage}\n` : `bench: ${e.message}\n${usage}\n`);
    process.exit(e.message === "" ? 0 : 2);
  }
}

const settings = settingsOrExit();
for (const script of [cliScript, builtBenchScript("synth-child")]) {
  if (!existsSync(script)) {
    process.stderr.write(`bench: ${script} is missing; run the benchmark with \`npm run bench\`, which builds it.\n`);
    process.exit(2);
  }
}

const machine = describeMachine();
const ran: BenchResults["workloads"][number][] = [];
const figures: BenchResults["figures"][number][] = [];
for (const workload of workloads.filter((w) => settings.only.includes(w.name))) {
  process.stderr.write(`${workload.name}: ${workload.description}\n`);
  const report = workload.run(settings);
  ran.push({ name: workload.name, description: workload.description, notes: report.notes });
  figures.push(...report.figures);
}

const results: BenchResults = { machine, settings, workloads: ran, figures };
const outputs = resultFiles(settings.save);
mkdirSync(path.dirname(outputs.json), { recursive: true });
writeFileSync(outputs.json, renderJson(results));
writeFileSync(outputs.markdown, renderMarkdown(results));
process.stdout.write(renderTable(results));
process.stdout.write(`\nWrote ${outputs.json} and ${outputs.markdown}.\n`);

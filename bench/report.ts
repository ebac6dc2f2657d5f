/** A run's results as a terminal table, as Markdown (bench/results.md) and as JSON (bench/results.json). */
import type { Figure, WorkloadName } from "./figure.js";
import type { Machine } from "./machine.js";
import type { BenchSettings } from "./settings.js";
import type { Summary } from "./stats.js";

/** Everything a run produced. */
export interface BenchResults {
  readonly machine: Machine;
  readonly settings: BenchSettings;
  readonly workloads: readonly { readonly name: WorkloadName; readonly description: string; readonly notes: readonly string[] }[];
  readonly figures: readonly Figure[];
}

function number(value: number): string {
  if (value >= 100) return value.toFixed(0);
  if (value >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

function range(summary: Summary | null, unit = ""): string {
  if (summary === null) return "-";
  return `${number(summary.min)} / ${number(summary.median)} / ${number(summary.max)}${unit}`;
}

const columns = ["workload", "figure", "measured min / median / max", "baseline min / median / max", "ratio min / median / max", "runs"];

function rows(results: BenchResults): string[][] {
  return results.figures.map((f) => [
    f.workload,
    `${f.label}: ${f.metric}`,
    range(f.measured, ` ${f.unit}`),
    range(f.baselineMeasured, ` ${f.unit}`),
    f.ratio === null ? `failed: ${f.error ?? "no value"}` : `${range(f.ratio, "x")}${f.error === null ? "" : " (stopped early)"}`,
    String(f.measured?.runs ?? 0),
  ]);
}

function baselines(results: BenchResults): string[] {
  const seen = new Set<string>();
  return results.figures.filter((f) => !seen.has(`${f.workload}\0${f.baseline}`) && seen.add(`${f.workload}\0${f.baseline}`)).map((f) => `${f.workload}: ${f.baseline}`);
}

function notes(results: BenchResults): string[] {
  const errors = results.figures.filter((f) => f.error !== null).map((f) => `${f.workload}, ${f.label}: ${f.error}`);
  return [...results.workloads.flatMap((w) => w.notes.map((n) => `${w.name}: ${n}`)), ...new Set(errors)];
}

function header(results: BenchResults): string[] {
  const m = results.machine;
  return [
    `${m.date}, Node ${m.node}, ${m.platform}, ${m.cpus} x ${m.cpu}, ${m.memoryGiB} GiB, load ${m.loadAverage.join(" ")}`,
    `commit ${m.commit}${m.nix === null ? "" : `, ${m.nix}`}${results.settings.quick ? ", --quick" : ""}`,
  ];
}

/** The results as a table for the terminal, columns padded, with the baselines and notes below. */
export function renderTable(results: BenchResults): string {
  const table = [columns, ...rows(results)];
  const widths = columns.map((_, i) => Math.max(...table.map((r) => r[i]!.length)));
  const line = (r: readonly string[]) => r.map((cell, i) => cell.padEnd(widths[i]!)).join("  ").trimEnd();
  return [
    ...header(results),
    "",
    line(table[0]!),
    line(widths.map((w) => "-".repeat(w))),
    ...table.slice(1).map(line),
    "",
    "Baselines:",
    ...baselines(results).map((b) => `  ${b}`),
    ...(notes(results).length > 0 ? ["Notes:", ...notes(results).map((n) => `  ${n}`)] : []),
    "",
  ].join("\n");
}

/** The results as Markdown: the circumstances, the table, the baselines and the notes. */
export function renderMarkdown(results: BenchResults): string {
  const cell = (s: string) => s.replaceAll("|", "\\|");
  return [
    "# Benchmark results",
    "",
    "Written by `npm run bench`; every ratio divides by a baseline measured in the same run, round by round.",
    "",
    ...header(results).map((h) => `- ${h}`),
    "",
    `| ${columns.join(" | ")} |`,
    `| ${columns.map(() => "---").join(" | ")} |`,
    ...rows(results).map((r) => `| ${r.map(cell).join(" | ")} |`),
    "",
    "Baselines:",
    "",
    ...baselines(results).map((b) => `- ${b}`),
    ...(notes(results).length > 0 ? ["", "Notes:", "", ...notes(results).map((n) => `- ${n}`)] : []),
    "",
  ].join("\n");
}

/** The results as JSON, every summary in full. */
export function renderJson(results: BenchResults): string {
  return `${JSON.stringify(results, null, 2)}\n`;
}

/**
 * `cuda-modules diff OLD NEW`: what a new manifest changes, for the pull request that adds it.
 * OLD and NEW are manifest files (either format, JSON or YAML) or bundled manifests named
 * `<product>@<version>` (`cuda@12.9` takes the newest 12.9.x). NEW is checked first; its
 * diagnostics, if any, are printed as `check` prints them. Exit status: 0 nothing that needs a
 * look, 1 a finding (an archive re-published under the same version, or NEW invalid), 2 usage.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import * as E from "fp-ts/lib/Either.js";
import pc from "picocolors";
import { checkDataFiles, classifyDataFile } from "../cuda/check-files.js";
import { describeDataFile } from "../cuda/data-files.js";
import { evaluateCuda } from "../cuda/evaluate.js";
import { diffManifests, hasFindings, type ManifestDiff, type PackageChange, type SetChange } from "../cuda/manifest-diff.js";
import { cudaPackages, type CudaPackageSet } from "../cuda/package-set.js";
import { compareVersions, majorMinor } from "../cuda/versions.js";
import { showOption } from "../lib/index.js";
import { bundledManifests, bundledNewerManifests, projectRoot, readDefinitionFile, type LoadedFile } from "../load/index.js";
import { evaluationData } from "./data-arguments.js";
import { formatGithub } from "./format/github.js";
import { formatHuman } from "./format/human.js";
import { formatJson } from "./format/json.js";
import { escapeUnsafeCharacters, neutraliseWorkflowCommands, safeJsonText, safeText } from "./safe-text.js";
import { useColour } from "./colour.js";

/** The output formats of `diff`. */
export const diffFormats = ["human", "markdown", "json", "github"] as const;

/** The options of `diff`, as the command line gives them. */
export interface DiffCommandOptions {
  readonly format: (typeof diffFormats)[number];
  readonly product?: string;
  readonly system?: string;
  readonly jetson?: boolean;
  /** `--color` (true) or `--no-color` (false). */
  readonly color?: boolean;
}

/** Where `diff` writes. */
export interface DiffIo {
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean };
  readonly stderr: NodeJS.WritableStream & { isTTY?: boolean };
}

/** One side of the comparison: its file, what it holds, and its feature manifest where one is known. */
interface Side {
  readonly file: string;
  readonly product: string;
  readonly version: string;
  readonly loaded: LoadedFile;
  readonly feature?: unknown;
}

class UsageError extends Error {}

/** The bundled manifest `product@version` names (a major.minor takes the newest of it). */
function bundledFile(spec: string): string {
  const [product, asked] = spec.split("@") as [string, string];
  const all = [...bundledManifests(), ...bundledNewerManifests()].filter((m) => m.product === product && m.kind === "redistrib");
  const versions = all.map((m) => m.version).sort(compareVersions);
  const version = versions.includes(asked) ? asked : versions.filter((v) => majorMinor(v) === asked).pop();
  if (version === undefined) {
    throw new UsageError(`no bundled ${product} manifest has version ${asked}${versions.length > 0 ? `; the versions are ${versions.join(", ")}` : ""}.`);
  }
  return path.relative(process.cwd(), path.join(projectRoot, all.find((m) => m.version === version)!.file)) || all.find((m) => m.version === version)!.file;
}

/** The feature manifest beside a redistrib manifest (`feature_<version>.json`), if there is one. */
function featureBeside(file: string): unknown {
  const beside = path.join(path.dirname(file), path.basename(file).replace(/^redistrib_/i, "feature_"));
  if (beside === file || !existsSync(beside)) return undefined;
  const read = readDefinitionFile(beside);
  return E.isRight(read) ? read.right.data : undefined;
}

function sideOf(argument: string, product: string | undefined): Side {
  const file = /^[A-Za-z0-9_-]+@[0-9][0-9.]*$/.test(argument) && !existsSync(argument) ? bundledFile(argument) : argument;
  const classified = classifyDataFile(file, "redistrib");
  if (E.isLeft(classified)) throw new UsageError(classified.left);
  const read = readDefinitionFile(file);
  if (E.isLeft(read)) throw new UsageError(read.left.map((d) => d.message).join(" "));
  const described = describeDataFile(classified.right, read.right, product);
  return { file, product: described.product, version: described.version, loaded: read.right, feature: featureBeside(file) };
}

/** How each package's plan changes on a system: availability, outputs, broken and bad-platform reasons. */
export interface PlanChange {
  readonly available?: { readonly from: boolean | null; readonly to: boolean | null };
  readonly outputs?: SetChange;
  readonly broken?: SetChange;
  readonly badPlatform?: SetChange;
}

function trueKeys(conditions: Readonly<Record<string, boolean>> | undefined): string[] {
  return Object.entries(conditions ?? {}).filter(([, v]) => v).map(([k]) => k);
}

function planChanges(before: CudaPackageSet, after: CudaPackageSet): Record<string, PlanChange> {
  const out: Record<string, PlanChange> = {};
  const names = [...new Set([...Object.keys(before.packages), ...Object.keys(after.packages)])].sort();
  const changeOf = (a: readonly string[], b: readonly string[]): SetChange | undefined => {
    const added = b.filter((x) => !a.includes(x));
    const removed = a.filter((x) => !b.includes(x));
    return added.length + removed.length === 0 ? undefined : { added, removed };
  };
  for (const name of names) {
    const a = before.packages[name];
    const b = after.packages[name];
    const change: { -readonly [K in keyof PlanChange]: PlanChange[K] } = {};
    if ((a?.available ?? null) !== (b?.available ?? null)) change.available = { from: a?.available ?? null, to: b?.available ?? null };
    const outputs = changeOf(a?.plan?.outputs ?? [], b?.plan?.outputs ?? []);
    if (outputs) change.outputs = outputs;
    const broken = changeOf(trueKeys(a?.plan?.brokenConditions), trueKeys(b?.plan?.brokenConditions));
    if (broken) change.broken = broken;
    const bad = changeOf(trueKeys(a?.plan?.badPlatformsConditions), trueKeys(b?.plan?.badPlatformsConditions));
    if (bad) change.badPlatform = bad;
    if (Object.keys(change).length > 0) out[name] = change;
  }
  return out;
}

/** Runs `diff`; returns the exit status. */
export function runDiff(oldArgument: string, newArgument: string, options: DiffCommandOptions, io: DiffIo): number {
  let oldSide: Side;
  let newSide: Side;
  try {
    oldSide = sideOf(oldArgument, options.product);
    newSide = sideOf(newArgument, options.product);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.stderr.write(safeText(`cuda-modules diff: ${e.message}\n`));
    return 2;
  }
  if (oldSide.product !== newSide.product) {
    io.stderr.write(safeText(`cuda-modules diff: ${oldArgument} is a ${oldSide.product} manifest and ${newArgument} a ${newSide.product} one; compare two manifests of one product (--product names it).\n`));
    return 2;
  }

  // NEW is checked as check checks it: a diff of an invalid manifest would mislead.
  const classifiedNew = classifyDataFile(newSide.file, "redistrib");
  const checked = E.isRight(classifiedNew) ? checkDataFiles([classifiedNew.right], options.product === undefined ? {} : { product: options.product }).diagnostics : [];
  const errors = checked.filter((d) => d.severity === "error");
  if (errors.length > 0) {
    const readText = (file: string) => (existsSync(file) ? readFileSync(file, "utf8") : undefined);
    io.stdout.write(
      options.format === "json" ? formatJson(checked) : options.format === "github" ? formatGithub(checked) : formatHuman(checked, 1, { colour: useColour(io.stdout, options.color), readText }),
    );
    return 1;
  }

  const diff = diffManifests({
    product: newSide.product,
    old: { version: oldSide.version, data: oldSide.loaded.data, feature: oldSide.feature },
    new: { version: newSide.version, data: newSide.loaded.data, feature: newSide.feature },
  });
  let plans: Record<string, PlanChange> | undefined;
  if (options.system !== undefined) {
    if (newSide.product !== "cuda") {
      io.stderr.write(safeText(`cuda-modules diff: --system compares the plans of CUDA manifests; ${newSide.product} manifests are planned with a CUDA version's set (give two CUDA manifests).\n`));
      return 2;
    }
    const data = evaluationData([oldSide.file, newSide.file], options.color === undefined ? {} : { color: options.color }, io, "diff");
    if (E.isLeft(data)) return data.left;
    const evaluation = evaluateCuda(data.right);
    try {
      const target = { system: options.system, jetson: options.jetson ?? false };
      plans = planChanges(cudaPackages({ evaluation, cudaVersion: oldSide.version, ...target }), cudaPackages({ evaluation, cudaVersion: newSide.version, ...target }));
    } catch (e) {
      io.stderr.write(safeText(`cuda-modules diff: ${(e as Error).message}\n`));
      return 2;
    }
  }
  io.stdout.write(render(diff, plans, newSide, options.format, useColour(io.stdout, options.color)));
  return hasFindings(diff) ? 1 : 0;
}

function render(diff: ManifestDiff, plans: Record<string, PlanChange> | undefined, newSide: Side, format: DiffCommandOptions["format"], coloured: boolean): string {
  switch (format) {
    case "json":
      return `${safeJsonText(JSON.stringify({ ...diff, ...(plans === undefined ? {} : { plans }) }, null, 2))}\n`;
    case "markdown":
      return safeText(markdown(diff, plans));
    case "github":
      return github(diff, newSide);
    case "human":
      // Escaped piece by piece before colouring (the colours are escape sequences of our own).
      return neutraliseWorkflowCommands(human(diff, plans, coloured));
  }
}

/** The one-line summary every format starts with. */
export function summaryLine(diff: ManifestDiff): string {
  const republished = diff.republished.length === 0 ? "no re-published archive" : `${diff.republished.length} archive${diff.republished.length === 1 ? "" : "s"} re-published under the same version`;
  return `${diff.product} ${diff.from} → ${diff.to}: ${diff.added.length} added, ${diff.removed.length} removed, ${Object.keys(diff.changed).length} changed, ${republished}.`;
}

const setText = (change: SetChange | undefined): string =>
  change === undefined ? "" : [...change.added.map((x) => `+${x}`), ...change.removed.map((x) => `−${x}`)].join(" ");

function changeParts(change: PackageChange): string[] {
  const parts: string[] = [];
  if (change.version) parts.push(`${change.version.from ?? "none"} → ${change.version.to ?? "none"}`);
  if (change.platforms) parts.push(`platforms ${setText(change.platforms)}`);
  if (change.variants) parts.push(`variants ${setText(change.variants)}`);
  for (const field of ["name", "license", "license_path"] as const) {
    const c = change[field];
    if (c) parts.push(`${field} ${JSON.stringify(c.from)} → ${JSON.stringify(c.to)}`);
  }
  for (const [platform, outputs] of Object.entries(change.outputs ?? {})) parts.push(`outputs on ${platform} ${setText(outputs)}`);
  return parts;
}

function republicationText(r: ManifestDiff["republished"][number]): string {
  const fields = Object.entries(r.fields).map(([f, c]) => `${f} ${JSON.stringify(c!.from)} → ${JSON.stringify(c!.to)}`);
  return `${r.package} ${r.version} ${r.archive.join(".")}: ${fields.join(", ")}`;
}

function planText(change: PlanChange): string {
  const parts: string[] = [];
  if (change.available) parts.push(`available ${String(change.available.from)} → ${String(change.available.to)}`);
  if (change.outputs) parts.push(`outputs ${setText(change.outputs)}`);
  if (change.broken) parts.push(`broken ${setText(change.broken)}`);
  if (change.badPlatform) parts.push(`bad platform ${setText(change.badPlatform)}`);
  return parts.join("; ");
}

function human(diff: ManifestDiff, plans: Record<string, PlanChange> | undefined, coloured: boolean): string {
  const plain = pc.createColors(coloured);
  const escaped = (paint: (text: string) => string) => (text: string) => paint(escapeUnsafeCharacters(text));
  const c = { bold: escaped(plain.bold), green: escaped(plain.green), red: escaped(plain.red) };
  const bold = (text: string) => plain.bold(text);
  const lines: string[] = [c.bold(summaryLine(diff))];
  if (diff.added.length > 0) lines.push("", c.bold("Added"), ...diff.added.map((p) => c.green(`  + ${p}`)));
  if (diff.removed.length > 0) lines.push("", c.bold("Removed"), ...diff.removed.map((p) => c.red(`  - ${p}`)));
  const changed = Object.entries(diff.changed);
  if (changed.length > 0) lines.push("", c.bold("Changed"), ...changed.map(([p, change]) => escapeUnsafeCharacters(`  ~ ${p} ${changeParts(change).join("; ")}`)));
  if (diff.republished.length > 0) {
    lines.push("", bold(c.red("Re-published under the same version (look at these)")), ...diff.republished.map((r) => c.red(`  ! ${republicationText(r)}`)));
  }
  if (plans !== undefined) {
    const entries = Object.entries(plans);
    lines.push("", c.bold("Plans"), ...(entries.length === 0 ? ["  (no plan changes)"] : entries.map(([p, change]) => escapeUnsafeCharacters(`  ~ ${p} ${planText(change)}`))));
  }
  return `${lines.join("\n")}\n`;
}

/** A Markdown table cell: pipes and line breaks escaped. */
const cell = (value: string) => value.replace(/\|/g, "\\|").replace(/\n/g, " ");

function markdown(diff: ManifestDiff, plans: Record<string, PlanChange> | undefined): string {
  const out = [`**${summaryLine(diff)}**`];
  if (diff.republished.length > 0) {
    out.push("", "### Re-published under the same version", "", "These archives changed while their package's version did not: check them with NVIDIA.", "", "| Package | Version | Archive | What changed |", "| --- | --- | --- | --- |");
    for (const r of diff.republished) {
      const fields = Object.entries(r.fields).map(([f, ch]) => `${f}: \`${ch!.from}\` → \`${ch!.to}\``).join("<br>");
      out.push(`| ${cell(r.package)} | ${cell(r.version)} | ${cell(r.archive.join("."))} | ${cell(fields)} |`);
    }
  }
  if (diff.added.length > 0) out.push("", "### Added", "", diff.added.map((p) => `\`${p}\``).join(", "));
  if (diff.removed.length > 0) out.push("", "### Removed", "", diff.removed.map((p) => `\`${p}\``).join(", "));
  const changed = Object.entries(diff.changed);
  if (changed.length > 0) {
    out.push("", "### Changed", "", "| Package | Version | Platforms | Variants | Other |", "| --- | --- | --- | --- | --- |");
    for (const [p, change] of changed) {
      const version = change.version ? `${change.version.from ?? "none"} → ${change.version.to ?? "none"}` : "";
      const other = [
        ...(["name", "license", "license_path"] as const).flatMap((f) => (change[f] ? [`${f}: ${JSON.stringify(change[f]!.from)} → ${JSON.stringify(change[f]!.to)}`] : [])),
        ...Object.entries(change.outputs ?? {}).map(([platform, o]) => `outputs on ${platform}: ${setText(o)}`),
      ].join("<br>");
      out.push(`| \`${cell(p)}\` | ${cell(version)} | ${cell(setText(change.platforms))} | ${cell(setText(change.variants))} | ${cell(other)} |`);
    }
  }
  if (plans !== undefined) {
    out.push("", "### Plans", "");
    const entries = Object.entries(plans);
    if (entries.length === 0) out.push("No plan changes.");
    else {
      out.push("| Package | Change |", "| --- | --- |");
      for (const [p, change] of entries) out.push(`| \`${cell(p)}\` | ${cell(planText(change))} |`);
    }
  }
  return `${out.join("\n")}\n`;
}

function github(diff: ManifestDiff, newSide: Side): string {
  const lines = diff.republished.map((r) => {
    const field = (["sha256", "md5", "size"] as const).find((f) => f in r.fields)!;
    const at = newSide.loaded.index.locate([r.package, ...r.archive, field]);
    return {
      kind: "Republished",
      severity: "error" as const,
      path: [r.package, ...r.archive],
      message: `The archive ${showOption([r.package, ...r.archive])} changed (${Object.keys(r.fields).join(", ")}) while ${r.package}'s version stayed ${r.version}: a silent re-publication. Check it with NVIDIA before it is merged.`,
      locations: [at],
    };
  });
  return `${formatGithub(lines)}${safeText(summaryLine(diff))}\n`;
}

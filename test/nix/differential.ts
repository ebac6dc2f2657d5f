// Differential test of our engine against the real Nixpkgs module system, on random module sets.
//
//   npx tsx test/nix/differential.ts [--runs N] [--seed S] [--jobs J] [--no-shrink]
//
// Case i is generated from seed S+i (S = 1 unless given), so a run is reproducible and one case
// can be replayed alone (`--seed S+i --runs 1`). For every case both engines evaluate the same
// modules, and "equal" means: reading `config` at all fails in both with the same error kind, or
// succeeds in both and then, for every top-level option in Nix's attribute order, both give the
// same JSON (attribute order ignored) or both fail with the same kind (Nix's messages are mapped to
// our kinds by classify.ts). Attributes are forced in Nix's order on our side too, so that where a
// value holds two errors both engines meet the same one first. Every disagreement is printed with
// its seed and both renderings, shrunk by fast-check to a minimal set.
//
// Exits 0 when all agree, 1 on disagreements, 0 with a skip message when Nix or the Nixpkgs lib is
// absent, and 3 when Nix is there but cannot evaluate the lib.
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { lib, ModuleError } from "../../src/lib/index.js";
import { classifyNixError, type OutcomeKind } from "./classify.js";
import { caseArb } from "./generate.js";
import { NixRepl, nixAvailable, type NixOutcome } from "./nix-repl.js";
import { renderJs, renderNix } from "./render.js";
import { compareNixNames, topLevelNames, type CaseSpec } from "./spec.js";

/** One evaluation result: canonical JSON, or an error kind. */
type Outcome = { readonly json: string } | { readonly kind: OutcomeKind; readonly message: string };

/** What a case gives: the outcome of reading `config` at all, then of each top-level option. */
interface CaseOutcome {
  readonly top: Outcome;
  readonly options: readonly (readonly [string, Outcome])[];
}

const here = path.dirname(fileURLToPath(import.meta.url));
// Where the reference Nixpkgs lib is: $NIXPKGS_LIB, or the shared copy beside the project's clone.
const libCandidates = [process.env["NIXPKGS_LIB"], path.resolve(here, "../../../shared/nixpkgs-lib/lib"), "/work/shared/nixpkgs-lib/lib"];
const nixpkgsLib = libCandidates.find((dir): dir is string => dir !== undefined && existsSync(path.join(dir, "default.nix")));

function argument(name: string, fallback: number): number {
  const at = process.argv.indexOf(name);
  const value = at < 0 ? undefined : Number(process.argv[at + 1]);
  return value === undefined || !Number.isInteger(value) ? fallback : value;
}

const arb = fc.noBias(caseArb);

/** The case of one seed (the first value fast-check draws from it, as the shrinking replay does). */
function caseOfSeed(seed: number): CaseSpec {
  return fc.sample(arb, { seed, numRuns: 1 })[0]!;
}

/** JSON with attribute names sorted, as Nix's `builtins.toJSON` writes them. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (typeof value === "object" && value !== null) {
    // A `mkIf` left in a value (inside `mkOverride`, where Nix does not discharge it) keeps its
    // condition: a boolean in Nix, the function that computes it in JavaScript.
    const record = value as Record<string, unknown>;
    if (record["_type"] === "if" && typeof record["condition"] === "function") {
      return canonical({ ...record, condition: (record["condition"] as () => unknown)() });
    }
    const keys = Object.keys(value).sort(compareNixNames);
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(",")}}`;
  }
  if (typeof value === "function") return '"<function>"';
  return JSON.stringify(value) ?? "null";
}

function engineOutcome(read: () => unknown): Outcome {
  try {
    return { json: canonical(read()) };
  } catch (e) {
    if (e instanceof ModuleError) return { kind: e.kind, message: e.message };
    return { kind: `JS:${e instanceof Error ? e.name : typeof e}`, message: String(e instanceof Error ? e.message : e) };
  }
}

function ourOutcome(spec: CaseSpec): CaseOutcome {
  const modules = new Function("lib", `return ${renderJs(spec)};`)(lib) as unknown[];
  const result = lib.evalModules({ modules });
  const top = engineOutcome(() => Object.keys(result.config).length);
  if (!("json" in top)) return { top, options: [] };
  return { top, options: topLevelNames(spec).map((n) => [n, engineOutcome(() => result.config[n])] as const) };
}

/** The expressions whose Nix outcomes make a case's outcome, in order: `config`'s names, then each option. */
function nixExpressions(spec: CaseSpec): string[] {
  const r = `(${renderNix(spec)})`;
  return [`builtins.toJSON (builtins.attrNames ${r}.config)`, ...topLevelNames(spec).map((n) => `builtins.toJSON ${r}.config.${JSON.stringify(n)}`)];
}

function fromNix(o: NixOutcome): Outcome {
  if ("ok" in o) return { json: canonical(JSON.parse(o.ok)) };
  return { kind: classifyNixError(o.error), message: o.error };
}

function nixOutcome(spec: CaseSpec, outcomes: readonly NixOutcome[]): CaseOutcome {
  const [topRaw, ...rest] = outcomes;
  const top = fromNix(topRaw!);
  if (!("json" in top)) return { top, options: [] };
  return { top: { json: String(Object.keys(JSON.parse(topRaw && "ok" in topRaw ? topRaw.ok : "[]")).length) }, options: topLevelNames(spec).map((n, i) => [n, fromNix(rest[i]!)] as const) };
}

function same(a: Outcome, b: Outcome): boolean {
  return "json" in a ? "json" in b && a.json === b.json : "kind" in b && a.kind === b.kind;
}

/**
 * Differences we keep on purpose, each with its reason. An undeclared option defined under a `mkIf`
 * whose condition reads `config`: Nix's message prints the definition, which forces the condition,
 * which reads `config`, which is the check being reported, so Nix says "infinite recursion"; our
 * message shows the condition as `<error>` and names the undeclared option.
 */
function knownDivergence(ours: Outcome, nix: Outcome): boolean {
  return "kind" in ours && "kind" in nix && ours.kind === "UndeclaredOption" && ours.message.includes("condition = <error>") && nix.kind === "InfiniteRecursion";
}

let knownDivergences = 0;

/** The first place where the two outcomes differ, or undefined when they agree. */
function difference(ours: CaseOutcome, nix: CaseOutcome): string | undefined {
  if (knownDivergence(ours.top, nix.top)) {
    knownDivergences++;
    return undefined;
  }
  if ("json" in ours.top !== "json" in nix.top || (!("json" in ours.top) && !same(ours.top, nix.top))) {
    return `reading config: ours ${show(ours.top)}; Nix ${show(nix.top)}`;
  }
  for (const [name, o] of ours.options) {
    const n = nix.options.find(([k]) => k === name)?.[1];
    if (n === undefined || !same(o, n)) return `config.${name}: ours ${show(o)}; Nix ${n === undefined ? "nothing" : show(n)}`;
  }
  return undefined;
}

function show(o: Outcome): string {
  return "json" in o ? o.json : `${o.kind} (${o.message.split("\n").slice(0, 3).join(" / ")})`;
}

async function compare(repl: NixRepl, spec: CaseSpec): Promise<string | undefined> {
  const nix = nixOutcome(spec, await repl.evalAll(nixExpressions(spec)));
  return difference(ourOutcome(spec), nix);
}

function report(seed: number, spec: CaseSpec, diff: string, label: string): void {
  console.log(`--- disagreement, seed ${seed} (${label}): ${diff}`);
  console.log(`JavaScript (lib in scope):\n${renderJs(spec)}`);
  console.log(`Nix (lib in scope):\n${renderNix(spec)}\n`);
}

async function main(): Promise<void> {
  if (!nixAvailable()) {
    console.log("differential test skipped: nix-instantiate is not on the PATH (apt-get install -y nix-bin)");
    return;
  }
  if (nixpkgsLib === undefined) {
    console.log(`differential test skipped: no Nixpkgs lib found (set NIXPKGS_LIB; looked in ${libCandidates.filter(Boolean).join(", ")})`);
    return;
  }
  const runs = argument("--runs", 2000);
  const firstSeed = argument("--seed", 1);
  const jobs = Math.max(1, argument("--jobs", 2));
  const shrink = !process.argv.includes("--no-shrink");
  const seeds = Array.from({ length: runs }, (_, i) => firstSeed + i);
  const specs = new Map(seeds.map((s) => [s, caseOfSeed(s)]));

  // Nix: the cases split over `jobs` repl processes, each given its whole share at once.
  const repls = Array.from({ length: jobs }, () => new NixRepl(nixpkgsLib));
  // A machine whose Nix cannot evaluate the lib at all is not a disagreement: say so and skip.
  const [probe] = await repls[0]!.evalAll(["builtins.toJSON (lib.evalModules { modules = [ ]; }).config"]);
  if (probe === undefined || "error" in probe) {
    repls.forEach((r) => r.close());
    throw new Error(`Nix cannot evaluate the Nixpkgs lib at ${nixpkgsLib}: ${probe && "error" in probe ? probe.error : "no answer"}`);
  }
  const shares = repls.map((_, j) => seeds.filter((_, i) => i % jobs === j));
  const nixResults = new Map<number, CaseOutcome>();
  await Promise.all(
    shares.map(async (share, j) => {
      const expressions = share.map((s) => nixExpressions(specs.get(s)!));
      const outcomes = await repls[j]!.evalAll(expressions.flat());
      let at = 0;
      share.forEach((s, i) => {
        const n = expressions[i]!.length;
        nixResults.set(s, nixOutcome(specs.get(s)!, outcomes.slice(at, at + n)));
        at += n;
      });
    }),
  );

  const disagreements: number[] = [];
  const tally = new Map<string, number>();
  const count = (o: Outcome): void => {
    const key = "json" in o ? "value" : o.kind;
    tally.set(key, (tally.get(key) ?? 0) + 1);
  };
  for (const s of seeds) {
    const n = nixResults.get(s)!;
    if ("json" in n.top) n.options.forEach(([, o]) => count(o));
    else count(n.top);
    const diff = difference(ourOutcome(specs.get(s)!), nixResults.get(s)!);
    if (diff === undefined) continue;
    disagreements.push(s);
    if (!shrink) report(s, specs.get(s)!, diff, "not shrunk");
  }

  if (shrink) {
    const repl = repls[0]!;
    for (const s of disagreements) {
      const details = await fc.check(
        fc.asyncProperty(arb, async (spec) => (await compare(repl, spec)) === undefined),
        { seed: s, numRuns: 1, interruptAfterTimeLimit: 60_000 },
      );
      const minimal = details.counterexample?.[0] ?? specs.get(s)!;
      const diff = (await compare(repl, minimal)) ?? "(the shrunk case agrees; this is the original)";
      report(s, minimal, diff, details.counterexample ? `shrunk in ${details.numShrinks} steps` : "not shrunk");
    }
  }
  repls.forEach((r) => r.close());
  console.log(`Nix outcomes (per top-level option, or per case where config fails): ${[...tally].map(([k, v]) => `${k} ${v}`).join(", ")}`);
  console.log(
    `${runs} random module sets (seeds ${firstSeed}..${firstSeed + runs - 1}): ${runs - disagreements.length} agree ` +
      `(${knownDivergences} of them by a known divergence: an undeclared option under a config-reading mkIf), ${disagreements.length} disagree`,
  );
  if (disagreements.length > 0) {
    console.log(`disagreeing seeds: ${disagreements.join(" ")}`);
    process.exitCode = 1;
  }
}

// Exit status: 0 agreement (or Nix absent), 1 disagreements, 3 Nix could not be run here (the
// differential is then skipped, not failed: CI machines may lack a working Nix).
try {
  await main();
} catch (e) {
  console.log(`differential test skipped: Nix failed to run (${(e as Error).message})`);
  process.exitCode = 3;
}

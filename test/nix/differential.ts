// Differential test of our engine against the real Nixpkgs module system, on random module sets.
//
//   npx tsx test/nix/differential.ts [--runs N] [--seed S] [--jobs J] [--no-shrink]
//
// Case i is generated from seed S+i (S = 1 unless given), so a run is reproducible and one case
// can be replayed alone (`--seed S+i --runs 1`). For every case both engines evaluate the same
// modules, and "equal" means: reading `config` at all fails in both with the same error kind, or
// succeeds in both and then every probe agrees: both give the same JSON (attribute order ignored)
// or both fail with the same kind (Nix's messages are mapped to our kinds by classify.ts) and,
// where Nix's message names an option, ours names it in the same words (names Nix quotes or
// escapes included: `"if"`, `"cost\$"`). The probes are, in order: every top-level option in
// Nix's attribute order; where a submodule imports `mkRemovedOptionModule` (whose option fails
// whenever it is read), every top-level option again with the removed options left out; and the
// descriptions of the types of all options declared outside submodules. Attributes are forced in
// Nix's order on our side too, so that where a value holds two errors both engines meet the same
// one first. Every disagreement is printed with its seed and both renderings, shrunk by fast-check
// to a minimal set. Our side is evaluated twice, with the fast path's submodule plans interpreted
// and compiled at their first value (src/lib/types/compiled-config.ts), and both must agree with
// Nix. The summary counts the sets that hold each class of issue 18 (spec.ts `features`).
//
// Exits 0 when all agree, 1 on disagreements, 0 with a skip message when Nix or the Nixpkgs lib is
// absent, and 3 when Nix is there but cannot evaluate the lib.
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { lib, ModuleError, type Evaluation } from "../../src/lib/index.js";
import { classifyNixError, type OutcomeKind } from "./classify.js";
import { caseArb } from "./generate.js";
import { NixRepl, nixAvailable, type NixOutcome } from "./nix-repl.js";
import { nixPath, nixString, renderJs, renderNix } from "./render.js";
import { fastPathCounts } from "../../src/lib/fast-merge.js";
import { setUsesBeforeCompiling } from "../../src/lib/types/fast-submodule.js";
import { setWarningSettings } from "../../src/lib/warnings.js";
import { compareNixNames, features, optionPaths, removedNames, topLevelNames, type CaseSpec } from "./spec.js";

/** One evaluation result: canonical JSON, or an error kind. */
type Outcome = { readonly json: string } | { readonly kind: OutcomeKind; readonly message: string };

/** What a case gives: the outcome of reading `config` at all, then of each probe (by its label). */
interface CaseOutcome {
  readonly top: Outcome;
  readonly options: readonly (readonly [string, Outcome])[];
}

/** One thing read from an evaluation, written for both engines. */
interface Probe {
  readonly label: string;
  /** The Nix expression of the JSON text, with the evaluation bound to `r`. */
  readonly nix: string;
  /** The value on our side, and the attribute names to leave out of it (wherever they are). */
  readonly js: (result: Evaluation) => unknown;
  readonly omit?: ReadonlySet<string>;
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

/** JSON with attribute names sorted, as Nix's `builtins.toJSON` writes them; `omit` names attributes to leave out. */
function canonical(value: unknown, omit: ReadonlySet<string> = noNames): string {
  if (Array.isArray(value)) return `[${value.map((v) => canonical(v, omit)).join(",")}]`;
  if (typeof value === "object" && value !== null) {
    // A `mkIf` left in a value (inside `mkOverride`, where Nix does not discharge it) keeps its
    // condition: a boolean in Nix, the function that computes it in JavaScript.
    const record = value as Record<string, unknown>;
    if (record["_type"] === "if" && typeof record["condition"] === "function") {
      return canonical({ ...record, condition: (record["condition"] as () => unknown)() }, omit);
    }
    const keys = Object.keys(value).filter((k) => !omit.has(k)).sort(compareNixNames);
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k], omit)}`).join(",")}}`;
  }
  if (typeof value === "function") return '"<function>"';
  return JSON.stringify(value) ?? "null";
}

const noNames: ReadonlySet<string> = new Set();

function engineOutcome(read: () => unknown, omit?: ReadonlySet<string>): Outcome {
  try {
    return { json: canonical(read(), omit) };
  } catch (e) {
    if (e instanceof ModuleError) return { kind: e.kind, message: e.message };
    return { kind: `JS:${e instanceof Error ? e.name : typeof e}`, message: String(e instanceof Error ? e.message : e) };
  }
}

/** The attribute at a path of nested sets (our `config` or `options`). */
function at(root: unknown, path: readonly string[]): unknown {
  return path.reduce((v, k) => (v as Record<string, unknown>)[k], root);
}

/**
 * A Nix function that leaves attributes out of a value wherever they are, as `canonical` does with
 * `omit` (`removeAttrs` does not force the values it keeps).
 */
function nixWithout(names: readonly string[]): string {
  return `(let strip = v: if builtins.isAttrs v then builtins.mapAttrs (_: strip) (builtins.removeAttrs v [ ${names.map(nixString).join(" ")} ]) else if builtins.isList v then map strip v else v; in strip)`;
}

/** What is read from a case's evaluation, besides whether `config` can be read at all. */
function probes(spec: CaseSpec): Probe[] {
  const names = topLevelNames(spec);
  const out: Probe[] = names.map((n) => ({ label: `config.${n}`, nix: `builtins.toJSON r.config.${nixString(n)}`, js: (r) => r.config[n] }));
  const removed = removedNames(spec);
  if (removed.length > 0) {
    const omit = new Set(removed);
    for (const n of names) {
      out.push({ label: `config.${n} without ${removed.join(", ")}`, nix: `builtins.toJSON (${nixWithout(removed)} r.config.${nixString(n)})`, js: (r) => r.config[n], omit });
    }
  }
  const paths = optionPaths(spec);
  out.push({
    label: "type descriptions",
    nix: `builtins.toJSON [ ${paths.map((p) => `r.options.${nixPath(p)}.type.description`).join(" ")} ]`,
    js: (r) => paths.map((p) => (at(r.options, p) as { type: { description: string } }).type.description),
  });
  return out;
}

function ourOutcome(spec: CaseSpec): CaseOutcome {
  const modules = new Function("lib", `return ${renderJs(spec)};`)(lib) as unknown[];
  const result = lib.evalModules({ modules });
  const top = engineOutcome(() => Object.keys(result.config).length);
  if (!("json" in top)) return { top, options: [] };
  return { top, options: probes(spec).map((p) => [p.label, engineOutcome(() => p.js(result), p.omit)] as const) };
}

/** The expressions whose Nix outcomes make a case's outcome, in order: `config`'s names, then each probe. */
function nixExpressions(spec: CaseSpec): string[] {
  const r = `let r = ${renderNix(spec)}; in`;
  return [`${r} builtins.toJSON (builtins.attrNames r.config)`, ...probes(spec).map((p) => `${r} ${p.nix}`)];
}

function fromNix(o: NixOutcome): Outcome {
  if ("ok" in o) return { json: canonical(JSON.parse(o.ok)) };
  return { kind: classifyNixError(o.error), message: o.error };
}

function nixOutcome(spec: CaseSpec, outcomes: readonly NixOutcome[]): CaseOutcome {
  const [topRaw, ...rest] = outcomes;
  const top = fromNix(topRaw!);
  if (!("json" in top)) return { top, options: [] };
  return { top: { json: String(Object.keys(JSON.parse(topRaw && "ok" in topRaw ? topRaw.ok : "[]")).length) }, options: probes(spec).map((p, i) => [p.label, fromNix(rest[i]!)] as const) };
}

/**
 * The option a Nix error message names first, as Nixpkgs' `showOption` writes it (`` `a."if".p' ``,
 * in some messages `` `a."if".p` ``): a quoted name ends at the first `'` or backquote followed by a
 * space, a stop or the end of the line (a name such as `it's` holds a quote too).
 */
function namedOption(message: string): string | undefined {
  return /`(.*?)['`](?=[\s.,:;]|$)/.exec(message.split("\n")[0]!)?.[1];
}

/**
 * Same JSON, or the same error kind and, where Nix's message names an option, our message naming
 * it in the same words (so that names Nix quotes or escapes, `"if"` or `"cost\$"`, are written so).
 * Not for a duplicate declaration: where several options are declared twice, which one Nix reports
 * follows the order of its symbol table, not of the names (`{ p; b; }` reports `p`, `{ b; p; }`
 * reports `b`).
 */
function same(a: Outcome, b: Outcome): boolean {
  if ("json" in a) return "json" in b && a.json === b.json;
  if (!("kind" in b) || a.kind !== b.kind) return false;
  if (a.kind === "DuplicateDeclaration") return true;
  const named = namedOption(b.message);
  return named === undefined || a.message.includes(`\`${named}'`) || a.message.includes(`\`${named}\``);
}

/**
 * Differences we keep on purpose, each with its reason. An error whose message prints a definition
 * holding a `mkIf` whose condition reads `config` (an undeclared option, or a value of the wrong
 * type, defined under such a `mkIf`): Nix's message prints the definition, which forces the
 * condition, and where that condition depends on the very option being reported (or on one that
 * cannot be computed) Nix says "infinite recursion"; our message shows the condition as
 * `<error>` or `<function>` and reports the error itself.
 */
function knownDivergence(ours: Outcome, nix: Outcome): boolean {
  return "kind" in ours && "kind" in nix && nix.kind === "InfiniteRecursion" && /condition = <(error|function)>/.test(ours.message);
}

/** How a case's outcomes compare: the first place where they differ, or agreement (perhaps by a known divergence). */
type Comparison = { readonly diff: string } | { readonly known: boolean };

/** Compares our outcomes of a case with Nix's, in the order they were read. */
function difference(ours: CaseOutcome, nix: CaseOutcome): Comparison {
  if (knownDivergence(ours.top, nix.top)) return { known: true };
  if ("json" in ours.top !== "json" in nix.top || (!("json" in ours.top) && !same(ours.top, nix.top))) {
    return { diff: `reading config: ours ${show(ours.top)}; Nix ${show(nix.top)}` };
  }
  let known = false;
  for (const [name, o] of ours.options) {
    const n = nix.options.find(([k]) => k === name)?.[1];
    if (n !== undefined && knownDivergence(o, n)) known = true;
    else if (n === undefined || !same(o, n)) return { diff: `${name}: ours ${show(o)}; Nix ${n === undefined ? "nothing" : show(n)}` };
  }
  return { known };
}

function show(o: Outcome): string {
  return "json" in o ? o.json : `${o.kind} (${o.message.split("\n").slice(0, 3).join(" / ")})`;
}

/** Our outcome of a case with the fast path's plans compiled after `uses` values (1: at once; Infinity: never). */
function ourOutcomeCompiling(spec: CaseSpec, uses: number): CaseOutcome {
  const previous = setUsesBeforeCompiling(uses);
  try {
    return ourOutcome(spec);
  } finally {
    setUsesBeforeCompiling(previous);
  }
}

/**
 * How our outcomes of a case compare with Nix's: ours is evaluated twice, with the fast path's
 * plans interpreted and compiled at once, and each is compared (a difference names the way).
 */
function ourDifference(spec: CaseSpec, nix: CaseOutcome): Comparison {
  let known = false;
  for (const [label, uses] of [["", Infinity], ["plans compiled: ", 1]] as const) {
    const c = difference(ourOutcomeCompiling(spec, uses), nix);
    if ("diff" in c) return { diff: `${label}${c.diff}` };
    known ||= c.known;
  }
  return { known };
}

/** Where the engines differ on a case, or undefined when they agree. */
async function compare(repl: NixRepl, spec: CaseSpec): Promise<string | undefined> {
  const c = ourDifference(spec, nixOutcome(spec, await repl.evalAll(nixExpressions(spec))));
  return "diff" in c ? c.diff : undefined;
}

function report(seed: number, spec: CaseSpec, diff: string, label: string): void {
  console.log(`--- disagreement, seed ${seed} (${label}): ${diff}`);
  console.log(`JavaScript (lib in scope):\n${renderJs(spec)}`);
  console.log(`Nix (lib in scope):\n${renderNix(spec)}\n`);
}

async function main(): Promise<void> {
  // Random sets warn now and then (an either read where no side fits), as Nix does on its stderr,
  // which the comparison does not read either.
  setWarningSettings({ handler: () => undefined });
  if (!nixAvailable()) {
    console.log("differential test skipped: nix-instantiate is not on the PATH (apt-get install -y nix-bin)");
    return;
  }
  if (nixpkgsLib === undefined) {
    console.log(`differential test skipped: no Nixpkgs lib found (set NIXPKGS_LIB; looked in ${libCandidates.filter(Boolean).join(", ")})`);
    return;
  }
  const runs = argument("--runs", 5000);
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
  let knownDivergences = 0;
  const tally = new Map<string, number>();
  const covered = new Map<string, number>();
  const count = (o: Outcome): void => {
    const key = "json" in o ? "value" : o.kind;
    tally.set(key, (tally.get(key) ?? 0) + 1);
  };
  for (const s of seeds) {
    for (const f of features(specs.get(s)!)) covered.set(f, (covered.get(f) ?? 0) + 1);
    const n = nixResults.get(s)!;
    if ("json" in n.top) n.options.forEach(([, o]) => count(o));
    else count(n.top);
    const c = ourDifference(specs.get(s)!, nixResults.get(s)!);
    if (!("diff" in c)) {
      if (c.known) knownDivergences++;
      continue;
    }
    disagreements.push(s);
    if (!shrink) report(s, specs.get(s)!, c.diff, "not shrunk");
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
  console.log(`Nix outcomes (per probe, or per case where config fails): ${[...tally].map(([k, v]) => `${k} ${v}`).join(", ")}`);
  console.log(`values merged by the fast path: ${fastPathCounts.taken}; left to the general path: ${fastPathCounts.declined}`);
  console.log(`sets with issue 18's classes: ${[...covered].sort(([a], [b]) => compareNixNames(a, b)).map(([k, v]) => `${k} ${v}`).join(", ")}`);
  console.log(
    `${runs} random module sets (seeds ${firstSeed}..${firstSeed + runs - 1}): ${runs - disagreements.length} agree ` +
      `(${knownDivergences} of them by a known divergence: a message printing a definition under a config-reading mkIf), ${disagreements.length} disagree`,
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

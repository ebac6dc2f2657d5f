// Embed the checker in another tool (a pre-commit hook, say): the non-throwing forms give an Either
// of diagnostics, and the tool words its own report. It reads its settings with evalModulesE,
// checks a bundled manifest and a broken copy of it with checkFilesE, and exits 1 on any error.
// Run: npx tsx examples/embed-the-checker.ts
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { either as E } from "fp-ts";
import { pipe } from "fp-ts/lib/function.js";
import { checkFilesE, type CheckDiagnostic } from "cuda-modules";
import { evalModulesE, lib, type ConfigOf, type Diagnostic } from "cuda-modules/lib";

const { mkOption, showOption, types } = lib;

// The hook's own settings are options too, so a bad setting is a diagnostic rather than a crash.
const settingsModule = {
  options: { maxShown: mkOption({ type: types.ints.positive, default: 5, description: "Problems shown per file." }) },
};
type Settings = ConfigOf<typeof settingsModule>;
const userSettings = { _file: "hook-settings.json", config: { maxShown: 0 } };

const settings: Settings = pipe(
  evalModulesE({ modules: [settingsModule, userSettings] }),
  E.match(
    (diagnostics: Diagnostic[]) => {
      for (const d of diagnostics) console.log(`settings: ${d.kind} at ${showOption(d.path)} in ${d.locations[0]?.file}; using the defaults`);
      return lib.evalModules({ modules: [settingsModule] }).config as Settings;
    },
    (evaluation) => evaluation.config as Settings,
  ),
);

/** The hook's lines for one check: a tick, or the problems with their positions. */
function report(label: string, result: E.Either<CheckDiagnostic[], readonly string[]>): string[] {
  return pipe(
    result,
    E.match(
      (diagnostics) => [
        `✗ ${label}: ${diagnostics.length} problem${diagnostics.length === 1 ? "" : "s"}`,
        ...diagnostics.slice(0, settings.maxShown).map((d) => {
          const at = d.locations[0];
          return `  ${at?.line ?? "?"}:${at?.column ?? "?"} ${d.kind} ${showOption(d.path)}`;
        }),
        ...(diagnostics.length > settings.maxShown ? [`  … ${diagnostics.length - settings.maxShown} more`] : []),
      ],
      (files) => [`✓ ${label}: valid (${files.length} file${files.length === 1 ? "" : "s"} read)`],
    ),
  );
}

const valid = "modules/cuda/manifests/redistrib_12.2.2.json";
const dir = mkdtempSync(path.join(tmpdir(), "embed-the-checker-"));
const broken = path.join(dir, "redistrib_12.2.2.json");
// NVIDIA writes sizes as strings; this copy writes two of them as numbers.
writeFileSync(
  broken,
  readFileSync(valid, "utf8").replace('"size": "1058992"', '"size": 1058992').replace('"size": "46728284"', '"size": 46728284'),
);

const results = [
  { label: valid, result: checkFilesE([valid]) },
  { label: "broken copy", result: checkFilesE([broken]) },
];
rmSync(dir, { recursive: true });
for (const { label, result } of results) for (const line of report(label, result)) console.log(line);
process.exitCode = results.some(({ result }) => E.isLeft(result)) ? 1 : 0;

/**
 * SARIF 2.1.0, the format GitHub code scanning reads: one run of the tool, one rule per error kind
 * (its `ruleId` is the kind, so it is stable across versions), one result per diagnostic. A file
 * is a URI reference, percent-encoded: relative to `%SRCROOT%` (the working directory, given in
 * `originalUriBaseIds`) for a file under it, a `file:` URI otherwise.
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import { showOption, type Diagnostic } from "../../lib/index.js";
import { safeJsonText } from "../safe-text.js";

/** The base of relative artifact URIs: the working directory of the run. */
const sourceRoot = "%SRCROOT%";

/**
 * Where a file is, as a SARIF artifact location: a percent-encoded URI reference relative to the
 * working directory `cwd` when the file is under it, else an absolute `file:` URI.
 * @example artifactLocation("dir/a b%.json", "/work") // { uri: "dir/a%20b%25.json", uriBaseId: "%SRCROOT%" }
 */
export function artifactLocation(file: string, cwd: string = process.cwd()): { uri: string; uriBaseId?: string } {
  const absolute = path.resolve(cwd, file);
  const relative = path.relative(cwd, absolute);
  if (relative !== "" && relative !== ".." && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative)) {
    return { uri: relative.split(path.sep).map(encodeURIComponent).join("/"), uriBaseId: sourceRoot };
  }
  return { uri: pathToFileURL(absolute).href };
}

/** What each kind of diagnostic means, as the rule's short description. */
export const ruleDescriptions: Readonly<Record<string, string>> = {
  UndeclaredOption: "A value is defined for an option that no module declares.",
  TypeMismatch: "A value is not of its option's type.",
  ConflictingDefinitions: "Several definitions of one option disagree and cannot be merged.",
  NoDefinition: "A required option has no value.",
  UniqueViolation: "An option that accepts one definition has several.",
  DuplicateDeclaration: "An option is declared more than once in a way that cannot be merged.",
  InfiniteRecursion: "A value depends on itself.",
  RemovedOption: "A value is defined for an option that was removed.",
  InvalidModule: "A module is not of the shape a module must have.",
  InvalidDefinition: "A definition is malformed, or breaks a rule beyond its option's type.",
  AbortOnWarn: "A warning (lib.warn) was raised while warnings abort the evaluation (abort-on-warn).",
  ReadError: "A file cannot be read.",
  ParseError: "A file is not valid JSON or YAML.",
  ThrownError: "The configuration's own code (a getter, a module function) threw an exception.",
  InternalError: "The checker failed; please report it.",
};

/** A SARIF log (the parts this tool writes). */
export interface SarifLog {
  readonly $schema: string;
  readonly version: "2.1.0";
  readonly runs: readonly unknown[];
}

/** The diagnostics as a SARIF 2.1.0 log of one run of `cuda-modules` at `toolVersion`. */
export function toSarif(diagnostics: readonly Diagnostic<string>[], toolVersion: string): SarifLog {
  const kinds = [...new Set([...Object.keys(ruleDescriptions), ...diagnostics.map((d) => d.kind)])];
  const rules = kinds.map((kind) => ({
    id: kind,
    name: kind,
    shortDescription: { text: ruleDescriptions[kind] ?? kind },
    defaultConfiguration: { level: "error" },
  }));
  const results = diagnostics.map((d) => ({
    ruleId: d.kind,
    ruleIndex: kinds.indexOf(d.kind),
    level: d.severity === "error" ? "error" : "warning",
    message: { text: d.message },
    locations: d.locations.slice(0, 1).map((l) => ({
      physicalLocation: {
        artifactLocation: artifactLocation(l.file),
        ...(l.line !== undefined
          ? {
              region: {
                startLine: l.line,
                startColumn: l.column ?? 1,
                ...(l.endLine !== undefined ? { endLine: l.endLine } : {}),
                ...(l.endColumn !== undefined ? { endColumn: l.endColumn } : {}),
              },
            }
          : {}),
      },
      ...(d.path.length > 0 ? { logicalLocations: [{ fullyQualifiedName: showOption(d.path), kind: "member" }] } : {}),
    })),
    relatedLocations: d.locations.slice(1).map((l, i) => ({ id: i + 1, physicalLocation: { artifactLocation: artifactLocation(l.file) } })),
  }));
  return {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: { driver: { name: "cuda-modules", version: toolVersion, informationUri: "https://github.com/NixOS/nixpkgs/tree/master/pkgs/development/cuda-modules", rules } },
        originalUriBaseIds: { [sourceRoot]: { uri: pathToFileURL(`${process.cwd()}${path.sep}`).href } },
        invocations: [{ executionSuccessful: !diagnostics.some((d) => d.kind === "InternalError") }],
        results,
      },
    ],
  };
}

/** The diagnostics as SARIF 2.1.0 text. */
export function formatSarif(diagnostics: readonly Diagnostic<string>[], toolVersion: string): string {
  return `${safeJsonText(JSON.stringify(toSarif(diagnostics, toolVersion), null, 2))}\n`;
}

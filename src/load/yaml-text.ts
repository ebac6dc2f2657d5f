/**
 * YAML read safely with the `yaml` package: one document only, YAML 1.2 core schema (no
 * language-specific tags are ever executed: an unknown tag such as `!!js/function` is an error),
 * duplicate keys refused, and alias expansion bounded so that a "billion laughs" file is refused
 * instead of filling the memory. `<<` is an ordinary key (YAML 1.2 has no merge keys).
 */
import { either as E } from "fp-ts";
import { LineCounter, parseAllDocuments, type Document } from "yaml";
import { fileError, type LoadDiagnostic } from "./load-diagnostic.js";

/** How many times aliases may be expanded in one file before it is refused. */
export const maxYamlAliasCount = 100;

/** A parsed YAML file: its document (for positions) and its line counter. */
export interface YamlSource {
  readonly document: Document.Parsed;
  readonly lineCounter: LineCounter;
}

/** The single document of `text`, or the diagnostics of why it cannot be read. */
export function parseYamlDocument(text: string, file: string): E.Either<LoadDiagnostic[], YamlSource> {
  const lineCounter = new LineCounter();
  const documents = parseAllDocuments(text, { lineCounter, uniqueKeys: true, prettyErrors: false, schema: "core" });
  if (!Array.isArray(documents) || documents.length === 0) {
    return E.left([fileError("ParseError", { file, line: 1, column: 1 }, `${file} holds no YAML document: it is empty.`)]);
  }
  const diagnostics: LoadDiagnostic[] = [];
  if (documents.length > 1) {
    const second = lineCounter.linePos(documents[1]!.range[0]);
    diagnostics.push(
      fileError("ParseError", { file, line: second.line, column: second.col }, `${file} holds ${documents.length} YAML documents; a definition file must hold exactly one. Split it into several files.`),
    );
  }
  const document = documents[0]!;
  const problems = [...document.errors, ...document.warnings.filter((w) => w.code === "TAG_RESOLVE_FAILED")];
  for (const problem of problems) {
    const start = lineCounter.linePos(problem.pos[0]);
    const end = lineCounter.linePos(problem.pos[1]);
    const reason = problem.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
    const advice = problem.code === "TAG_RESOLVE_FAILED" ? " Only plain YAML values are accepted: remove the tag." : "";
    diagnostics.push(
      fileError(
        "ParseError",
        { file, line: start.line, column: start.col, endLine: end.line, endColumn: end.col },
        `${file} is not valid YAML: ${reason}.${advice}`,
      ),
    );
  }
  return diagnostics.length > 0 ? E.left(diagnostics) : E.right({ document, lineCounter });
}

/** The value of a parsed YAML document, or a diagnostic when its aliases expand too much. */
export function yamlValue(source: YamlSource, file: string): E.Either<LoadDiagnostic[], unknown> {
  try {
    return E.right(source.document.toJS({ maxAliasCount: maxYamlAliasCount }) as unknown);
  } catch (e) {
    return E.left([
      fileError(
        "ParseError",
        { file },
        `${file}: its aliases expand too much (${(e as Error).message}). At most ${maxYamlAliasCount} alias expansions are allowed: write the values out.`,
      ),
    ]);
  }
}

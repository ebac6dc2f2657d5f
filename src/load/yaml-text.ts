/**
 * YAML read safely with the `yaml` package: one document only, YAML 1.2 core schema (no
 * language-specific tags are ever executed: an unknown tag such as `!!js/function`, and YAML 1.1's
 * `!!binary`, `!!set`, `!!omap` and `!!timestamp`, are errors), duplicate keys refused, no merge
 * keys (`<<` is an ordinary key, as in YAML 1.2), and nothing that JSON cannot hold: a list or
 * object as a key, `.inf`, `.nan` and integers past 2^53 are refused. Nesting is measured on the
 * token tree, without recursion, before the recursive composer sees it; aliases may repeat at most
 * as much data as the file holds, so a "billion laughs" file is refused instead of filling the
 * memory.
 */
import * as E from "fp-ts/lib/Either.js";
import type { CST, Document, LineCounter, Node } from "yaml";
import { yaml } from "./yaml-module.js";
import { inexactNumber } from "./exact-numbers.js";
import { fileError, type LoadDiagnostic } from "./load-diagnostic.js";
import { maxNestingDepth, tooDeep } from "./nesting.js";

/** How many times aliases may be expanded in one file before it is refused. */
export const maxYamlAliasCount = 100;

/** A parsed YAML file: its document (for positions) and its line counter. */
export interface YamlSource {
  readonly document: Document.Parsed;
  readonly lineCounter: LineCounter;
}

/** The single document of `text`, or the diagnostics of why it cannot be read. */
export function parseYamlDocument(text: string, file: string): E.Either<LoadDiagnostic[], YamlSource> {
  const lineCounter = new (yaml().LineCounter)();
  const at = (offset: number, end?: number) => {
    const from = lineCounter.linePos(offset);
    const to = end === undefined ? undefined : lineCounter.linePos(end);
    return { file, line: from.line, column: from.col, ...(to === undefined ? {} : { endLine: to.line, endColumn: to.col }) };
  };
  const tokens = Array.from(new (yaml().Parser)(lineCounter.addNewLine).parse(text));
  const deep = firstTooDeep(tokens);
  if (deep !== null) return E.left([tooDeep(file, { line: at(deep).line, column: at(deep).column })]);
  const composer = new (yaml().Composer)({ uniqueKeys: true, schema: "core", resolveKnownTags: false, merge: false });
  const documents = Array.from(composer.compose(tokens, true, text.length));
  // A file of comments only has no document, or (after `---`) one without contents.
  if (documents.length === 0 || (documents.length === 1 && documents[0]!.contents === null)) {
    return E.left([fileError("ParseError", { file, line: 1, column: 1 }, `${file} holds no YAML document: it is empty.`)]);
  }
  const diagnostics: LoadDiagnostic[] = [];
  if (documents.length > 1) {
    diagnostics.push(
      fileError("ParseError", at(documents[1]!.range[0]), `${file} holds ${documents.length} YAML documents; a definition file must hold exactly one. Split it into several files.`),
    );
  }
  const document = documents[0]!;
  const problems = [...document.errors, ...document.warnings.filter((w) => w.code === "TAG_RESOLVE_FAILED")];
  for (const problem of problems) {
    const reason = problem.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
    const advice = problem.code === "TAG_RESOLVE_FAILED" ? " Only plain YAML values are accepted: remove the tag." : "";
    diagnostics.push(fileError("ParseError", at(problem.pos[0], problem.pos[1]), `${file} is not valid YAML: ${reason}.${advice}`));
  }
  if (diagnostics.length === 0) {
    for (const { offset, end, message } of dataProblems(document, text.length)) diagnostics.push(fileError("ParseError", at(offset, end), `${file}: ${message}`));
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

/** The offset of the first collection (in the token tree) nested deeper than {@link maxNestingDepth}, or null. */
function firstTooDeep(tokens: readonly CST.Token[]): number | null {
  const pending: { token: CST.Token | null | undefined; depth: number }[] = tokens.map((token) => ({ token, depth: 0 })).reverse();
  while (pending.length > 0) {
    const { token, depth } = pending.pop()!;
    if (token === null || token === undefined) continue;
    if (token.type === "document") pending.push({ token: token.value, depth });
    else if (token.type === "flow-collection" || token.type === "block-map" || token.type === "block-seq") {
      if (depth === maxNestingDepth) return token.offset;
      // Reversed, so that the walk meets tokens in the order of the text.
      for (let i = token.items.length - 1; i >= 0; i--) {
        const item = token.items[i]!;
        pending.push({ token: item.value, depth: depth + 1 });
        if (item.key !== undefined) pending.push({ token: item.key, depth: depth + 1 });
      }
    }
  }
  return null;
}

/**
 * Why a scalar key that is not a string is refused: JSON's keys are strings, and YAML's `1`, `true`,
 * `~`, `12.10` or `0x1F` would become "1", "true", "", "12.1", "31", two of which may then collide.
 */
function nonStringKey(key: { readonly source?: string; readonly value: unknown }): string {
  const written = key.source ?? String(key.value);
  const what = key.value === null ? "null" : typeof key.value === "boolean" ? "a boolean" : typeof key.value === "number" ? "a number" : `a ${typeof key.value}`;
  return `the key ${written === "" ? "(empty)" : written} is ${what}, not a string: quote it ("${written}") so that it stays as written.`;
}

interface DataProblem {
  readonly offset: number;
  readonly end: number;
  readonly message: string;
}

/**
 * What the document holds that JSON cannot, and aliases that repeat more than `budget` (values,
 * counting a string's characters): the nesting was bounded already, so recursion is safe here. An
 * alias's size is its anchor's, measured before it (YAML anchors come before their aliases).
 */
function dataProblems(document: Document.Parsed, budget: number): DataProblem[] {
  const problems: DataProblem[] = [];
  const sizes = new Map<unknown, number>();
  const open = new Set<unknown>();
  let expanded = 0;
  let overBudget = false;
  const problem = (node: Node, message: string) => problems.push({ offset: node.range?.[0] ?? 0, end: node.range?.[1] ?? 0, message });
  const measure = (node: unknown): number => {
    if (yaml().isAlias(node)) {
      const target = node.resolve(document);
      if (target === undefined) {
        problem(node, `the alias *${node.source} names no anchor defined before it. Define the anchor (&${node.source}) first.`);
        return 1;
      }
      if (open.has(target)) {
        problem(node, `the alias *${node.source} stands inside the value it names, which would never end. Write the value out.`);
        return 1;
      }
      const size = sizes.get(target) ?? measure(target);
      expanded += size;
      if (expanded > budget && !overBudget) {
        overBudget = true;
        problem(node, `its aliases expand too much (to more data than the file holds). Write the values out.`);
      }
      return size;
    }
    if (yaml().isScalar(node)) {
      const { value } = node;
      if (typeof value === "number" && !Number.isFinite(value)) problem(node, `${node.source ?? String(value)} is not a finite number, which JSON cannot hold. Write it as a string.`);
      else if (typeof value === "number") {
        const reason = inexactNumber(node.source ?? String(value), value);
        if (reason !== null) problem(node, `the number ${node.source} cannot be read exactly (${reason}). Write it as a string.`);
      }
      return 1 + (typeof value === "string" ? value.length : 0);
    }
    if (yaml().isMap(node) || yaml().isSeq(node)) {
      open.add(node);
      let size = 1;
      for (const item of node.items) {
        if (yaml().isPair(item)) {
          const key = yaml().isAlias(item.key) ? item.key.resolve(document) : item.key;
          if (yaml().isMap(key) || yaml().isSeq(key)) problem(item.key as Node, "a list or an object is used as a key. Keys must be strings.");
          else if (yaml().isScalar(key) && typeof key.value !== "string") problem(item.key as Node, nonStringKey(key));
          size += measure(item.key) + measure(item.value);
        } else size += measure(item);
      }
      open.delete(node);
      sizes.set(node, size);
      return size;
    }
    return 1;
  };
  measure(document.contents);
  return problems;
}

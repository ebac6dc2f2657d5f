/**
 * Where each value of a data file stands: for YAML, the `yaml` package's document and its
 * `LineCounter`; for JSON, a compact index of the text (`json-positions.ts`), built only when a
 * position is first asked for, since most files are valid and need none.
 */
import type { Node, Pair } from "yaml";
import { yaml } from "./yaml-module.js";
import type { SourceLocation } from "../lib/index.js";
import { JsonPositions } from "./json-positions.js";
import { lineStarts, positionAt } from "./text-position.js";
import type { YamlSource } from "./yaml-text.js";

/** An index of positions over one file's text. */
export class SourceIndex {
  private source: YamlSource | undefined;
  private json: { readonly positions: JsonPositions; readonly starts: readonly number[] } | undefined;

  /**
   * @param file the name the file's definitions carry
   * @param text the file's text, or how to read it when a position is first asked for
   * @param source its parsed YAML document, when it was parsed already (a JSON file has none: its
   *   positions come from a compact index of the text, see `json-positions.ts`)
   */
  constructor(
    readonly file: string,
    private readonly text: string | (() => string),
    source?: YamlSource,
  ) {
    this.source = source;
  }

  /**
   * The location of the value at `dataPath` (names of the data, from the file's root): the key and
   * value for an attribute, the item for a list entry. A path that goes where the data does not
   * (an option defined nowhere in the file) gives the key of its deepest existing parent.
   * @example index.locate(["cuda_cudart", "version"]) // { file, line: 12, column: 9, endLine: 12, endColumn: 30 }
   */
  locate(dataPath: readonly string[]): SourceLocation {
    if (this.source === undefined) return this.locateJson(dataPath);
    const { document, lineCounter } = this.source;
    let node: unknown = document.contents;
    let found: Pair | Node | null = null;
    let resolved = 0;
    for (const name of dataPath) {
      const next = child(node, name);
      if (next === undefined) break;
      found = next;
      node = yaml().isPair(next) ? next.value : next;
      resolved++;
    }
    if (found === null) return { file: this.file, line: 1, column: 1 };
    const [start, end] = rangeOf(found, resolved === dataPath.length);
    const from = lineCounter.linePos(start);
    const to = lineCounter.linePos(end);
    return { file: this.file, line: from.line, column: from.col, endLine: to.line, endColumn: to.col };
  }

  private locateJson(dataPath: readonly string[]): SourceLocation {
    if (this.json === undefined) {
      const text = typeof this.text === "string" ? this.text : this.text();
      this.json = { positions: new JsonPositions(text), starts: lineStarts(text) };
    }
    const { resolved, range } = this.json.positions.find(dataPath);
    if (range === null) return { file: this.file, line: 1, column: 1 };
    const isMember = range.keyStart >= 0;
    const whole = resolved === dataPath.length;
    const [start, end] = isMember ? [range.keyStart, whole ? range.end : range.keyEnd] : [range.start, range.end];
    const from = positionAt(this.json.starts, start);
    const to = positionAt(this.json.starts, end);
    return { file: this.file, line: from.line, column: from.column, endLine: to.line, endColumn: to.column };
  }
}

/** The pair (in a map) or item (in a list) that `name` designates under `node`. */
function child(node: unknown, name: string): Pair | Node | undefined {
  if (yaml().isMap(node)) return node.items.find((pair) => keyName(pair.key) === name);
  if (yaml().isSeq(node)) {
    const match = /^\[(?:definition \d+-entry )?(\d+)\]$/.exec(name);
    if (match === null) return undefined;
    // `[definition d-entry e]` counts from 1 (Nixpkgs' list locations); the walk's `[i]` from 0.
    const index = name.startsWith("[definition") ? Number(match[1]) - 1 : Number(match[1]);
    const item = node.items[index];
    return item === null || item === undefined ? undefined : (item as Node);
  }
  return undefined;
}

function keyName(key: unknown): string | undefined {
  return yaml().isScalar(key) ? String(key.value) : undefined;
}

/** The offsets a location spans: a whole pair (key and value) when `whole`, else only its key. */
function rangeOf(found: Pair | Node, whole: boolean): [number, number] {
  if (yaml().isPair(found)) {
    const key = found.key as Node | null;
    const value = found.value as Node | null;
    const start = key?.range?.[0] ?? value?.range?.[0] ?? 0;
    const end = whole ? (value?.range?.[1] ?? key?.range?.[1] ?? start) : (key?.range?.[1] ?? start);
    return [start, end];
  }
  const range = found.range ?? [0, 0, 0];
  return [range[0], range[1]];
}

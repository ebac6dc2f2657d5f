/**
 * Where each value of a (valid) JSON text stands, in a compact index: one pass over the text, a few
 * integers per value, no syntax tree. A 60 MB manifest's positions then cost tens of megabytes, not
 * the gigabytes a document model of it takes, so that a large file with an error is reported within
 * the memory a valid one needs.
 */

const enum Kind {
  Scalar = 0,
  Object = 1,
  Array = 2,
}

/** A growable list of 32-bit integers. */
class IntList {
  data = new Int32Array(1024);
  length = 0;
  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }
}

/** Objects with more members than this get a name-to-member map on their first lookup. */
const mapFrom = 32;

/** What {@link JsonPositions.find} gives: the offsets of the value found, and of its key if it is a member. */
export interface JsonRange {
  readonly start: number;
  readonly end: number;
  readonly keyStart: number;
  readonly keyEnd: number;
}

/**
 * The positions of a valid JSON text's values.
 * @example new JsonPositions('{"a": [1, 2]}').find(["a", "[1]"]) // { found: 2, range: { start: 10, end: 11, … } }
 */
export class JsonPositions {
  private readonly kind = new IntList();
  private readonly start = new IntList();
  private readonly end = new IntList();
  private readonly keyStart = new IntList();
  private readonly keyEnd = new IntList();
  private readonly firstChild = new IntList();
  private readonly nextSibling = new IntList();
  private readonly maps = new Map<number, Map<string, number>>();

  constructor(private readonly text: string) {
    this.scan();
  }

  private add(kind: Kind, at: number, keyStart: number, keyEnd: number): number {
    const node = this.kind.length;
    this.kind.push(kind);
    this.start.push(at);
    this.end.push(at);
    this.keyStart.push(keyStart);
    this.keyEnd.push(keyEnd);
    this.firstChild.push(-1);
    this.nextSibling.push(-1);
    return node;
  }

  /** One pass, without recursion: containers on a stack, each value linked to its parent's last child. */
  private scan(): void {
    const text = this.text;
    const open: number[] = [];
    const lastChild: number[] = [];
    let pendingKey: [number, number] | null = null;
    const link = (node: number) => {
      const depth = open.length - 1;
      if (depth < 0) return;
      const last = lastChild[depth]!;
      if (last === -1) this.firstChild.data[open[depth]!] = node;
      else this.nextSibling.data[last] = node;
      lastChild[depth] = node;
    };
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x2c /* , */ || c === 0x3a /* : */) continue;
      const parentIsObject = open.length > 0 && this.kind.data[open[open.length - 1]!] === Kind.Object;
      if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
        this.end.data[open.pop()!] = i + 1;
        lastChild.pop();
        continue;
      }
      if (c === 0x22 /* " */) {
        const from = i;
        for (i++; i < text.length; i++) {
          const d = text.charCodeAt(i);
          if (d === 0x5c) i++;
          else if (d === 0x22) break;
        }
        if (parentIsObject && pendingKey === null) {
          pendingKey = [from, i + 1];
          continue;
        }
        const [ks, ke] = pendingKey ?? [-1, -1];
        pendingKey = null;
        const node = this.add(Kind.Scalar, from, ks, ke);
        this.end.data[node] = i + 1;
        link(node);
        continue;
      }
      const [ks, ke] = pendingKey ?? [-1, -1];
      pendingKey = null;
      if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
        const node = this.add(c === 0x7b ? Kind.Object : Kind.Array, i, ks, ke);
        link(node);
        open.push(node);
        lastChild.push(-1);
        continue;
      }
      // A number, true, false or null: up to the next delimiter.
      const from = i;
      while (i + 1 < text.length && !isDelimiter(text.charCodeAt(i + 1))) i++;
      const node = this.add(Kind.Scalar, from, ks, ke);
      this.end.data[node] = i + 1;
      link(node);
    }
  }

  private keyOf(node: number): string {
    const raw = this.text.slice(this.keyStart.data[node]!, this.keyEnd.data[node]!);
    return raw.includes("\\") ? (JSON.parse(raw) as string) : raw.slice(1, -1);
  }

  private member(object: number, name: string): number {
    let map = this.maps.get(object);
    if (map === undefined) {
      let count = 0;
      for (let c = this.firstChild.data[object]!; c !== -1 && count <= mapFrom; c = this.nextSibling.data[c]!) count++;
      if (count > mapFrom) {
        map = new Map();
        // The first of two equal keys is kept: a duplicate is refused before positions are asked for.
        for (let c = this.firstChild.data[object]!; c !== -1; c = this.nextSibling.data[c]!) {
          const key = this.keyOf(c);
          if (!map.has(key)) map.set(key, c);
        }
        this.maps.set(object, map);
      }
    }
    if (map !== undefined) return map.get(name) ?? -1;
    for (let c = this.firstChild.data[object]!; c !== -1; c = this.nextSibling.data[c]!) if (this.keyOf(c) === name) return c;
    return -1;
  }

  private item(array: number, index: number): number {
    let c = this.firstChild.data[array]!;
    for (let i = 0; i < index && c !== -1; i++) c = this.nextSibling.data[c]!;
    return c;
  }

  /**
   * The deepest value of `path` (names of the data, from the root; list entries as `[i]`, from 0,
   * or `[definition d-entry e]`, from 1) that the text has, and how many names it resolved.
   */
  find(path: readonly string[]): { readonly resolved: number; readonly range: JsonRange | null } {
    if (this.kind.length === 0) return { resolved: 0, range: null };
    let node = 0;
    let resolved = 0;
    for (const name of path) {
      const kind = this.kind.data[node];
      let next = -1;
      if (kind === Kind.Object) next = this.member(node, name);
      else if (kind === Kind.Array) {
        const match = /^\[(?:definition \d+-entry )?(\d+)\]$/.exec(name);
        if (match !== null) next = this.item(node, name.startsWith("[definition") ? Number(match[1]) - 1 : Number(match[1]));
      }
      if (next === -1) break;
      node = next;
      resolved++;
    }
    if (resolved === 0) return { resolved: 0, range: null };
    return {
      resolved,
      range: { start: this.start.data[node]!, end: this.end.data[node]!, keyStart: this.keyStart.data[node]!, keyEnd: this.keyEnd.data[node]! },
    };
  }
}

function isDelimiter(c: number): boolean {
  return c === 0x2c || c === 0x7d || c === 0x5d || c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/**
 * A JSON or YAML definition file read from disk into data with positions. Every way a file can
 * fail (missing, a directory, too large, not UTF-8, empty, not parseable) is one diagnostic of
 * that file, never an exception.
 */
import { closeSync, openSync, readSync, statSync } from "node:fs";
import path from "node:path";
import * as E from "fp-ts/lib/Either.js";
import { parseJsonText } from "./json-text.js";
import { fileError, type LoadDiagnostic } from "./load-diagnostic.js";
import { SourceIndex } from "./source-index.js";
import { lineStarts, positionAt } from "./text-position.js";
import { parseYamlDocument, yamlValue } from "./yaml-text.js";

/** The largest file read by default (bytes); the real manifests are under 100 KB. */
export const defaultMaxFileBytes = 64 * 1024 * 1024;

/** The options of {@link readDefinitionFile}. */
export interface ReadOptions {
  /** The name the file's definitions carry (its path by default). */
  readonly name?: string;
  /** Files larger than this many bytes are refused ({@link defaultMaxFileBytes} by default). */
  readonly maxFileBytes?: number;
  /** The syntax, when the file's extension does not tell (`.json`, `.yaml`, `.yml`). */
  readonly syntax?: "json" | "yaml";
}

/** A definition file read: its data, where each value stands, and any warnings. */
export interface LoadedFile {
  readonly file: string;
  readonly data: unknown;
  readonly index: SourceIndex;
  readonly warnings: readonly LoadDiagnostic[];
}

/**
 * Reads the JSON or YAML file at `filePath` into data with positions, or the diagnostics of why
 * it cannot be. @example readDefinitionFile("modules/cuda/manifests/redistrib_12.2.2.json")
 */
export function readDefinitionFile(filePath: string, options: ReadOptions = {}): E.Either<LoadDiagnostic[], LoadedFile> {
  const file = options.name ?? filePath;
  const bytes = readBytes(filePath, file, options.maxFileBytes ?? defaultMaxFileBytes);
  if (E.isLeft(bytes)) return bytes;
  return parseDefinitionText(bytes.right, file, options.syntax ?? syntaxOf(filePath));
}

/** Parses the bytes of a definition file named `file`; see {@link readDefinitionFile}. */
export function parseDefinitionText(bytes: Uint8Array, file: string, syntax: "json" | "yaml"): E.Either<LoadDiagnostic[], LoadedFile> {
  const decoded = decodeUtf8(bytes, file);
  if (E.isLeft(decoded)) return decoded;
  const warnings: LoadDiagnostic[] = [];
  let text = decoded.right;
  if (text.charCodeAt(0) === 0xfeff) {
    text = text.slice(1);
    warnings.push({
      ...fileError("ParseError", { file, line: 1, column: 1 }, `${file} starts with a byte-order mark, which was ignored. Save the file as UTF-8 without one.`),
      severity: "warning",
    });
  }
  if (text.trim() === "") return E.left([fileError("ParseError", { file, line: 1, column: 1 }, `${file} is empty: it must hold one ${syntax === "json" ? "JSON" : "YAML"} value.`)]);
  if (syntax === "json") {
    const data = parseJsonText(text, file);
    return E.map((value: unknown) => ({ file, data: value, index: new SourceIndex(file, text), warnings }))(data);
  }
  const source = parseYamlDocument(text, file);
  if (E.isLeft(source)) return source;
  const data = yamlValue(source.right, file);
  return E.map((value: unknown) => ({ file, data: value, index: new SourceIndex(file, text, source.right), warnings }))(data);
}

/** The syntax a file's extension names: YAML for `.yaml`/`.yml`, JSON otherwise. */
export function syntaxOf(filePath: string): "json" | "yaml" {
  const extension = path.extname(filePath).toLowerCase();
  return extension === ".yaml" || extension === ".yml" ? "yaml" : "json";
}

/** The first buffer for a file that reports no size (a /proc file); a buffer that fills up doubles. */
const unknownSizeBytes = 64 * 1024;

function readBytes(filePath: string, file: string, maxFileBytes: number): E.Either<LoadDiagnostic[], Uint8Array> {
  const at = { file };
  const tooLarge = (size: string) =>
    E.left([fileError("ReadError", at, `${file} is ${size} bytes, more than the limit of ${maxFileBytes}. Raise the limit (--max-file-size) if the file is genuine.`)]);
  let fd: number | undefined;
  try {
    const stat = statSync(filePath);
    if (stat.isDirectory()) return E.left([fileError("ReadError", at, `${file} is a directory: give the path of a JSON or YAML file.`)]);
    if (!stat.isFile()) return E.left([fileError("ReadError", at, `${file} is not a regular file: give the path of a JSON or YAML file.`)]);
    if (stat.size > maxFileBytes) return tooLarge(String(stat.size));
    // The size a file reports is not always what it holds (a /proc file reports 0, a file may
    // grow): the limit is held while reading. One byte more than the reported size shows growth
    // without a second buffer for a file that holds what it reports (a buffer a file of 1 MB
    // for every read made `check` of the bundled data pay for 160 MB of buffers).
    fd = openSync(filePath, "r");
    const limit = maxFileBytes + 1;
    let buffer = Buffer.allocUnsafe(Math.min(stat.size > 0 ? stat.size + 1 : unknownSizeBytes, limit));
    let total = 0;
    for (;;) {
      if (total === buffer.length) {
        if (total >= limit) return tooLarge(`more than ${maxFileBytes}`);
        const grown = Buffer.allocUnsafe(Math.min(buffer.length * 2, limit));
        buffer.copy(grown, 0, 0, total);
        buffer = grown;
      }
      const read = readSync(fd, buffer, total, buffer.length - total, null);
      if (read === 0) break;
      total += read;
    }
    return E.right(buffer.subarray(0, total));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const reason = code === "ENOENT" ? "there is no such file" : code === "EACCES" ? "permission denied" : (e as Error).message;
    return E.left([fileError("ReadError", at, `Cannot read ${file}: ${reason}.`)]);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * The offset of the first byte of `bytes` that is not valid UTF-8, and the text before it. A prefix
 * is valid exactly when a streaming decode of it succeeds (an unfinished character at its end is
 * held back, not refused), so a binary search finds the first invalid byte, whatever the text holds
 * before it (a genuine U+FFFD included).
 */
function firstInvalidByte(bytes: Uint8Array): { offset: number; before: string } {
  const decodes = (end: number) => {
    try {
      new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes.subarray(0, end), { stream: true });
      return true;
    } catch {
      return false;
    }
  };
  let low = 0;
  let high = bytes.length;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (decodes(mid)) low = mid;
    else high = mid - 1;
  }
  const before = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes.subarray(0, low), { stream: true });
  return { offset: low, before };
}

function decodeUtf8(bytes: Uint8Array, file: string): E.Either<LoadDiagnostic[], string> {
  try {
    return E.right(new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes));
  } catch {
    const { offset, before } = firstInvalidByte(bytes);
    const at = positionAt(lineStarts(before), before.length);
    return E.left([fileError("ParseError", { file, line: at.line, column: at.column }, `${file} is not valid UTF-8 text (byte ${offset + 1} at ${at.line}:${at.column}). Save it as UTF-8.`)]);
  }
}

/**
 * Data files read from disk: the parsed JSON and the name the definitions will carry. Positions
 * (line and column of each value) come with the diagnostics issue.
 */
import { readFileSync } from "node:fs";
import { ModuleError } from "../lib/index.js";

/** A parsed data file and the name its definitions carry. */
export interface DataFile {
  readonly file: string;
  readonly data: unknown;
}

/** Reads and parses a JSON file; `name` is how its definitions name it (the path by default). */
export function readJsonFile(path: string, name: string = path): DataFile {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    throw new ModuleError({
      kind: "InvalidModule",
      message: `Cannot read ${name}: ${(e as Error).message}`,
      definitions: [{ file: name }],
    });
  }
  try {
    return { file: name, data: JSON.parse(text) as unknown };
  } catch (e) {
    throw new ModuleError({
      kind: "InvalidDefinition",
      message: `${name} is not valid JSON: ${(e as Error).message}`,
      definitions: [{ file: name }],
    });
  }
}

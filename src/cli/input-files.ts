/**
 * The files a command is given: a directory stands for every manifest and release list under it
 * (`redistrib_<version>`, `feature_<version>`, a name with `releases`, JSON or YAML), found
 * recursively and sorted; `-` is standard input.
 */
import { readdirSync, statSync } from "node:fs";
import path from "node:path";

const dataFileName = /^(?:(?:redistrib|feature)_.+|.*releases.*)\.(?:json|ya?ml)$/i;

/** The data files under `dir`, recursively, sorted; folders such as node_modules and .git are left out. */
function dataFilesUnder(dir: string): string[] {
  const out: string[] = [];
  const pending = [dir];
  while (pending.length > 0) {
    const current = pending.pop()!;
    let entries: import("node:fs").Dirent[];
    try {
      entries = readdirSync(current, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== "node_modules" && !entry.name.startsWith(".")) pending.push(full);
      } else if (entry.isFile() && dataFileName.test(entry.name)) out.push(full);
    }
  }
  return out.sort();
}

/**
 * `args` with each directory replaced by the data files under it.
 * @example expandInputs(["modules/newer"]) // ["modules/newer/cublasmp/redistrib_0.10.0.json", …]
 */
export function expandInputs(args: readonly string[]): string[] {
  return args.flatMap((arg) => {
    if (arg === "-") return [arg];
    try {
      return statSync(arg).isDirectory() ? dataFilesUnder(arg) : [arg];
    } catch {
      return [arg];
    }
  });
}

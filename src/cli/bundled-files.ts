/** The data files bundled under `modules/`: every manifest and release list, for `check` with no file. */
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { projectRoot } from "../load/index.js";

function jsonFiles(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((name) => name.endsWith(".json"))
      .sort()
      .map((name) => path.join(dir, name));
  } catch {
    return [];
  }
}

function directories(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .map((name) => path.join(dir, name))
    .filter((p) => statSync(p).isDirectory());
}

/** The paths of every bundled manifest (both formats) and release list, in a stable order. */
export function bundledDataFiles(): string[] {
  const modules = path.join(projectRoot, "modules");
  const out: string[] = [];
  for (const product of directories(modules)) {
    if (path.basename(product) === "newer") {
      for (const newer of directories(product)) out.push(...jsonFiles(newer));
      continue;
    }
    out.push(...jsonFiles(path.join(product, "manifests")));
    out.push(...jsonFiles(product).filter((f) => path.basename(f) === "releases.json"));
  }
  return out;
}

#!/usr/bin/env node
/**
 * The `cuda-modules` executable: runs the command line of `program.ts`. Installed, it runs from
 * `dist/`; from the sources, run it as `node --import tsx src/cli/main.ts`. Asked only for its
 * version, it answers without loading the command-line parser (a quarter of `--version`'s time).
 */
import { packageVersion } from "./package-version.js";

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === "--version" || args[0] === "-V")) {
  process.stdout.write(`${packageVersion()}\n`);
} else {
  await import("./program.js");
}

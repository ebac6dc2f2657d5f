#!/usr/bin/env -S node --import tsx
/**
 * The `cuda-modules` command. Its subcommands (check, eval, plan, schema, docs) arrive with their
 * issues; for now it answers `--version` and `--help`, and refuses anything else with status 2.
 */
import { readFileSync } from "node:fs";

const packageJson = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
const [first] = process.argv.slice(2);

if (first === "--version" || first === "-V") {
  process.stdout.write(`${packageJson.version}\n`);
} else if (first === undefined || first === "--help" || first === "-h") {
  process.stdout.write("Usage: cuda-modules [--version] [--help]\n\nThe module-system engine is available as a library: import { lib } from \"cuda-modules\".\n");
} else {
  process.stderr.write(`cuda-modules: unknown command or option '${first}' (see cuda-modules --help)\n`);
  process.exitCode = 2;
}

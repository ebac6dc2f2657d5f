#!/usr/bin/env node
/**
 * Bundles the built package in place: `node scripts/bundle.mjs [DIST_SRC]` (default `dist/src`)
 * rewrites its three entry points, the package (`index.js`), the engine (`lib/index.js`) and the
 * command (`cli/main.js`), as bundles that share their common code in `chunks/`.
 *
 * Why: a command loaded about 120 ES modules before it started, and Node's module loader cost
 * `check` of one manifest more than the check. Why shared chunks rather than one file per entry:
 * a module file that imports `cuda-modules/lib` (which `eval` loads) and the command must use one
 * copy of the engine, whose types, markers and error class are compared by identity. The other
 * files tsc wrote stay beside the bundles for their type declarations; the package's `exports`
 * reach only the three entries.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { build } from "esbuild";

const distSrc = path.resolve(process.argv[2] ?? "dist/src");
const entries = { index: "index.js", "lib/index": "lib/index.js", "cli/main": "cli/main.js" };

const result = await build({
  entryPoints: Object.fromEntries(Object.entries(entries).map(([name, file]) => [name, path.join(distSrc, file)])),
  outdir: distSrc,
  bundle: true,
  splitting: true,
  chunkNames: "chunks/[name]-[hash]",
  platform: "node",
  format: "esm",
  target: "node20",
  // The dependencies are bundled too: Node reads a CommonJS package imported from an ES module with
  // a lexer (fp-ts, io-ts, commander cost a start as much as the engine); `yaml` (required when a
  // YAML file is first read) and `tsx` (imported for a TypeScript module file) stay outside.
  external: ["yaml", "tsx", "tsx/*"],
  // A bundled CommonJS module may require Node's own modules, which an ES module does through this.
  banner: { js: 'import { createRequire as __bundleRequire } from "node:module"; const require = __bundleRequire(import.meta.url);' },
  write: false,
  logLevel: "warning",
});

// The entries are read before anything is written; stale chunks of an earlier bundle go.
rmSync(path.join(distSrc, "chunks"), { recursive: true, force: true });
for (const file of result.outputFiles) {
  mkdirSync(path.dirname(file.path), { recursive: true });
  writeFileSync(file.path, file.contents);
}

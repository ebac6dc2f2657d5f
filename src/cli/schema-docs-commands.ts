/**
 * `cuda-modules schema` and `cuda-modules docs`: the JSON Schemas of the data files and the
 * options' documentation, both generated from the CUDA modules' declarations.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { evaluateCuda } from "../cuda/evaluate.js";
import { cudaSchemas } from "../cuda/schemas.js";
import { optionDocs, optionDocsMarkdown } from "../lib/index.js";
import { safeJsonText, safeText } from "./safe-text.js";

/** Where the commands write. */
export interface OutputIo {
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
}

/** Writes every schema into `outDir`, or prints them all as one JSON object by file name; returns the exit status. */
export function runSchema(options: { readonly out?: string }, io: OutputIo): number {
  const schemas = cudaSchemas();
  if (options.out === undefined) {
    io.stdout.write(`${safeJsonText(JSON.stringify(schemas, null, 2))}\n`);
    return 0;
  }
  try {
    mkdirSync(options.out, { recursive: true });
    for (const [name, schema] of Object.entries(schemas)) {
      writeFileSync(path.join(options.out, name), `${JSON.stringify(schema, null, 2)}\n`);
      io.stderr.write(safeText(`wrote ${path.join(options.out, name)}\n`));
    }
    return 0;
  } catch (e) {
    io.stderr.write(safeText(`cuda-modules schema: cannot write to ${options.out}: ${(e as Error).message}\n`));
    return 2;
  }
}

/**
 * The options as `nixosOptionsDoc` writes its `options.json`: an object keyed by option name, each
 * with `declarations`, `default`, `description`, `example`, `loc`, `readOnly` and `type` (no
 * `name`, `internal` or `visible`: only visible, non-internal options are listed).
 */
export function optionsJson(docs: readonly Record<string, unknown>[]): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const doc of docs) {
    const { name, internal: _internal, visible: _visible, ...rest } = doc;
    Object.defineProperty(out, String(name), { value: rest, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/** Prints the documentation of every visible option of the CUDA modules, as Markdown or as Nixpkgs' options.json. */
export function runDocs(options: { readonly format: "md" | "json" }, io: OutputIo): number {
  const docs = optionDocs(evaluateCuda({}).options);
  io.stdout.write(
    options.format === "json"
      ? `${safeJsonText(JSON.stringify(optionsJson(docs as unknown as readonly Record<string, unknown>[]), null, 2))}\n`
      : safeText(optionDocsMarkdown(docs)),
  );
  return 0;
}

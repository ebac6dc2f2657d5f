/**
 * Writes the JSON Schemas of the CUDA data files to `schemas/` (run after changing a module's
 * declarations: `npx tsx scripts/write-schemas.ts`); `test/cuda/schemas.test.ts` fails until then.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { cudaSchemas } from "../src/cuda/schemas.js";

const directory = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "schemas");
mkdirSync(directory, { recursive: true });
for (const [file, schema] of Object.entries(cudaSchemas())) {
  writeFileSync(path.join(directory, file), `${JSON.stringify(schema, null, 2)}\n`);
  console.log(`wrote schemas/${file}`);
}

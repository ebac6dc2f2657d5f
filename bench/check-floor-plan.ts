/**
 * What the floor of `check` reads: the files `check` reads with no argument, in its order, each
 * with the checked-in schema its kind names; computed by the parent from the project's own
 * listing and classification, so that the floor reads exactly the same files.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { either as E } from "fp-ts";
import { variantManifestType } from "../modules/generic/manifests/variants/index.js";
import { bundledDataFiles } from "../src/cli/bundled-files.js";
import { classifyDataFile, type DataFileKind } from "../src/cuda/check-files.js";
import { cudaSchemaFiles } from "../src/cuda/schemas.js";
import { optionsJsonSchema } from "../src/lib/index.js";
import { repoRoot } from "./paths.js";

/** The plan the floor process reads: schema files by name, and each data file with its schema's name. */
export interface CheckFloorPlan {
  /** Schema name to the path of its JSON file. */
  readonly schemas: Readonly<Record<string, string>>;
  /** The name of the redistrib manifest schema: a file of that kind may be of the newer format. */
  readonly redistribSchema: string;
  /** The name of the newer format's schema. */
  readonly newerSchema: string;
  readonly files: readonly { readonly path: string; readonly schema: string }[];
}

const schemaOfKind: Record<DataFileKind, string> = {
  redistrib: cudaSchemaFiles.redistribManifest,
  feature: cudaSchemaFiles.featureManifest,
  releases: cudaSchemaFiles.releaseList,
};

const newerSchema = "newer-manifest.schema.json";

/** A plan written to a temporary folder, and how to remove it. */
export interface WrittenPlan {
  readonly planFile: string;
  readonly fileCount: number;
  readonly remove: () => void;
}

/**
 * Writes the plan (and the newer format's schema, which `schemas/` does not hold, generated from
 * its declaration as the checked-in ones are) into a fresh temporary folder.
 */
export function writeCheckFloorPlan(): WrittenPlan {
  const dir = mkdtempSync(path.join(tmpdir(), "cuda-modules-bench-"));
  const newerSchemaFile = path.join(dir, newerSchema);
  writeFileSync(newerSchemaFile, JSON.stringify(optionsJsonSchema(variantManifestType)));
  const schemas: Record<string, string> = { [newerSchema]: newerSchemaFile };
  for (const name of Object.values(cudaSchemaFiles)) schemas[name] = path.join(repoRoot, "schemas", name);
  const files = bundledDataFiles().map((file) => {
    const classified = classifyDataFile(file);
    if (E.isLeft(classified)) throw new Error(classified.left);
    return { path: file, schema: schemaOfKind[classified.right.kind] };
  });
  const plan: CheckFloorPlan = { schemas, redistribSchema: cudaSchemaFiles.redistribManifest, newerSchema, files };
  const planFile = path.join(dir, "plan.json");
  writeFileSync(planFile, JSON.stringify(plan));
  return { planFile, fileCount: files.length, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

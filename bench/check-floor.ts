/**
 * The floor of `cuda-modules check` on the bundled data, as a whole process:
 * `node dist/bench/bench/check-floor.js PLAN.json` reads every file the plan lists, parses it, and
 * validates it with ajv against its schema (each schema compiled once). Exit status 0 when every
 * file fits, 1 otherwise, as `check`.
 */
import { readFileSync } from "node:fs";
import { Ajv, type ValidateFunction } from "ajv";
import type { CheckFloorPlan } from "./check-floor-plan.js";

const planFile = process.argv[2];
if (planFile === undefined) {
  process.stderr.write("usage: check-floor.js PLAN.json\n");
  process.exit(2);
}
const plan = JSON.parse(readFileSync(planFile, "utf8")) as CheckFloorPlan;
const ajv = new Ajv({ allErrors: true, strict: true });
const validators = new Map<string, ValidateFunction>();
for (const [name, file] of Object.entries(plan.schemas)) validators.set(name, ajv.compile(JSON.parse(readFileSync(file, "utf8")) as object));

/**
 * Like `check`, a redistrib manifest any of whose packages lists `cuda_variant` is of the newer
 * format and is checked against that format's declaration (src/cuda/check-files.ts, `describe`).
 */
function isNewerFormat(data: unknown): boolean {
  return typeof data === "object" && data !== null && Object.values(data).some((p) => typeof p === "object" && p !== null && Object.hasOwn(p, "cuda_variant"));
}

let failures = 0;
for (const file of plan.files) {
  const data: unknown = JSON.parse(readFileSync(file.path, "utf8"));
  const schema = file.schema === plan.redistribSchema && isNewerFormat(data) ? plan.newerSchema : file.schema;
  const validate = validators.get(schema)!;
  if (!validate(data)) {
    failures++;
    process.stdout.write(`${file.path}: ${ajv.errorsText(validate.errors)}\n`);
  }
}
process.exit(failures === 0 ? 0 : 1);

/**
 * Real data: `cuda-modules check` with no argument (every bundled manifest and release list) as a
 * whole process, against a process that reads the same files, parses them and validates them
 * with ajv against the checked-in schemas.
 */
import { writeCheckFloorPlan } from "../check-floor-plan.js";
import { figureOf } from "../figure.js";
import { builtBenchScript, cliScript, repoRoot } from "../paths.js";
import { timeSuccessfulProcess } from "../process-timer.js";
import { rounds } from "../rounds.js";
import { runsOf } from "../settings.js";
import type { Workload } from "../workload.js";

/** The real-data workload. */
export const realData: Workload = {
  name: "real-data",
  description: "cuda-modules check of every bundled file vs read + JSON.parse + ajv of the same files",
  run(settings) {
    const plan = writeCheckFloorPlan();
    try {
      const floor = builtBenchScript("check-floor");
      const result = rounds(runsOf(settings, false), {
        floor: () => timeSuccessfulProcess(process.execPath, [floor, plan.planFile], repoRoot, settings.timeoutMs).ms,
        check: () => timeSuccessfulProcess(process.execPath, [cliScript, "check"], repoRoot, settings.timeoutMs).ms,
      });
      const heading = {
        workload: "real-data",
        label: `check, ${plan.fileCount} bundled files, whole process`,
        metric: "time",
        unit: "ms",
        baseline: "floor: read + JSON.parse + ajv (schemas/), whole process",
      } as const;
      return { figures: [figureOf(heading, result.values.check, result.values.floor, result.error)], notes: [] };
    } finally {
      plan.remove();
    }
  },
};

/**
 * Cold start: `cuda-modules --version` and `check` of one manifest as whole processes, against
 * `node -e 0`, the least a Node program costs.
 */
import { figureOf } from "../figure.js";
import { cliScript, repoRoot } from "../paths.js";
import { timeSuccessfulProcess } from "../process-timer.js";
import { rounds } from "../rounds.js";
import { runsOf } from "../settings.js";
import type { Workload } from "../workload.js";

/** The manifest `check` reads in the cold-start workload, relative to the repository. */
export const coldStartManifest = "modules/cuda/manifests/redistrib_12.2.2.json";

/** The cold-start workload. */
export const coldStart: Workload = {
  name: "cold-start",
  description: "cuda-modules --version and check of one manifest vs node -e 0",
  run(settings) {
    const time = (args: readonly string[]) => () => timeSuccessfulProcess(process.execPath, args, repoRoot, settings.timeoutMs).ms;
    const result = rounds(runsOf(settings, false), {
      node: time(["-e", "0"]),
      version: time([cliScript, "--version"]),
      check: time([cliScript, "check", coldStartManifest]),
    });
    const heading = { workload: "cold-start", metric: "time", unit: "ms", baseline: "node -e 0" } as const;
    return {
      figures: [
        figureOf({ ...heading, label: "cuda-modules --version" }, result.values.version, result.values.node, result.error),
        figureOf({ ...heading, label: `cuda-modules check ${coldStartManifest}` }, result.values.check, result.values.node, result.error),
      ],
      notes: [],
    };
  },
};

// The synthetic benchmark workload (issue 9) is the same computation as
// /work/shared/bench/synth.nix: for N = 100, our JSON is byte for byte nix-instantiate's.
// Skipped where nix-instantiate, Nixpkgs' lib or synth.nix is missing.
import { spawnSync } from "node:child_process";
import { describe, expect, test } from "vitest";
import { evaluateSynth, synthPackages } from "../../bench/synth.js";
import { nixInstantiateArgs, nixUnavailable } from "../../bench/workloads/nix.js";

const missing = nixUnavailable();

describe.skipIf(missing !== null)(`synth.nix against Nix${missing === null ? "" : ` (skipped: ${missing})`}`, () => {
  test("for N = 100 our JSON equals nix-instantiate --eval --strict --json, byte for byte", () => {
    const nix = spawnSync("nix-instantiate", nixInstantiateArgs(100), { encoding: "utf8" });
    expect(nix.status, nix.stderr).toBe(0);
    expect(evaluateSynth(synthPackages(100))).toBe(nix.stdout.trim());
  });
});

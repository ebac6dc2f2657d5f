// The synthetic workload of the benchmark (issue 9) computes what its floor computes: our
// evaluation of synth.nix's declarations and ajv's validation of the same JSON agree on every
// package and value, `name` defaulting to the attribute name. No timing is asserted.
import { describe, expect, test } from "vitest";
import { parseSettings } from "../../bench/settings.js";
import { compileSynthSchema, floorSynth } from "../../bench/synth-floor.js";
import { evaluateSynth, synthPackages } from "../../bench/synth.js";
import { synthSizes } from "../../bench/workload.js";

const [quickSize] = synthSizes(parseSettings(["--quick"]));

describe("synthetic benchmark workload", () => {
  test(`at the --quick size (N = ${quickSize}), our JSON holds the same data as the floor's`, () => {
    const packages = synthPackages(quickSize!);
    const ours = JSON.parse(evaluateSynth(packages)) as Record<string, Record<string, unknown>>;
    const floor = JSON.parse(floorSynth(JSON.stringify(packages), compileSynthSchema())) as Record<string, Record<string, unknown>>;
    expect(Object.keys(ours)).toHaveLength(quickSize!);
    expect(ours).toEqual(floor);
    expect(ours["pkg_7"]).toEqual({
      name: "pkg_7",
      license: "CUDA Toolkit",
      version: "12.2.7",
      "linux-x86_64": {
        relative_path: "pkg/linux-x86_64/pkg-7.tar.xz",
        sha256: "2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881",
        md5: "2d711642b726b04401627ca9fbac32f5",
        size: "1007",
      },
      "linux-sbsa": {
        relative_path: "pkg/linux-sbsa/pkg-7.tar.xz",
        sha256: "2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881",
        md5: "2d711642b726b04401627ca9fbac32f5",
        size: "2007",
      },
    });
  });

  test("our output lists packages in Nix's order (sorted keys), as nix-instantiate --json prints them", () => {
    const text = evaluateSynth(synthPackages(12));
    expect(Object.keys(JSON.parse(text) as object)).toEqual(Object.keys(synthPackages(12)).sort());
  });

  type Json = Record<string, unknown>;
  const broken: [string, string, (p: Json) => void][] = [
    ["a sha256 that is not 64 hex digits", "TypeMismatch", (p) => ((p["linux-sbsa"] as Json)["sha256"] = "00")],
    ["a version with a letter", "TypeMismatch", (p) => (p["version"] = "12.2a")],
    ["a missing license", "NoDefinition", (p) => delete p["license"]],
    ["an archive with an unknown key", "UndeclaredOption", (p) => ((p["linux-x86_64"] as Json)["sha265"] = "00")],
  ];
  test.each(broken)("both sides refuse %s (%s): the floor's schema is as strict as the declarations", (_, kind, breakIt) => {
    const packages = synthPackages(3);
    breakIt(packages["pkg_1"] as unknown as Json);
    expect(() => evaluateSynth(packages)).toThrow(expect.objectContaining({ kind }));
    expect(() => floorSynth(JSON.stringify(packages), compileSynthSchema())).toThrow(/does not fit/);
  });
});

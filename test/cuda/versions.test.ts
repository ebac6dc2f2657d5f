// Nix version comparison and the version helpers of the CUDA modules. The expected orderings are
// those Nix documents for `builtins.compareVersions` plus the cases the release lists depend on.
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import {
  compareVersions,
  majorMinor,
  majorVersion,
  mkVersionedName,
  splitVersion,
  versionAtLeast,
  versionOlder,
} from "../../src/cuda/versions.js";

describe("compareVersions", () => {
  test("numeric parts compare numerically, so 12.10 is newer than 12.9", () => {
    expect(compareVersions("12.10", "12.9")).toBe(1);
    expect(compareVersions("12.9", "12.10")).toBe(-1);
    expect(compareVersions("10.3.0.26", "8.6.1.6")).toBe(1);
  });

  test("orders the examples of the Nix manual", () => {
    // Each pair is [older, newer].
    const ordered: [string, string][] = [
      ["1.0", "2.3"],
      ["2.1", "2.3"],
      ["2.3", "2.5"],
      ["2.3", "3.1"],
      ["2.3", "2.3.1"],
      ["2.3a", "2.3.1"],
      ["2.3pre1", "2.3"],
      ["2.3pre3", "2.3pre12"],
      ["2.3a", "2.3c"],
      ["2.3pre1", "2.3c"],
      ["2.3pre1", "2.3q"],
    ];
    for (const [older, newer] of ordered) {
      expect([older, newer, compareVersions(older, newer)]).toEqual([older, newer, -1]);
      expect([newer, older, compareVersions(newer, older)]).toEqual([newer, older, 1]);
    }
    expect(compareVersions("2.3", "2.3")).toBe(0);
  });

  test("a missing part is older than zero, and dots and dashes both separate", () => {
    expect(compareVersions("1", "1.0")).toBe(-1);
    expect(compareVersions("1.2-3", "1.2.3")).toBe(0);
    expect(compareVersions("", "")).toBe(0);
  });

  test("a number too large for a C int compares as a string, as in Nix", () => {
    // "10000000000" is not an int for Nix, so it compares as a word: words sort before numbers.
    expect(compareVersions("1.10000000000", "1.2")).toBe(-1);
  });

  test("is antisymmetric on version-like strings", () => {
    const version = fc.stringMatching(/^[0-9a-z.-]{0,12}$/);
    fc.assert(fc.property(version, version, (a, b) => compareVersions(a, b) === -compareVersions(b, a)));
  });
});

describe("versionAtLeast and versionOlder", () => {
  test("bounds are inclusive for versionAtLeast and strict for versionOlder", () => {
    expect(versionAtLeast("12.2", "12.2")).toBe(true);
    expect(versionAtLeast("12.2", "12.0")).toBe(true);
    expect(versionAtLeast("11.8", "12.0")).toBe(false);
    expect(versionOlder("12.2", "12.2")).toBe(false);
    expect(versionOlder("12.9", "12.10")).toBe(true);
  });
});

describe("splitVersion, majorVersion, majorMinor", () => {
  test("split into the components compareVersions sees", () => {
    expect(splitVersion("8.9.7.29")).toEqual(["8", "9", "7", "29"]);
    expect(splitVersion("2.3a-pre")).toEqual(["2", "3", "a", "pre"]);
    expect(splitVersion("")).toEqual([]);
  });

  test("keep the first one or two components", () => {
    expect(majorVersion("8.9.7.29")).toBe("8");
    expect(majorMinor("8.9.7.29")).toBe("8.9");
    expect(majorMinor("12.2")).toBe("12.2");
    expect(majorMinor("10.3.0.26")).toBe("10.3");
    expect(majorMinor("12")).toBe("12");
  });
});

describe("mkVersionedName", () => {
  test("names a release by product and major.minor (spec 6.3 and 9.5 example 25)", () => {
    expect(mkVersionedName("cudnn", "8.9.7.29")).toBe("cudnn_8_9");
    expect(mkVersionedName("cudnn", "9.3.0.75")).toBe("cudnn_9_3");
    expect(mkVersionedName("tensorrt", "10.3.0.26")).toBe("tensorrt_10_3");
    expect(mkVersionedName("tensorrt", "8.6.1.6")).toBe("tensorrt_8_6");
    expect(mkVersionedName("cudaPackages", "12.2")).toBe("cudaPackages_12_2");
  });
});

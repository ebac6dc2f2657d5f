// Path types: path, pathInStore, externalPath and pathWith (paths are strings in JavaScript).
// Expected values are what Nixpkgs gives for the same strings.
import { describe, expect, test } from "vitest";
import { lib, type OptionType } from "../../../src/index.js";
import { expectOptionError, valueOf } from "./helpers.js";

const t = lib.types;

/** A store path as Nix recognises it: a 32-character hash, a dash and a name. */
const storePath = "/nix/store/0123456789abcdfghijklmnpqrsvwxyz-foo";

function identity(type: OptionType): [string, string, unknown] {
  return [type.name, type.description, type.descriptionClass];
}

describe("types.path", () => {
  test("is named path and described as absolute path", () => {
    expect(identity(t.path)).toEqual(["path", "absolute path", "noun"]);
  });

  test("check accepts absolute paths only", () => {
    expect(["/a", "a", "", 1, null].map((v) => t.path.check(v))).toEqual([true, false, false, false, false]);
  });

  test("equal paths merge; different paths conflict naming both files", () => {
    expect(valueOf(t.path, ["/a", "/a"])).toBe("/a");
    expectOptionError(t.path, ["/a", "/b"], { kind: "ConflictingDefinitions", path: ["a"], includes: ["m1.nix", "m2.nix", '"/b"'] });
  });

  test("a relative path is a TypeMismatch naming the type", () => {
    expectOptionError(t.path, ["a/b"], { kind: "TypeMismatch", path: ["a"], includes: ["m1.nix", "absolute path"] });
  });
});

describe("types.pathInStore", () => {
  test("is named path and described as path in the Nix store", () => {
    expect(identity(t.pathInStore)).toEqual(["path", "path in the Nix store", "noun"]);
  });

  test("accepts a store path and a path inside one", () => {
    expect(t.pathInStore.check(storePath)).toBe(true);
    expect(t.pathInStore.check(`${storePath}/bin/x`)).toBe(true);
    expect(valueOf(t.pathInStore, [storePath])).toBe(storePath);
  });

  test("refuses a path outside the store", () => {
    expect(t.pathInStore.check("/tmp/x")).toBe(false);
    expect(t.pathInStore.check("/nix/store")).toBe(false);
    expectOptionError(t.pathInStore, ["/tmp/x"], { kind: "TypeMismatch", path: ["a"], includes: ["m1.nix", "path in the Nix store"] });
  });

  test("refuses a name under /nix/store that has no 32-character hash", () => {
    expect(t.pathInStore.check("/nix/store/abc-foo")).toBe(false);
  });

  test("refuses the store directory itself", () => {
    expect(t.pathInStore.check("/nix/store/")).toBe(false);
  });

  test("accepts a store path written without its leading slash, as Nix does", () => {
    expect(t.pathInStore.check("nix/store/0123456789abcdfghijklmnpqrsvwxyz-foo")).toBe(true);
  });
});

describe("types.externalPath", () => {
  test("is named path and described as absolute path not in the Nix store", () => {
    expect(identity(t.externalPath)).toEqual(["path", "absolute path not in the Nix store", "noun"]);
  });

  test("accepts absolute paths outside the store and refuses store paths and relative paths", () => {
    expect([storePath, "/tmp/x", "tmp/x"].map((v) => t.externalPath.check(v))).toEqual([false, true, false]);
    expect(valueOf(t.externalPath, ["/tmp/x"])).toBe("/tmp/x");
    expectOptionError(t.externalPath, [storePath], {
      kind: "TypeMismatch",
      path: ["a"],
      includes: ["m1.nix", "absolute path not in the Nix store"],
    });
  });

  test("accepts a path under /nix/store that is not a store path", () => {
    expect(t.externalPath.check("/nix/store/abc-foo")).toBe(true);
  });

  test("accepts the store directory itself", () => {
    expect(t.externalPath.check("/nix/store/")).toBe(true);
  });
});

describe("types.pathWith", () => {
  test("descriptions compose absolute/relative and in/not in the Nix store", () => {
    expect(t.pathWith({}).description).toBe("path");
    expect(t.pathWith({ absolute: false }).description).toBe("relative path");
    expect(t.pathWith({ inStore: false }).description).toBe("path not in the Nix store");
    expect(t.pathWith({ inStore: true, absolute: true }).description).toBe("absolute path in the Nix store");
    expect(t.pathWith({ inStore: false, absolute: false }).description).toBe("relative path not in the Nix store");
    expect(t.pathWith({}).name).toBe("path");
  });

  test("without constraints accepts any string, relative or empty", () => {
    expect(["/a", "a", "", 1].map((v) => t.pathWith({}).check(v))).toEqual([true, true, true, false]);
  });

  test("absolute: false accepts relative paths only", () => {
    const relative = t.pathWith({ absolute: false });
    expect([relative.check("a/b"), relative.check("/a/b")]).toEqual([true, false]);
    expect(valueOf(relative, ["a/b"])).toBe("a/b");
    expectOptionError(relative, ["/a/b"], { kind: "TypeMismatch", path: ["a"], includes: ["m1.nix", "relative path"] });
  });

  test("inStore: false accepts relative and absolute paths outside the store", () => {
    const outside = t.pathWith({ inStore: false });
    expect(["a/b", "/a/b", storePath].map((v) => outside.check(v))).toEqual([true, true, false]);
  });

  test("inStore: true with absolute: false is refused", () => {
    expect(() => t.pathWith({ inStore: true, absolute: false })).toThrow(/inStore means the path must be absolute/);
  });
});

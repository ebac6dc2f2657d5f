// Open data (issue 17): any product's redistrib manifest checks, and the rules `check` holds it to.
// Pinned here, each with its kind, severity, option path and location (line, and column where the
// text gives it cheaply), on the real files under modules/newer/ where one exists and on small
// made-up files written to a temporary directory otherwise:
//   1. products: every bundled file is valid; an unknown product is the generic product's
//      `newer.manifests.<product>.<version>`; the product comes from --product, over
//      release_product, over the nearest folder named after a known product; a name one edit from
//      a known product is a warning; `newer` and `generic` are product names, never option sets;
//   2. CUDA variants: keys and `cuda_variant` held to each other, both ways;
//   3. platforms: windows-arm64 known, misspelt platforms refused with the close known name;
//   4. the mixed entry of cuDNN 9.27.0: one warning naming both archives;
//   5. release_label and release_product held to the file's name, folder and --product;
//   6. two copies of one manifest given to one check are each checked on their own;
//   7. every diagnostic is well formed and, the file parsing, has a line.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import type { CheckDiagnostic, CheckFilesOptions } from "../../src/cuda/check-files.js";
import { positionOf, root } from "../cli/run-cli.js";
import { checkPaths, expectWellFormed, scratchDirectory, writeInput } from "../hostile/hostile-files.js";

type Json = Record<string, any>;

const dir = scratchDirectory("open-data");

/** The bundled manifests of the newer layout, `modules/newer/<product>/redistrib_<version>.json`, relative to the root. */
const bundled = readdirSync(path.join(root, "modules/newer"))
  .flatMap((product) => readdirSync(path.join(root, "modules/newer", product)).map((name) => `modules/newer/${product}/${name}`))
  .filter((file) => /redistrib_.+\.json$/.test(file))
  .sort();

const realText = (relative: string): string => readFileSync(path.join(root, relative), "utf8");

/**
 * Checks `paths` as `cuda-modules check` does, asserting rule 7 on every diagnostic: well formed,
 * and located at a line (every file given here parses).
 */
function check(paths: readonly string[], options: CheckFilesOptions = {}): readonly CheckDiagnostic[] {
  const diagnostics = checkPaths(paths, options);
  expectWellFormed(diagnostics);
  for (const d of diagnostics) expect(d.locations[0]?.line, `${d.kind} at ${d.path.join(".")} has no line`).toBeDefined();
  return diagnostics;
}

/** A file written under the scratch directory: its path and text. */
interface Written {
  readonly file: string;
  readonly text: string;
}

/** Writes `content` (text, or data written as NVIDIA writes it, four spaces) at `relative` under the scratch directory. */
function write(relative: string, content: string | Json): Written {
  const text = typeof content === "string" ? content : `${JSON.stringify(content, null, 4)}\n`;
  return { file: writeInput(dir, relative, text), text };
}

/** What a test asserts of a diagnostic: kind, severity, option path, file, line and column. */
function summary(d: CheckDiagnostic) {
  const at = d.locations[0];
  return { kind: d.kind, severity: d.severity, path: d.path, file: at?.file, line: at?.line, column: at?.column };
}

/** The summary a diagnostic must have: at `needle` (after `after`) in `written`. */
function expected(kind: string, severity: "error" | "warning", optionPath: readonly string[], written: Written, needle: string, after = "") {
  return { kind, severity, path: optionPath, file: written.file, ...positionOf(written.text, needle, after) };
}

/** One archive of the made-up products. */
function archive(name: string): Json {
  return { relative_path: `nvfoo/${name}-archive.tar.xz`, sha256: "a".repeat(64), md5: "b".repeat(32), size: "1024" };
}

/** A made-up package: the package fields, then `entries` (platforms, `cuda_variant`). */
function pkg(entries: Json): Json {
  return { name: "NVIDIA Foo", license: "NVIDIA Foo", license_path: "nvfoo_core/LICENSE.txt", version: "1.0.0.7", ...entries };
}

/** A made-up manifest of `version`, with `release_product` unless null, and one package `nvfoo_core`. */
function manifest(version: string, product: string | null, core: Json): Json {
  return { release_date: "2026-01-01", release_label: version, ...(product === null ? {} : { release_product: product }), nvfoo_core: core };
}

/** A flat package (no variants) and a variant package: two shapes every product may take. */
const flatCore = pkg({ "linux-x86_64": archive("flat-x86_64"), "linux-sbsa": archive("flat-sbsa") });
const variantCore = pkg({ cuda_variant: ["12", "13"], "linux-x86_64": { cuda12: archive("x86_64-cuda12"), cuda13: archive("x86_64-cuda13") } });

/** `core` without its `version`: the option type reports NoDefinition, naming the path its content is defined at. */
function withoutVersion(core: Json): Json {
  const { version: _version, ...rest } = core;
  return rest;
}

describe("1. products", () => {
  test.each(bundled)("%s checks with no error (only cuDNN 9.27.0 warns, once)", (relative) => {
    const file = path.join(root, relative);
    const found = check([file]).map(summary);
    if (relative === "modules/newer/cudnn/redistrib_9.27.0.json") {
      expect(found).toEqual([
        { kind: "InvalidDefinition", severity: "warning", path: ["newer", "manifests", "cudnn", "9.27.0", "cudnn", "windows-arm64"], file, line: 56, column: 9 },
      ]);
    } else {
      expect(found).toEqual([]);
    }
  });

  test("every bundled file checked at once gives that one warning and nothing else", () => {
    expect(bundled.length).toBeGreaterThanOrEqual(20);
    const found = check(bundled.map((relative) => path.join(root, relative)));
    expect(found.map((d) => [d.severity, d.path.join(".")])).toEqual([["warning", "newer.manifests.cudnn.9.27.0.cudnn.windows-arm64"]]);
  });

  describe("a product the project has never seen (nvfoo)", () => {
    test.each([
      { slug: "flat", core: flatCore },
      { slug: "variants", core: variantCore },
    ])("$slug: checks clean, its content defined at newer.manifests.nvfoo.<version>", ({ slug, core }) => {
      const good = write(`unseen-${slug}/nvfoo/redistrib_1.0.json`, manifest("1.0", "nvfoo", core));
      expect(check([good.file])).toEqual([]);

      const bad = write(`unseen-${slug}-bad/nvfoo/redistrib_1.0.json`, manifest("1.0", "nvfoo", withoutVersion(core)));
      expect(check([bad.file]).map(summary)).toEqual([
        expected("NoDefinition", "error", ["newer", "manifests", "nvfoo", "1.0", "nvfoo_core", "version"], bad, '"nvfoo_core"'),
      ]);
    });
  });

  describe("where the product comes from", () => {
    test("without release_product or --product, the nearest folder named after a known product (nvpl in cudnn/nvpl/drafts/)", () => {
      const bad = write("nearest/cudnn/nvpl/drafts/redistrib_1.0.json", manifest("1.0", null, withoutVersion(flatCore)));
      expect(check([bad.file]).map(summary)).toEqual([
        expected("NoDefinition", "error", ["newer", "manifests", "nvpl", "1.0", "nvfoo_core", "version"], bad, '"nvfoo_core"'),
      ]);
    });

    test("release_product over the folder: nvfoo in nvpl/ is nvfoo's (and the mismatch is an error)", () => {
      const bad = write("over-folder/nvpl/redistrib_1.0.json", manifest("1.0", "nvfoo", withoutVersion(flatCore)));
      expect(check([bad.file]).map(summary)).toEqual([
        expected("InvalidDefinition", "error", ["newer", "manifests", "nvfoo", "1.0", "release_product"], bad, '"release_product"'),
        expected("NoDefinition", "error", ["newer", "manifests", "nvfoo", "1.0", "nvfoo_core", "version"], bad, '"nvfoo_core"'),
      ]);
    });

    test("--product over release_product and the folder: nvbar in nvpl/ with --product nvfoo is nvfoo's", () => {
      const bad = write("over-all/nvpl/redistrib_1.0.json", manifest("1.0", "nvbar", withoutVersion(flatCore)));
      const found = check([bad.file], { product: "nvfoo" });
      expect(found.map(summary)).toEqual([
        expected("InvalidDefinition", "error", ["newer", "manifests", "nvfoo", "1.0", "release_product"], bad, '"release_product"'),
        expected("NoDefinition", "error", ["newer", "manifests", "nvfoo", "1.0", "nvfoo_core", "version"], bad, '"nvfoo_core"'),
      ]);
      expect(found[0]!.message).toContain('is "nvbar", but --product names the product "nvfoo"');
    });

    test("--product agreeing with release_product is no error, whatever folder the file is in (nvpl 26.5 in cudnn/)", () => {
      const copy = write("agreeing/cudnn/redistrib_26.5.json", realText("modules/newer/nvpl/redistrib_26.5.json"));
      expect(check([copy.file], { product: "nvpl" })).toEqual([]);
    });
  });

  test("a name one edit from a known product (cudaa) is a product of its own, with a warning naming cuda", () => {
    const written = write("misc-cudaa/redistrib_1.0.json", manifest("1.0", "cudaa", flatCore));
    const found = check([written.file]);
    expect(found.map(summary)).toEqual([
      expected("InvalidDefinition", "warning", ["newer", "manifests", "cudaa", "1.0", "release_product"], written, '"release_product"'),
    ]);
    expect(found[0]!.message).toContain('did you mean "cuda"?');
    expect(found[0]!.message).toContain('checked as a product of its own, "cudaa"');
  });

  describe("`newer` and `generic` are product names, never the option sets of those names", () => {
    test.each(["newer", "generic"])("release_product %s: clean when valid; a package missing `version` is NoDefinition under newer.manifests.<that name>.<version>", (product) => {
      const good = write(`misc-${product}/redistrib_1.0.json`, manifest("1.0", product, flatCore));
      expect(check([good.file])).toEqual([]);

      const bad = write(`misc-${product}-bad/redistrib_1.0.json`, manifest("1.0", product, withoutVersion(flatCore)));
      const found = check([bad.file]);
      expect(found.map(summary)).toEqual([
        expected("NoDefinition", "error", ["newer", "manifests", product, "1.0", "nvfoo_core", "version"], bad, '"nvfoo_core"'),
      ]);
      expect(found[0]!.message).toContain(`newer.manifests.${product}."1.0".nvfoo_core.version`);
    });
  });
});

describe("2. CUDA variants", () => {
  const base = ["newer", "manifests", "nvfoo", "1.0", "nvfoo_core"];

  /** Writes a one-package nvfoo manifest in its own folder and checks it. */
  function variants(slug: string, core: Json): { written: Written; found: readonly CheckDiagnostic[] } {
    const written = write(`variants-${slug}/nvfoo/redistrib_1.0.json`, manifest("1.0", "nvfoo", core));
    return { written, found: check([written.file]) };
  }

  test("a major.minor key (cuda13.1) that cuda_variant lists (13.1) is fine", () => {
    const { found } = variants("minor", pkg({ cuda_variant: ["12", "13.1"], "linux-x86_64": { cuda12: archive("cuda12"), "cuda13.1": archive("cuda13.1") } }));
    expect(found).toEqual([]);
  });

  test("a key (cuda13) whose variant cuda_variant leaves out is an error at the key", () => {
    const { written, found } = variants("unlisted", pkg({ cuda_variant: ["12"], "linux-x86_64": { cuda12: archive("cuda12"), cuda13: archive("cuda13") } }));
    expect(found.map(summary)).toEqual([expected("InvalidDefinition", "error", [...base, "linux-x86_64", "cuda13"], written, '"cuda13"')]);
    expect(found[0]!.message).toContain('Add "13" to `cuda_variant\'');
  });

  test("a listed variant (14) that no platform has is an error at that entry of cuda_variant", () => {
    const { written, found } = variants("unused", pkg({ cuda_variant: ["12", "14"], "linux-x86_64": { cuda12: archive("cuda12") } }));
    expect(found.map(summary)).toEqual([
      expected("InvalidDefinition", "error", [...base, "cuda_variant", "[definition 1-entry 2]"], written, '"14"', '"cuda_variant"'),
    ]);
    expect(found[0]!.message).toContain("no platform of the package has a `cuda14' archive");
  });

  test("variant keys in a package without cuda_variant are an error at the key", () => {
    const { written, found } = variants("undeclared", pkg({ "linux-x86_64": { cuda12: archive("cuda12") } }));
    expect(found.map(summary)).toEqual([expected("InvalidDefinition", "error", [...base, "linux-x86_64", "cuda12"], written, '"cuda12"')]);
    expect(found[0]!.message).toContain("no `cuda_variant' list");
  });

  test("a key that is neither an archive field nor a variant (cu12) is an error at the key, suggesting cuda12", () => {
    const { written, found } = variants("misnamed", pkg({ cuda_variant: ["12"], "linux-x86_64": { cuda12: archive("cuda12"), cu12: archive("cu12") } }));
    expect(found.map(summary)).toEqual([expected("InvalidDefinition", "error", [...base, "linux-x86_64", "cu12"], written, '"cu12"')]);
    expect(found[0]!.message).toContain("Did you mean `cuda12'?");
  });

  test("an entry that is not a CUDA variant (12.x) is an error at that entry", () => {
    const { written, found } = variants("malformed", pkg({ cuda_variant: ["12", "12.x"], "linux-x86_64": { cuda12: archive("cuda12") } }));
    expect(found.map(summary)).toEqual([
      expected("InvalidDefinition", "error", [...base, "cuda_variant", "[definition 1-entry 2]"], written, '"12.x"', '"cuda_variant"'),
    ]);
    expect(found[0]!.message).toContain('"12.x"');
    expect(found[0]!.message).toContain("is not a CUDA variant");
  });

  test("a flat archive in a package that lists cuda_variant is a warning at the platform", () => {
    const { written, found } = variants("flat", pkg({ cuda_variant: ["12"], "linux-x86_64": { cuda12: archive("cuda12") }, "linux-sbsa": archive("flat") }));
    expect(found.map(summary)).toEqual([expected("InvalidDefinition", "warning", [...base, "linux-sbsa"], written, '"linux-sbsa"')]);
    expect(found[0]!.message).toContain("is a single archive");
  });
});

describe("3. platforms", () => {
  test("windows-arm64 is accepted in a flat package (cuda 13.4.2, as published)", () => {
    const data = JSON.parse(realText("modules/newer/cuda/redistrib_13.4.2.json")) as Json;
    expect(typeof data["cccl"]["windows-arm64"]["relative_path"]).toBe("string");
    expect(check([path.join(root, "modules/newer/cuda/redistrib_13.4.2.json")])).toEqual([]);
  });

  test("windows-arm64 is accepted inside a variant package", () => {
    const written = write("arm64-variants/nvfoo/redistrib_1.0.json", manifest("1.0", "nvfoo", pkg({
      cuda_variant: ["13"],
      "linux-x86_64": { cuda13: archive("x86_64-cuda13") },
      "windows-arm64": { cuda13: archive("arm64-cuda13") },
    })));
    expect(check([written.file])).toEqual([]);
  });

  /** The real file `relative` with the first `"linux-x86_64"` and `"windows-x86_64"` keys misspelt, written under `folder`. */
  function misspelt(relative: string, folder: string): Written {
    const text = realText(relative).replace('"linux-x86_64"', '"linux-x86-64"').replace('"windows-x86_64"', '"windows-amd64"');
    return write(`${folder}/${path.basename(relative)}`, text);
  }

  test.each([
    ["a flat file of a known product (cuda 13.4.2)", "modules/newer/cuda/redistrib_13.4.2.json", "misspelt-flat/cuda", ["cuda", "manifests", "13.4.2", "redistrib", "cccl"]],
    ["a variant file (cuDNN 9.12.0)", "modules/newer/cudnn/redistrib_9.12.0.json", "misspelt-variants/cudnn", ["newer", "manifests", "cudnn", "9.12.0", "cudnn"]],
  ])("a misspelt platform in %s is an error at the platform, suggesting the close known name", (_what, relative, folder, packagePath) => {
    const written = misspelt(relative, folder);
    const found = check([written.file]);
    expect(found.map(summary)).toEqual([
      expected("InvalidDefinition", "error", [...packagePath, "linux-x86-64"], written, '"linux-x86-64"'),
      expected("InvalidDefinition", "error", [...packagePath, "windows-amd64"], written, '"windows-amd64"'),
    ]);
    expect(found[0]!.message).toContain("`linux-x86-64'");
    expect(found[0]!.message).toContain("is not a known platform. Did you mean `linux-x86_64'?");
    // The closest name by edits: `windows-arm64' (two edits), though amd64 is x86_64's other name.
    expect(found[1]!.message).toContain("is not a known platform. Did you mean `windows-");
  });
});

describe("4. the mixed entry of cuDNN 9.27.0", () => {
  test("a copy gives exactly one warning, naming both archives and saying the variant's is used", () => {
    const written = write("mixed/cudnn/redistrib_9.27.0.json", realText("modules/newer/cudnn/redistrib_9.27.0.json"));
    const found = check([written.file]);
    expect(found.map(summary)).toEqual([
      expected("InvalidDefinition", "warning", ["newer", "manifests", "cudnn", "9.27.0", "cudnn", "windows-arm64"], written, '"windows-arm64"'),
    ]);
    expect(found[0]!.locations[0]!.line).toBe(56);
    const entry = (JSON.parse(written.text) as Json)["cudnn"]["windows-arm64"] as Json;
    const message = found[0]!.message;
    expect(message).toContain(entry["relative_path"]);
    expect(message).toContain(entry["cuda13"]["relative_path"]);
    expect(message).toContain(`A build uses the variant's archive, \`cuda13' (${entry["cuda13"]["relative_path"]})`);
    expect(message).toContain("ignores the flat one");
  });
});

describe("5. what a file says of itself", () => {
  const nvpl = realText("modules/newer/nvpl/redistrib_26.5.json");

  test("a release_label other than the file name's version is an error at release_label, on its line", () => {
    const written = write("label/nvpl/redistrib_26.6.json", nvpl);
    const found = check([written.file]);
    expect(found.map(summary)).toEqual([
      expected("InvalidDefinition", "error", ["newer", "manifests", "nvpl", "26.6", "release_label"], written, '"release_label"'),
    ]);
    expect(found[0]!.message).toContain('is "26.5", but the file name says version 26.6');
  });

  test("release_product nvpl in a folder cuda/ is an error at release_product", () => {
    const written = write("folder/cuda/redistrib_26.5.json", nvpl);
    const found = check([written.file]);
    expect(found.map(summary)).toEqual([
      expected("InvalidDefinition", "error", ["newer", "manifests", "nvpl", "26.5", "release_product"], written, '"release_product"'),
    ]);
    expect(found[0]!.message).toContain('is "nvpl", but the folder it is in names the product "cuda"');
  });

  test("release_product nvpl with --product cudnn is an error at release_product", () => {
    const written = write("option/misc/redistrib_26.5.json", nvpl);
    const found = check([written.file], { product: "cudnn" });
    expect(found.map(summary)).toEqual([
      expected("InvalidDefinition", "error", ["newer", "manifests", "cudnn", "26.5", "release_product"], written, '"release_product"'),
    ]);
    expect(found[0]!.message).toContain('is "nvpl", but --product names the product "cudnn"');
  });
});

describe("6. copies of one manifest in one check", () => {
  test("each copy is checked on its own: one NoDefinition, in the broken copy, in either order", () => {
    const nvpl = realText("modules/newer/nvpl/redistrib_26.5.json");
    const data = JSON.parse(nvpl) as Json;
    delete data["nvpl_fft"]["name"];
    const good = write("copies/a/nvpl/redistrib_26.5.json", nvpl);
    const broken = write("copies/b/nvpl/redistrib_26.5.json", data);
    const forward = check([good.file, broken.file]);
    expect(forward.map(summary)).toEqual([
      expected("NoDefinition", "error", ["newer", "manifests", "nvpl", "26.5", "nvpl_fft", "name"], broken, '"nvpl_fft"'),
    ]);
    expect(check([broken.file, good.file])).toEqual(forward);
  });
});

describe("7. every diagnostic", () => {
  // Runs last: the files are those the tests above wrote (vitest runs a file's tests in order).
  test("of every file written here, checked at once, is well formed and has a line", () => {
    const written = readdirSync(dir, { recursive: true, encoding: "utf8" })
      .filter((name) => name.endsWith(".json"))
      .map((name) => path.join(dir, name))
      .sort();
    expect(written.length).toBeGreaterThan(20);
    const found = check(written);
    expect(found.length).toBeGreaterThan(10);
    expect(found.every((d) => written.includes(d.locations[0]!.file))).toBe(true);
  });
});

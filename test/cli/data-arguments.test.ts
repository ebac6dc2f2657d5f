// End to end: `plan` and `eval` take the data files `check` takes (manifests, feature manifests,
// release lists), each in place of the bundled file of the same product and version, checked
// first; the bundled manifests of modules/newer are evaluated too.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { positionOf, root, runCli } from "./run-cli.js";

type Json = Record<string, any>;

const dir = mkdtempSync(path.join(tmpdir(), "cuda-modules-data-arguments-"));
const real = (relative: string): Json => JSON.parse(readFileSync(path.join(root, relative), "utf8")) as Json;

/** Writes `data` as NVIDIA writes it at `relative` under the scratch folder; returns the path and text. */
function write(relative: string, data: Json): { file: string; text: string } {
  const file = path.join(dir, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  const text = `${JSON.stringify(data, null, 4)}\n`;
  writeFileSync(file, text);
  return { file, text };
}

// A pull request's CUDA 12.9.0: 12.9.1's packages, relabelled, with cuda_nvcc's version moved.
const pr1290 = real("modules/cuda/manifests/redistrib_12.9.1.json");
pr1290["release_label"] = "12.9.0";
pr1290["cuda_nvcc"]["version"] = "12.9.0.1";
const given1290 = write("pr/cuda/redistrib_12.9.0.json", pr1290);

// A 12.9.1 that replaces the bundled one: the bundled feature manifest of 12.9.1 stays.
const pr1291 = real("modules/cuda/manifests/redistrib_12.9.1.json");
pr1291["cuda_cudart"]["version"] = "12.9.99";
const given1291 = write("replace/cuda/redistrib_12.9.1.json", pr1291);

// CUDA 13.4.2 with a cuda_compat published per major.minor release, as CUDA 13.1-13.3 publish it.
const variant1342 = real("modules/newer/cuda/redistrib_13.4.2.json");
const compatArchive = {
  relative_path: "cuda_compat/linux-sbsa/cuda_compat-linux-sbsa-13.4.1-archive.tar.xz",
  sha256: "a".repeat(64),
  md5: "b".repeat(32),
  size: "1000",
};
variant1342["cuda_compat"] = {
  name: "CUDA compat L4T",
  license: "CUDA Toolkit",
  license_path: "cuda_compat/LICENSE.txt",
  version: "13.4.1",
  cuda_variant: ["13.4"],
  "linux-sbsa": { "cuda13.4": compatArchive },
};
const givenVariant = write("variant/cuda/redistrib_13.4.2.json", variant1342);

// An NVPL manifest with a package's name missing.
const brokenNvpl = real("modules/newer/nvpl/redistrib_26.5.json");
delete brokenNvpl["nvpl_fft"]["name"];
const givenBroken = write("broken/nvpl/redistrib_26.5.json", brokenNvpl);

function json(stdout: string): Json {
  return JSON.parse(stdout) as Json;
}

describe("cuda-modules plan with data files", () => {
  test("a new CUDA version's manifest alone is planned: every package, outputs decided when the archive is unpacked", () => {
    const run = runCli(["plan", "--cuda", "12.9.0", "--system", "x86_64-linux", given1290.file]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const set = json(run.stdout);
    expect(set["cudaVersion"]).toBe("12.9.0");
    const packages = Object.keys(pr1290).filter((k) => !k.startsWith("release_"));
    for (const pname of packages) expect(Object.keys(set["packages"])).toContain(pname);
    const nvcc = set["packages"]["cuda_nvcc"];
    expect([nvcc.available, nvcc.plan.version, nvcc.plan.outputs, nvcc.plan.outputsDecided]).toEqual([true, "12.9.0.1", ["out"], "when the archive is unpacked"]);
    expect(nvcc.plan.src.url).toBe(`https://developer.download.nvidia.com/compute/cuda/redist/${pr1290["cuda_nvcc"]["linux-x86_64"]["relative_path"]}`);
  });

  test("a file stands in place of the bundled one of its version; the bundled feature manifest of that version still gives the outputs", () => {
    const run = runCli(["plan", "--cuda", "12.9.1", "--system", "x86_64-linux", "--package", "cuda_cudart", given1291.file]);
    expect(run.status).toBe(0);
    const cudart = json(run.stdout);
    expect(cudart["plan"]["version"]).toBe("12.9.99");
    expect(cudart["plan"]["outputs"]).toEqual(["out", "lib", "static", "dev", "stubs"]);
    expect(cudart["plan"]).not.toHaveProperty("outputsDecided");
    const bundled = json(runCli(["plan", "--cuda", "12.9.1", "--system", "x86_64-linux", "--package", "cuda_cudart"]).stdout);
    expect(bundled["plan"]["version"]).toBe(real("modules/cuda/manifests/redistrib_12.9.1.json")["cuda_cudart"]["version"]);
  });

  test("a CUDA manifest with variants: the version takes its major.minor variant's archive", () => {
    const run = runCli(["plan", "--cuda", "13.4.2", "--system", "aarch64-linux", "--package", "cuda_compat", givenVariant.file]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const compat = json(run.stdout);
    expect(compat["plan"]["src"]["url"]).toBe(`https://developer.download.nvidia.com/compute/cuda/redist/${compatArchive.relative_path}`);
    expect(compat["plan"]["version"]).toBe("13.4.1");
  });

  test("the bundled CUDA 13.4.2 of Nixpkgs' _cuda/manifests is planned: `--cuda 13.4`", () => {
    const run = runCli(["plan", "--cuda", "13.4", "--system", "x86_64-linux", "--package", "cuda_cudart"]);
    expect(run.status).toBe(0);
    const cudart = json(run.stdout);
    expect([cudart["available"], cudart["plan"]["version"], cudart["plan"]["outputsDecided"]]).toEqual([
      true,
      real("modules/newer/cuda/redistrib_13.4.2.json")["cuda_cudart"]["version"],
      "when the archive is unpacked",
    ]);
  });

  test("a file with errors is reported as check reports it, at its line, and nothing is planned (exit 1)", () => {
    const run = runCli(["plan", "--cuda", "12.2", "--system", "x86_64-linux", givenBroken.file]);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe("");
    const at = positionOf(givenBroken.text, '"nvpl_fft"');
    expect(run.stderr).toContain(`${givenBroken.file}:${at.line}:${at.column} error NoDefinition`);
    expect(run.stderr).toContain('newer.manifests.nvpl."26.5".nvpl_fft.name');
  });

  test("a file whose name does not say what it holds is a usage error (exit 2)", () => {
    const odd = write("odd/manifest.json", { release_label: "1" });
    const run = runCli(["plan", "--cuda", "12.2", "--system", "x86_64-linux", odd.file]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("cannot tell what");
  });

  test("a version no file and no bundled manifest has is a usage error that says how to plan it", () => {
    const run = runCli(["plan", "--cuda", "12.9.0", "--system", "x86_64-linux"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("Give the manifest of 12.9.0 as a file to plan it.");
  });
});

describe("cuda-modules eval with data files", () => {
  test("the bundled manifests of modules/newer are evaluated (newer.manifests is no longer empty)", () => {
    const run = runCli(["eval", "--attr", 'newer.manifests.nvpl."26.5".nvpl_blas.version']);
    expect([run.status, run.stdout]).toEqual([0, '"0.6.0"\n']);
    const products = json(runCli(["eval", "--attr", "newer.manifests"]).stdout);
    expect(Object.keys(products)).toEqual(expect.arrayContaining(["cublasmp", "cuda", "cudnn", "nvpl", "nvtiff", "tensorrt"]));
  });

  test("a data file stands in place of the bundled one, and --option names it with line and column", () => {
    const value = runCli(["eval", given1291.file, "--attr", 'cuda.manifests."12.9.1".redistrib.cuda_cudart.version']);
    expect([value.status, value.stdout]).toEqual([0, '"12.9.99"\n']);
    const option = runCli(["eval", given1291.file, "--option", 'cuda.manifests."12.9.1".redistrib.cuda_cudart.version']);
    expect(option.status).toBe(0);
    const at = positionOf(given1291.text, '"version"', '"cuda_cudart"');
    expect(option.stdout).toContain(`Defined by:\n  ${given1291.file}:${at.line}:${at.column}\n`);
  });

  test("a manifest of a product the project has never seen is evaluated as the generic product's", () => {
    const nvfoo = real("modules/newer/nvpl/redistrib_26.5.json");
    nvfoo["release_product"] = "nvfoo";
    nvfoo["release_label"] = "1.0";
    const given = write("nvfoo/redistrib_1.0.json", nvfoo);
    const run = runCli(["eval", given.file, "--attr", 'newer.manifests.nvfoo."1.0".nvpl_blas.name']);
    expect([run.status, run.stdout]).toEqual([0, '"NVPL BLAS"\n']);
  });
});

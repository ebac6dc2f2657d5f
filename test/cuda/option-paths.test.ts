// Where a manifest's data goes: the current format (packages with `cuda_variant`, or platform
// entries nesting archives per CUDA variant) is told from the older one by scanning the data,
// without running a getter.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { hasCudaVariants, manifestOptionPath } from "../../modules/option-paths.js";

const archive = { relative_path: "a.tar.xz", sha256: "0".repeat(64), md5: "0".repeat(32), size: "1" };
const readJson = (file: string): unknown => JSON.parse(readFileSync(new URL(`../../${file}`, import.meta.url), "utf8"));

describe("hasCudaVariants", () => {
  it("tells the formats apart on small data", () => {
    expect(hasCudaVariants({ release_date: "2024-01-01", cudart: { name: "x", "linux-x86_64": archive } })).toBe(false);
    expect(hasCudaVariants({ cudnn: { cuda_variant: ["12"], "linux-x86_64": archive } })).toBe(true);
    expect(hasCudaVariants({ cudnn: { "linux-x86_64": { cuda12: archive } } })).toBe(true);
    expect(hasCudaVariants({ cudnn: { "linux-x86_64": { ...archive, cuda12: archive } } })).toBe(true);
    // Nested sets without a variant key are not variants.
    expect(hasCudaVariants({ cudnn: { "linux-x86_64": { other: archive } } })).toBe(false);
    expect(hasCudaVariants(null)).toBe(false);
    expect(hasCudaVariants([{ cuda_variant: ["12"] }])).toBe(false);
  });

  it("runs no getter: a computed package says nothing of variants", () => {
    const data = {
      get cudnn(): unknown {
        throw new Error("a getter was run");
      },
      cudart: { "linux-x86_64": archive },
    };
    expect(hasCudaVariants(data)).toBe(false);
    const nested = { cudnn: { get "linux-x86_64"(): unknown { throw new Error("a getter was run"); }, "linux-sbsa": { cuda12: archive } } };
    expect(hasCudaVariants(nested)).toBe(true);
  });

  it("tells the formats apart on the bundled manifests", () => {
    expect(hasCudaVariants(readJson("modules/cuda/manifests/redistrib_12.5.0.json"))).toBe(false);
    expect(hasCudaVariants(readJson("modules/newer/cudnn/redistrib_9.8.0.json"))).toBe(true);
    expect(manifestOptionPath("cuda", "redistrib", "12.5.0", readJson("modules/cuda/manifests/redistrib_12.5.0.json"))).toEqual(["cuda", "manifests", "12.5.0", "redistrib"]);
  });
});

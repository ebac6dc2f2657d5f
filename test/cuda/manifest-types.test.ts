// The static types of the checked values are inferred from the modules' option declarations
// (ConfigOf/ValueOf), so a change of a declaration changes them; `tsc --noEmit` checks these.
import { describe, expectTypeOf, test } from "vitest";
import type { FeatureOutputs, RedistribArchive, RedistribManifest, RedistribPackage } from "../../src/cuda/manifest.js";
import type { Release } from "../../src/cuda/select-releases.js";

describe("the Manifest types follow the option declarations", () => {
  test("redistrib: declared fields typed, the rest free-form entries", () => {
    expectTypeOf<RedistribArchive>().toEqualTypeOf<{ readonly relative_path: string; readonly sha256: string; readonly md5: string; readonly size: string }>();
    expectTypeOf<RedistribPackage["license_path"]>().toEqualTypeOf<string | null>();
    expectTypeOf<RedistribPackage[string]>().toEqualTypeOf<RedistribArchive | string | null>();
    expectTypeOf<RedistribManifest["release_date"]>().toEqualTypeOf<string | null>();
  });

  test("feature outputs are six booleans", () => {
    expectTypeOf<keyof FeatureOutputs>().toEqualTypeOf<"bin" | "dev" | "doc" | "lib" | "sample" | "static">();
    expectTypeOf<FeatureOutputs["static"]>().toEqualTypeOf<boolean>();
  });

  test("a release has its four declared strings and free-form extras", () => {
    expectTypeOf<Release["version"]>().toEqualTypeOf<string>();
    expectTypeOf<Release["url"]>().toEqualTypeOf<unknown>();
  });
});

/**
 * The CUDA layer's non-throwing forms, for tools that embed the checker: each returns an fp-ts
 * `Either` whose left side is diagnostics (kind, option path, message, file positions where known),
 * the same shape `cuda-modules check --format json` prints.
 */
import * as E from "fp-ts/lib/Either.js";
import { diagnosticOf, type Diagnostic, type Evaluation, type Locator } from "../lib/index.js";
import { buildPlan, type BuildPlan, type BuildPlanArgs } from "./build-plan.js";
import { checkDataFiles, classifyDataFile, type CheckDiagnostic, type CheckFilesOptions, type DataFileKind } from "./check-files.js";
import { evaluateCuda } from "./evaluate.js";
import { checkManifest, checkReleaseList, type Manifest, type ReleaseList } from "./manifest.js";
import { cudaPackages, type CudaPackageSet, type CudaPackagesArgs } from "./package-set.js";

/** {@link evaluateCuda} under the name the library's users look for: the CUDA modules evaluated with manifests and release lists. */
export const evaluateManifests: typeof evaluateCuda = evaluateCuda;

function attempt<T>(run: () => T, locate?: Locator): E.Either<Diagnostic[], T> {
  try {
    return E.right(run());
  } catch (e) {
    return E.left([diagnosticOf(e, locate)]);
  }
}

/** The left side of a check of the engine's errors, as diagnostics. */
function diagnosticsOf<T>(result: E.Either<readonly unknown[], T>, locate?: Locator): E.Either<Diagnostic[], T> {
  return E.mapLeft((errors: readonly unknown[]) => errors.map((e) => diagnosticOf(e, locate)))(result);
}

/**
 * The checked manifests of `product` at `version`, or diagnostics.
 * @example checkManifestE(evaluation, "cuda", "12.2.2") // E.right(manifest)
 */
export function checkManifestE(evaluation: Evaluation, product: string, version: string, locate?: Locator): E.Either<Diagnostic[], Manifest> {
  return E.flatten(attempt(() => diagnosticsOf(checkManifest(evaluation, product, version), locate), locate));
}

/**
 * The checked release list of `product`, or diagnostics.
 * @example checkReleaseListE(evaluation, "cudnn") // E.right(releaseList)
 */
export function checkReleaseListE(evaluation: Evaluation, product: string, locate?: Locator): E.Either<Diagnostic[], ReleaseList> {
  return E.flatten(attempt(() => diagnosticsOf(checkReleaseList(evaluation, product), locate), locate));
}

/**
 * {@link buildPlan} without throwing: the plan, or a diagnostic (no feature manifest, an unknown
 * package, an unknown system, an escaping path).
 * @example buildPlanE({ manifest, pname: "cuda_cudart", system: "x86_64-linux", cudaVersion: "12.2" })
 */
export function buildPlanE(args: BuildPlanArgs): E.Either<Diagnostic[], BuildPlan> {
  return attempt(() => buildPlan(args));
}

/**
 * {@link cudaPackages} without throwing: the package set, or a diagnostic of bad input.
 * @example cudaPackagesE({ evaluation, cudaVersion: "12.2.2", system: "x86_64-darwin" }) // E.left([{ kind: "InvalidDefinition", … }]) (unknown system)
 */
export function cudaPackagesE(args: CudaPackagesArgs): E.Either<Diagnostic[], CudaPackageSet> {
  return attempt(() => cudaPackages(args));
}

/**
 * Checks manifest and release-list files as `cuda-modules check` does: the files read when every
 * one is valid (warnings such as a byte-order mark do not fail it), or every error and warning.
 * A file whose kind its name does not tell needs `kind`.
 * @example checkFilesE(["modules/cuda/manifests/redistrib_12.2.2.json"]) // E.right([…the file])
 */
export function checkFilesE(
  paths: readonly string[],
  options: CheckFilesOptions & { readonly kind?: DataFileKind } = {},
): E.Either<CheckDiagnostic[], readonly string[]> {
  // Whatever it is given (not a list, not strings, options that throw), it answers with diagnostics.
  if (!Array.isArray(paths) || paths.some((p) => typeof p !== "string")) {
    return E.left([{ kind: "ReadError", severity: "error", path: [], message: `checkFilesE needs a list of file paths; it was given ${Array.isArray(paths) ? "a list holding something other than strings" : String(paths === null ? "null" : typeof paths)}.`, locations: [] }]);
  }
  try {
    const classified = paths.map((p) => classifyDataFile(p, options?.kind));
    const unknown: CheckDiagnostic[] = classified.flatMap((c, i) =>
      E.isLeft(c) ? [{ kind: "ReadError", severity: "error", path: [], message: c.left, locations: [{ file: paths[i]! }] } satisfies CheckDiagnostic] : [],
    );
    if (unknown.length > 0) return E.left(unknown);
    const result = checkDataFiles(
      classified.flatMap((c) => (E.isRight(c) ? [c.right] : [])),
      options ?? {},
    );
    return result.diagnostics.some((d) => d.severity === "error") ? E.left([...result.diagnostics]) : E.right(result.files);
  } catch (e) {
    return E.left([diagnosticOf(e)]);
  }
}

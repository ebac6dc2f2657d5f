/**
 * `cuda-modules plan`: the build plans of the package set of one CUDA version on one system, from
 * the bundled manifests and release lists (with the files given in place of the bundled ones of
 * the same product and version), as JSON.
 */
import * as E from "fp-ts/lib/Either.js";
import { evaluateCuda } from "../cuda/evaluate.js";
import { cudaManifestVersions, cudaPackages } from "../cuda/package-set.js";
import { isMajorMinor } from "../cuda/cuda-version-map.js";
import { closestNames, isModuleError } from "../lib/index.js";
import { evaluationData } from "./data-arguments.js";
import { safeJsonText, safeText } from "./safe-text.js";

/** The options of `plan`. */
export interface PlanCommandOptions {
  readonly cuda: string;
  readonly system: string;
  readonly jetson?: boolean;
  readonly package?: string;
  /** The product of the manifests given, over their `release_product` and folder. */
  readonly product?: string;
  /** `--color` (true) or `--no-color` (false), for the diagnostics of the files given. */
  readonly color?: boolean;
}

/** Where `plan` writes. */
export interface PlanIo {
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream & { isTTY?: boolean };
}

/**
 * What `--cuda` names: a major.minor is a package set, whose manifest the version map of
 * `cuda/extension.nix` chooses (so `12.3` is made from 12.3.2 even if 12.3.9 is given); a longer
 * version is that manifest, which must be bundled or given; undefined when it is neither.
 * @example resolveCudaVersion("12.2", ["12.2.2", "12.3.0"]) // "12.2"
 * @example resolveCudaVersion("12.3.0", ["12.2.2", "12.3.0"]) // "12.3.0"
 */
export function resolveCudaVersion(asked: string, versions: readonly string[]): string | undefined {
  return isMajorMinor(asked) || versions.includes(asked) ? asked : undefined;
}

/**
 * Runs `plan` on the bundled data and `files` (manifests, feature manifests, release lists, each in
 * place of the bundled file it stands for); returns the exit status (0 printed, 1 the data has
 * errors, 2 usage).
 */
export function runPlan(options: PlanCommandOptions, io: PlanIo, files: readonly string[] = []): number {
  const data = evaluationData(files, { ...(options.product === undefined ? {} : { product: options.product }), ...(options.color === undefined ? {} : { color: options.color }) }, io, "plan");
  if (E.isLeft(data)) return data.left;
  const evaluation = evaluateCuda(data.right);
  const versions = cudaManifestVersions(evaluation);
  const cudaVersion = resolveCudaVersion(options.cuda, versions);
  if (cudaVersion === undefined) {
    io.stderr.write(safeText(`cuda-modules plan: no CUDA manifest has version ${options.cuda}; the versions are ${versions.join(", ")}. Give the manifest of ${options.cuda} as a file to plan it.\n`));
    return 2;
  }
  let set: ReturnType<typeof cudaPackages>;
  try {
    set = cudaPackages({ evaluation, cudaVersion, system: options.system, jetson: options.jetson ?? false });
  } catch (e) {
    if (isModuleError(e) && e.path?.[0] === "system") {
      io.stderr.write(safeText(`cuda-modules plan: ${e.message}\n`));
      return 2;
    }
    if (isModuleError(e)) {
      io.stderr.write(safeText(`cuda-modules plan: the data has an error (run cuda-modules check on it): ${e.message}\n`));
      return 1;
    }
    throw e;
  }
  if (options.package !== undefined) {
    const entry = set.packages[options.package];
    if (entry === undefined) {
      const close = closestNames(options.package, Object.keys(set.packages));
      io.stderr.write(safeText(`cuda-modules plan: CUDA ${set.cudaVersion ?? cudaVersion} has no package ${options.package}.${close.length > 0 ? ` Did you mean ${close.join(" or ")}?` : ""}\n`));
      return 2;
    }
    io.stdout.write(`${safeJsonText(JSON.stringify({ name: options.package, ...entry }, null, 2))}\n`);
    return 0;
  }
  io.stdout.write(`${safeJsonText(JSON.stringify(set, null, 2))}\n`);
  return 0;
}

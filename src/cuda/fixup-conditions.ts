/**
 * Evaluation of the fixup table's conditions and templates (`fixups.ts`) against one package of
 * one package set: what Nixpkgs' fixup functions compute from `cudaOlder`, `flags`, the release
 * and their sibling packages.
 */
import type { FixupCondition, Conditional } from "./fixups.js";
import { majorMinor, splitVersion, versionAtLeast, versionOlder } from "./versions.js";

/**
 * What a fixup's conditions may read.
 *
 * @example
 * const context: FixupContext = { cudaMajorMinorVersion: "12.2", system: "x86_64-linux", jetson: false, version: "12.2.140", release: null, siblings: new Set(["libcublas"]), cudnn: null };
 */
export interface FixupContext {
  readonly cudaMajorMinorVersion: string;
  readonly system: string;
  readonly jetson: boolean;
  /** The package's version. */
  readonly version: string;
  /** The CUDA range of a release list entry (cuDNN, TensorRT), and TensorRT's cuDNN major.minor. */
  readonly release: { readonly minCudaVersion: string; readonly maxCudaVersion: string; readonly cudnnVersion?: string | null } | null;
  /** The pnames of the CUDA redist packages of the set. */
  readonly siblings: ReadonlySet<string>;
  /** The cuDNN TensorRT uses: its attribute name and version. */
  readonly cudnn: { readonly name: string; readonly version: string } | null;
}

/**
 * Whether `condition` holds for the package in `context`.
 *
 * @example
 * holds({ kind: "cudaAtLeast", version: "12.0" }, context) // true for CUDA 12.2
 */
export function holds(condition: FixupCondition, context: FixupContext): boolean {
  const cuda = context.cudaMajorMinorVersion;
  switch (condition.kind) {
    case "always":
      return true;
    case "cudaAtLeast":
      return versionAtLeast(cuda, condition.version);
    case "cudaOlder":
      return versionOlder(cuda, condition.version);
    case "jetsonBuild":
      return context.jetson;
    case "notJetsonBuild":
      return !context.jetson;
    case "systemIn":
      return condition.systems.includes(context.system);
    case "systemNotIn":
      return !condition.systems.includes(context.system);
    case "versionAtLeast":
      return versionAtLeast(context.version, condition.version);
    case "versionOlder":
      return versionOlder(context.version, condition.version);
    case "versionHasPrefix":
      return context.version.startsWith(condition.prefix);
    case "cudaBelowReleaseMin":
      return context.release !== null && versionOlder(cuda, context.release.minCudaVersion);
    case "cudaAboveReleaseMax":
      return context.release !== null && versionOlder(context.release.maxCudaVersion, cuda);
    case "cudnnTooOld":
    case "cudnnTooNew": {
      const wanted = context.release?.cudnnVersion ?? null;
      if (wanted === null || context.cudnn === null) return false;
      const provided = majorMinor(context.cudnn.version);
      return condition.kind === "cudnnTooOld" ? versionOlder(provided, wanted) : versionOlder(wanted, provided);
    }
    case "siblingMissing":
      return !context.siblings.has(condition.pname);
    case "hostIsAarch64":
      return context.system.startsWith("aarch64-");
    case "never":
      return false;
    case "allOf":
      return condition.conditions.every((c) => holds(c, context));
    case "anyOf":
      return condition.conditions.some((c) => holds(c, context));
    default: {
      const unreachable: never = condition;
      return unreachable;
    }
  }
}

/**
 * The values of `entries` whose condition holds, templates filled in, in table order.
 *
 * @example
 * selectConditionals(["zlib", { value: "cudatoolkit", when: { kind: "cudaOlder", version: "11.3.999" } }], context) // ["zlib"]
 */
export function selectConditionals(entries: readonly Conditional[] | undefined, context: FixupContext): string[] {
  return (entries ?? [])
    .filter((entry) => typeof entry === "string" || holds(entry.when, context))
    .map((entry) => fillTemplate(typeof entry === "string" ? entry : entry.value, context));
}

/**
 * A table string with its placeholders filled in (`fixups.ts` lists them). `{cudnn}` stays as it
 * is when the package uses no cuDNN.
 *
 * @example
 * fillTemplate("TensorRT-{version}", context) // "TensorRT-10.9.0.34"
 */
export function fillTemplate(template: string, context: FixupContext): string {
  const arch = context.system.split("-")[0] ?? context.system;
  return template
    .replaceAll("{versionTriple}", splitVersion(context.version).slice(0, 3).join("."))
    .replaceAll("{version}", context.version)
    .replaceAll("{targetTriple}", `${arch}-linux-gnu`)
    .replaceAll("{system}", context.system)
    .replaceAll("{cudnn}", context.cudnn?.name ?? "{cudnn}");
}

/**
 * Each reason of `conditions` with whether it holds, in table order.
 *
 * @example
 * evaluateConditions({ "CUDA is older than 11.8": { kind: "cudaOlder", version: "11.8" } }, context) // { "CUDA is older than 11.8": false }
 */
export function evaluateConditions(conditions: Readonly<Record<string, FixupCondition>> | undefined, context: FixupContext): Record<string, boolean> {
  const out: Record<string, boolean> = {};
  for (const [reason, condition] of Object.entries(conditions ?? {})) out[reason] = holds(condition, context);
  return out;
}

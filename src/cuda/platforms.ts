/**
 * The platform table: which NVIDIA redist platform serves a Nix system (spec 2.2, 5.2), and back.
 * It is the one table of the project; the [late] `getRedistSystem` and `getNixSystems` of
 * `select-releases.ts` are views of it that leave out the platforms the [late] period dropped.
 */
import { ModuleError } from "../lib/errors.js";

/**
 * One row of the platform table: a Nix system, whether the build targets Jetson devices, and the
 * NVIDIA platform whose archives it uses.
 *
 * @example
 * const row: PlatformRow = { system: "aarch64-linux", jetson: true, redistSystem: "linux-aarch64", droppedInLatePeriod: false };
 */
export interface PlatformRow {
  readonly system: string;
  readonly jetson: boolean;
  readonly redistSystem: string;
  /** Nixpkgs' [late] `getRedistSystem` maps this system to "unsupported" (ppc64le and Windows, spec 5.2). */
  readonly droppedInLatePeriod: boolean;
}

/**
 * Every system the builders plan for, with its NVIDIA platform ([early/mid] `flags.getRedistArch`,
 * spec 5.2). The Nix system of ppc64le is written as Nix spells it, `powerpc64le-linux`; Nixpkgs'
 * `flags.nix` wrote `ppc64le-linux`, a name no Nix platform has.
 *
 * @example
 * platformTable.map((row) => row.redistSystem) // ["linux-x86_64", "linux-sbsa", "linux-aarch64", "linux-ppc64le", "windows-x86_64"]
 */
export const platformTable: readonly PlatformRow[] = [
  { system: "x86_64-linux", jetson: false, redistSystem: "linux-x86_64", droppedInLatePeriod: false },
  { system: "aarch64-linux", jetson: false, redistSystem: "linux-sbsa", droppedInLatePeriod: false },
  { system: "aarch64-linux", jetson: true, redistSystem: "linux-aarch64", droppedInLatePeriod: false },
  { system: "powerpc64le-linux", jetson: false, redistSystem: "linux-ppc64le", droppedInLatePeriod: true },
  { system: "x86_64-windows", jetson: false, redistSystem: "windows-x86_64", droppedInLatePeriod: true },
];

/**
 * NVIDIA's platform-independent pseudo-platforms ([late], spec 2.2 and 10): their archives serve
 * every Linux system of the table that Nixpkgs' [late] `getNixSystems` knows.
 *
 * @example
 * pseudoPlatforms.includes("linux-all") // true
 */
export const pseudoPlatforms: readonly string[] = ["linux-all", "source"];

/**
 * Every platform name NVIDIA's manifests and the release lists use (spec 2.2 and 10): the one list
 * the checks read. A platform NVIDIA adds is one entry here (`windows-arm64` came with CUDA 13.4
 * and cuDNN 9.27); a Nix system it serves is a row of {@link platformTable}.
 *
 * @example
 * redistSystems.includes("windows-arm64") // true
 */
export const redistSystems: readonly string[] = [
  "linux-aarch64",
  "linux-all",
  "linux-ppc64le",
  "linux-sbsa",
  "linux-x86_64",
  "source",
  "windows-arm64",
  "windows-x86_64",
];

/**
 * What a build is for: a Nix system and whether Jetson capabilities are requested (Nixpkgs'
 * `isJetsonBuild`, which only aarch64 builds can be).
 *
 * @example
 * const jetson: BuildTarget = { system: "aarch64-linux", jetson: true };
 */
export interface BuildTarget {
  readonly system: string;
  readonly jetson: boolean;
}

/**
 * The name of a target in file names and messages: the system, with `-jetson` for Jetson builds.
 *
 * @example
 * targetName({ system: "aarch64-linux", jetson: true }) // "aarch64-linux-jetson"
 */
export function targetName(target: BuildTarget): string {
  return target.jetson ? `${target.system}-jetson` : target.system;
}

/**
 * Every target of the table, in its order.
 *
 * @example
 * buildTargets().map(targetName) // ["x86_64-linux", "aarch64-linux", "aarch64-linux-jetson", "powerpc64le-linux", "x86_64-windows"]
 */
export function buildTargets(): BuildTarget[] {
  return platformTable.map(({ system, jetson }) => ({ system, jetson }));
}

/** The known targets, as a sentence lists them. */
function knownTargets(): string {
  return platformTable.map((row) => (row.jetson ? `${row.system} (with Jetson capabilities)` : row.system)).join(", ");
}

/**
 * The row of the table that serves `target`. An unknown system, or Jetson on a system without
 * Jetson devices, is an error naming the known ones: a typo must not quietly become "unsupported".
 *
 * @example
 * platformOf({ system: "aarch64-linux", jetson: false }).redistSystem // "linux-sbsa"
 */
export function platformOf(target: BuildTarget): PlatformRow {
  const row = platformTable.find((r) => r.system === target.system && r.jetson === target.jetson);
  if (row !== undefined) return row;
  const systemKnown = platformTable.some((r) => r.system === target.system);
  throw new ModuleError({
    kind: "InvalidDefinition",
    path: ["system"],
    message: systemKnown
      ? `Jetson capabilities were requested for ${target.system}, but only aarch64-linux has Jetson devices; ` +
        `build for aarch64-linux, or without Jetson capabilities.`
      : `${JSON.stringify(target.system)} is not a system the CUDA packages are planned for. ` +
        `The known systems are ${knownTargets()}; use one of them.`,
  });
}

/**
 * The Nix systems an NVIDIA platform serves, by the table (the reverse of {@link platformOf});
 * both Linux systems of the [late] period for a pseudo-platform, none for an unknown name.
 *
 * @example
 * nixSystemsOf("linux-ppc64le") // ["powerpc64le-linux"]
 * nixSystemsOf("linux-all") // ["aarch64-linux", "x86_64-linux"]
 */
export function nixSystemsOf(redistSystem: string): string[] {
  if (pseudoPlatforms.includes(redistSystem)) {
    return [...new Set(platformTable.filter((r) => !r.droppedInLatePeriod).map((r) => r.system))].sort();
  }
  return platformTable.filter((r) => r.redistSystem === redistSystem).map((r) => r.system);
}

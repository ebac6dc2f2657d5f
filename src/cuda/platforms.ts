/**
 * The platform table of the reference revision (Nixpkgs `_cuda/lib/redist.nix`, faukah/nixpkgs@3b20077c):
 * which NVIDIA redist platform serves a Nix system (`getRedistSystem`), which Nix systems a redist
 * platform serves (`getNixSystems`), and the targets the goldens plan for. Every other system is
 * `"unsupported"`: Nixpkgs evaluates its CUDA packages there too, as unavailable (spec 5.2 [late]).
 */
import { ModuleError } from "../lib/errors.js";
import { levenshtein } from "../lib/suggest.js";

/**
 * One row of the platform table: a Nix system, whether the build targets Jetson devices, and the
 * NVIDIA platform whose archives it uses.
 *
 * @example
 * const row: PlatformRow = { system: "aarch64-linux", jetson: true, redistSystem: "linux-aarch64" };
 */
export interface PlatformRow {
  readonly system: string;
  readonly jetson: boolean;
  readonly redistSystem: string;
}

/**
 * The systems Nixpkgs' `_cuda/lib/redist.nix` (`getRedistSystem`) serves, with their NVIDIA
 * platform: aarch64-linux is Jetson (`linux-aarch64`) only when a Jetson capability is requested.
 * ppc64le and Windows are not rows: the reference revision maps them to "unsupported".
 *
 * @example
 * platformTable.map((row) => row.redistSystem) // ["linux-x86_64", "linux-sbsa", "linux-aarch64"]
 */
export const platformTable: readonly PlatformRow[] = [
  { system: "x86_64-linux", jetson: false, redistSystem: "linux-x86_64" },
  { system: "aarch64-linux", jetson: false, redistSystem: "linux-sbsa" },
  { system: "aarch64-linux", jetson: true, redistSystem: "linux-aarch64" },
];

/**
 * What `getRedistSystem` returns for a system it does not serve (`_cuda/lib/redist.nix`).
 *
 * @example
 * getRedistSystem(false, "x86_64-darwin") === unsupportedRedistSystem // true
 */
export const unsupportedRedistSystem = "unsupported";

/**
 * NVIDIA's platform-independent pseudo-platforms: `getNixSystems` gives both Linux systems for
 * them (`_cuda/lib/redist.nix`).
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
 * The redist platform of a Nix host system, as `_cuda/lib/redist.nix`'s `getRedistSystem`
 * computes it: `"unsupported"` for every system but x86_64-linux and aarch64-linux (ppc64le,
 * Windows and Darwin alike). It never throws: Nixpkgs evaluates every package set on every system.
 *
 * @example
 * getRedistSystem(false, "aarch64-linux") // "linux-sbsa"
 * getRedistSystem(true, "aarch64-linux") // "linux-aarch64"
 * getRedistSystem(false, "powerpc64le-linux") // "unsupported"
 */
export function getRedistSystem(hasJetson: boolean, nixSystem: string): string {
  // On x86_64-linux the flag changes nothing, as in Nixpkgs.
  const rows = platformTable.filter((row) => row.system === nixSystem);
  const row = rows.find((r) => r.jetson === hasJetson) ?? (rows.length === 1 ? rows[0] : undefined);
  return row?.redistSystem ?? unsupportedRedistSystem;
}

/**
 * The Nix systems a redist platform serves, as `_cuda/lib/redist.nix`'s `getNixSystems` computes
 * them: both Linux systems for `linux-all` and `source`, none for ppc64le, Windows, `unsupported`
 * and unknown names. `meta.platforms` and the "No source" condition are made of it.
 *
 * @example
 * getNixSystems("linux-all") // ["aarch64-linux", "x86_64-linux"]
 * getNixSystems("windows-x86_64") // []
 */
export function getNixSystems(redistSystem: string): string[] {
  if (pseudoPlatforms.includes(redistSystem)) return ["aarch64-linux", "x86_64-linux"];
  return [...new Set(platformTable.filter((r) => r.redistSystem === redistSystem).map((r) => r.system))];
}

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
 * The targets the goldens plan for: the rows of the table, then the two systems NVIDIA still
 * publishes archives for that the reference revision maps to "unsupported" (powerpc64le-linux,
 * x86_64-windows), whose plans show what an unsupported host gets.
 *
 * @example
 * buildTargets().map(targetName) // ["x86_64-linux", "aarch64-linux", "aarch64-linux-jetson", "powerpc64le-linux", "x86_64-windows"]
 */
export function buildTargets(): BuildTarget[] {
  return [
    ...platformTable.map(({ system, jetson }) => ({ system, jetson })),
    { system: "powerpc64le-linux", jetson: false },
    { system: "x86_64-windows", jetson: false },
  ];
}

const nixSystemPattern = /^[a-z0-9_]+-[a-z0-9_]+$/;

/**
 * The row that serves `target`, or an "unsupported" row for any other Nix system, as
 * `getRedistSystem` makes it. Two inputs are errors rather than "unsupported", so that a typo is not
 * quietly planned as an unsupported host: a name that is not of the form `<cpu>-<kernel>`, and one a
 * couple of edits from a supported system (`x86_64-linus`). Jetson capabilities on a system without
 * Jetson devices are an error too.
 *
 * @example
 * platformOf({ system: "aarch64-linux", jetson: false }).redistSystem // "linux-sbsa"
 * platformOf({ system: "x86_64-darwin", jetson: false }).redistSystem // "unsupported"
 */
export function platformOf(target: BuildTarget): PlatformRow {
  const row = platformTable.find((r) => r.system === target.system && r.jetson === target.jetson);
  if (row !== undefined) return row;
  const supported = [...new Set(platformTable.map((r) => r.system))];
  if (target.jetson) {
    throw new ModuleError({
      kind: "InvalidDefinition",
      path: ["system"],
      message:
        `Jetson capabilities were requested for ${target.system}, but only aarch64-linux has Jetson devices; ` +
        `build for aarch64-linux, or without Jetson capabilities.`,
    });
  }
  const close = supported.filter((system) => levenshtein(target.system, system) <= 2);
  if (!nixSystemPattern.test(target.system) || close.length > 0) {
    throw new ModuleError({
      kind: "InvalidDefinition",
      path: ["system"],
      message:
        `${JSON.stringify(target.system)} is not a Nix system${close.length > 0 ? `; did you mean ${close.join(" or ")}?` : " (<cpu>-<kernel>, such as x86_64-linux)."} ` +
        `The CUDA packages are built for ${supported.join(" and ")} (aarch64-linux also with Jetson capabilities); ` +
        `any other Nix system, such as x86_64-darwin, is planned as "unsupported".`,
    });
  }
  return { system: target.system, jetson: false, redistSystem: unsupportedRedistSystem };
}

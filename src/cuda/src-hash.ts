/**
 * Archive hashes in both spellings a plan carries: the SRI string Nix fetchers take
 * (`sha256-<base64>`) and the hex digest NVIDIA's manifests write. One is derived from the other,
 * so a plan holds no hash that is not in the data.
 */
import { ModuleError, showOption } from "../lib/index.js";

/**
 * A SHA-256 hash as SRI and as hex.
 *
 * @example
 * const hash: Sha256 = { hash: "sha256-uuvTMSSbyg7fNndurZDmsgJP/uAeomzZ3Qc0S+vq/wg=", sha256: "baebd331…" };
 */
export interface Sha256 {
  /** The SRI form, as `fetchurl { hash }` takes it. */
  readonly hash: string;
  /** The hex form, as NVIDIA's manifests write it. */
  readonly sha256: string;
}

function invalid(path: readonly string[], value: string, expected: string): ModuleError {
  return new ModuleError({
    kind: "TypeMismatch",
    path,
    message: `The hash ${JSON.stringify(value)} at \`${showOption(path)}' is not ${expected}; correct it in the data that defines it.`,
  });
}

/**
 * A hash given as 64 hex digits (a redistrib manifest's `sha256`), with its SRI form.
 *
 * @example
 * fromHex("baebd331249bca0edf36776ead90e6b2024ffee01ea26cd9dd07344bebeaff08", path).hash // "sha256-uuvTMSSbyg7fNndurZDmsgJP/uAeomzZ3Qc0S+vq/wg="
 */
export function fromHex(hex: string, path: readonly string[]): Sha256 {
  if (!/^[0-9a-fA-F]{64}$/.test(hex)) throw invalid(path, hex, "a SHA-256 digest of 64 hex digits");
  const lower = hex.toLowerCase();
  return { hash: `sha256-${Buffer.from(lower, "hex").toString("base64")}`, sha256: lower };
}

/**
 * A hash given as an SRI string (a release list's `hash`), with its hex form. The `=` padding may
 * be missing, as Nix accepts it (`nix hash to-base16 sha256-…` gives the same digest either way):
 * the real cuDNN 9.3.0.75 entry for CUDA 11.8 lacks it. The plan keeps the string as written.
 *
 * @example
 * fromSri("sha256-uuvTMSSbyg7fNndurZDmsgJP/uAeomzZ3Qc0S+vq/wg=", path).sha256 // "baebd331…"
 */
export function fromSri(sri: string, path: readonly string[]): Sha256 {
  const match = /^sha256-([A-Za-z0-9+/]{43})(=?)$/.exec(sri);
  const bytes = match ? Buffer.from(`${match[1]!}=`, "base64") : undefined;
  if (bytes === undefined || bytes.length !== 32 || bytes.toString("base64") !== `${match![1]!}=`) {
    throw invalid(path, sri, "an SRI SHA-256 hash (sha256- and 43 base64 characters, then an optional =)");
  }
  return { hash: sri, sha256: bytes.toString("hex") };
}

/** Path types. JavaScript has no path values: a path is a string, absolute when it starts with "/". */
import { deepEqual } from "../attrs.js";
import { mergeEqualOption } from "../merge-helpers.js";
import { mkOptionType, type Definition, type OptionType } from "./type.js";

/** The parameters of {@link pathWith}: null leaves a property unconstrained. */
export interface PathSpec {
  inStore?: boolean | null;
  absolute?: boolean | null;
}

/** The components of `path` taken from the root, normalised as Nix normalises paths ("/." + path). */
function rootComponents(path: string): string[] {
  const out: string[] = [];
  for (const part of path.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") out.pop();
    else out.push(part);
  }
  return out;
}

/**
 * Whether `path` is in the Nix store, as Nixpkgs' `lib.path.hasStorePathPrefix` decides: below
 * /nix/store, with a first component of the shape `<32 characters>-<name>`.
 */
function hasStorePathPrefix(path: string): boolean {
  const components = rootComponents(path);
  const underStore =
    components.length > 2 && components[0] === "nix" && components[1] === "store" && /^.{32}-.+$/s.test(components[2]!);
  return underStore || (components.length > 0 && /^[0-9a-z]{52}$/.test(components[0]!));
}

/**
 * A path (a string) constrained to be absolute or relative, in the Nix store or outside it.
 * @example pathWith({ absolute: true })
 */
export function pathWith(spec: PathSpec = {}): OptionType<string> {
  const inStore = spec.inStore ?? null;
  const absolute = spec.absolute ?? null;
  if (inStore === true && absolute === false) throw new TypeError("In pathWith, inStore means the path must be absolute");
  const description =
    (absolute === null ? "" : absolute ? "absolute " : "relative ") +
    "path" +
    (inStore === null ? "" : inStore ? " in the Nix store" : " not in the Nix store");
  return mkOptionType<string>({
    name: "path",
    description,
    descriptionClass: "noun",
    check: (x) =>
      typeof x === "string" &&
      (inStore === null || inStore === hasStorePathPrefix(x)) &&
      (absolute === null || absolute === x.startsWith("/")),
    merge: mergeEqualOption as (loc: readonly string[], defs: readonly Definition[]) => string,
    functor: {
      name: "path",
      payload: { inStore, absolute },
      build: (p) => pathWith(p as PathSpec),
      binOp: (a, b) => (deepEqual(a, b) ? a : null),
    },
  });
}

/** An absolute path. */
export const path: OptionType<string> = pathWith({ absolute: true });
/** A path in the Nix store. */
export const pathInStore: OptionType<string> = pathWith({ inStore: true });
/** An absolute path outside the Nix store. */
export const externalPath: OptionType<string> = pathWith({ absolute: true, inStore: false });

/**
 * `mkPackageOption`: an option whose value is a package, by default the one at an attribute path
 * of a package set, with its documentation written as Nix code (`literalExpression`). The `package`
 * type it declares takes a derivation (a set whose `type` is "derivation") or a store path. A
 * package set here is a plain object; this library builds no derivations, it only carries them.
 */
import { attrByPath, isAttrs, type Attrs } from "./attrs.js";
import { ModuleError } from "./errors.js";
import { mergeOneOption } from "./merge-helpers.js";
import { escapeNixIdentifier } from "./option-docs.js";
import { mkOption, type OptionDeclaration } from "./options.js";
import { nullOr } from "./types/combinators.js";
import { mkOptionType, type OptionType } from "./types/type.js";

/** A derivation as Nix code sees one: a set whose `type` is "derivation" (Nixpkgs' `isDerivation`). */
export interface Derivation {
  readonly type: "derivation";
  readonly [attribute: string]: unknown;
}

/** Documentation text that is Nix code, for an option's `defaultText` or `example`. */
export interface LiteralExpression {
  readonly _type: "literalExpression";
  readonly text: string;
}

/**
 * Marks `text` as Nix code for documentation, where the value itself cannot be shown (a package
 * of the set, a value computed from the configuration).
 * @example mkOption({ type: types.str, default: "x", defaultText: literalExpression("config.name") })
 */
export function literalExpression(text: string): LiteralExpression {
  if (typeof text !== "string") throw new TypeError("literalExpression expects a string.");
  return { _type: "literalExpression", text };
}

/** Whether a value is a list (Nixpkgs' `isList`), for the settings that take a name or a list of names. */
function isList(value: unknown): value is readonly string[] {
  return Array.isArray(value);
}

/** Nixpkgs' `showAttrPath`: an attribute path as Nix code writes it (`pkgs."123".hello` without `pkgs.`). */
function showAttrPath(path: readonly string[]): string {
  return path.length === 0 ? "<root attribute path>" : path.map(escapeNixIdentifier).join(".");
}

/** Whether a value is a derivation (Nixpkgs' `isDerivation`). */
function isDerivation(value: unknown): value is Derivation {
  return isAttrs(value) && value["type"] === "derivation";
}

/** A value as Nix's `toString` gives it for the string-like values (strings and sets with `outPath` or `__toString`). */
function stringOf(value: unknown): string | null {
  if (typeof value === "string") return value;
  if (!isAttrs(value)) return null;
  const toString = value["__toString"];
  if (typeof toString === "function") return stringOf((toString as (self: unknown) => unknown)(value));
  return "outPath" in value ? stringOf(value["outPath"]) : null;
}

/**
 * Whether a value names a store object itself (Nixpkgs' `isStorePath`): an absolute path directly
 * under /nix/store, or a content-addressed path of 52 base-32 characters.
 */
function isStorePath(value: unknown): boolean {
  const path = stringOf(value);
  if (path === null || !path.startsWith("/")) return false;
  return path.slice(0, path.lastIndexOf("/")) === "/nix/store" || /^\/[0-9a-z]{52}$/.test(path);
}

/** Nixpkgs' `sanitizeDerivationName`: a name Nix accepts for a derivation. */
function sanitizeDerivationName(name: string): string {
  if (name.length <= 207 && /^[A-Za-z0-9+_?=-][A-Za-z0-9+._?=-]*$/.test(name)) return name;
  const sanitized = name.replace(/^\.*/, "").replace(/[^A-Za-z0-9+._?=-]+/g, "-");
  const cut = sanitized.slice(Math.max(sanitized.length - 207, 0));
  return cut.length === 0 ? "unknown" : cut;
}

/**
 * A store path as a derivation (Nixpkgs' `toDerivation`), named after the path without its hash.
 * Nix also checks that the path exists in the store; there is no store to ask here.
 */
function toDerivation(path: string): Derivation {
  const base = path.slice(path.lastIndexOf("/") + 1);
  const derivation: Attrs = { type: "derivation", name: sanitizeDerivationName(base.slice(33)), outPath: path, outputs: ["out"], outputName: "out" };
  derivation["out"] = derivation;
  return derivation as unknown as Derivation;
}

/**
 * A package: a derivation, or a store path (made into a derivation); one definition only. Nix keeps
 * a string that refers to a derivation (one with context) as it is; JavaScript strings have no
 * context, so every string becomes a derivation. Two declarations of it merge.
 */
export const packageType: OptionType<Derivation> = mkOptionType<Derivation>({
  name: "package",
  descriptionClass: "noun",
  check: (value) => isDerivation(value) || isStorePath(value),
  merge: (loc, defs) => {
    const value = mergeOneOption(loc, defs);
    return typeof value === "string" ? toDerivation(value) : (value as Derivation);
  },
  functor: { name: "package", payload: null, binOp: () => null, build: () => packageType },
});

/** The settings of {@link mkPackageOption}, each with Nixpkgs' default. */
export interface PackageOptionSpec {
  /**
   * Whether the option may be null (its type is then `null or package`).
   * @default false
   */
  readonly nullable?: boolean;
  /**
   * The attribute path of the default package in the set, a name or a list of names; null for no
   * default (or null, when nullable).
   * @default the package's name
   */
  readonly default?: string | readonly string[] | null;
  /** An example as Nix code, or the attribute path of an example package in the set. */
  readonly example?: string | readonly string[] | null;
  /**
   * A sentence added to the description.
   * @default ""
   */
  readonly extraDescription?: string;
  /**
   * How the documentation names the package set.
   * @default "pkgs"
   */
  readonly pkgsText?: string;
}

/**
 * An option for the package `name` (a name, or the attribute path of the package in `pkgs`),
 * described as "The <name> package to use.", whose default is that package of `pkgs` (read only
 * when the option is used) and is documented as `pkgs.<path>`.
 * @example mkPackageOption(pkgs, "hello", { extraDescription: "It greets." })
 * @example mkPackageOption(pkgs, ["python3Packages", "numpy"], { nullable: true, default: null })
 */
export function mkPackageOption(
  pkgs: Readonly<Attrs>,
  name: string | readonly string[],
  spec: PackageOptionSpec & { readonly nullable: true },
): OptionDeclaration<Derivation | null>;
export function mkPackageOption(pkgs: Readonly<Attrs>, name: string | readonly string[], spec?: PackageOptionSpec): OptionDeclaration<Derivation>;
export function mkPackageOption(
  pkgs: Readonly<Attrs>,
  name: string | readonly string[],
  spec: PackageOptionSpec = {},
): OptionDeclaration<Derivation> | OptionDeclaration<Derivation | null> {
  const nullable = spec.nullable ?? false;
  const pkgsText = spec.pkgsText ?? "pkgs";
  const extraDescription = spec.extraDescription ?? "";
  const defaultPath = spec.default === undefined ? name : spec.default;
  const shownName = isList(name) ? (name[name.length - 1] ?? "") : name;
  const declaration: Record<string, unknown> = {};
  if (defaultPath !== null) {
    const path = isList(defaultPath) ? defaultPath : [defaultPath];
    const defaultText = showAttrPath(path);
    Object.defineProperty(declaration, "default", {
      get: () => {
        const notFound = Symbol("not found");
        const found = attrByPath(path, notFound, pkgs);
        if (found !== notFound) return found;
        throw new ModuleError({
          kind: "InvalidModule",
          message:
            `${defaultText} cannot be found in ${pkgsText}. ` +
            "Give mkPackageOption the attribute path of a package of the set as `default`, or `default: null` for none.",
        });
      },
      enumerable: true,
    });
    declaration["defaultText"] = literalExpression(`${pkgsText}.${defaultText}`);
  } else if (nullable) {
    declaration["default"] = null;
  }
  declaration["description"] = `The ${shownName} package to use.${extraDescription === "" ? "" : ` ${extraDescription}`}`;
  declaration["type"] = nullable ? nullOr(packageType) : packageType;
  const example = spec.example ?? null;
  if (example !== null) {
    declaration["example"] = literalExpression(isList(example) ? `${pkgsText}.${showAttrPath(example)}` : example);
  }
  return mkOption(declaration) as OptionDeclaration<Derivation | null>;
}

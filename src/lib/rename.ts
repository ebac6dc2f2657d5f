/**
 * Modules that move or retire options (Nixpkgs' `doRename` family): an alias forwards definitions
 * to another option and reads its value; a renamed option also warns; a removed option fails when
 * read and adds a failed assertion when defined.
 */
import { attrByPath, isAttrs, setAttrByPath, type Attrs } from "./attrs.js";
import { ModuleError } from "./errors.js";
import { applyWithoutValue, mkOption } from "./options.js";
import { defaultOverridePriority, mkIf, mkOverride, type Condition, type MergeProperty } from "./properties.js";
import { showFiles, showOption } from "./show.js";
import { submodule } from "./types/submodule.js";
import type { OptionType } from "./types/type.js";

/** The arguments of {@link doRename}, as Nixpkgs names them. */
export interface RenameSpec {
  /** The path of the old option. */
  readonly from: readonly string[];
  /** The path of the option it forwards to. */
  readonly to: readonly string[];
  /** Whether the old option is shown in documentation. */
  readonly visible: boolean;
  /** Whether a definition of the old option adds a warning to `warnings` (where that option exists). */
  readonly warn: boolean;
  /** What the old option's value is, from the new option's value (the identity, say). */
  readonly use: (value: unknown) => unknown;
  /** Whether the forwarded definitions keep their priority. @default true */
  readonly withPriority?: boolean;
  /**
   * When to forward at all (Nixpkgs' `mkIf` condition): false keeps `to` from being defined, for
   * when `to` lies in an `attrsOf` submodule whose entry would otherwise be created. @default true
   */
  readonly condition?: Condition;
}

/** The module arguments a rename module reads. */
export interface RenameModuleArgs {
  readonly config: Attrs;
  readonly options: Attrs;
}

type ModuleArgs = RenameModuleArgs;

function optionAt(options: Attrs, path: readonly string[]): Attrs {
  const opt = attrByPath(path, undefined, options);
  if (!isAttrs(opt)) throw new Error(`internal: no option at ${showOption(path)}`);
  return opt;
}

/** A `mkMerge` whose contents are computed when the merge is processed, not when it is written. */
function lazyMerge(contents: () => unknown[]): MergeProperty {
  return Object.defineProperties({} as MergeProperty, {
    _type: { value: "merge", enumerable: true },
    contents: { get: contents, enumerable: true },
  });
}

/**
 * A module that declares the old option `from` as an alias of `to`: definitions of `from` define
 * `to` (where `condition` holds), and `from` reads `use` of `to`'s value. The module behind
 * {@link mkAliasOptionModule} and {@link mkRenamedOptionModule}.
 * @example
 * doRename({ from: ["services", "foo", "bar"], to: ["services", "foos", "", "bar"], visible: true, warn: false,
 *   use: (x) => x, condition: () => config.services.foo.enable })
 */
export function doRename(spec: RenameSpec): (args: ModuleArgs) => Attrs {
  const { from, to } = spec;
  return ({ config, options }) => {
    const fromOpt = () => optionAt(options, from);
    const toType = (): OptionType => {
      const target = attrByPath(to, {}, options);
      return (isAttrs(target) && (target["type"] as OptionType | undefined)) || submodule({});
    };
    const declaration = mkOption({
      visible: spec.visible,
      description: `Alias of {option}\`${showOption(to)}\`.`,
      // The alias's value is the target's: its own merged value is never needed.
      apply: applyWithoutValue(() => spec.use(attrByPath(to, undefined, config))),
    });
    Object.defineProperty(declaration, "type", { get: toType, enumerable: true });
    // Nixpkgs builds this declaration with `// optionalAttrs (toType != null) { type = toType; }`,
    // so whoever asks whether it is an option (its `_type`) forces the target's type, and with it
    // the target's merged declaration (a duplicate declaration of the target is reported then).
    const option = Object.create(null) as Attrs;
    for (const [key, descriptor] of Object.entries(Object.getOwnPropertyDescriptors(declaration))) {
      if (key !== "_type") Object.defineProperty(option, key, descriptor);
    }
    Object.defineProperty(option, "_type", {
      get: () => {
        toType();
        return "option";
      },
      enumerable: true,
    });
    Object.setPrototypeOf(option, Object.prototype);
    const forwarded = mkIf(
      () => fromOpt()["isDefined"] as boolean,
      setAttrByPath(
        to,
        lazyMerge(() => {
          const opt = fromOpt();
          const priority = spec.withPriority === false ? defaultOverridePriority : (opt["highestPrio"] as number);
          return (opt["definitions"] as unknown[]).map((d) => mkOverride(priority, d));
        }),
      ),
    );
    const warnings: Attrs = {};
    Object.defineProperty(warnings, "warnings", {
      enumerable: true,
      get: () =>
        spec.warn && fromOpt()["isDefined"] === true
          ? [
              `The option \`${showOption(from)}' defined in ${showFiles(fromOpt()["files"] as string[])} has been renamed to \`${showOption(to)}'.`,
            ]
          : [],
    });
    return {
      options: setAttrByPath(from, option),
      config: mkIf(spec.condition ?? true, lazyMerge(() => ["warnings" in options ? warnings : {}, forwarded])),
    };
  };
}

/**
 * A module that makes `from` an alias of `to`: definitions of `from` define `to`, and `from` reads
 * `to`'s value. @example mkAliasOptionModule(["hosts"], ["services", "web", "hosts"])
 */
export function mkAliasOptionModule(from: readonly string[], to: readonly string[]): (args: ModuleArgs) => Attrs {
  return doRename({ from, to, visible: true, warn: false, use: (x) => x });
}

/**
 * A module that forwards the old option `from` to `to` with its priority, and adds a warning to
 * `warnings` where that option exists. @example mkRenamedOptionModule(["oldPort"], ["port"])
 */
export function mkRenamedOptionModule(from: readonly string[], to: readonly string[]): (args: ModuleArgs) => Attrs {
  return doRename({ from, to, visible: false, warn: true, use: (x) => x });
}

/**
 * A module that retires the option at `path`: reading it fails with `instructions`, and defining
 * it makes an assertion (of an `assertions` option the evaluation must declare) fail.
 * @example mkRemovedOptionModule(["services", "old", "enable"], "Use services.new instead.")
 */
export function mkRemovedOptionModule(path: readonly string[], instructions: string): (args: ModuleArgs) => Attrs {
  return ({ options }) => {
    const opt = () => optionAt(options, path);
    return {
      options: setAttrByPath(
        path,
        mkOption({
          visible: false,
          apply: applyWithoutValue(() => {
            // The message names the option as Nixpkgs' does (the path given); the error's path is
            // where it stands, which inside a submodule is longer (`users.alice.legacyShell`).
            const loc = opt()["loc"];
            throw new ModuleError({
              kind: "RemovedOption",
              path: Array.isArray(loc) ? (loc as string[]) : path,
              message: `The option \`${showOption(path)}' can no longer be used since it's been removed. ${instructions}`,
            });
          }),
        }),
      ),
      config: {
        assertions: [
          {
            get assertion() {
              return !(opt()["isDefined"] as boolean);
            },
            get message() {
              return `The option definition \`${showOption(path)}' in ${showFiles(opt()["files"] as string[])} no longer has any effect; please remove it.\n${instructions}\n`;
            },
          },
        ],
      },
    };
  };
}


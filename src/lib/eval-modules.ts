/**
 * `evalModules`: collects modules, builds their option tree, files their definitions and gives the
 * configuration, every part computed when first read (Nixpkgs' `evalModules`). It never throws
 * itself: errors surface when `config` or `options` is read, as in Nix.
 */
import { hasOwn, isAttrs, type Attrs } from "./attrs.js";
import { collectModules, type ModuleGraph, type UnifiedModule } from "./collect-modules.js";
import { declaredConfig, forwardingProxy, optionRecords, recursiveUpdate, withoutKey } from "./config-objects.js";
import { pushDown } from "./definitions.js";
import { ModuleError } from "./errors.js";
import { Cell, force } from "./lazy.js";
import { lib } from "./lib.js";
import { OptionSet, type UnmatchedDefinition } from "./option-tree.js";
import { mkOption } from "./options.js";
import { closestNames } from "./suggest.js";
import { undeclaredSink } from "./undeclared-sink.js";
import { showDefs, showOption, showValue } from "./show.js";
import { bool, raw } from "./types/basic.js";
import { lazyAttrsOf } from "./types/attrs.js";
import { nullOr } from "./types/combinators.js";
import { optionType, submoduleWith } from "./types/submodule.js";
import type { OptionType } from "./types/type.js";

/** The arguments of {@link evalModules}. */
export interface EvalModulesArgs {
  /** The modules: sets, or functions of the module arguments returning sets. */
  readonly modules: readonly unknown[];
  /** Arguments given to every module, available while imports are resolved. */
  readonly specialArgs?: Readonly<Attrs>;
  /** The option path of this evaluation inside another (submodules), for messages. */
  readonly prefix?: readonly string[];
  /** The class of modules this evaluation accepts (modules of another `_class` are refused). */
  readonly class?: string | null;
}

/** The result of {@link evalModules}. Reading `config`, `options` or `_module` may throw a `ModuleError`. */
export interface Evaluation {
  readonly _type: "configuration";
  /** The configuration: the value of every option (and free-form values), computed when read. */
  readonly config: Attrs;
  /** The declared options, each with its metadata, definitions and value. */
  readonly options: Attrs;
  /** The evaluation's own settings (`args`, `check`, `freeformType`, `specialArgs`). */
  readonly _module: Attrs;
  readonly class: string | null;
  /** A submodule type of these modules. */
  readonly type: OptionType;
  /** A new evaluation of these modules and more. */
  extendModules(args?: { modules?: readonly unknown[]; specialArgs?: Readonly<Attrs>; prefix?: readonly string[] }): Evaluation;
  /**
   * Every module given and imported, as a tree in collection order: each with its key, file,
   * imports, and whether `disabledModules` leaves it out (duplicates are shown each time).
   */
  readonly graph: readonly ModuleGraph[];
}

/** What a submodule evaluation adds: the `name` argument its modules may destructure. */
export interface InternalEvalArgs {
  readonly name?: string;
  /** The files of the definitions a submodule value is made from. */
  readonly definitionFiles?: readonly string[];
}

/** The declarations of `_module`, made once: they are the same in every evaluation (but for `internal`). */
let internalDeclarations: { readonly top: Attrs; readonly nested: Attrs } | undefined;

function moduleDeclarations(nested: boolean): Attrs {
  internalDeclarations ??= (() => {
    const argsType = lazyAttrsOf(raw);
    const argsDescription =
      "Additional arguments passed to each module, besides `lib`, `config`, `options` and the special arguments. " +
      "Submodules do not inherit them from their parent, except `name`.";
    const rest = {
      check: mkOption({
        type: bool,
        internal: true,
        default: true,
        description: "Whether to check that every option definition has a matching declaration.",
      }),
      freeformType: mkOption({
        type: nullOr(optionType),
        internal: true,
        default: null,
        description:
          "If set, definitions without a declared option are merged with this type and kept in `config` beside the declared options; " +
          "if null, they are errors (unless `_module.check` is off).",
      }),
      specialArgs: mkOption({
        readOnly: true,
        internal: true,
        description: "Arguments given to evalModules that modules can use in `imports`; they cannot be changed from inside.",
      }),
    };
    return {
      top: { _module: { args: mkOption({ type: argsType, description: argsDescription }), ...rest } },
      nested: { _module: { args: mkOption({ type: argsType, internal: true, description: argsDescription }), ...rest } },
    };
  })();
  return nested ? internalDeclarations.nested : internalDeclarations.top;
}

/** The module that declares `_module` (Nixpkgs' internal module of lib/modules.nix). */
function internalModule(prefix: readonly string[], specialArgs: () => Readonly<Attrs>, moduleArgs: Attrs): Attrs {
  return {
    _file: "lib/modules.nix",
    key: "lib/modules.nix",
    options: moduleDeclarations(prefix.length > 0),
    config: {
      _module: {
        args: moduleArgs,
        get specialArgs() {
          return specialArgs();
        },
      },
    },
  };
}

/**
 * Evaluates modules into a configuration.
 * @example
 * const { config } = lib.evalModules({ modules: [{ options: { port: lib.mkOption({ type: lib.types.port, default: 80 }) } }] });
 * config.port; // 80
 */
export function evalModules(args: EvalModulesArgs): Evaluation {
  return evaluate(args, {});
}

/** {@link evalModules} with the arguments of a submodule evaluation. */
export function evaluate(args: EvalModulesArgs, internal: InternalEvalArgs): Evaluation {
  if (!isAttrs(args) || !Array.isArray(args.modules)) return invalidArguments(args);
  const prefix = args.prefix ?? [];
  // Read when used: a submodule type merged from two declarations may only fail where they disagree.
  const specialArgs = () => args.specialArgs ?? {};
  const moduleClass = () => args.class ?? null;

  const extendModules: Evaluation["extendModules"] = (extra = {}) =>
    evaluate(
      {
        modules: [...args.modules, ...(extra.modules ?? [])],
        specialArgs: { ...specialArgs(), ...(extra.specialArgs ?? {}) },
        prefix: extra.prefix ?? prefix,
        class: moduleClass(),
      },
      internal,
    );
  let moduleType: OptionType | undefined;
  const getType = () => (moduleType ??= submoduleWith({ modules: args.modules, specialArgs: specialArgs(), class: moduleClass() }));

  const config = forwardingProxy(() => configCell.get());
  const options = forwardingProxy(() => optionsCell.get());
  const baseArgs: Attrs = {
    lib,
    config,
    options,
    get specialArgs() {
      return specialArgs();
    },
    get _class() {
      return moduleClass();
    },
    _prefix: prefix,
    ...(internal.name !== undefined ? { name: internal.name } : {}),
  };
  const moduleArgument = (key: string): unknown => {
    const extra = (configCell.get()["_module"] as Attrs)["args"] as Attrs;
    return hasOwn(extra, key) ? extra[key] : undefined;
  };
  const moduleArgs = new Proxy({} as Attrs, {
    get(_t, key) {
      if (typeof key !== "string") return undefined;
      const special = specialArgs();
      if (hasOwn(special, key)) return special[key];
      // A submodule's `name` is known while its modules are collected (they may destructure it);
      // read later, it is `_module.args.name`, which a definition may override, as in Nixpkgs.
      if (key === "name" && collected.isDone) return moduleArgument(key);
      if (hasOwn(baseArgs, key)) return baseArgs[key];
      if (collected.isRunning) throw argumentDuringCollection(key, prefix);
      return moduleArgument(key);
    },
    has: (_t, key) => typeof key === "string" && (hasOwn(specialArgs(), key) || hasOwn(baseArgs, key)),
    // The known arguments can be listed and spread (`{ ...args, extra }`), as Nix's `args // { … }`.
    ownKeys: () => [...new Set([...Object.keys(baseArgs), ...Object.keys(specialArgs())])],
    getOwnPropertyDescriptor: (_t, key) =>
      typeof key === "string" && (hasOwn(specialArgs(), key) || hasOwn(baseArgs, key))
        ? { get: () => moduleArgs[key], enumerable: true, configurable: true }
        : undefined,
  });

  const collected = new Cell(
    () =>
      withPath(prefix, () =>
        collectModules(
        [
          ...args.modules,
          internalModule(prefix, specialArgs, {
            extendModules,
            get moduleType() {
              return getType();
            },
          }),
        ],
        moduleArgs,
        {
          class: moduleClass(),
          modulesPath: () => {
            const modulesPath = specialArgs()["modulesPath"];
            return typeof modulesPath === "string" ? modulesPath : "";
          },
        },
      )),
    prefix,
    "its modules and their imports",
  );

  const root = new Cell(
    () => {
      const modules: UnifiedModule[] = [...collected.get().modules].reverse();
      return new OptionSet(
        prefix,
        modules.map((m) => ({ file: m.file, options: m.options })),
        () => modules.flatMap((m) => pushDown(m.config).map((c) => ({ file: m.file, config: c }))),
        { definitionFiles: internal.definitionFiles ?? [] },
      );
    },
    prefix,
    "option tree",
  );

  const declared = new Cell(() => declaredConfig(root.get()), prefix);
  const moduleSettings = () => declared.get()["_module"] as Attrs;

  const configCell = new Cell(
    () => {
      const freeformType = moduleSettings()["freeformType"] as OptionType | null;
      if (freeformType === null) return declared.get();
      const unmatched = root.get().unmatched();
      if (unmatched.length === 0) return declared.get();
      const freeform = freeformType.merge(
        prefix,
        unmatched.map((def) => ({ file: def.file, value: nestLazily(def.prefix, def.value) })),
      );
      return isAttrs(freeform) ? recursiveUpdate(freeform, declared.get()) : declared.get();
    },
    prefix,
  );

  const optionsCell = new Cell(() => optionRecords(root.get()), prefix, "options");

  const undeclaredErrors = new Cell(
    () => {
      const settings = moduleSettings();
      if (settings["check"] !== true || settings["freeformType"] !== null) return [];
      return root.get().unmatched().map((def) => undeclared(prefix, def, root.get()));
    },
    prefix,
    "check of undeclared options",
  );
  const checked = () => {
    const sink = undeclaredSink();
    if (sink !== null) sink(undeclaredErrors.get());
    else if (undeclaredErrors.get().length > 0) throw undeclaredErrors.get()[0]!;
  };

  let resultConfig: Attrs | undefined;
  const evaluation: Evaluation = {
    _type: "configuration",
    get config() {
      checked();
      return (resultConfig ??= withoutKey(configCell.get(), "_module"));
    },
    get options() {
      checked();
      return optionsCell.get();
    },
    get _module() {
      checked();
      return configCell.get()["_module"] as Attrs;
    },
    get class() {
      return moduleClass();
    },
    get type() {
      return getType();
    },
    extendModules,
    get graph() {
      return collected.get().graph;
    },
  };
  optionTrees.set(evaluation, () => root.get());
  return evaluation;
}

/** The option tree of each evaluation, for the engine's own use (a submodule type reads its declarations from it). */
const optionTrees = new WeakMap<Evaluation, () => OptionSet>();

/** The option tree of an evaluation made by {@link evaluate}; computing it may throw as reading `options` does. */
export function optionTreeOf(evaluation: Evaluation): OptionSet | undefined {
  return optionTrees.get(evaluation)?.();
}

/** `value` at the nested `path`, the leaf computed when read (the free-form definitions' shape). */
export function nestLazily(path: readonly string[], value: unknown): unknown {
  let result: Attrs = {};
  const leaf = path[path.length - 1]!;
  Object.defineProperty(result, leaf, {
    get: () => force(value),
    enumerable: true,
    configurable: true,
  });
  for (let i = path.length - 2; i >= 0; i--) {
    const level: Attrs = {};
    Object.defineProperty(level, path[i]!, { value: result, enumerable: true, configurable: true, writable: true });
    result = level;
  }
  return result;
}

function undeclared(prefix: readonly string[], def: UnmatchedDefinition, root: OptionSet): ModuleError {
  const path = [...prefix, ...def.prefix];
  const parentPath = def.prefix.slice(0, -1);
  let parent: OptionSet | undefined = root;
  for (const name of parentPath) {
    const child: unknown = parent?.child(name);
    parent = child instanceof OptionSet ? child : undefined;
  }
  const siblings = (parent?.names ?? []).filter((n) => parentPath.length > 0 || n !== "_module");
  const suggestions = closestNames(def.prefix[def.prefix.length - 1]!, siblings).map(
    (s) => `\`${showOption([...prefix, ...parentPath, s])}'`,
  );
  const suggestion =
    suggestions.length === 0
      ? ""
      : `\n\nDid you mean ${suggestions.length === 1 ? suggestions[0] : `${suggestions.slice(0, -1).join(", ")} or ${suggestions[suggestions.length - 1]}`}?`;
  const noOptions = root.names.every((n) => n === "_module");
  const hint = noOptions
    ? prefix.length === 0
      ? "\n\nNo options are declared at all: declare options under `options', not under `config'."
      : `\n\nNo options are declared in \`${showOption(prefix)}': in a submodule, declare options under \`options', not \`config'.`
    : "";
  let value: unknown;
  try {
    value = force(def.value);
  } catch {
    value = undefined;
  }
  return new ModuleError({
    kind: "UndeclaredOption",
    path,
    definitions: [{ file: def.file, value }],
    message:
      `The option \`${showOption(path)}' does not exist. Definition values:${showDefs([{ file: def.file, value }])}` +
      `${suggestion}${hint}`,
  });
}

/** An evaluation whose every read reports that `evalModules` was called without a list of modules. */
function invalidArguments(args: unknown): Evaluation {
  const fail = (): never => {
    throw new ModuleError({
      kind: "InvalidModule",
      message: `evalModules takes { modules: [...] }, but it was given ${showValue(args)}. Pass the modules as a list.`,
    });
  };
  return {
    _type: "configuration",
    get config() {
      return fail();
    },
    get options() {
      return fail();
    },
    get _module() {
      return fail();
    },
    class: null,
    get type() {
      return fail();
    },
    extendModules: fail,
    get graph() {
      return fail();
    },
  };
}

/** The error of a module that destructures an argument of `_module.args` while modules are collected. */
function argumentDuringCollection(key: string, prefix: readonly string[]): ModuleError {
  return new ModuleError({
    kind: "InvalidModule",
    ...(prefix.length > 0 ? { path: prefix } : {}),
    message:
      `A module reads the argument \`${key}' while the modules are being collected, but it is neither a special ` +
      "argument nor one of lib, config, options, specialArgs (or name, in a submodule). Arguments from `_module.args` " +
      `exist only once every module is collected: read it inside a getter (\`(args) => ({ get x() { return args.${key}; } })'), ` +
      "or pass it in specialArgs.",
  });
}

/** `compute()`, with errors of a submodule's modules placed at the submodule's path. */
function withPath<T>(prefix: readonly string[], compute: () => T): T {
  try {
    return compute();
  } catch (e) {
    if (e instanceof ModuleError && e.path === undefined && prefix.length > 0) {
      throw new ModuleError({
        kind: e.kind,
        path: prefix,
        message: e.message,
        definitions: e.definitions,
        declarations: e.declarations,
      });
    }
    throw e;
  }
}

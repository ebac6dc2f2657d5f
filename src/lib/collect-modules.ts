/**
 * Module collection (Nixpkgs' `collectModules` and `unifyModuleSyntax`): every module is loaded
 * (functions called with the module arguments), brought to one shape, its imports followed, the
 * modules that `disabledModules` names removed, and duplicates (by `key`) dropped, breadth first.
 */
import { defineLazy, hasOwn, isAttrs, type Attrs } from "./attrs.js";
import { ModuleError } from "./errors.js";
import { lazyProperty } from "./lazy.js";
import { mkMerge, typeTag } from "./properties.js";
import { showValue, typeOf } from "./show.js";
import { nixToString } from "./to-string.js";

/** A module brought to the one shape the engine works with. */
export interface UnifiedModule {
  readonly file: string;
  readonly key: string;
  readonly class: string | null;
  readonly disabledModules: readonly unknown[];
  readonly imports: readonly unknown[];
  /** The `options` set (checked to be a set when the option tree is built). */
  readonly options: unknown;
  /** The `config` (a {@link Lazy}: read only when definitions are filed). */
  readonly config: unknown;
}

/** The file name Nixpkgs gives to modules of unknown origin. */
export const unknownFile = "<unknown-file>";

const moduleKeys = new Set(["_class", "_file", "key", "disabledModules", "imports", "options", "config", "meta", "freeformType"]);
const shorthandOmitted = new Set(["_class", "_file", "key", "disabledModules", "require", "imports", "freeformType"]);

function invalidModule(message: string, file?: string): ModuleError {
  return new ModuleError({ kind: "InvalidModule", message, ...(file ? { definitions: [{ file }] } : {}) });
}

function stringField(m: Attrs, key: string, fallback: string): string {
  if (!hasOwn(m, key)) return fallback;
  const value = m[key];
  const text = nixToString(value);
  if (text !== null) return text;
  throw invalidModule(`The \`${key}' of the module \`${fallback}' must be a string, but it is ${showValue(value)}.`, fallback);
}

function listField(m: Attrs, key: string, file: string): readonly unknown[] {
  if (!hasOwn(m, key)) return [];
  const value = m[key];
  if (!Array.isArray(value)) {
    throw invalidModule(`The \`${key}' of module \`${file}' must be a list, but it is ${showValue(value)}.`, file);
  }
  return value;
}

/** A set with one attribute, read from `m` when used. */
function forwarded(m: Attrs, key: string): Attrs {
  const set: Attrs = {};
  defineLazy(set, key, () => m[key]);
  return set;
}

/**
 * Adds the top-level `freeformType` of a module to its config, and its `meta` too where the module
 * has `config` or `options` (a shorthand module's `meta` is part of its config already), as
 * Nixpkgs' `unifyModuleSyntax` does.
 */
function withShorthands(m: Attrs, config: unknown, isShorthand: boolean): unknown {
  let result = config;
  if (!isShorthand && hasOwn(m, "meta")) result = mkMerge([result, forwarded(m, "meta")]);
  if (hasOwn(m, "freeformType")) result = mkMerge([result, { _module: forwarded(m, "freeformType") }]);
  return result;
}

/** Brings a module (a set) to the unified shape; `file` and `key` are used where it names none. */
export function unifyModule(file: string, key: string, m: unknown): UnifiedModule {
  if (!isAttrs(m)) {
    throw invalidModule(
      `The module \`${key}' in \`${file}' is not a module: a module is a set or a function returning one, but this is ${typeOf(m) === "set" ? "a set" : showValue(m)}.`,
      file,
    );
  }
  const ownFile = stringField(m, "_file", file);
  const ownKey = stringField(m, "key", key);
  const moduleClass = hasOwn(m, "_class") && m["_class"] !== null ? String(m["_class"]) : null;
  if (hasOwn(m, "config") || hasOwn(m, "options")) {
    const extra = Object.keys(m).filter((k) => !moduleKeys.has(k));
    if (extra.length > 0) {
      throw invalidModule(
        `The module \`${ownFile}' has an unsupported attribute \`${extra[0]}'. A module with \`config' or \`options' may only have ` +
          `the attributes ${[...moduleKeys].join(", ")}; move ${extra.map((k) => `\`${k}'`).join(", ")} into \`config'.`,
        ownFile,
      );
    }
    const config = hasOwn(m, "config") ? lazyProperty(m, "config") : {};
    return {
      file: ownFile,
      key: ownKey,
      class: moduleClass,
      disabledModules: listField(m, "disabledModules", ownFile),
      imports: listField(m, "imports", ownFile),
      options: hasOwn(m, "options") ? lazyProperty(m, "options") : {},
      config: withShorthands(m, config, false),
    };
  }
  const config: Attrs = {};
  for (const k of Object.keys(m)) {
    if (shorthandOmitted.has(k)) continue;
    Object.defineProperty(config, k, { ...Object.getOwnPropertyDescriptor(m, k), enumerable: true, configurable: true });
  }
  return {
    file: ownFile,
    key: ownKey,
    class: moduleClass,
    disabledModules: listField(m, "disabledModules", ownFile),
    imports: [...listField(m, "require", ownFile), ...listField(m, "imports", ownFile)],
    options: {},
    config: withShorthands(m, config, true),
  };
}

/**
 * `m(args)`, where an error that names no file (a module argument read too early, say) names the
 * file of the module, as Nix's "while evaluating the module argument … in <file>" does.
 */
function callModule(m: (args: object) => unknown, args: object, file: string): unknown {
  try {
    return m(args);
  } catch (e) {
    if (!(e instanceof ModuleError) || e.definitions.length > 0 || e.declarations.length > 0) throw e;
    throw new ModuleError({
      kind: e.kind,
      message: `In module \`${file}': ${e.message}`,
      ...(e.path === undefined ? {} : { path: e.path }),
      definitions: [{ file }],
    });
  }
}

/** Loads one module: calls a function with the module arguments, then unifies the result. */
function loadModule(args: object, file: string, key: string, m: unknown): UnifiedModule {
  if (typeof m === "function") return unifyModule(file, key, callModule(m as (a: object) => unknown, args, file));
  if (isAttrs(m)) {
    const tag = typeTag(m);
    if (tag === undefined || tag === "module") return unifyModule(file, key, m);
    if (tag === "if" || tag === "override") return unifyModule(file, key, { config: m });
    throw invalidModule(
      `A value of type \`${String(tag)}' was given where a module is expected, in \`${file}'. ` +
        (tag === "option-type"
          ? "A type is not a module: declare an option with it (`mkOption({ type })`)."
          : tag === "configuration"
            ? "This is the result of evalModules; pass its modules instead."
            : "Pass a module: a set, or a function returning one."),
      file,
    );
  }
  if (Array.isArray(m)) {
    throw invalidModule(
      `Module imports can't be nested lists: \`${file}' imports a list inside its imports. Remove one level of lists.`,
      file,
    );
  }
  throw invalidModule(
    `The module \`${key}' in \`${file}' is ${showValue(m)}, not a module. A module is a set or a function returning one ` +
      "(this library does not import files by path: load them first).",
    file,
  );
}

interface Structured {
  readonly module: UnifiedModule;
  readonly children: readonly Structured[];
}

interface Disabled {
  readonly file: string;
  readonly disabled: readonly unknown[];
}

/**
 * The key that a `disabledModules` entry names: a path (relative ones under `modulesPath`), a
 * value that Nix's `toString` converts (a module's numeric `key` is its string), or a module with
 * a `key`, as Nixpkgs reads them.
 */
function disabledKey(file: string, entry: unknown, modulesPath: () => string): string {
  if (typeof entry === "string") return entry.startsWith("/") ? entry : `${modulesPath()}/${entry}`;
  const text = nixToString(entry);
  if (text !== null) {
    if (isAttrs(entry) && hasOwn(entry, "key") && entry["key"] !== text) {
      throw invalidModule(
        `The module \`${file}' has a disabledModules entry that converts to the string ${JSON.stringify(text)} but also has a \`key' ` +
          `(${showValue(entry["key"])}) that differs: the module system cannot tell which module it means. Remove one of the two, or make them agree.`,
        file,
      );
    }
    return text;
  }
  if (isAttrs(entry)) {
    if (hasOwn(entry, "key")) return String(entry["key"]);
    throw invalidModule(
      `The module \`${file}' has a disabledModules entry that is a set without a \`key': the module system cannot tell which module it means. ` +
        "Give a string path, or a set with a `key`.",
      file,
    );
  }
  throw invalidModule(
    `Each disabledModules entry must be a path string, a set with a \`key', or a value that converts to a string (a number, ` +
      `a boolean, null, or a list of those), but one in \`${file}' is of type ${typeOf(entry)}: ${showValue(entry)}.`,
    file,
  );
}

/**
 * A module as collection met it (Nixpkgs' `graph` of an evaluation): its key and file, whether a
 * `disabledModules` names it, and what it imports, before disabled and duplicate modules are left out.
 */
export interface ModuleGraph {
  readonly key: string;
  readonly file: string;
  readonly disabled: boolean;
  readonly imports: readonly ModuleGraph[];
}

/** The result of collection: the modules to merge, in collection order, and the graph of all. */
export interface Collected {
  readonly modules: readonly UnifiedModule[];
  readonly graph: readonly ModuleGraph[];
}

/**
 * Collects `modules` and everything they import, breadth first, leaving out disabled modules and
 * any module whose key was already seen.
 */
export function collectModules(
  modules: readonly unknown[],
  args: object,
  options: { readonly class: string | null; readonly modulesPath: () => string },
): Collected {
  const disabledLists: Disabled[] = [];
  const structure = (parentFile: string, parentKey: string, list: readonly unknown[]): Structured[] =>
    list.map((entry, n) => {
      const module = loadModule(args, parentFile, `${parentKey}:anon-${n + 1}`, entry);
      if (options.class !== null && module.class !== null && module.class !== options.class) {
        throw invalidModule(
          `The module \`${module.file}' (class ${JSON.stringify(module.class)}) cannot be imported into an evaluation of class ${JSON.stringify(options.class)}.`,
          module.file,
        );
      }
      if (module.disabledModules.length > 0) disabledLists.push({ file: module.file, disabled: module.disabledModules });
      return { module, children: structure(module.file, module.key, module.imports) };
    });
  const roots = structure(unknownFile, "", modules);
  const disabled = new Set(
    disabledLists.flatMap(({ file, disabled: entries }) => entries.map((e) => disabledKey(file, e, options.modulesPath))),
  );
  const seen = new Set<string>();
  const result: UnifiedModule[] = [];
  const queue: Structured[] = roots.filter((s) => !disabled.has(s.module.key));
  for (let i = 0; i < queue.length; i++) {
    const s = queue[i]!;
    if (seen.has(s.module.key)) continue;
    seen.add(s.module.key);
    result.push(s.module);
    for (const child of s.children) if (!disabled.has(child.module.key)) queue.push(child);
  }
  const toGraph = (s: Structured): ModuleGraph => ({
    key: s.module.key,
    file: s.module.file,
    disabled: disabled.has(s.module.key),
    imports: s.children.map(toGraph),
  });
  // The engine's own module, which declares `_module`, is not shown, as in Nixpkgs.
  const graph = roots.filter((s) => s.module.key !== "lib/modules.nix").map(toGraph);
  return { modules: result, graph };
}


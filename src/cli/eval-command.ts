/**
 * `cuda-modules eval`: evaluates the CUDA modules with the bundled data (every manifest of both
 * formats and the release lists; data files given, named as `check` takes them, in place of the
 * bundled ones of the same product and version) and the given module files,
 * and prints a value of the configuration as JSON (`--attr`), or an option's declaration and
 * definitions (`--option`), as `nixos-option` does.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import * as E from "fp-ts/lib/Either.js";
import { evaluateCuda } from "../cuda/evaluate.js";
import { majorMinor } from "../cuda/versions.js";
import { closestNames, deepForce, diagnosticOf, showOption, type Diagnostic, type Locator, type SourceLocation } from "../lib/index.js";
import { loadModuleFile, mountedFilesUnder, mountedLocator, projectRoot, type LoadedModuleFile, type MountedFile } from "../load/index.js";
import { parseAttrPath } from "./attr-path.js";
import { evaluationData, isDataFileName } from "./data-arguments.js";
import { formatHuman } from "./format/human.js";
import { safeJsonText, safeText } from "./safe-text.js";
import { useColour } from "./colour.js";

/** The options of `eval`. */
export interface EvalCommandOptions {
  readonly attr?: string;
  readonly option?: string;
  readonly cuda?: string;
  /** The product of the manifests given, over their `release_product` and folder. */
  readonly product?: string;
  /** `--color` (true) or `--no-color` (false). */
  readonly color?: boolean;
}

/** Where `eval` writes. */
export interface EvalIo {
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream & { isTTY?: boolean };
}

/** Runs `eval`; returns the exit status (0 printed, 1 the configuration has errors, 2 usage). */
export async function runEval(files: readonly string[], options: EvalCommandOptions, io: EvalIo): Promise<number> {
  if (options.attr !== undefined && options.option !== undefined) {
    io.stderr.write("cuda-modules eval: give --attr or --option, not both.\n");
    return 2;
  }
  const pathText = options.option ?? options.attr ?? "";
  const parsed = parseAttrPath(pathText);
  if (E.isLeft(parsed)) {
    io.stderr.write(safeText(`cuda-modules eval: ${parsed.left}\n`));
    return 2;
  }
  const dataFiles = files.filter(isDataFileName);
  const loaded: LoadedModuleFile[] = [];
  const problems: Diagnostic<string>[] = [];
  for (const file of files.filter((f) => !isDataFileName(f))) {
    const result = await loadModuleFile(file);
    if (E.isLeft(result)) problems.push(...result.left);
    else loaded.push(result.right);
  }
  if (problems.length > 0) return fail(io, problems, options.color);

  const data = evaluationData(dataFiles, { ...(options.product === undefined ? {} : { product: options.product }), ...(options.color === undefined ? {} : { color: options.color }) }, io, "eval");
  if (E.isLeft(data)) return data.left;
  const wanted = (m: { product: string; version: string }) => options.cuda === undefined || m.product !== "cuda" || matchesVersion(m.version, options.cuda);
  const manifests = data.right.manifests.filter(wanted);
  const newerManifests = data.right.newerManifests.filter(wanted);
  if (options.cuda !== undefined && ![...manifests, ...newerManifests].some((m) => m.product === "cuda")) {
    const versions = [...new Set([...data.right.manifests, ...data.right.newerManifests].filter((m) => m.product === "cuda").map((m) => m.version))];
    io.stderr.write(safeText(`cuda-modules eval: no CUDA manifest has version ${options.cuda}; the versions are ${versions.join(", ")}.\n`));
    return 2;
  }
  const evaluation = evaluateCuda({ manifests, newerManifests, releases: data.right.releases, modules: loaded.flatMap((l) => l.modules) });
  const where = positions(loaded, data.right);
  try {
    if (options.option !== undefined) {
      io.stdout.write(safeText(describeOption(evaluation.options, evaluation.config, parsed.right, where)));
    } else {
      const value = select(evaluation.config, parsed.right);
      io.stdout.write(`${safeJsonText(JSON.stringify(deepForce(value), jsonSafe, 2))}\n`);
    }
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr.write(safeText(`cuda-modules eval: ${e.message}\n`));
      return 2;
    }
    return fail(io, [diagnosticOf(e, where.locate)], options.color);
  }
}

/** Whether a manifest version is the one asked for: the same, or the same major.minor. */
function matchesVersion(version: string, asked: string): boolean {
  return version === asked || majorMinor(version) === asked;
}

class UsageError extends Error {}

/** The value at `names` under `root`, or a usage error naming the closest existing names. */
function select(root: unknown, names: readonly string[]): unknown {
  let value = root;
  names.forEach((name, i) => {
    if (typeof value !== "object" || value === null || !Object.hasOwn(value, name)) {
      const here = names.slice(0, i);
      const siblings = typeof value === "object" && value !== null ? Object.keys(value) : [];
      const close = closestNames(name, siblings);
      throw new UsageError(
        `there is no \`${showOption([...here, name])}'.` +
          (close.length > 0 ? ` Did you mean ${close.map((c) => `\`${showOption([...here, c])}'`).join(" or ")}?` : siblings.length > 0 ? ` ${showOption(here) || "The configuration"} has ${siblings.slice(0, 12).join(", ")}${siblings.length > 12 ? ", …" : ""}.` : ""),
      );
    }
    value = (value as Record<string, unknown>)[name];
  });
  return value;
}

/** JSON for values that are not data: functions and option types are shown by name. */
function jsonSafe(_key: string, value: unknown): unknown {
  if (typeof value === "function") return `<function${value.name ? ` ${value.name}` : ""}>`;
  if (typeof value === "object" && value !== null && (value as { _type?: unknown })._type === "option-type") {
    return `<type ${(value as { description?: string }).description ?? "?"}>`;
  }
  return value;
}

/** An option's declaration and definitions as `nixos-option` prints them. */
function describeOption(options: unknown, config: unknown, names: readonly string[], { locate, filesUnder }: Positions): string {
  // Inside a submodule the record comes from its documentation (no definitions): the value and the
  // defining files are then read from the configuration and the data files.
  const { record, nested } = optionAt(options, names);
  if (record["_type"] !== "option") {
    const children = Object.keys(record).filter((k) => k !== "_module");
    return `\`${showOption(names)}' is a set of options: ${children.join(", ")}.\n`;
  }
  const type = record["type"] as { description: string };
  const show = (value: unknown) => JSON.stringify(deepForce(value), jsonSafe, 2) ?? String(value);
  const lines: string[] = [];
  let value: string;
  try {
    value = show(nested ? select(config, names) : record["value"]);
  } catch (e) {
    value = `(cannot be evaluated: ${(e as Error).message.split("\n")[0]})`;
  }
  lines.push("Value:", indent(value), "");
  if (Object.hasOwn(record, "default")) lines.push("Default:", indent(show(record["default"])), "");
  lines.push("Type:", indent(type.description), "");
  if (typeof record["description"] === "string") lines.push("Description:", indent(record["description"]), "");
  if (Object.hasOwn(record, "example")) lines.push("Example:", indent(show(record["example"])), "");
  lines.push("Declared by:", ...(record["declarations"] as string[]).map((f) => `  ${f}`), "");
  const files = nested ? filesUnder(names) : (record["files"] as string[]);
  lines.push("Defined by:", ...(files.length === 0 ? ["  (no definitions)"] : files.map((f) => `  ${shownAt(locate(f, names) ?? { file: f })}`)));
  return `${lines.join("\n")}\n`;
}

/**
 * The option record at `names`: through the options tree, and into the options of a submodule
 * (`type.getSubOptions`) when the path goes on past an option; a name that selects an entry of an
 * attribute set or list of submodules is consumed there, as `<name>` in documentation paths.
 */
function optionAt(options: unknown, names: readonly string[]): { record: Record<string, unknown>; nested: boolean } {
  let node = options as Record<string, unknown>;
  let nested = false;
  for (let i = 0; i < names.length; i++) {
    if (node["_type"] === "option") {
      const type = node["type"] as { name: string; getSubOptions: (prefix: readonly string[]) => Record<string, unknown> };
      const entryName = ["attrsOf", "lazyAttrsOf", "listOf"].includes(type.name) ? 1 : 0;
      node = type.getSubOptions(names.slice(0, i));
      nested = true;
      i += entryName;
      if (i >= names.length) break;
    }
    const freeform = freeformTypeOf(node);
    if (!Object.hasOwn(node, names[i]!) && freeform !== null) {
      // A free-form entry (a package of a manifest): its options are those of the freeform type's elements.
      node = { _type: "option", type: freeform, declarations: ["(free-form)"] };
      i--;
      continue;
    }
    try {
      node = select(node, [names[i]!]) as Record<string, unknown>;
    } catch (e) {
      if (!(e instanceof UsageError)) throw e;
      // Said with the whole path: `cuda.manifestz', did you mean `cuda.manifests'?
      const siblings = Object.keys(node).filter((k) => k !== "_module");
      const close = closestNames(names[i]!, siblings);
      throw new UsageError(
        `there is no option \`${showOption(names.slice(0, i + 1))}'.` +
          (close.length > 0 ? ` Did you mean ${close.map((c) => `\`${showOption([...names.slice(0, i), c])}'`).join(" or ")}?` : ""),
      );
    }
  }
  return { record: node, nested };
}

/** The freeform type of a set of submodule options, or null. */
function freeformTypeOf(node: Record<string, unknown>): unknown {
  try {
    const settings = node["_module"] as Record<string, { value?: unknown }> | undefined;
    return settings?.["freeformType"]?.value ?? null;
  } catch {
    return null;
  }
}

function indent(text: string): string {
  return text
    .split("\n")
    .map((l) => `  ${l}`)
    .join("\n");
}

function shownAt(location: SourceLocation): string {
  return location.line === undefined ? location.file : `${location.file}:${location.line}:${location.column ?? 1}`;
}

/** Where definitions stand, and which data files define something at or under an option path. */
interface Positions {
  readonly locate: Locator;
  readonly filesUnder: (names: readonly string[]) => string[];
}

/** Positions of the given module files (at the root) and of the data files (at their option). */
function positions(loaded: readonly LoadedModuleFile[], data: { readonly mounts: readonly MountedFile[]; readonly claims: readonly MountedFile[] }): Positions {
  const modules: MountedFile[] = loaded.flatMap((l) => (l.index ? [{ index: l.index, prefix: [] }] : []));
  const mounts = [...modules, ...data.mounts];
  const claims = [...modules, ...data.claims];
  return { locate: mountedLocator(mounts), filesUnder: (names) => mountedFilesUnder(claims, names) };
}

function fail(io: EvalIo, diagnostics: readonly Diagnostic<string>[], colourChoice?: boolean): number {
  const readText = (file: string) => {
    try {
      return readFileSync(path.isAbsolute(file) || !file.startsWith("modules/") ? file : path.join(projectRoot, file), "utf8");
    } catch {
      return undefined;
    }
  };
  io.stderr.write(formatHuman(diagnostics, null, { colour: useColour(io.stderr, colourChoice), readText }));
  return 1;
}

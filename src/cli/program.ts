/**
 * The `cuda-modules` command line. Subcommands load their modules only when run, so that `--version`
 * and `--help` start fast. Exit status: 0 success, 1 invalid input, 2 a usage error or an
 * internal failure.
 */
import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { setWarningSettings } from "../lib/warnings.js";
import { packageVersion } from "./package-version.js";
import { safeText } from "./safe-text.js";

const version = packageVersion();

// An evaluation warning (lib.warn) names options and shows definitions from the input: it is
// printed as Nix prints one, on standard error, escaped like every other text from the input.
setWarningSettings({ handler: (message) => process.stderr.write(`evaluation warning: ${safeText(message)}\n`) });

function warningCount(value: string): number {
  if (!/^\d+$/.test(value.trim())) throw new InvalidArgumentError("give a whole number of warnings (e.g. 0).");
  return Number(value);
}

function byteCount(value: string): number {
  const match = /^(\d+)\s*([kmg]?)i?b?$/i.exec(value.trim());
  if (match === null) throw new InvalidArgumentError("give a number of bytes, optionally with K, M or G (e.g. 64M).");
  const scale = { "": 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[match[2]!.toLowerCase() as "" | "k" | "m" | "g"];
  return Number(match[1]) * scale;
}

const program = new Command()
  .name("cuda-modules")
  .description("Checks NVIDIA's CUDA manifests and release lists with a TypeScript analogue of the Nixpkgs module system.")
  .version(version, "-V, --version")
  .showHelpAfterError("(add --help for usage)")
  .exitOverride();

program
  .command("check")
  .description("Check manifests and release lists, reporting every error with its file, line and column.")
  .argument("[file...]", "redistrib_<version>.json, feature_<version>.json or releases.json files (JSON or YAML), directories of them, or - for standard input (with --kind); every bundled file when none is given")
  .addOption(new Option("--kind <kind>", "what the files hold, when their names do not say").choices(["redistrib", "feature", "releases"]))
  .option("--product <name>", "the product of the manifests (cuda, cudnn, nvpl, …), over their release_product and folder")
  .addOption(new Option("--format <format>", "how to print the diagnostics").choices(["human", "github", "json", "sarif"]).default("human"))
  .option("--max-file-size <bytes>", "refuse files larger than this (default 64M)", byteCount)
  .option("--quiet", "report errors only, not warnings")
  .option("--max-warnings <count>", "exit 1 when there are more warnings than this", warningCount)
  .option("--output-file <file>", "write the report to this file instead of standard output")
  .option("--color", "colour the human format (default: on a terminal)")
  .option("--no-color", "never colour")
  .addHelpText(
    "after",
    `
Examples:
  $ cuda-modules check redistrib_12.9.1.json feature_12.9.1.json
  $ cuda-modules check path/to/manifests/            (every manifest and release list under it)
  $ cat redistrib_12.9.1.json | cuda-modules check --kind redistrib -
  $ cuda-modules check --format github modules/cuda/manifests/*.json
  $ cuda-modules check --kind releases my-cudnn-list.yaml
  $ cuda-modules check --product nvpl downloads/redistrib_26.5.json

Exit status: 0 every file valid, 1 any file invalid, 2 a usage error or an internal failure.`,
  )
  .action(async (files: string[], options: { kind?: "redistrib" | "feature" | "releases"; product?: string; format: "human" | "github" | "json" | "sarif"; maxFileSize?: number; quiet?: boolean; maxWarnings?: number; outputFile?: string; color?: boolean }) => {
    const { runCheck } = await import("./check-command.js");
    process.exitCode = runCheck(files, options, { stdout: process.stdout, stderr: process.stderr, version: version });
  });

program
  .command("eval")
  .description("Evaluate the CUDA modules with the bundled data and the given module files, and print a value as JSON.")
  .argument("[file...]", "module files: TypeScript or JavaScript (default export), or JSON/YAML definition files; files named redistrib_<version>, feature_<version> or *releases* are data files, in place of the bundled file of the same product and version")
  .option("--product <name>", "the product of the manifests given, over their release_product and folder")
  .option("--attr <path>", "the attribute path to print, Nix style (quoted names allowed)")
  .option("--option <path>", "print the option at this path instead: its type, default, description, declarations and definitions")
  .option("--cuda <version>", "load only the CUDA manifests of this version (e.g. 12.2 or 12.2.2)")
  .option("--color", "colour the diagnostics (default: on a terminal)")
  .option("--no-color", "never colour")
  .addHelpText(
    "after",
    `
Examples:
  $ cuda-modules eval --attr 'cuda.manifests."12.2.2".redistrib.cuda_cudart.version'
  $ cuda-modules eval --cuda 12.2.2 --option 'cuda.manifests."12.2.2".redistrib'
  $ cuda-modules eval my-overrides.yaml --attr cudnn.releases
  $ cuda-modules eval --attr 'newer.manifests.nvpl."26.5".nvpl_blas.version'
  $ cuda-modules eval pr/redistrib_12.9.0.json --attr 'cuda.manifests."12.9.0".redistrib.cuda_nvcc.version'`,
  )
  .action(async (files: string[], options: { attr?: string; option?: string; cuda?: string; product?: string; color?: boolean }) => {
    const { runEval } = await import("./eval-command.js");
    process.exitCode = await runEval(files, options, { stdout: process.stdout, stderr: process.stderr });
  });

program
  .command("plan")
  .description("Print the build plans of every package of a CUDA version on a system, as JSON.")
  .argument("[file...]", "manifests, feature manifests or release lists to plan with, each in place of the bundled file of the same product and version (checked first, as check does)")
  .option("--product <name>", "the product of the manifests given, over their release_product and folder")
  .requiredOption("--cuda <version>", "the CUDA version (e.g. 12.2 or 12.2.2)")
  .requiredOption("--system <system>", "the Nix system: x86_64-linux, aarch64-linux, powerpc64le-linux, x86_64-windows")
  .option("--jetson", "an aarch64-linux build for Jetson devices")
  .option("--package <name>", "only this package's plan (e.g. cuda_cudart, cudnn_8_9)")
  .option("--color", "colour the diagnostics of the files given (default: on a terminal)")
  .option("--no-color", "never colour")
  .addHelpText(
    "after",
    `
Examples:
  $ cuda-modules plan --cuda 12.2 --system x86_64-linux
  $ cuda-modules plan --cuda 12.2.2 --system aarch64-linux --jetson --package cuda_cudart
  $ cuda-modules plan --cuda 12.9.0 --system x86_64-linux path/to/redistrib_12.9.0.json`,
  )
  .action(async (files: string[], options: { cuda: string; system: string; jetson?: boolean; package?: string; product?: string; color?: boolean }) => {
    const { runPlan } = await import("./plan-command.js");
    process.exitCode = runPlan(options, { stdout: process.stdout, stderr: process.stderr }, files);
  });

program
  .command("diff")
  .description("Show what a new manifest changes against an old one: packages added and removed, versions, platforms, variants, outputs; an archive re-published under the same version is a finding (exit 1).")
  .argument("<old>", "the old manifest: a file, or a bundled one as <product>@<version> (cuda@12.8 takes the newest 12.8.x)")
  .argument("<new>", "the new manifest: a file, or a bundled one as <product>@<version>; checked first")
  .addOption(new Option("--format <format>", "how to print the changes").choices(["human", "markdown", "json", "github"]).default("human"))
  .option("--product <name>", "the product of both manifests, over their release_product and folder")
  .option("--system <system>", "also compare the build plans on this Nix system (CUDA manifests)")
  .option("--jetson", "with --system aarch64-linux: a build for Jetson devices")
  .option("--color", "colour the human format (default: on a terminal)")
  .option("--no-color", "never colour")
  .addHelpText(
    "after",
    `
Examples:
  $ cuda-modules diff cuda@12.8.1 cuda@12.9.1
  $ cuda-modules diff --format markdown modules/newer/cudnn/redistrib_9.12.0.json pr/redistrib_9.27.0.json
  $ cuda-modules diff --system x86_64-linux cuda@12.8 path/to/redistrib_12.9.0.json

Exit status: 0 nothing that needs a look, 1 a re-published archive or an invalid new manifest, 2 a usage error.`,
  )
  .action(async (oldFile: string, newFile: string, options: { format: "human" | "markdown" | "json" | "github"; product?: string; system?: string; jetson?: boolean; color?: boolean }) => {
    const { runDiff } = await import("./diff-command.js");
    process.exitCode = runDiff(oldFile, newFile, options, { stdout: process.stdout, stderr: process.stderr });
  });

program
  .command("schema")
  .description("Print (or write) the JSON Schemas (draft-07) of redistrib manifests, feature manifests and release lists, generated from the option declarations.")
  .option("--out <dir>", "write one file per schema into this directory instead of printing them")
  .addHelpText("after", "\nExamples:\n  $ cuda-modules schema --out schemas\n  $ cuda-modules schema > all-schemas.json")
  .action(async (options: { out?: string }) => {
    const { runSchema } = await import("./schema-docs-commands.js");
    process.exitCode = runSchema(options, { stdout: process.stdout, stderr: process.stderr });
  });

program
  .command("docs")
  .description("Print the documentation of the CUDA modules' options: path, type, default, example, description, declarations.")
  .addOption(new Option("--format <format>", "Markdown, or the options.json that nixosOptionsDoc writes").choices(["md", "json"]).default("md"))
  .addHelpText("after", "\nExamples:\n  $ cuda-modules docs > OPTIONS.md\n  $ cuda-modules docs --format json > options.json")
  .action(async (options: { format: "md" | "json" }) => {
    const { runDocs } = await import("./schema-docs-commands.js");
    process.exitCode = runDocs(options, { stdout: process.stdout, stderr: process.stderr });
  });

// A reader that stops early (`cuda-modules plan … | head`) closes the pipe: the output is no longer
// wanted, so the command ends quietly, as Unix tools do, instead of failing with a stack trace.
process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw e;
});

try {
  await program.parseAsync(process.argv);
} catch (e) {
  if (e instanceof CommanderError) {
    // Help and version end with status 0; every other error of the command line is a usage error.
    process.exitCode = e.exitCode === 0 ? 0 : 2;
  } else {
    process.stderr.write(safeText(`cuda-modules: internal error: ${(e as Error).stack ?? String(e)}\nPlease report it.\n`));
    process.exitCode = 2;
  }
}

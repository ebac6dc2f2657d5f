/**
 * The `cuda-modules` command line. Subcommands load their modules only when run, so that `--version`
 * and `--help` start fast. Exit status: 0 success, 1 invalid input, 2 a usage error or an
 * internal failure.
 */
import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { packageVersion } from "./package-version.js";

const version = packageVersion();

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
  .argument("[file...]", "redistrib_<version>.json, feature_<version>.json or releases.json files (JSON or YAML); every bundled file when none is given")
  .addOption(new Option("--kind <kind>", "what the files hold, when their names do not say").choices(["redistrib", "feature", "releases"]))
  .addOption(new Option("--format <format>", "how to print the diagnostics").choices(["human", "github", "json", "sarif"]).default("human"))
  .option("--max-file-size <bytes>", "refuse files larger than this (default 64M)", byteCount)
  .addHelpText(
    "after",
    `
Examples:
  $ cuda-modules check redistrib_12.9.1.json feature_12.9.1.json
  $ cuda-modules check --format github modules/cuda/manifests/*.json
  $ cuda-modules check --kind releases my-cudnn-list.yaml

Exit status: 0 every file valid, 1 any file invalid, 2 a usage error or an internal failure.`,
  )
  .action(async (files: string[], options: { kind?: "redistrib" | "feature" | "releases"; format: "human" | "github" | "json" | "sarif"; maxFileSize?: number }) => {
    const { runCheck } = await import("./check-command.js");
    process.exitCode = runCheck(files, options, { stdout: process.stdout, stderr: process.stderr, version: version });
  });

try {
  await program.parseAsync(process.argv);
} catch (e) {
  if (e instanceof CommanderError) {
    // Help and version end with status 0; every other error of the command line is a usage error.
    process.exitCode = e.exitCode === 0 ? 0 : 2;
  } else {
    process.stderr.write(`cuda-modules: internal error: ${(e as Error).stack ?? String(e)}\nPlease report it.\n`);
    process.exitCode = 2;
  }
}

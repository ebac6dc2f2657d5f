// The package as npm publishes it: what `npm pack` puts in the tarball, and a project of a user
// that installs the tarball and uses the library, its types and the command. These tests read the
// built `dist/` (`npm test` builds it before vitest runs); `npm pack` runs with --ignore-scripts so
// that it does not rebuild `dist/` under the other tests that run it.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const manifest = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as {
  name: string;
  version: string;
  exports: Record<string, string | Record<string, string>>;
  bin: Record<string, string>;
};

/** The environment of a child npm: without the `npm_*` variables of an `npm test` that runs us, which npm would read as its settings. */
const childEnv = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.toLowerCase().startsWith("npm_")));

/** Runs `command ...args` in `cwd`; fails with what it printed when it exits with another status than `status`. */
function run(command: string, args: readonly string[], cwd: string, status = 0): { stdout: string; stderr: string } {
  const result = spawnSync(command, args, { cwd, encoding: "utf8", env: { ...childEnv, NO_COLOR: "1" } });
  if (result.status !== status) {
    throw new Error(`${command} ${args.join(" ")} exited with ${result.status} (${result.error?.message ?? ""}):\n${result.stdout}\n${result.stderr}`);
  }
  return { stdout: result.stdout, stderr: result.stderr };
}

/** The files under `dir` of the repository (relative, with `/`), recursively. */
function filesUnder(dir: string): string[] {
  return readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"));
}

beforeAll(() => {
  if (!existsSync(path.join(root, "dist/src/index.js"))) {
    throw new Error("dist/ is missing: run `npm run build` (npm test and npm ci do) before the package tests.");
  }
});

describe("npm pack --dry-run", () => {
  let files: string[];
  beforeAll(() => {
    const { stdout } = run("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], root);
    files = (JSON.parse(stdout) as { files: { path: string }[] }[])[0]!.files.map((f) => f.path);
  }, 60_000);

  test("lists the built JavaScript and declarations of every export and the bin", () => {
    const targets = [
      ...Object.values(manifest.exports).flatMap((target) => (typeof target === "string" ? [target] : Object.values(target))),
      ...Object.values(manifest.bin),
    ].map((target) => target.replace(/^\.\//, ""));
    expect(targets).toEqual(expect.arrayContaining(["dist/src/index.js", "dist/src/index.d.ts", "dist/src/lib/index.d.ts", "dist/src/cli/main.js"]));
    expect(files).toEqual(expect.arrayContaining(targets));
    // Every module of the built sources comes with its declarations, which the exported ones import;
    // the shared chunks of the bundled entries (scripts/bundle.mjs) are code only.
    const js = files.filter((f) => f.startsWith("dist/") && f.endsWith(".js") && !f.startsWith("dist/src/chunks/"));
    expect(js.length).toBeGreaterThan(100);
    expect(files).toEqual(expect.arrayContaining(js.map((f) => f.replace(/\.js$/, ".d.ts"))));
  });

  test("ships the entries as bundles that share their chunks: one engine for the package, its lib and the command", () => {
    const chunks = files.filter((f) => f.startsWith("dist/src/chunks/") && f.endsWith(".js"));
    expect(chunks.length).toBeGreaterThan(0);
    for (const entry of ["dist/src/index.js", "dist/src/lib/index.js", "dist/src/cli/main.js"]) {
      const text = readFileSync(path.join(root, entry), "utf8");
      // A bundle imports chunks, never the engine's own files (which would be a second copy).
      expect(text).toMatch(/from "\.\.?\/(\.\.\/)?chunks\//);
      expect(text).not.toMatch(/from "\.\.?\/(lib|types|cuda|load)\//);
    }
  });

  test("lists the JSON Schemas and every data file of the modules", () => {
    expect(files).toEqual(expect.arrayContaining(filesUnder("schemas")));
    const data = filesUnder("modules").filter((f) => f.endsWith(".json"));
    expect(data.length).toBeGreaterThan(60);
    expect(files).toEqual(expect.arrayContaining(data));
  });

  test("lists no tests, no TypeScript sources and nothing else (the LICENSE file included)", () => {
    expect(files).toContain("LICENSE");
    // Source maps would name sources the package does not ship: there are none.
    expect(files.filter((f) => f.endsWith(".map"))).toEqual([]);
    expect(files.filter((f) => f.startsWith("test/") || f.startsWith("dist/test/") || /\.test\./.test(f))).toEqual([]);
    const outside = files.filter(
      (f) =>
        !/^dist\/(src|modules)\//.test(f) &&
        !/^modules\/.*\.json$/.test(f) &&
        !f.startsWith("schemas/") &&
        !["package.json", "README.md", "LICENSE", "modules/README.md"].includes(f),
    );
    expect(outside).toEqual([]);
  });
});

describe("a project that installs the packed tarball", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "cuda-modules-package-"));
  const project = path.join(dir, "consumer");
  const tarball = `${manifest.name}-${manifest.version}.tgz`;

  beforeAll(() => {
    run("npm", ["pack", "--ignore-scripts", "--pack-destination", dir], root);
    mkdirSync(project);
    // The installation must work offline. `npm install --offline <tarball>` resolves the
    // dependencies' version ranges against the registry metadata in npm's cache, which may name
    // versions whose tarballs were never fetched; instead the project gets a lockfile whose
    // entries are this repository's own (its production dependencies, exactly as `npm ci`
    // installed them here), so `npm ci --offline` needs nothing the repository's `npm ci` did not
    // put in the cache. The package itself comes from the tarball, so what is tested is what
    // `npm pack` produced; install scripts are skipped (the package has none to run).
    const spec = `file:../${tarball}`;
    const own = JSON.parse(readFileSync(path.join(root, "package-lock.json"), "utf8")) as {
      packages: Record<string, { dev?: boolean; version?: string; license?: string; dependencies?: unknown; bin?: unknown; engines?: unknown }>;
    };
    const self = own.packages[""]!;
    const dependencies = Object.fromEntries(Object.entries(own.packages).filter(([key, entry]) => key !== "" && entry.dev !== true));
    const consumer = { name: "consumer", version: "1.0.0", private: true, type: "module", dependencies: { [manifest.name]: spec } };
    writeFileSync(path.join(project, "package.json"), JSON.stringify(consumer, null, 2));
    writeFileSync(
      path.join(project, "package-lock.json"),
      JSON.stringify(
        {
          name: consumer.name,
          version: consumer.version,
          lockfileVersion: 3,
          requires: true,
          packages: {
            "": { name: consumer.name, version: consumer.version, dependencies: consumer.dependencies },
            [`node_modules/${manifest.name}`]: {
              version: manifest.version,
              resolved: spec,
              license: self.license,
              dependencies: self.dependencies,
              bin: self.bin,
              engines: self.engines,
            },
            ...dependencies,
          },
        },
        null,
        2,
      ),
    );
    run("npm", ["ci", "--offline", "--no-audit", "--no-fund", "--ignore-scripts"], project);
  }, 60_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test("imports the package and its ./lib export, and evaluates a module", () => {
    writeFileSync(
      path.join(project, "use.mjs"),
      [
        'import path from "node:path";',
        'import { fileURLToPath } from "node:url";',
        'import { lib, checkFilesE } from "cuda-modules";',
        'import { lib as lib2 } from "cuda-modules/lib";',
        "const server = { options: { port: lib2.mkOption({ type: lib2.types.port, default: 80 }), hosts: lib.mkOption({ type: lib.types.listOf(lib.types.str), default: [] }) } };",
        'const { config } = lib.evalModules({ modules: [server, { port: lib.mkForce(8080), hosts: ["a.example"] }] });',
        'const from = path.relative(process.cwd(), fileURLToPath(import.meta.resolve("cuda-modules")));',
        'console.log(JSON.stringify({ config, sameEngine: lib === lib2, checkFilesE: typeof checkFilesE, from }));',
      ].join("\n"),
    );
    const { stdout } = run(process.execPath, ["use.mjs"], project);
    expect(JSON.parse(stdout)).toEqual({
      config: { port: 8080, hosts: ["a.example"] },
      sameEngine: true,
      checkFilesE: "function",
      from: path.join("node_modules", "cuda-modules", "dist", "src", "index.js"),
    });
  }, 30_000);

  test("type-checks a TypeScript user of the package against its declarations", () => {
    writeFileSync(
      path.join(project, "use.ts"),
      [
        'import { lib, type ConfigOf } from "cuda-modules/lib";',
        'import { checkFilesE, type CheckDiagnostic } from "cuda-modules";',
        "const server = { options: { port: lib.mkOption({ type: lib.types.port, default: 80 }) } };",
        "const config = lib.evalModules({ modules: [server] }).config as ConfigOf<typeof server>;",
        "export const port: number = config.port;",
        "// @ts-expect-error -- the declarations type the option: a port is no string",
        "export const wrong: string = config.port;",
        'export const result: import("fp-ts").either.Either<CheckDiagnostic[], readonly string[]> = checkFilesE([]);',
      ].join("\n"),
    );
    writeFileSync(
      path.join(project, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: { module: "NodeNext", moduleResolution: "NodeNext", target: "ES2022", strict: true, noEmit: true, skipLibCheck: true, types: [] },
        files: ["use.ts"],
      }),
    );
    run(process.execPath, [path.join(root, "node_modules/typescript/bin/tsc"), "-p", project], project);
  }, 30_000);

  test("runs the installed command: --version, and check of a bundled manifest and of every bundled file", () => {
    expect(run("npx", ["--no", "--", "cuda-modules", "--version"], project).stdout).toBe(`${manifest.version}\n`);
    const one = run("npx", ["--no", "--", "cuda-modules", "check", "node_modules/cuda-modules/modules/cuda/manifests/redistrib_12.2.2.json"], project);
    expect(one.stdout).toBe("✓ 1 file checked: no errors.\n");
    const all = run("npx", ["--no", "--", "cuda-modules", "check"], project);
    // cuDNN 9.27.0's flat archive beside its variant archive, as NVIDIA published it, is the bundle's one warning.
    expect(all.stdout).toMatch(/\n✓ \d+ files checked: no errors, 1 warning\.\n$/);
  }, 30_000);

  test("a production install holds no esbuild (tsx is an optional peer), and a .ts module then names tsx", () => {
    expect(existsSync(path.join(project, "node_modules", "esbuild"))).toBe(false);
    expect(existsSync(path.join(project, "node_modules", "tsx"))).toBe(false);
    writeFileSync(path.join(project, "module.ts"), "export default { config: {} };\n");
    writeFileSync(path.join(project, "module.mjs"), "export default { config: {} };\n");
    const ts = spawnSync("npx", ["--no", "--", "cuda-modules", "eval", "module.ts", "--attr", "newer.features"], { cwd: project, encoding: "utf8", env: { ...childEnv, NO_COLOR: "1" } });
    expect(ts.status).toBe(1);
    expect(ts.stderr).toContain("tsx package, which is not installed");
    expect(run("npx", ["--no", "--", "cuda-modules", "eval", "module.mjs", "--attr", "newer.features"], project).stdout).toBe("{}\n");
  }, 30_000);
});

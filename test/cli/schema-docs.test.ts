// End to end: `cuda-modules schema` gives the checked-in schemas; `cuda-modules docs` the options.
import { mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { root, runCli } from "./run-cli.js";

describe("cuda-modules schema and docs", () => {
  test("schema --out writes exactly the checked-in schemas", () => {
    const out = mkdtempSync(path.join(tmpdir(), "cuda-modules-schema-"));
    expect(runCli(["schema", "--out", out]).status).toBe(0);
    const names = readdirSync(out).sort();
    expect(names).toEqual(readdirSync(path.join(root, "schemas")).sort());
    for (const name of names) expect(readFileSync(path.join(out, name), "utf8")).toBe(readFileSync(path.join(root, "schemas", name), "utf8"));
  });

  test("docs lists the options with type and description, in Markdown and as options.json", () => {
    const md = runCli(["docs"]);
    expect(md.status).toBe(0);
    expect(md.stdout).toContain("## cuda.manifests\n");
    // nixosOptionsDoc's options.json: keyed by option name, without name, internal and visible.
    const json = JSON.parse(runCli(["docs", "--format", "json"]).stdout) as Record<string, { type: string; declarations: string[]; loc: string[]; readOnly: boolean; description: string }>;
    const releases = json["cudnn.releases"];
    expect(releases?.type).toBe("attribute set of list of (open submodule of attribute set of anything)");
    expect(releases?.declarations.length).toBeGreaterThan(0);
    expect(releases?.loc).toEqual(["cudnn", "releases"]);
    expect(Object.keys(releases ?? {}).sort()).toEqual(expect.arrayContaining(["declarations", "description", "loc", "readOnly", "type"]));
    for (const entry of Object.values(json)) expect(entry).not.toHaveProperty("name");
  });

  test("every command has --help with an example", () => {
    for (const command of ["check", "eval", "plan", "schema", "docs"]) {
      const help = runCli([command, "--help"]);
      expect(help.status).toBe(0);
      expect(help.stdout).toContain(`$ cuda-modules ${command}`);
    }
  });
});

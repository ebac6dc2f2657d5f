// Option documentation lists what Nixpkgs' `lib.optionAttrSetToDocList` lists, field for field;
// the expected entries were produced by Nix 2.8 from the same declarations written in Nix (issue 7).
import { describe, expect, test } from "vitest";
import { lib, mkOption, optionDocs, optionDocsMarkdown, types as t, type OptionDoc } from "../../src/lib/index.js";

const server = t.submodule({
  options: {
    host: mkOption({ type: t.str, description: "The host.", example: "example.org" }),
    port: mkOption({ type: t.port, default: 80 }),
    hidden: mkOption({ type: t.int, internal: true, default: 1 }),
  },
});

const evaluation = lib.evalModules({
  modules: [
    {
      _file: "decl.ts",
      options: {
        name: mkOption({ type: t.str, description: "A name." }),
        tags: mkOption({ type: t.listOf(t.str), description: "Tags." }),
        servers: mkOption({ type: t.attrsOf(server), default: {} }),
        list: mkOption({ type: t.listOf(server), default: [] }),
        shallow: mkOption({ type: t.attrsOf(server), visible: "shallow" }),
        transparent: mkOption({ type: t.attrsOf(server), visible: "transparent" }),
        invisible: mkOption({ type: t.attrsOf(server), visible: false }),
        nested: { level: mkOption({ type: t.enum(["a", "b"]), default: "a", readOnly: true }) },
        text: mkOption({
          type: t.lines,
          default: "one\ntwo ${x} ''\n",
          example: { a: [1, 2], "b c": {}, if: null, d: true, e: 1.5 },
        }),
        ex: mkOption({
          type: t.nullOr(t.str),
          defaultText: { _type: "literalExpression", text: "pkgs.hello" },
          example: { _type: "literalMD", text: "some *md*" },
        }),
      },
    },
  ],
});

const byName = (docs: readonly OptionDoc[]) => new Map(docs.map((d) => [d.name, d]));

describe("optionDocs", () => {
  const all = optionDocs(evaluation.options, { includeHidden: true });
  const docs = byName(all);
  const sub = ["_module.args", "_module.check", "_module.freeformType", "_module.specialArgs", "hidden", "host", "port"];

  test("lists every option depth first, names sorted, sub-options under <name> and * (as Nix does)", () => {
    expect(all.map((d) => d.name)).toEqual([
      "_module.args",
      "_module.check",
      "_module.freeformType",
      "_module.specialArgs",
      "ex",
      "invisible",
      "list",
      ...sub.map((n) => `list.*.${n}`),
      "name",
      "nested.level",
      "servers",
      ...sub.map((n) => `servers.<name>.${n}`),
      "shallow",
      "tags",
      "text",
      "transparent",
      ...sub.map((n) => `transparent.<name>.${n}`),
    ]);
  });

  test("an entry has Nixpkgs' fields: loc, name, description, declarations, internal, visible, readOnly, type", () => {
    expect(docs.get("servers.<name>.host")).toEqual({
      loc: ["servers", "<name>", "host"],
      name: "servers.<name>.host",
      description: "The host.",
      declarations: ["decl.ts"],
      internal: false,
      visible: true,
      readOnly: false,
      type: "string",
      example: { _type: "literalExpression", text: '"example.org"' },
    });
    expect(docs.get("nested.level")).toMatchObject({ readOnly: true, type: 'one of "a", "b"', default: { text: '"a"' } });
    expect(docs.get("name")).not.toHaveProperty("default");
  });

  test("a type's empty value is the default where none is declared, except for submodules", () => {
    expect(docs.get("tags")?.default).toEqual({ _type: "literalExpression", text: "[ ]" });
    expect(docs.get("shallow")).not.toHaveProperty("default");
    expect(docs.get("ex")?.default).toEqual({ _type: "literalExpression", text: "pkgs.hello" });
  });

  test("defaultText and literalMD examples are kept as they are", () => {
    expect(docs.get("ex")).toMatchObject({
      default: { _type: "literalExpression", text: "pkgs.hello" },
      example: { _type: "literalMD", text: "some *md*" },
    });
  });

  test("values are rendered as Nix code by toPretty's rules (multi-line strings, escapes, keywords, sorted keys)", () => {
    expect(docs.get("text")?.default?.text).toBe("''\n  one\n  two ''${x} '''\n''");
    expect(docs.get("text")?.example?.text).toBe(
      '{\n  a = [\n    1\n    2\n  ];\n  "b c" = { };\n  d = true;\n  e = 1.5;\n  "if" = null;\n}',
    );
    const single = lib.evalModules({ modules: [{ options: { s: mkOption({ default: 'say "hi" \\ ${x}' }) } }] });
    expect(byName(optionDocs(single.options)).get("s")?.default?.text).toBe('"say \\"hi\\" \\\\ \\${x}"');
  });

  test("visible and internal are shown as Nixpkgs shows them", () => {
    expect(docs.get("shallow")?.visible).toBe(true);
    expect(docs.get("transparent")?.visible).toBe(false);
    expect(docs.get("invisible")?.visible).toBe(false);
    expect(docs.get("servers.<name>.hidden")?.internal).toBe(true);
    expect(docs.get("servers.<name>._module.args")?.internal).toBe(true);
    expect(docs.get("_module.args")?.internal).toBe(false);
  });

  test("by default only visible, non-internal options are listed: shallow hides sub-options, transparent only itself", () => {
    const shown = optionDocs(evaluation.options).map((d) => d.name);
    expect(shown).toContain("shallow");
    expect(shown.filter((n) => n.startsWith("shallow."))).toEqual([]);
    expect(shown).not.toContain("transparent");
    expect(shown).toContain("transparent.<name>.host");
    expect(shown.filter((n) => n.startsWith("invisible"))).toEqual([]);
    expect(shown).not.toContain("servers.<name>.hidden");
    expect(shown).not.toContain("_module.check");
    expect(shown).toContain("_module.args");
  });

  test("declarations name the declaring files and leave out unknown ones", () => {
    const twice = lib.evalModules({
      modules: [
        { _file: "a.ts", options: { x: mkOption({ type: t.listOf(t.int) }) } },
        { _file: "b.ts", options: { x: mkOption({ type: t.listOf(t.int) }) } },
        { options: { y: mkOption({ type: t.int }) } },
      ],
    });
    const listed = byName(optionDocs(twice.options));
    expect([...(listed.get("x")?.declarations ?? [])].sort()).toEqual(["a.ts", "b.ts"]);
    expect(listed.get("y")?.declarations).toEqual([]);
  });
});

describe("optionDocsMarkdown", () => {
  test("renders a section per option with description, type, default, example and declarations", () => {
    const docs = optionDocs(evaluation.options).filter((d) => d.name === "servers.<name>.port" || d.name === "text");
    expect(optionDocsMarkdown(docs)).toBe(
      [
        "## servers.<name>.port",
        "",
        "*Type:*\n16 bit unsigned integer; between 0 and 65535 (both inclusive)",
        "",
        "*Default:*\n`80`",
        "",
        "*Declared by:*\n - `decl.ts`",
        "",
        "## text",
        "",
        '*Type:*\nstrings concatenated with "\\n"',
        "",
        "*Default:*\n```nix\n''\n  one\n  two ''${x} '''\n''\n```",
        "",
        "*Example:*\n```nix\n{\n  a = [\n    1\n    2\n  ];\n  \"b c\" = { };\n  d = true;\n  e = 1.5;\n  \"if\" = null;\n}\n```",
        "",
        "*Declared by:*\n - `decl.ts`",
        "",
      ].join("\n"),
    );
  });

  test("marks read-only options, keeps Markdown examples as Markdown, and is empty for no options", () => {
    const docs = optionDocs(evaluation.options).filter((d) => d.name === "nested.level" || d.name === "ex");
    const text = optionDocsMarkdown(docs);
    expect(text).toContain("## nested.level\n\n*Type:*\none of \"a\", \"b\" *(read only)*");
    expect(text).toContain("*Example:*\nsome *md*");
    expect(text).toContain("## ex\n\n*Type:*\nnull or string\n\n*Default:*\n`pkgs.hello`");
    expect(optionDocsMarkdown([])).toBe("");
  });
});

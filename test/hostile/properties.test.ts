// Issue 10, property tests (fast-check, fixed seeds, bounded runs): random JSON as manifests,
// random mutations of the real manifests, random module sets from the type catalogue. `check`
// never throws, reports only diagnostics of input (never InternalError), never reports a valid
// file invalid, reports every schema-breaking mutation at the mutated path, and (issue 19) gives
// every diagnostic of a file that parses a line.
import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { check, lib, type OptionType } from "../../src/lib/index.js";
import { positionOf, root } from "../cli/run-cli.js";
import { checkPaths, expectWellFormed, scratchDirectory, writeInput } from "./hostile-files.js";

type Json = Record<string, any>;

const dir = scratchDirectory("properties");
const runs = { seed: 20_240_610, numRuns: 40 } as const;
let fileCount = 0;

const realText = (relative: string) => readFileSync(path.join(root, relative), "utf8");
/** Small real manifests (cuTENSOR) and a CUDA pair, so that each run stays fast. */
const redistribFiles = ["modules/cutensor/manifests/redistrib_2.1.0.json", "modules/cutensor/manifests/redistrib_1.3.2.json", "modules/cuda/manifests/redistrib_11.4.4.json"];
const pair = { redistrib: "modules/cutensor/manifests/redistrib_2.0.1.json", feature: "modules/cutensor/manifests/feature_2.0.1.json" };

/** Writes `text` as a fresh file at `name` (under a product directory: `cutensor/…`) in a directory of its own, and checks it. */
function checkText(name: string, text: string, companion?: { name: string; text: string }) {
  const sub = `${fileCount++}`;
  const paths = [writeInput(dir, `${sub}/${name}`, text), ...(companion ? [writeInput(dir, `${sub}/${companion.name}`, companion.text)] : [])];
  const diagnostics = checkPaths(paths);
  expectWellFormed(diagnostics);
  // A file that parses never gets a diagnostic without a line (issue 19).
  const parses = [text, companion?.text].every((t) => {
    if (t === undefined) return true;
    try {
      JSON.parse(t);
      return true;
    } catch {
      return false;
    }
  });
  if (parses) for (const d of diagnostics) expect(d.locations[0]?.line, `${d.kind} at ${d.path.join(".")}: ${d.message.slice(0, 200)}`).toBeDefined();
  return diagnostics;
}

/** A real file's product directory and name (`cutensor/redistrib_2.1.0.json`): the product comes from the directory. */
const asProduct = (file: string) => path.join(file.split("/")[1]!, path.basename(file));

const packageFields = ["name", "license", "version"] as const;
const archiveFields = ["relative_path", "sha256", "md5", "size"] as const;
const featureOutputs = ["bin", "dev", "doc", "lib", "sample", "static"] as const;

/** A package and (optionally) a platform of `data`, picked by two indexes. */
function pick(data: Json, packageIndex: number, platformIndex: number): { pname: string; platform: string } {
  const packages = Object.keys(data).filter((k) => !k.startsWith("release_"));
  const pname = packages[packageIndex % packages.length]!;
  const platforms = Object.keys(data[pname]).filter((k) => !(packageFields as readonly string[]).includes(k) && k !== "license_path");
  return { pname, platform: platforms[platformIndex % platforms.length]! };
}

describe("random JSON as data files", () => {
  test("any JSON value as a redistrib manifest, a feature manifest or a release list: diagnostics only", () => {
    const names = ["redistrib_1.0.0.json", "feature_1.0.0.json", "releases.json"];
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 5 }), fc.nat(2), (value, which) => {
        checkText(names[which]!, JSON.stringify(value));
      }),
      runs,
    );
  });

  test("any JSON value anywhere in a real manifest: diagnostics only", () => {
    const text = realText(redistribFiles[0]!);
    fc.assert(
      fc.property(fc.nat(), fc.nat(), fc.nat(4), fc.jsonValue({ maxDepth: 3 }), (p, q, depth, value) => {
        const data = JSON.parse(text) as Json;
        const { pname, platform } = pick(data, p, q);
        if (depth === 0) data[pname] = value;
        else if (depth === 1) data[pname][platform] = value;
        else data[pname][platform][archiveFields[depth - 1]!] = value;
        checkText(asProduct(redistribFiles[0]!), JSON.stringify(data, null, 2));
      }),
      runs,
    );
  });
});

describe("mutations of the real manifests", () => {
  const mutation = fc.record({
    file: fc.constantFrom(...redistribFiles),
    packageIndex: fc.nat(),
    platformIndex: fc.nat(),
    field: fc.constantFrom(...packageFields, ...archiveFields),
    kind: fc.constantFrom("drop", "retype", "rename", "duplicate", "platform"),
    retyped: fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.string(), { maxLength: 2 }), fc.dictionary(fc.string(), fc.string(), { maxKeys: 2 })),
  });

  test("every schema-breaking mutation is reported at the mutated path", () => {
    fc.assert(
      fc.property(mutation, ({ file, packageIndex, platformIndex, field, kind, retyped }) => {
        const data = JSON.parse(realText(file)) as Json;
        const version = path.basename(file).replace(/^redistrib_|\.json$/g, "");
        const product = file.split("/")[1]!;
        const base = [product, "manifests", version, "redistrib"];
        const { pname, platform } = pick(data, packageIndex, platformIndex);
        const owner: Json = (packageFields as readonly string[]).includes(field) ? data[pname] : data[pname][platform];
        const at = (packageFields as readonly string[]).includes(field) ? [pname, field] : [pname, platform, field];
        const placeholder = "@@mutated@@";
        let expected: { kind: string; path: string[] };
        switch (kind) {
          case "drop":
            delete owner[field];
            expected = { kind: "NoDefinition", path: [...base, ...at] };
            break;
          case "retype":
            owner[field] = retyped;
            expected = { kind: "TypeMismatch", path: [...base, ...at] };
            break;
          case "rename":
            owner[`${field}_renamed`] = owner[field];
            delete owner[field];
            expected = { kind: "NoDefinition", path: [...base, ...at] };
            break;
          case "duplicate": {
            const value = owner[field] as unknown;
            owner[field] = placeholder;
            const text = JSON.stringify(data, null, 4).replace(`"${placeholder}"`, `${JSON.stringify(value)}, "${field}": ${JSON.stringify(value)}`);
            const diagnostics = checkText(asProduct(file), text);
            const second = positionOf(text, `, "${field}": ${JSON.stringify(value)}`);
            expect(diagnostics.map((d) => [d.kind, d.locations[0]?.line, d.locations[0]?.column])).toEqual([["ParseError", second.line, second.column + 2]]);
            return;
          }
          case "platform":
            data[pname]["linux-riscv64"] = data[pname][platform];
            expected = { kind: "InvalidDefinition", path: [...base, pname, "linux-riscv64"] };
            break;
        }
        const diagnostics = checkText(asProduct(file), JSON.stringify(data, null, 4));
        expect(diagnostics.map((d) => ({ kind: d.kind, path: d.path }))).toContainEqual(expected);
        if (kind === "rename") {
          // The renamed key is reported where it stands too: an undeclared option of an archive, or
          // a package field taken for a platform.
          expect(diagnostics.some((d) => d.path.join("\u0000") === [...base, ...at.slice(0, -1), `${field}_renamed`].join("\u0000"))).toBe(true);
        }
      }),
      runs,
    );
  });

  test("a feature manifest with an output retyped, dropped or a platform added is reported at that path", () => {
    const redistribText = realText(pair.redistrib);
    fc.assert(
      fc.property(fc.nat(), fc.nat(), fc.constantFrom(...featureOutputs), fc.constantFrom("drop", "retype", "platform"), (p, q, output, kind) => {
        const data = JSON.parse(realText(pair.feature)) as Json;
        const packages = Object.keys(data);
        const pname = packages[p % packages.length]!;
        const platforms = Object.keys(data[pname]);
        const platform = platforms[q % platforms.length]!;
        const base = ["cutensor", "manifests", "2.0.1", "feature", pname];
        let expected: { kind: string; path: string[] };
        if (kind === "drop") {
          delete data[pname][platform].outputs[output];
          expected = { kind: "NoDefinition", path: [...base, platform, "outputs", output] };
        } else if (kind === "retype") {
          data[pname][platform].outputs[output] = "yes";
          expected = { kind: "TypeMismatch", path: [...base, platform, "outputs", output] };
        } else {
          data[pname]["windows-arm64"] = data[pname][platform];
          expected = { kind: "InvalidDefinition", path: [...base, "windows-arm64"] };
        }
        const diagnostics = checkText("cutensor/feature_2.0.1.json", JSON.stringify(data, null, 4), { name: "cutensor/redistrib_2.0.1.json", text: redistribText });
        expect(diagnostics.map((d) => ({ kind: d.kind, path: d.path }))).toContainEqual(expected);
      }),
      runs,
    );
  });

  test("mutations that keep the schema are never reported: key order, layout, line endings, other valid hashes and sizes", () => {
    const hex = (length: number) => fc.string({ unit: fc.constantFrom(..."0123456789abcdef"), minLength: length, maxLength: length });
    fc.assert(
      fc.property(
        fc.constantFrom(...redistribFiles),
        fc.nat(),
        fc.nat(),
        fc.record({ sha256: hex(64), md5: hex(32), size: fc.bigInt({ min: 0n, max: BigInt(Number.MAX_SAFE_INTEGER) }).map(String) }),
        fc.constantFrom(0, 1, 4, "\t"),
        fc.boolean(),
        fc.boolean(),
        (file, packageIndex, platformIndex, fields, indent, crlf, reverse) => {
          const data = JSON.parse(realText(file)) as Json;
          const { pname, platform } = pick(data, packageIndex, platformIndex);
          Object.assign(data[pname][platform], fields);
          const reorder = (value: unknown): unknown =>
            Array.isArray(value) ? value.map(reorder) : typeof value === "object" && value !== null ? Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reorder(v)])) : value;
          const text = JSON.stringify(reverse ? reorder(data) : data, null, indent);
          expect(checkText(asProduct(file), crlf ? text.replace(/\n/g, "\r\n") : text)).toEqual([]);
        },
      ),
      runs,
    );
  });
});

describe("random module sets from the type catalogue", () => {
  const { mkOption, types } = lib;
  interface Typed {
    readonly type: OptionType;
    readonly valid: fc.Arbitrary<unknown>;
  }
  const leaf: fc.Arbitrary<Typed> = fc.constantFrom<Typed>(
    { type: types.str, valid: fc.string() },
    { type: types.int, valid: fc.integer() },
    { type: types.bool, valid: fc.boolean() },
    { type: types.port, valid: fc.integer({ min: 0, max: 65535 }) },
    { type: types.enum(["a", "b"]), valid: fc.constantFrom("a", "b") },
    { type: types.strMatching("[0-9]+"), valid: fc.stringMatching(/^[0-9]+$/) },
    { type: types.anything, valid: fc.jsonValue({ maxDepth: 2 }) },
  );
  const typed: fc.Arbitrary<Typed> = fc.letrec<{ typed: Typed }>((tie) => ({
    typed: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      leaf,
      tie("typed").map((t) => ({ type: types.listOf(t.type), valid: fc.array(t.valid, { maxLength: 3 }) })),
      tie("typed").map((t) => ({ type: types.attrsOf(t.type), valid: fc.dictionary(fc.string({ maxLength: 12 }), t.valid, { maxKeys: 3 }) })),
      tie("typed").map((t) => ({ type: types.nullOr(t.type), valid: fc.option(t.valid, { nil: null }) })),
      tie("typed").map((t) => ({ type: types.submodule({ options: { v: mkOption({ type: t.type }) } }), valid: t.valid.map((v) => ({ v })) })),
    ),
  })).typed;

  test("a value of the declared type is never reported", () => {
    fc.assert(
      fc.property(
        typed.chain((t) => fc.tuple(fc.constant(t), t.valid)),
        ([t, value]) => {
          expect(check({ modules: [{ options: { x: mkOption({ type: t.type }) } }, { config: { x: value } }] })).toEqual([]);
        },
      ),
      { ...runs, numRuns: 150 },
    );
  });

  test("any JSON value, once or twice with priorities, is reported as data (never an internal error)", () => {
    fc.assert(
      fc.property(typed, fc.array(fc.tuple(fc.jsonValue({ maxDepth: 3 }), fc.constantFrom("plain", "default", "force")), { minLength: 1, maxLength: 3 }), (t, definitions) => {
        const wrap = (value: unknown, priority: string) => (priority === "default" ? lib.mkDefault(value) : priority === "force" ? lib.mkForce(value) : value);
        const modules = [{ options: { x: mkOption({ type: t.type }) } }, ...definitions.map(([value, priority]) => ({ config: { x: wrap(value, priority) } }))];
        const diagnostics = check({ modules });
        for (const d of diagnostics) {
          expect(d.kind).not.toBe("InternalError");
          expect(d.message).not.toMatch(/\[object Object\]|\n\s+at .+:\d+:\d+/);
        }
      }),
      { ...runs, numRuns: 150 },
    );
  });
});

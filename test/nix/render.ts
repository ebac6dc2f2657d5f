// Renders a module set (spec.ts) as source text twice: a JavaScript expression of a list of modules
// for our `lib`, and a Nix expression of `lib.evalModules { ... }`. Both are printed when the engines
// disagree, and the JavaScript text is also what runs, so what is printed is what was tested.
import type { Alias, CaseSpec, Cond, Def, Derived, Freeform, Json, ModuleSpec, OptTree, SubmoduleSpec, TypeSpec } from "./spec.js";

/**
 * Whether writing a definition in JavaScript reads `config` at once, so that what holds it needs a
 * getter. A property whose content reads `config` keeps that content behind a getter of its own
 * (see `js.property`), as Nix leaves it unevaluated until the property is discharged (and never
 * evaluates it when a condition is false or a higher priority wins); the contents of a `mkMerge`
 * are all forced when it is discharged, in Nix too.
 */
function readsHere(d: Def): boolean {
  switch (d.d) {
    case "read":
      return true;
    case "merge":
      return d.of.some(readsHere);
    case "getter":
      return readsHere(d.of);
    default:
      return false;
  }
}

/** The text `mkRemovedOptionModule` gets as replacement instructions. */
const removalInstructions = "Gone for good.";

/** A name as a JavaScript string literal (an attribute name or a computed access). */
const jsName = (k: string): string => JSON.stringify(k);

/** The JavaScript text of a bulk definition (spec.ts `Def`), building the same data as the Nix text. */
function jsBulk(n: number, offset: number, variant: number): string {
  return (
    `Object.fromEntries(Array.from({ length: ${n} }, (_, i) => ["e" + (i + ${offset}), ` +
    `{ version: "${variant}." + i, size: i, deps: i === 0 ? [] : ["e" + (i + ${offset} - 1)] }]))`
  );
}

/** The Nix text of a bulk definition. */
function nixBulk(n: number, offset: number, variant: number): string {
  return (
    `(builtins.listToAttrs (builtins.genList (i: { name = "e\${toString (i + ${offset})}"; ` +
    `value = { version = "${variant}.\${toString i}"; size = i; deps = if i == 0 then [ ] else [ "e\${toString (i + ${offset} - 1)}" ]; }; }) ${n}))`
  );
}

const jsFreeform = (f: Freeform): string => (f === "attrsOf int" ? "lib.types.attrsOf(lib.types.int)" : "lib.types.lazyAttrsOf(lib.types.anything)");
const nixFreeform = (f: Freeform): string => (f === "attrsOf int" ? "lib.types.attrsOf lib.types.int" : "lib.types.lazyAttrsOf lib.types.anything");

/** The bookkeeping options a submodule's aliases need: `assertions` for a removal, `warnings` where asked for. */
function bookkeeping(t: SubmoduleSpec): ("assertions" | "warnings")[] {
  const out: ("assertions" | "warnings")[] = [];
  if ((t.aliases ?? []).some((a) => a.a === "removed")) out.push("assertions");
  if (t.warnings === true) out.push("warnings");
  return out;
}

const js = {
  json: (v: Json): string => JSON.stringify(v),
  type(t: TypeSpec): string {
    switch (t.t) {
      case "int":
      case "str":
      case "bool":
      case "port":
      case "lines":
      case "commas":
      case "anything":
        return `lib.types.${t.t}`;
      case "between":
        return "lib.types.ints.between(0, 10)";
      case "enum":
        return 'lib.types.enum(["a", "b", "c"])';
      case "strMatching":
        return 'lib.types.strMatching("[a-z]+")';
      case "uniq":
        return "lib.types.uniq(lib.types.int)";
      case "either":
        return "lib.types.either(lib.types.int, lib.types.str)";
      case "coercedTo":
        return "lib.types.coercedTo(lib.types.int, (n) => String(n), lib.types.str)";
      case "nullOr":
      case "listOf":
      case "functionTo":
        return `lib.types.${t.t}(${js.type(t.of)})`;
      case "attrsOf":
        return `lib.types.${t.lazy ? "lazyAttrsOf" : "attrsOf"}(${js.type(t.of)})`;
      case "alternatives":
        if (t.oneOf) return `lib.types.oneOf([${t.of.map(js.type).join(", ")}])`;
        return t.of.map(js.type).reduceRight((rest, a) => `lib.types.either(${a}, ${rest})`);
      case "coerce":
        return `lib.types.coercedTo(lib.types.int, (_) => (${js.json(t.result)}), ${js.type(t.to)})`;
      case "deferred":
        return "lib.types.deferredModule";
      case "submodule":
        return js.submodule(t);
    }
  },
  submodule(t: SubmoduleSpec): string {
    const free = t.freeform === "none" ? "" : `freeformType: ${jsFreeform(t.freeform)}, `;
    const extra = bookkeeping(t).map((k) => (k === "assertions" ? "assertions: lib.mkOption({ type: lib.types.listOf(lib.types.unspecified), default: [] })" : "warnings: lib.mkOption({ type: lib.types.listOf(lib.types.str), default: [] })"));
    const allOpts = js.options(t.options, extra, t.byName);
    const aliases = (t.aliases ?? []).map(js.alias);
    const declarations = `{ ${free}${aliases.length > 0 ? `imports: [${aliases.join(", ")}], ` : ""}options: ${allOpts} }`;
    const base = (t.byName ?? []).length > 0 ? `(({ name }) => (${declarations}))` : declarations;
    const modules = [base];
    if ((t.derived ?? []).length > 0) modules.push(js.derived(t.derived ?? []));
    if (t.importsOption !== undefined) modules.push(`() => ({ get imports() { return [config[${jsName(t.importsOption)}]]; } })`);
    if (t.junk === true) modules.push("42");
    if (t.with === true) return `lib.types.submoduleWith({ modules: [${modules.join(", ")}] })`;
    return modules.length === 1 ? `lib.types.submodule(${base})` : `lib.types.submodule([${modules.join(", ")}])`;
  },
  path: (p: readonly string[]): string => `[${p.map(jsName).join(", ")}]`,
  alias: (a: Alias): string =>
    a.a === "removed" ? `lib.mkRemovedOptionModule(${js.path(a.from)}, ${JSON.stringify(removalInstructions)})` : `lib.mkRenamedOptionModule(${js.path(a.from)}, ${js.path(a.to)})`,
  /** The module function of `{ config, name }` that defines options from others; a `mkDefault` keeps its read of `config` behind a getter (see `js.property`). */
  derived(ds: readonly Derived[]): string {
    const fields = ds.map((d) => {
      if (d.source === null) return `${jsName(d.target)}: ${d.wrap === "default" ? "lib.mkDefault(name)" : "name"}`;
      const source = `config[${jsName(d.source)}]`;
      return d.wrap === "default" ? `${jsName(d.target)}: { _type: "override", priority: 1000, get content() { return ${source}; } }` : `get ${jsName(d.target)}() { return ${source}; }`;
    });
    return `({ config, name }) => ({ config: { ${fields.join(", ")} } })`;
  },
  /** An option tree's declarations, and `extra` declarations written out already. */
  options(tree: OptTree, extra: readonly string[] = [], byName: readonly string[] = []): string {
    const fields = Object.entries(tree).map(([k, n]) => {
      if (n.kind === "group") return `${jsName(k)}: ${js.options(n.children)}`;
      const dflt = byName.includes(k) ? ", default: name" : n.default === undefined ? "" : `, default: ${js.json(n.default)}`;
      return `${jsName(k)}: lib.mkOption({ type: ${js.type(n.type)}${dflt} })`;
    });
    return `{ ${[...fields, ...extra].join(", ")} }`;
  },
  cond: (c: Cond): string => (c.c === "const" ? String(c.v) : `() => config.flags.${c.name}`),
  def(d: Def): string {
    switch (d.d) {
      case "value":
        return js.json(d.v);
      case "read":
        return `config.flags.${d.name}`;
      case "bulk":
        return jsBulk(d.n, d.offset, d.variant);
      case "set":
        return `{ ${d.fields.map(([k, v]) => (readsHere(v) || v.d === "getter" ? `get ${jsName(k)}() { return ${js.def(v)}; }` : `${jsName(k)}: ${js.def(v)}`)).join(", ")} }`;
      case "getter":
        return js.def(d.of);
      case "default":
        return readsHere(d.of) ? js.property("override", d.of, "priority: 1000") : `lib.mkDefault(${js.def(d.of)})`;
      case "force":
        return readsHere(d.of) ? js.property("override", d.of, "priority: 50") : `lib.mkForce(${js.def(d.of)})`;
      case "override":
        return readsHere(d.of) ? js.property("override", d.of, `priority: ${d.prio}`) : `lib.mkOverride(${d.prio}, ${js.def(d.of)})`;
      case "order":
        return readsHere(d.of) ? js.property("order", d.of, `priority: ${d.prio}`) : `lib.mkOrder(${d.prio}, ${js.def(d.of)})`;
      case "if":
        return readsHere(d.of) ? js.property("if", d.of, `condition: ${js.cond(d.cond)}`) : `lib.mkIf(${js.cond(d.cond)}, ${js.def(d.of)})`;
      case "merge":
        return `lib.mkMerge([${d.of.map(js.def).join(", ")}])`;
    }
  },
  /**
   * A property written as the set `lib.mkIf`, `lib.mkOverride` or `lib.mkOrder` returns, with its
   * content behind a getter: the content reads `config`, which Nix evaluates only if the property
   * is discharged and its definition kept.
   */
  property(type: "if" | "override" | "order", content: Def, field: string): string {
    return `{ _type: "${type}", ${field}, get content() { return ${js.def(content)}; } }`;
  },
  module(m: ModuleSpec): string {
    const parts = [`imports: [${m.imports.map(js.module).join(", ")}]`];
    if (m.options) parts.push(`options: ${js.options(m.options)}`);
    if (m.config) parts.push(readsHere(m.config) ? `get config() { return ${js.def(m.config)}; }` : `config: ${js.def(m.config)}`);
    return `({ config }) => ({ ${parts.join(", ")} })`;
  },
};

/** The JavaScript text of the case's module list; evaluate it with `lib` in scope. */
export function renderJs(spec: CaseSpec): string {
  return `[${spec.modules.map(js.module).join(",\n ")}]`;
}

/** A string as a Nix string literal (also an attribute name: `"if"`, `"cost$"`, `"\${x}"`). */
export function nixString(s: string): string {
  return `"${s.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\$\{/g, "\\${").replace(/\n/g, "\\n")}"`;
}

/** An attribute path in Nix, every name quoted: `"a"."if"`. */
export function nixPath(path: readonly string[]): string {
  return path.map(nixString).join(".");
}

const nix = {
  json(v: Json): string {
    if (v === null) return "null";
    if (typeof v === "boolean") return String(v);
    if (typeof v === "number") return v < 0 ? `(${v})` : String(v);
    if (typeof v === "string") return nixString(v);
    if (Array.isArray(v)) return `[ ${(v as readonly Json[]).map(nix.json).join(" ")} ]`;
    return `{ ${Object.entries(v as Record<string, Json>).map(([k, x]) => `${nixString(k)} = ${nix.json(x)};`).join(" ")} }`;
  },
  type(t: TypeSpec): string {
    switch (t.t) {
      case "int":
      case "str":
      case "bool":
      case "port":
      case "lines":
      case "commas":
      case "anything":
        return `lib.types.${t.t}`;
      case "between":
        return "(lib.types.ints.between 0 10)";
      case "enum":
        return '(lib.types.enum [ "a" "b" "c" ])';
      case "strMatching":
        return '(lib.types.strMatching "[a-z]+")';
      case "uniq":
        return "(lib.types.uniq lib.types.int)";
      case "either":
        return "(lib.types.either lib.types.int lib.types.str)";
      case "coercedTo":
        return "(lib.types.coercedTo lib.types.int builtins.toString lib.types.str)";
      case "nullOr":
      case "listOf":
      case "functionTo":
        return `(lib.types.${t.t} ${nix.type(t.of)})`;
      case "attrsOf":
        return `(lib.types.${t.lazy ? "lazyAttrsOf" : "attrsOf"} ${nix.type(t.of)})`;
      case "alternatives":
        if (t.oneOf) return `(lib.types.oneOf [ ${t.of.map(nix.type).join(" ")} ])`;
        return t.of.map(nix.type).reduceRight((rest, a) => `(lib.types.either ${a} ${rest})`);
      case "coerce":
        return `(lib.types.coercedTo lib.types.int (_: ${nix.json(t.result)}) ${nix.type(t.to)})`;
      case "deferred":
        return "lib.types.deferredModule";
      case "submodule":
        return nix.submodule(t);
    }
  },
  submodule(t: SubmoduleSpec): string {
    const free = t.freeform === "none" ? "" : `freeformType = ${nixFreeform(t.freeform)}; `;
    const extra = bookkeeping(t).map((k) => (k === "assertions" ? "assertions = lib.mkOption { type = lib.types.listOf lib.types.unspecified; default = [ ]; };" : "warnings = lib.mkOption { type = lib.types.listOf lib.types.str; default = [ ]; };"));
    const allOpts = nix.options(t.options, extra, t.byName);
    const aliases = (t.aliases ?? []).map(nix.alias);
    const declarations = `{ ${free}${aliases.length > 0 ? `imports = [ ${aliases.join(" ")} ]; ` : ""}options = ${allOpts}; }`;
    const base = (t.byName ?? []).length > 0 ? `({ name, ... }: ${declarations})` : declarations;
    const modules = [base];
    if ((t.derived ?? []).length > 0) modules.push(nix.derived(t.derived ?? []));
    if (t.importsOption !== undefined) modules.push(`({ ... }: { imports = [ config.${nixString(t.importsOption)} ]; })`);
    if (t.junk === true) modules.push("42");
    if (t.with === true) return `(lib.types.submoduleWith { modules = [ ${modules.join(" ")} ]; })`;
    return modules.length === 1 ? `(lib.types.submodule ${base})` : `(lib.types.submodule [ ${modules.join(" ")} ])`;
  },
  path: (p: readonly string[]): string => `[ ${p.map(nixString).join(" ")} ]`,
  alias: (a: Alias): string =>
    a.a === "removed" ? `(lib.mkRemovedOptionModule ${nix.path(a.from)} ${nixString(removalInstructions)})` : `(lib.mkRenamedOptionModule ${nix.path(a.from)} ${nix.path(a.to)})`,
  derived(ds: readonly Derived[]): string {
    const fields = ds.map((d) => {
      const source = d.source === null ? "name" : `config.${nixString(d.source)}`;
      return `${nixString(d.target)} = ${d.wrap === "default" ? `(lib.mkDefault ${source})` : source};`;
    });
    return `({ config, name, ... }: { config = { ${fields.join(" ")} }; })`;
  },
  /** An option tree's declarations, and `extra` declarations written out already. */
  options(tree: OptTree, extra: readonly string[] = [], byName: readonly string[] = []): string {
    const fields = Object.entries(tree).map(([k, n]) => {
      if (n.kind === "group") return `${nixString(k)} = ${nix.options(n.children)};`;
      const dflt = byName.includes(k) ? " default = name;" : n.default === undefined ? "" : ` default = ${nix.json(n.default)};`;
      return `${nixString(k)} = lib.mkOption { type = ${nix.type(n.type)};${dflt} };`;
    });
    return `{ ${[...fields, ...extra].join(" ")} }`;
  },
  cond: (c: Cond): string => (c.c === "const" ? String(c.v) : `config.flags.${c.name}`),
  def(d: Def): string {
    switch (d.d) {
      case "value":
        return nix.json(d.v);
      case "read":
        return `config.flags.${d.name}`;
      case "bulk":
        return nixBulk(d.n, d.offset, d.variant);
      case "set":
        return `{ ${d.fields.map(([k, v]) => `${nixString(k)} = ${nix.def(v)};`).join(" ")} }`;
      case "default":
        return `(lib.mkDefault ${nix.def(d.of)})`;
      case "force":
        return `(lib.mkForce ${nix.def(d.of)})`;
      case "override":
        return `(lib.mkOverride ${d.prio} ${nix.def(d.of)})`;
      case "order":
        return `(lib.mkOrder ${d.prio} ${nix.def(d.of)})`;
      case "if":
        return `(lib.mkIf ${nix.cond(d.cond)} ${nix.def(d.of)})`;
      case "merge":
        return `(lib.mkMerge [ ${d.of.map(nix.def).join(" ")} ])`;
      case "getter":
        return nix.def(d.of);
    }
  },
  module(m: ModuleSpec): string {
    const parts = [`imports = [ ${m.imports.map(nix.module).join(" ")} ];`];
    if (m.options) parts.push(`options = ${nix.options(m.options)};`);
    if (m.config) parts.push(`config = ${nix.def(m.config)};`);
    return `({ config, lib, ... }: { ${parts.join(" ")} })`;
  },
};

/** The Nix expression (one line) of `lib.evalModules` over the case's modules; `lib` must be in scope. */
export function renderNix(spec: CaseSpec): string {
  return `lib.evalModules { modules = [ ${spec.modules.map(nix.module).join(" ")} ]; }`;
}

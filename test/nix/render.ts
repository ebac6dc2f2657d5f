// Renders a module set (spec.ts) as source text twice: a JavaScript expression of a list of modules
// for our `lib`, and a Nix expression of `lib.evalModules { ... }`. Both are printed when the engines
// disagree, and the JavaScript text is also what runs, so what is printed is what was tested.
import type { CaseSpec, Cond, Def, Json, ModuleSpec, OptTree, TypeSpec } from "./spec.js";

/** Whether a definition reads `config` where it stands (not inside a nested set), so that JavaScript needs a getter. */
function readsHere(d: Def): boolean {
  switch (d.d) {
    case "read":
      return true;
    case "value":
    case "set":
      return false;
    case "merge":
      return d.of.some(readsHere);
    default:
      return readsHere(d.of);
  }
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
        return `lib.types.${t.t}(${js.type(t.of)})`;
      case "attrsOf":
        return `lib.types.${t.lazy ? "lazyAttrsOf" : "attrsOf"}(${js.type(t.of)})`;
      case "submodule": {
        const free = t.freeform === "none" ? "" : `freeformType: ${t.freeform === "attrsOf int" ? "lib.types.attrsOf(lib.types.int)" : "lib.types.lazyAttrsOf(lib.types.anything)"}, `;
        return `lib.types.submodule({ ${free}options: ${js.options(t.options)} })`;
      }
    }
  },
  options(tree: OptTree): string {
    const fields = Object.entries(tree).map(([k, n]) => {
      if (n.kind === "group") return `${JSON.stringify(k)}: ${js.options(n.children)}`;
      const dflt = n.default === undefined ? "" : `, default: ${js.json(n.default)}`;
      return `${JSON.stringify(k)}: lib.mkOption({ type: ${js.type(n.type)}${dflt} })`;
    });
    return `{ ${fields.join(", ")} }`;
  },
  cond: (c: Cond): string => (c.c === "const" ? String(c.v) : `() => config.flags.${c.name}`),
  def(d: Def): string {
    switch (d.d) {
      case "value":
        return js.json(d.v);
      case "read":
        return `config.flags.${d.name}`;
      case "set":
        return `{ ${d.fields.map(([k, v]) => (readsHere(v) ? `get ${JSON.stringify(k)}() { return ${js.def(v)}; }` : `${JSON.stringify(k)}: ${js.def(v)}`)).join(", ")} }`;
      case "default":
        return `lib.mkDefault(${js.def(d.of)})`;
      case "force":
        return `lib.mkForce(${js.def(d.of)})`;
      case "override":
        return `lib.mkOverride(${d.prio}, ${js.def(d.of)})`;
      case "order":
        return `lib.mkOrder(${d.prio}, ${js.def(d.of)})`;
      case "if":
        return `lib.mkIf(${js.cond(d.cond)}, ${js.def(d.of)})`;
      case "merge":
        return `lib.mkMerge([${d.of.map(js.def).join(", ")}])`;
    }
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

function nixString(s: string): string {
  return `"${s.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\$\{/g, "\\${").replace(/\n/g, "\\n")}"`;
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
        return `(lib.types.${t.t} ${nix.type(t.of)})`;
      case "attrsOf":
        return `(lib.types.${t.lazy ? "lazyAttrsOf" : "attrsOf"} ${nix.type(t.of)})`;
      case "submodule": {
        const free = t.freeform === "none" ? "" : `freeformType = ${t.freeform === "attrsOf int" ? "lib.types.attrsOf lib.types.int" : "lib.types.lazyAttrsOf lib.types.anything"}; `;
        return `(lib.types.submodule { ${free}options = ${nix.options(t.options)}; })`;
      }
    }
  },
  options(tree: OptTree): string {
    const fields = Object.entries(tree).map(([k, n]) => {
      if (n.kind === "group") return `${nixString(k)} = ${nix.options(n.children)};`;
      const dflt = n.default === undefined ? "" : ` default = ${nix.json(n.default)};`;
      return `${nixString(k)} = lib.mkOption { type = ${nix.type(n.type)};${dflt} };`;
    });
    return `{ ${fields.join(" ")} }`;
  },
  cond: (c: Cond): string => (c.c === "const" ? String(c.v) : `config.flags.${c.name}`),
  def(d: Def): string {
    switch (d.d) {
      case "value":
        return nix.json(d.v);
      case "read":
        return `config.flags.${d.name}`;
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

/**
 * A fast plan compiled to a function, as ajv compiles a schema: the plan's option names become
 * property names in the code, so that reading a definition's fields and making the configuration
 * are named property reads and one object literal instead of loops over the plan with keyed reads
 * and stores (which V8 runs slowly while the code is cold, and which keeps it cold longer).
 *
 * The compiled function gives what the interpreting merge (`fastConfig`) gives. Option names
 * enter the code only as JSON string literals; a plan with an option named `__proto__` (which a
 * literal would take as the prototype) is not compiled, nor is any plan where the runtime refuses
 * to make code from strings.
 */
import type { Attrs } from "../attrs.js";

/** What a compiled configuration reads: the same helpers and constants the interpreting merge uses. */
export interface CompiledConfigEnvironment {
  readonly notCovered: symbol;
  readonly noDefault: symbol;
  readonly isOwnGetter: (obj: object, key: string) => boolean;
  readonly isPlainDefinition: (value: unknown) => boolean;
  /** The value of option `index` from a definition's field or a default, or `notCovered`. */
  readonly child: (index: number, value: unknown, loc: readonly string[], file: string | null) => unknown;
  /** The value of option `index` where neither the definition nor a default gives one. */
  readonly empty: (index: number) => unknown;
  /**
   * Sets free-form name `key` of `out` from the definition's entry, as the free-form set type
   * merges it; absent where the plan has no free-form type whose entries the fast path merges.
   */
  readonly freeformEntry: ((out: Attrs, key: string, entry: unknown, loc: readonly string[], file: string) => void) | undefined;
  /** Sets an own property of `out`, `__proto__` included. */
  readonly setOwn: (out: object, key: string, value: unknown) => void;
  /**
   * For each option whose type's fast merge is its value once a check accepts it, that check
   * (null for the others, which `child` merges): the code runs it itself, and counts as `child` does.
   */
  readonly identityChecks: readonly (((value: unknown) => boolean) | null)[];
  /** The fast path's counts of values taken and declined. */
  readonly counts: { taken: number; declined: number };
}

/** The options of a plan as its compiled code needs them. */
export interface CompiledOption {
  readonly name: string;
  readonly readOnly: boolean;
  /** The plan's own default (`noDefault` where none), used where a call gives no defaults. */
  readonly default: unknown;
}

/** A compiled configuration: the value's configuration under the plan, or `notCovered`. */
export type CompiledConfig = (defaults: readonly unknown[] | null, value: Attrs, loc: readonly string[], file: string) => unknown;

/**
 * A plan of more options stays interpreted: its code would grow with every option (and a name
 * may be long), and a function that large is not optimised by V8 anyway.
 */
const maxCompiledOptions = 256;

/**
 * The compiled configuration of a plan with the given options (sorted by name) and free-form
 * type (whether it has one); null where it cannot be compiled.
 */
export function compileConfig(options: readonly CompiledOption[], hasFreeform: boolean, env: CompiledConfigEnvironment): CompiledConfig | null {
  if (options.length > maxCompiledOptions || options.some((o) => o.name === "__proto__")) return null;
  const names = options.map((o) => JSON.stringify(o.name));
  const lines: string[] = [];
  lines.push("const { notCovered, noDefault, isOwnGetter, isPlainDefinition, child, empty, freeformEntry, setOwn, identityChecks, counts } = env;");
  options.forEach((_, j) => {
    if (env.identityChecks[j] != null) lines.push(`const check${j} = identityChecks[${j}];`);
  });
  lines.push("return function compiledConfig(defaults, value, loc, file) {");
  lines.push("  let unmatched = null;");
  // Which options the definition gives: its enumerable keys, as the general path reads them.
  if (options.length > 0) lines.push(`  let ${options.map((_, j) => `has${j} = false`).join(", ")};`);
  lines.push("  const keys = Object.keys(value);");
  lines.push("  for (let i = 0; i < keys.length; i++) {");
  lines.push("    const key = keys[i];");
  lines.push("    if (isOwnGetter(value, key)) return notCovered;");
  if (names.length > 0) lines.push(`    switch (key) { ${names.map((n, j) => `case ${n}: has${j} = true; continue;`).join(" ")} }`);
  lines.push(hasFreeform ? '    if (key === "_module" || !isPlainDefinition(value[key])) return notCovered;' : "    return notCovered;");
  lines.push("    (unmatched ??= []).push(key);");
  lines.push("  }");
  lines.push("  if (unmatched !== null && freeformEntry === undefined) return notCovered;");
  lines.push("  const given = defaults === null ? planDefaults : defaults;");
  options.forEach((option, j) => {
    const name = names[j]!;
    lines.push(`  let v${j};`);
    lines.push(`  if (has${j}) {`);
    if (option.readOnly) lines.push(`    if (given[${j}] !== noDefault) return notCovered;`);
    if (env.identityChecks[j] != null) {
      // `child`'s work inline: a plain value that the check accepts is the option's value.
      const checked = [
        `    if (!((typeof v${j} !== "object" || v${j} === null || isPlainDefinition(v${j})) && check${j}(v${j}))) {`,
        "      counts.declined++;",
        "      return notCovered;",
        "    }",
        "    counts.taken++;",
      ];
      lines.push(`    v${j} = value[${name}];`, ...checked);
      lines.push(`  } else if (given[${j}] !== noDefault) {`);
      lines.push(`    v${j} = given[${j}];`, ...checked);
      lines.push("  } else {");
      lines.push(`    v${j} = empty(${j});`);
      lines.push(`    if (v${j} === notCovered) return notCovered;`);
      lines.push("  }");
      return;
    }
    lines.push(`    v${j} = child(${j}, value[${name}], loc, file);`);
    lines.push(`  } else if (given[${j}] !== noDefault) {`);
    lines.push(`    v${j} = child(${j}, given[${j}], loc, null);`);
    lines.push("  } else {");
    lines.push(`    v${j} = empty(${j});`);
    lines.push("  }");
    lines.push(`  if (v${j} === notCovered) return notCovered;`);
  });
  lines.push("  if (unmatched === null) {");
  lines.push(`    return { ${names.map((n, j) => `${n}: v${j}`).join(", ")} };`);
  lines.push("  }");
  // As `recursiveUpdate` lays the declared options over the free-form names: every key, sorted.
  // The default sort orders strings by UTF-16 code units, as `compareNames` does.
  lines.push("  unmatched.sort();");
  lines.push("  const out = {};");
  lines.push("  let u = 0;");
  options.forEach((_, j) => {
    lines.push(`  for (; u < unmatched.length && unmatched[u] < ${names[j]!}; u++) freeformEntry(out, unmatched[u], value[unmatched[u]], loc, file);`);
    lines.push(`  setOwn(out, ${names[j]!}, v${j});`);
  });
  lines.push("  for (; u < unmatched.length; u++) freeformEntry(out, unmatched[u], value[unmatched[u]], loc, file);");
  lines.push("  return out;");
  lines.push("};");
  try {
    const make = new Function("env", "planDefaults", lines.join("\n")) as (env: CompiledConfigEnvironment, planDefaults: readonly unknown[]) => CompiledConfig;
    return make(env, options.map((o) => o.default));
  } catch (e) {
    // The runtime refuses code made from strings (--disallow-code-generation-from-strings); any
    // other error is a fault of this generator, which the tests must see.
    if (e instanceof EvalError) return null;
    throw e;
  }
}

/**
 * `mergeAttrDefinitionsWithPrio` (Nixpkgs' `lib.modules`): the definitions of an attribute-set
 * option merged name by name, each with its own winning priority, for a caller that forwards them
 * elsewhere without losing which ones were `mkDefault` or `mkForce`.
 */
import { compareNames, defineLazy, isAttrs, type Attrs } from "./attrs.js";
import { pushDown, type PendingDefinition } from "./definitions.js";
import { ModuleError } from "./errors.js";
import { lazyProperty } from "./lazy.js";
import { mergeDefinitions } from "./merge-definitions.js";
import { showOption } from "./show.js";
import type { OptionType } from "./types/type.js";

/** One name's merged value (computed when read) and the priority of the definitions that won. */
export interface AttrDefinitionWithPrio {
  readonly value: unknown;
  readonly highestPrio: number;
}

/**
 * Merges the definitions of `opt`, an option of an evaluation (`options.<path>`) whose type is
 * `attrsOf` or `lazyAttrsOf`, name by name: for each name, its value and `highestPrio`, the
 * priority of its winning definitions. Reading a priority does not evaluate the value. Like
 * Nixpkgs', it does not apply every option rule (`readOnly`, `apply`).
 * @example mergeAttrDefinitionsWithPrio(options._module.args).pkgs.highestPrio // 1000 where pkgs is mkDefault
 */
export function mergeAttrDefinitionsWithPrio(opt: Attrs): Record<string, AttrDefinitionWithPrio> {
  const type = opt["type"] as OptionType;
  const loc = opt["loc"] as readonly string[];
  if (type.name !== "attrsOf" && type.name !== "lazyAttrsOf") {
    throw new ModuleError({
      kind: "InvalidDefinition",
      path: loc,
      message: `mergeAttrDefinitionsWithPrio takes an option of type attrsOf or lazyAttrsOf, but \`${showOption(loc)}' is of type \`${type.description}'.`,
    });
  }
  const byName = new Map<string, PendingDefinition[]>();
  for (const def of opt["definitionsWithLocations"] as readonly { file: string; value: unknown }[]) {
    for (const set of pushDown(def.value)) {
      if (!isAttrs(set)) continue;
      for (const name of Object.keys(set)) {
        let defs = byName.get(name);
        if (defs === undefined) byName.set(name, (defs = []));
        defs.push({ file: def.file, value: lazyProperty(set, name) });
      }
    }
  }
  const result: Record<string, AttrDefinitionWithPrio> = {};
  for (const name of [...byName.keys()].sort(compareNames)) {
    const merging = mergeDefinitions([...loc, name], type.nestedTypes["elemType"]!, byName.get(name)!);
    const entry = {} as AttrDefinitionWithPrio;
    defineLazy(entry, "value", () => merging.mergedValue);
    defineLazy(entry, "highestPrio", () => merging.highestPrio);
    result[name] = entry;
  }
  return result;
}

/**
 * Several declarations of one option become one (Nixpkgs' `mergeOptionDecls` and
 * `fixupOptionType`): their types merge where the type family allows it, at most one may give a
 * default, example, description or apply, and the sub-modules of submodule types are gathered.
 */
import { type Attrs } from "./attrs.js";
import { ModuleError } from "./errors.js";
import { declares, isOption, mkOption } from "./options.js";
import { setDefaultModuleLocation } from "./module-location.js";
import { showFiles, showOption, showValue } from "./show.js";
import { unspecified } from "./types/basic.js";
import { submoduleWith } from "./types/submodule.js";
import { isOptionType, type OptionType } from "./types/type.js";

/** One module's declaration of an option (or of a set of options) at some path. */
export interface Declaration {
  readonly file: string;
  readonly options: unknown;
}

/** Several declarations merged: the fields of the declarations, plus where they came from. */
export interface MergedDeclaration {
  readonly loc: readonly string[];
  readonly declarations: readonly string[];
  readonly type: OptionType;
  /** The merged declaration's fields (getters kept lazy): default, description, apply, ... */
  readonly fields: Attrs;
}

const exclusiveFields = ["default", "example", "description", "apply"] as const;

function duplicate(loc: readonly string[], file: string, earlier: readonly string[], why: string): ModuleError {
  return new ModuleError({
    kind: "DuplicateDeclaration",
    path: loc,
    declarations: [...earlier, file],
    message:
      `The option \`${showOption(loc)}' in \`${file}' is already declared in ${showFiles(earlier)}, and ${why}. ` +
      "Declare it once, or let only one declaration give the type's details.",
  });
}

/** A declaration of a set of options, turned into an option of a submodule type with those options. */
export function optionTreeToOption(decl: Declaration): Declaration {
  if (isOption(decl.options)) return decl;
  return {
    file: decl.file,
    options: mkOption({
      type: submoduleWith({ modules: [{ options: decl.options }], shorthandOnlyDefinesConfig: null }),
    }),
  };
}

/** Merges the declarations (in merge order) of the option at `loc`. */
export function mergeDeclarations(loc: readonly string[], decls: readonly Declaration[]): MergedDeclaration {
  const fields: Attrs = {};
  const declarations: string[] = [];
  let type: OptionType | undefined;
  let subModules: unknown[] = [];
  for (const decl of decls) {
    const opt = decl.options as Attrs;
    const optType = declares(opt, "type") ? (opt["type"] as OptionType) : undefined;
    if (optType !== undefined && !isOptionType(optType)) {
      throw new ModuleError({
        kind: "InvalidModule",
        path: loc,
        declarations: [decl.file],
        message:
          `The option \`${showOption(loc)}' in \`${decl.file}' is declared with a \`type' that is not an option type but ${showValue(optType)}` +
          (typeof optType === "function" ? " (a function: call it, e.g. `types.attrsOf(types.str)`)" : "") +
          ". Give a type of `lib.types`.",
      });
    }
    if (optType !== undefined && type !== undefined) {
      const merged = type.typeMerge(optType.functor);
      if (merged === null) {
        throw duplicate(loc, decl.file, declarations, `its type \`${optType.description}' cannot be merged with \`${type.description}'`);
      }
      type = merged;
    } else if (optType !== undefined) {
      type = optType;
    }
    for (const field of exclusiveFields) {
      if (declares(opt, field) && declares(fields, field)) {
        throw duplicate(loc, decl.file, declarations, `both declarations give a ${field}`);
      }
    }
    const sub = optType?.getSubModules ?? null;
    if (sub !== null) subModules = [...sub.map((m) => setDefaultModuleLocation(decl.file, m)), ...subModules];
    // Fields already gathered win over this declaration's (Nix's `opt // res`).
    for (const key of Object.keys(opt)) {
      if (key === "type" || key === "_type" || Object.prototype.hasOwnProperty.call(fields, key)) continue;
      Object.defineProperty(fields, key, { ...Object.getOwnPropertyDescriptor(opt, key), enumerable: true, configurable: true });
    }
    declarations.push(decl.file);
  }
  const declaredType = type ?? unspecified;
  const finalType =
    declaredType.getSubModules === null ? declaredType : (declaredType.substSubModules(subModules) ?? declaredType);
  return { loc, declarations, type: finalType, fields };
}

/** The module-system engine: `lib` and its parts. Knows nothing of CUDA, files or the terminal. */
export { lib, type Lib } from "./lib.js";
export { evalModules, type EvalModulesArgs, type Evaluation } from "./eval-modules.js";
export type { ModuleGraph } from "./collect-modules.js";
export { ModuleError, isModuleError, errorKinds, type ErrorKind, type ReportedDefinition } from "./errors.js";
export { mkOption, mkEnableOption, isOption, applyWithoutValue, type OptionSpec, type OptionDeclaration } from "./options.js";
export * from "./properties.js";
export { mkPackageOption, literalExpression, packageType, type Derivation, type LiteralExpression, type PackageOptionSpec } from "./package-option.js";
export { doRename, mkAliasOptionModule, mkRenamedOptionModule, mkRemovedOptionModule, type RenameSpec, type RenameModuleArgs } from "./rename.js";
export { mergeAttrDefinitionsWithPrio, type AttrDefinitionWithPrio } from "./merge-attr-definitions.js";
export { setDefaultModuleLocation } from "./module-location.js";
export { showOption } from "./show.js";
export { types } from "./types/catalogue.js";
export { mkOptionType, renamedType, type OptionType, type Definition, type DescriptionClass, type TypeNaming } from "./types/type.js";
export { closestNames, levenshtein } from "./suggest.js";
export { codecOf, type Codec } from "./codec.js";
export type { ConfigOf, ConfigOfOptions, SubmoduleValue, ValueOf } from "./config-of.js";
export { deepForce } from "./strict.js";
export { gvariant, type GVariant, type IntConstructor } from "./gvariant.js";
export { nixToString, showFloat } from "./to-string.js";
export {
  warn,
  warnIf,
  warnIfNot,
  setWarningSettings,
  warningSettings,
  defaultWarningSettings,
  reportToProcess,
  type WarningHandler,
  type WarningSettings,
} from "./warnings.js";
export { isAttrs, setAttrByPath, type Attrs } from "./attrs.js";
export { check, checkE, checkEither, evalModulesE, type CheckOptions } from "./check.js";
export {
  diagnosticOf,
  sortDiagnostics,
  type Diagnostic,
  type InternalErrorKind,
  type ThrownErrorKind,
  type Locator,
  type Severity,
  type SourceLocation,
} from "./diagnostics.js";
export {
  jsonSchemaOf,
  optionsJsonSchema,
  ecmaPatternOfPosix,
  isLooserSchema,
  jsonSchemaDraft,
  type JsonSchema,
  type JsonSchemaTypeName,
} from "./json-schema.js";
export { optionDocs, optionDocsMarkdown, type OptionDoc, type OptionDocValue, type OptionDocsSettings } from "./option-docs.js";

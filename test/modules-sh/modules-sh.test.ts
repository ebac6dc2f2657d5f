// Nixpkgs' lib/tests/modules.sh, assertion by assertion in its order; each test is named after the
// line of modules.sh it ports. NOT-PORTED.md lists the assertions left out and why. An assertion
// that our engine fails where Nix passes is written as Nix expects, with `engineBug` (test.fails).
import { afterEach, beforeEach, describe, expect } from "vitest";
import { defaultWarningSettings, lib, setWarningSettings } from "../../src/lib/index.js";
import { fixtures } from "./fixtures.js";
import {
  checkAttributeMissing as missing,
  checkConfigError as error,
  checkConfigErrorAbortOnWarn as errorOnWarn,
  checkConfigOutputAbortOnWarn as outputOnWarn,
  checkConfigErrorAt as errorAt,
  checkConfigOutput as output,
  checkExpression,
  checkThrows as throws,
  engineBug,
  failsWith,
} from "./harness.js";

// modules.sh discards Nix's stderr where it checks the output: warnings are dropped here, not
// printed. Each test starts with abort-on-warn off; those of ABORT_ON_WARN=1 turn it on.
beforeEach(() => {
  setWarningSettings({ ...defaultWarningSettings, handler: () => {} });
});
afterEach(() => {
  setWarningSettings(defaultWarningSettings);
});

describe("modules.sh: basics", () => {
  output(172, /^"one two"$/, "config.result", "shorthand-meta.nix");
  error(174, "InvalidDefinition", /test-push-down-non-attrs\.nix/, "config", "test-push-down-non-attrs.nix");
  output(176, /^true$/, "config.result", "test-mergeAttrDefinitionsWithPrio.nix");
  output(198, /^true$/, "config.result", "module-argument-default.nix");
  output(201, /^true$/, "config.assertion", "gvariant.nix");
  output(203, /"ok"/, "config.result", "specialArgs-lib.nix");
  error(207, "UndeclaredOption", null, "config.wrong1", "error-mkOption-in-config.nix");
  error(209, "UndeclaredOption", null, "config.nest.wrong2", "error-mkOption-in-config.nix");
  error(210, "UndeclaredOption", /sub\.wrong2/, "config.sub", "error-mkOption-in-submodule-config.nix");
  // Nix: "This can happen if you e.g. declared your options in `types.submodule' under `config' rather than `options'".
  error(211, "UndeclaredOption", /in a submodule, declare options under `options', not `config'/, "config.sub", "error-mkOption-in-submodule-config.nix");
  error(212, "TypeMismatch", /non-empty .list of .submodule/, "config.bad", "error-nonEmptyListOf-submodule.nix");
});

// Error patterns: Nix's "A definition for option" is our "A definition of".
describe("modules.sh: types.attrTag", () => {
  output(215, /^true$/, "config.okChecks", "types-attrTag.nix");
  const notTagged = (name: string) => new RegExp(`A definition of .intStrings\\.${name}. is not of type .attribute-tagged union with choices: left, right`);
  error(216, "TypeMismatch", notTagged("syntaxError"), "config.intStrings.syntaxError", "types-attrTag.nix");
  error(217, "TypeMismatch", notTagged("syntaxError2"), "config.intStrings.syntaxError2", "types-attrTag.nix");
  error(218, "TypeMismatch", notTagged("syntaxError3"), "config.intStrings.syntaxError3", "types-attrTag.nix");
  error(219, "TypeMismatch", notTagged("syntaxError4"), "config.intStrings.syntaxError4", "types-attrTag.nix");
  error(220, "TypeMismatch", notTagged("mergeError"), "config.intStrings.mergeError", "types-attrTag.nix");
  error(221, "TypeMismatch", notTagged("badTagError"), "config.intStrings.badTagError", "types-attrTag.nix");
  error(222, "TypeMismatch", /A definition of .intStrings\.badTagTypeError\.left. is not of type .signed integer./, "config.intStrings.badTagTypeError.left", "types-attrTag.nix");
  error(223, "TypeMismatch", /A definition of .nested\.right\.left. is not of type .signed integer./, "config.nested.right.left", "types-attrTag.nix");
  error(224, "InvalidModule", /In attrTag, each tag value must be an option, but tag int was a bare type, not wrapped in mkOption\./, "config.opt.int", "types-attrTag-wrong-decl.nix");
});

// types.nix without `nullableValue.path` (a Nix path value); the store is /nix/store.
describe("modules.sh: types.pathInStore and types.externalPath", () => {
  output(227, /"ok"/, "config.assertions", "types.nix");
  output(230, /".*\/store\/0lz9p8xhf89kb1c1kk6jxrzskaiygnlh-bash-5.2-p15.drv"/, "config.pathInStore.ok1", "types.nix");
  output(231, /".*\/store\/0fb3ykw9r5hpayd05sr0cizwadzq1d8q-bash-5.2-p15"/, "config.pathInStore.ok2", "types.nix");
  output(232, /".*\/store\/0fb3ykw9r5hpayd05sr0cizwadzq1d8q-bash-5.2-p15\/bin\/bash"/, "config.pathInStore.ok3", "types.nix");
  const inStore = (value: string) => new RegExp(`is not of type .path in the Nix store.. Definition values:\\n\\s*- In .*: ${value}`);
  error(233, "TypeMismatch", inStore('""'), "config.pathInStore.bad1", "types.nix");
  error(234, "TypeMismatch", inStore('".*/store"'), "config.pathInStore.bad2", "types.nix");
  error(235, "TypeMismatch", inStore('".*/store/"'), "config.pathInStore.bad3", "types.nix");
  error(236, "TypeMismatch", inStore('".*/store/.links"'), "config.pathInStore.bad4", "types.nix");
  error(237, "TypeMismatch", inStore('"/foo/bar"'), "config.pathInStore.bad5", "types.nix");
  output(240, /".*\/foo\/bar"/, "config.externalPath.ok1", "types.nix");
  output(241, /".*\/"/, "config.externalPath.ok2", "types.nix");
  const external = /is not of type .absolute path not in the Nix store./;
  error(242, "TypeMismatch", external, "config.externalPath.bad1", "types.nix");
  error(243, "TypeMismatch", external, "config.externalPath.bad2", "types.nix");
  error(244, "TypeMismatch", external, "config.externalPath.bad3", "types.nix");
  error(245, "TypeMismatch", external, "config.externalPath.bad4", "types.nix");
  error(246, "TypeMismatch", external, "config.externalPath.bad5", "types.nix");
});

describe("modules.sh: types.serializableValueWith", () => {
  output(260, /^null$/, "config.nullableValue.null", "types.nix");
  output(261, /^true$/, "config.nullableValue.bool", "types.nix");
  output(262, /^1$/, "config.nullableValue.int", "types.nix");
  output(263, /^1.1$/, "config.nullableValue.float", "types.nix");
  output(264, /^"foo"$/, "config.nullableValue.str", "types.nix");
  output(266, /^\{"foo":1\}$/, "config.nullableValue.attrs", "types.nix");
  output(267, /^\[\{"bar":\[1\]\}\]$/, "config.nullableValue.list", "types.nix");
  error(269, "TypeMismatch", /A definition of .* is not of type .VAL value.\. .*/, "config.nullableValue.lambda", "types.nix");
  error(270, "TypeMismatch", /A definition of .* is not of type .VAL value.\. .*/, "config.structuredValue.null", "types.nix");
});

describe("modules.sh: boolean option", () => {
  output(273, /^false$/, "config.enable", "declare-enable.nix");
  error(274, "UndeclaredOption", /enable/, "config.enable", "define-enable.nix");
  error(275, "UndeclaredOption", /enable/, "config.enable", "define-enable-throw.nix");
  output(280, /^false$/, "config.value.falseFalse", "boolByOr.nix");
  output(281, /^true$/, "config.value.trueFalse", "boolByOr.nix");
  output(282, /^true$/, "config.value.falseTrue", "boolByOr.nix");
  output(283, /^true$/, "config.value.trueTrue", "boolByOr.nix");
});

describe("modules.sh: bare submodules", () => {
  output(285, /^1$/, "config.bare-submodule.nested", "declare-bare-submodule.nix", "declare-bare-submodule-nested-option.nix");
  output(286, /^2$/, "config.bare-submodule.deep", "declare-bare-submodule.nix", "declare-bare-submodule-deep-option.nix");
  const all = ["declare-bare-submodule.nix", "declare-bare-submodule-nested-option.nix", "declare-bare-submodule-deep-option.nix", "define-bare-submodule-values.nix"];
  output(287, /^42$/, "config.bare-submodule.nested", ...all);
  output(288, /^420$/, "config.bare-submodule.deep", ...all);
  output(289, /^2$/, "config.bare-submodule.deep", "declare-bare-submodule.nix", "declare-bare-submodule-deep-option.nix", "define-shorthandOnlyDefinesConfig-true.nix");
  error(290, "DuplicateDeclaration", /bare-submodule\.deep/, "config.bare-submodule.deep", "declare-bare-submodule.nix", "declare-bare-submodule-deep-option.nix", "declare-bare-submodule-deep-option-duplicate.nix");
  output(293, /^"strMatching.*"$/, "options.sm.type.name", "strMatching-merge.nix");
});

describe("modules.sh: integers, either, oneOf", () => {
  output(297, /^42$/, "config.value", "declare-int-unsigned-value.nix", "define-value-int-positive.nix");
  error(298, "TypeMismatch", /unsigned integer[\s\S]*-23/, "config.value", "declare-int-unsigned-value.nix", "define-value-int-negative.nix");
  error(300, "TypeMismatch", /positive integer[\s\S]*0/, "config.value", "declare-int-positive-value.nix", "define-value-int-zero.nix");
  output(302, /^42$/, "config.value", "declare-int-between-value.nix", "define-value-int-positive.nix");
  error(303, "TypeMismatch", /between -21 and 43[\s\S]*inclusive[\s\S]*-23/, "config.value", "declare-int-between-value.nix", "define-value-int-negative.nix");
  output(307, /^42$/, "config.value", "declare-either.nix", "define-value-int-positive.nix");
  output(308, /^"24"$/, "config.value", "declare-either.nix", "define-value-string.nix");
  output(310, /^42$/, "config.value", "declare-oneOf.nix", "define-value-int-positive.nix");
  output(311, /^\[\]$/, "config.value", "declare-oneOf.nix", "define-value-list.nix");
  output(312, /^"24"$/, "config.value", "declare-oneOf.nix", "define-value-string.nix");
});

describe("modules.sh: mkForce", () => {
  const base = ["declare-enable.nix", "define-enable.nix"];
  output(316, /^true$/, "config.enable", ...base);
  output(317, /^false$/, "config.enable", ...base, "define-force-enable.nix");
  output(318, /^false$/, "config.enable", ...base, "define-enable-force.nix");
  missing(321, "config.attrsOfSub.foo.enable", "declare-attrsOfSub-any-enable.nix");
  output(322, /^false$/, "config.attrsOfSub.foo.enable", "declare-attrsOfSub-any-enable.nix", "define-attrsOfSub-foo.nix");
  const foo = ["declare-attrsOfSub-any-enable.nix", "define-attrsOfSub-foo-enable.nix"];
  output(324, /^true$/, "config.attrsOfSub.foo.enable", ...foo);
  output(325, /^false$/, "config.attrsOfSub.foo.enable", ...foo, "define-force-attrsOfSub-foo-enable.nix");
  output(326, /^false$/, "config.attrsOfSub.foo.enable", ...foo, "define-attrsOfSub-force-foo-enable.nix");
  output(327, /^false$/, "config.attrsOfSub.foo.enable", ...foo, "define-attrsOfSub-foo-force-enable.nix");
  output(328, /^false$/, "config.attrsOfSub.foo.enable", ...foo, "define-attrsOfSub-foo-enable-force.nix");
  missing(331, "config.attrsOfSub.bar.enable", "declare-attrsOfSub-any-enable.nix", "define-attrsOfSub-foo.nix");
  output(332, /^false$/, "config.attrsOfSub.bar.enable", "declare-attrsOfSub-any-enable.nix", "define-attrsOfSub-foo.nix", "define-attrsOfSub-bar.nix");
  const bar = ["declare-attrsOfSub-any-enable.nix", "define-attrsOfSub-foo.nix", "define-attrsOfSub-bar-enable.nix"];
  output(334, /^true$/, "config.attrsOfSub.bar.enable", ...bar);
  missing(335, "config.attrsOfSub.bar.enable", ...bar, "define-force-attrsOfSub-foo-enable.nix");
  missing(336, "config.attrsOfSub.bar.enable", ...bar, "define-attrsOfSub-force-foo-enable.nix");
  output(337, /^true$/, "config.attrsOfSub.bar.enable", ...bar, "define-attrsOfSub-foo-force-enable.nix");
  output(338, /^true$/, "config.attrsOfSub.bar.enable", ...bar, "define-attrsOfSub-foo-enable-force.nix");
});

describe("modules.sh: mkIf with submodules", () => {
  missing(341, "config.attrsOfSub.foo.enable", "declare-enable.nix", "declare-attrsOfSub-any-enable.nix");
  const s = ["declare-enable.nix", "declare-attrsOfSub-any-enable.nix"];
  missing(343, "config.attrsOfSub.foo.enable", ...s, "define-if-attrsOfSub-foo-enable.nix");
  missing(344, "config.attrsOfSub.foo.enable", ...s, "define-attrsOfSub-if-foo-enable.nix");
  missing(345, "config.attrsOfSub.foo.enable", ...s, "define-attrsOfSub-foo-if-enable.nix");
  output(346, /^false$/, "config.attrsOfSub.foo.enable", ...s, "define-attrsOfSub-foo-enable-if.nix");
  output(347, /^true$/, "config.attrsOfSub.foo.enable", ...s, "define-enable.nix", "define-if-attrsOfSub-foo-enable.nix");
  output(348, /^true$/, "config.attrsOfSub.foo.enable", ...s, "define-enable.nix", "define-attrsOfSub-if-foo-enable.nix");
  output(349, /^true$/, "config.attrsOfSub.foo.enable", ...s, "define-enable.nix", "define-attrsOfSub-foo-if-enable.nix");
  output(350, /^true$/, "config.attrsOfSub.foo.enable", ...s, "define-enable.nix", "define-attrsOfSub-foo-enable-if.nix");
});

// importApply imports a file; our lib reads no files, so the fixture applies the harness's fixture
// (fixtures-lib-functions.ts): Nixpkgs' `setDefaultModuleLocation file (import file arg)`.
describe("modules.sh: importApply", () => {
  output(353, /"abc"/, "config.value", "importApply.nix");
  output(358, /"abc"/, "config.value", "importApply-disabling.nix");
});

describe("modules.sh: disabledModules", () => {
  const base = ["define-enable.nix", "declare-enable.nix"];
  output(362, /^true$/, "config.enable", ...base);
  output(363, /^false$/, "config.enable", ...base, "disable-define-enable.nix");
  output(364, /^false$/, "config.enable", ...base, "disable-define-enable-string-path.nix");
  error(365, "UndeclaredOption", /enable/, "config.enable", ...base, "disable-declare-enable.nix");
  missing(366, "config.enable", ...base, "disable-define-enable.nix", "disable-declare-enable.nix");
  missing(367, "config.enable", ...base, "disable-enable-modules.nix");
  output(369, /^true$/, "config.positive.enable", "disable-module-with-key.nix");
  output(370, /^false$/, "config.negative.enable", "disable-module-with-key.nix");
  error(371, "InvalidModule", /disable-module-bad-key\.nix/, "config.enable", "disable-module-bad-key.nix");
  output(374, /^true$/, "config.positive.enable", "disable-module-with-toString-key.nix");
  output(375, /^false$/, "config.negative.enable", "disable-module-with-toString-key.nix");
});

describe("modules.sh: _module.args and _module.check", () => {
  // Nix: "attribute 'custom' missing", while evaluating the module argument `custom'. Ours reads undefined.
  engineBug(379, "a missing module argument reads as undefined", "config.enable", ["declare-enable.nix", "define-enable-with-custom-arg.nix"], failsWith(/`custom'[\s\S]*define-enable-with-custom-arg\.nix|define-enable-with-custom-arg\.nix[\s\S]*`custom'/));
  output(380, /^true$/, "config.enable", "declare-enable.nix", "define-enable-with-custom-arg.nix", "define-_module-args-custom.nix");
  const custom = ["declare-enable.nix", "define-enable-with-custom-arg.nix", "define-_module-args-custom.nix", "import-custom-arg.nix"];
  // Nix: "while evaluating the module argument `custom' in import-custom-arg.nix", then the
  // infinite recursion (386); ours names the module and the argument in the error of 386.
  error(385, "InvalidModule", /In module .*\/import-custom-arg\.nix.: .*argument .custom./, "config.enable", ...custom);
  // Nix recurses infinitely and hints at `_module.args` in `imports`; our engine reports the cause
  // before recursing: an argument of `_module.args` read while the modules are collected.
  error(386, "InvalidModule", /argument `custom' while the modules are being collected/, "config.enable", ...custom);
  const check = ["declare-enable.nix", "define-enable.nix", "define-attrsOfSub-foo.nix"];
  error(390, "UndeclaredOption", /attrsOfSub/, "config.enable", ...check);
  output(391, /^true$/, "config.enable", ...check, "define-module-check.nix");
});

describe("modules.sh: coercedTo", () => {
  output(395, /^"42"$/, "config.value", "declare-coerced-value.nix");
  output(396, /^"24"$/, "config.value", "declare-coerced-value.nix", "define-value-string.nix");
  error(397, "TypeMismatch", /\[ \]/, "config.value", "declare-coerced-value.nix", "define-value-list.nix");
  error(400, "DuplicateDeclaration", /declare-coerced-value\.nix[\s\S]*declare-coerced-value-no-default\.nix|declare-coerced-value-no-default\.nix[\s\S]*declare-coerced-value\.nix/, "config.value", "declare-coerced-value.nix", "declare-coerced-value-no-default.nix");
  output(403, /^12$/, "config.value", "declare-coerced-value-unsound.nix");
  error(404, "TypeMismatch", /"1000"/, "config.value", "declare-coerced-value-unsound.nix", "define-value-string-bigint.nix");
  throws(405, /toInt: Could not convert .* to int/, "config.value", "declare-coerced-value-unsound.nix", "define-value-string-arbitrary.nix");
});

describe("modules.sh: the graph of an evaluation", () => {
  checkExpression(408, "./graph/test.nix", () => {
    const a = "/modules/graph/a.nix";
    const b = "/modules/graph/b.nix";
    // A path module as Nix loads it: the file's module, its key and file the path (the harness's
    // fixtureFile would add a wrapper module, a level of its own in the graph).
    const atPath = (file: string, module: unknown) =>
      typeof module === "function"
        ? (args: object) => ({ _file: file, key: file, ...(module as (args: object) => object)(args) })
        : { _file: file, key: file, ...(module as object) };
    const evaluation = lib.evalModules({ modules: [{}, () => ({}), atPath(a, fixtures["graph/a.nix"]), atPath(b, fixtures["graph/b.nix"])] });
    expect(evaluation.graph).toEqual([
      { key: ":anon-1", file: "<unknown-file>", imports: [], disabled: false },
      { key: ":anon-2", file: "<unknown-file>", imports: [], disabled: false },
      {
        key: a,
        file: a,
        imports: [{ key: `${a}:anon-1`, file: a, imports: [{ key: `${a}:anon-1:anon-1`, file: a, imports: [], disabled: false }], disabled: false }],
        disabled: false,
      },
      { key: b, file: b, imports: [{ key: "explicit-key", file: b, imports: [], disabled: false }], disabled: true },
    ]);
  });
});

describe("modules.sh: mkAliasOptionModule", () => {
  output(411, /^true$/, "config.enable", "alias-with-priority.nix");
  output(412, /^true$/, "config.enableAlias", "alias-with-priority.nix");
  output(413, /^false$/, "config.enable", "alias-with-priority-can-override.nix");
  output(414, /^false$/, "config.enableAlias", "alias-with-priority-can-override.nix");
});

describe("modules.sh: mkPackageOption", () => {
  const d = "declare-mkPackageOption.nix";
  output(417, /^"hello"$/, "config.package.pname", d);
  output(418, /^"hello"$/, "config.namedPackage.pname", d);
  output(419, /^".*Hello.*"$/, "options.namedPackage.description", d);
  output(420, /^"literalExpression"$/, "options.namedPackage.defaultText._type", d);
  output(421, /^"pkgs\.hello"$/, "options.namedPackage.defaultText.text", d);
  output(422, /^"hello"$/, "config.namedPackageSingletonDefault.pname", d);
  output(423, /^".*Hello.*"$/, "options.namedPackageSingletonDefault.description", d);
  output(424, /^"pkgs\.hello"$/, "options.namedPackageSingletonDefault.defaultText.text", d);
  output(425, /^"hello"$/, "config.pathPackage.pname", d);
  output(426, /^"literalExpression"$/, "options.packageWithExample.example._type", d);
  output(427, /^"pkgs\.hello\.override \{ stdenv = pkgs\.clangStdenv; \}"$/, "options.packageWithExample.example.text", d);
  output(428, /^"literalExpression"$/, "options.packageWithPathExample.example._type", d);
  output(429, /^"pkgs\.hello"$/, "options.packageWithPathExample.example.text", d);
  output(430, /^".*Example extra description\..*"$/, "options.packageWithExtraDescription.description", d);
  // Nix: "The option `undefinedPackage' was accessed but has no value defined. Try setting the option."
  error(431, "NoDefinition", /The option .undefinedPackage. was read, but it has no definition and no default\. Define it/, "config.undefinedPackage", d);
  output(432, /^null$/, "config.nullablePackage", d);
  output(433, /^"null or package"$/, "options.nullablePackage.type.description", d);
  output(434, /^"hello"$/, "config.nullablePackageWithDefault.pname", d);
  output(435, /^"myPkgs\.hello"$/, "options.packageWithPkgsText.defaultText.text", d);
  output(436, /^"hello-other"$/, "options.packageFromOtherSet.default.pname", d);
  output(437, /^"hello"$/, "config.packageInvalidIdentifier.pname", d);
  output(438, /^"pkgs\.\\"123\\"\.\\"with\\\\\\"quote\\"\.hello"$/, "options.packageInvalidIdentifier.defaultText.text", d);
  output(439, /^"pkgs\.\\"123\\"\.\\"with\\\\\\"quote\\"\.hello"$/, "options.packageInvalidIdentifierExample.example.text", d);
});

describe("modules.sh: submoduleWith", () => {
  output(444, /^"foo"$/, "config.submodule.foo", "declare-submoduleWith-special.nix");
  output(447, /^true$/, "config.submodule.config", "declare-submoduleWith-shorthand.nix", "define-submoduleWith-shorthand.nix");
  error(448, "TypeMismatch", /boolean/, "config.submodule.config", "declare-submoduleWith-shorthand.nix", "define-submoduleWith-noshorthand.nix");
  error(449, "InvalidDefinition", /define-submoduleWith-shorthand\.nix/, "config.submodule.config", "declare-submoduleWith-noshorthand.nix", "define-submoduleWith-shorthand.nix");
  output(450, /^true$/, "config.submodule.config", "declare-submoduleWith-noshorthand.nix", "define-submoduleWith-noshorthand.nix");
  output(453, /^true$/, "config.submodule.inner", "declare-submoduleWith-modules.nix");
  output(454, /^true$/, "config.submodule.outer", "declare-submoduleWith-modules.nix");
  output(457, /^"submodule"$/, "options.submodule.type.description", "declare-submoduleWith-modules.nix");
  output(460, /^true$/, "config.submodule.inner", "declare-submodule-via-evalModules.nix");
  output(461, /^true$/, "config.submodule.outer", "declare-submodule-via-evalModules.nix");
  output(464, /^"submodule"$/, "options.submodule.type.description", "declare-submodule-via-evalModules.nix");
  output(467, /^true$/, "config.submodule.enable", "declare-submoduleWith-path.nix");
  output(470, /^true$/, "config.foo.ok", "prefix-module-argument.nix");
  output(474, /"beta"/, "config.nodes.foo.settingsDict.c", "deferred-module.nix");
  error(476, "TypeMismatch", /the-file-that-contains-the-bad-config\.nix[\s\S]*"bogus"/, "config.nodes.foo.bottom", "deferred-module.nix");
  error(477, "InvalidModule", /deferred-module-error\.nix, via option deferred[\s\S]*:anon-1:anon-1:anon-1|:anon-1:anon-1:anon-1[\s\S]*deferred-module-error\.nix, via option deferred/, "config.result", "deferred-module-error.nix");
  output(480, /the-file\.nix/, "config.submodule.internalFiles.0", "submoduleFiles.nix");
});

describe("modules.sh: disabledModules, recursively", () => {
  output(484, /^true$/, "config.enable", "disable-recursive/main.nix");
  output(485, /^true$/, "config.enable", "disable-recursive/main.nix", "disable-recursive/disable-foo.nix");
  output(486, /^true$/, "config.enable", "disable-recursive/main.nix", "disable-recursive/disable-bar.nix");
  error(487, "UndeclaredOption", /enable/, "config.enable", "disable-recursive/main.nix", "disable-recursive/disable-foo.nix", "disable-recursive/disable-bar.nix");
});

describe("modules.sh: definitions conditional on option existence", () => {
  const d = ["define-option-dependently.nix", "declare-enable.nix", "declare-int-positive-value.nix"];
  output(493, /^true$/, "config.enable", ...d);
  output(494, /^360$/, "config.value", ...d);
  output(495, /^7$/, "config.value", "define-option-dependently.nix", "declare-int-positive-value.nix");
  const n = ["define-option-dependently-nested.nix", "declare-enable-nested.nix", "declare-int-positive-value-nested.nix"];
  output(496, /^true$/, "config.set.enable", ...n);
  output(497, /^360$/, "config.set.value", ...n);
  output(498, /^7$/, "config.set.value", "define-option-dependently-nested.nix", "declare-int-positive-value-nested.nix");
});

describe("modules.sh: attrsOf and lazyAttrsOf", () => {
  throws(503, /is not lazy/, "config.isLazy", "declare-attrsOf.nix", "attrsOf-lazy-check.nix");
  output(504, /^true$/, "config.isLazy", "declare-lazyAttrsOf.nix", "attrsOf-lazy-check.nix");
  output(505, /^true$/, "config.conditionalWorks", "declare-attrsOf.nix", "attrsOf-conditional-check.nix");
  output(506, /^false$/, "config.conditionalWorks", "declare-lazyAttrsOf.nix", "attrsOf-conditional-check.nix");
  output(507, /^"empty"$/, "config.value.foo", "declare-lazyAttrsOf.nix", "attrsOf-conditional-check.nix");
  error(510, "DuplicateDeclaration", /mergedLazyNonLazy/, "options.mergedLazyNonLazy", "lazy-attrsWith.nix");
  output(511, /^11$/, "config.lazyResult", "lazy-attrsWith.nix");
  error(512, "InfiniteRecursion", null, "config.nonLazyResult", "lazy-attrsWith.nix");
  output(515, /^"mergedName.<id>.nested"$/, "config.result", "name-merge-attrsWith-1.nix");
  error(516, "DuplicateDeclaration", /mergedName/, "config.mergedName", "name-merge-attrsWith-2.nix");
  error(519, "TypeMismatch", null, "config.value", "declare-int-unsigned-value.nix", "define-value-list.nix", "define-value-int-positive.nix");
});

describe("modules.sh: freeform modules", () => {
  output(524, /^"24"$/, "config.value", "freeform-attrsOf.nix", "define-value-string.nix");
  output(526, /^true$/, "options._module.args.value.result", "freeform-attrsOf.nix", "define-freeform-keywords-shorthand.nix");
  output(528, /^\{\}$/, "config", "freeform-attrsOf.nix");
  error(530, "TypeMismatch", null, "config.value", "freeform-attrsOf.nix", "define-value-list.nix");
  output(532, /^"yes"$/, "config.value", "freeform-attrsOf.nix", "define-value-string-properties.nix");
  output(534, /^false$/, "config.enable", "freeform-attrsOf.nix", "define-value-string.nix", "declare-enable.nix");
  output(535, /^"24"$/, "config.value", "freeform-attrsOf.nix", "define-value-string.nix", "declare-enable.nix");
  output(537, /^false$/, "config.nest.foo", "freeform-attrsOf.nix", "freeform-nested.nix");
  output(538, /^"bar"$/, "config.nest.bar", "freeform-attrsOf.nix", "freeform-nested.nix");
  output(540, /^null$/, "config.foo", "freeform-attrsOf.nix", "freeform-str-dep-unstr.nix");
  output(541, /^"24"$/, "config.foo", "freeform-attrsOf.nix", "freeform-str-dep-unstr.nix", "define-value-string.nix");
  error(543, "InfiniteRecursion", null, "config.foo", "freeform-attrsOf.nix", "freeform-unstr-dep-str.nix");
  error(544, "NoDefinition", null, "config.foo", "freeform-lazyAttrsOf.nix", "freeform-unstr-dep-str.nix");
  output(545, /^"24"$/, "config.foo", "freeform-lazyAttrsOf.nix", "freeform-unstr-dep-str.nix", "define-value-string.nix");
  output(547, /\/freeform-submodules.nix"$/, "config.fooDeclarations.0", "freeform-submodules.nix");
  output(549, /^10$/, "config.free.xxx.foo", "freeform-submodules.nix");
  output(550, /^10$/, "config.free.yyy.bar", "freeform-submodules.nix");
});

// The deprecated either-as-freeform fixtures: the value, with Nixpkgs' warning; with abort-on-warn
// (ABORT_ON_WARN=1), the warning as an error.
describe("modules.sh: either as a freeform type", () => {
  const didNotPass = /One or more definitions did not pass the type-check of the 'either' type/;
  const wrong = ["freeform-deprecated-malicous.nix", "freeform-deprecated-malicous-wrong.nix"];
  output(553, /^"foo"$/, "config.either.int", ...wrong);
  errorOnWarn(554, didNotPass, "config.either.int", ...wrong);
  output(555, /^"foo"$/, "config.eitherBehindNullor.int", ...wrong);
  errorOnWarn(556, didNotPass, "config.eitherBehindNullor.int", ...wrong);
  output(557, /^"foo"$/, "config.oneOf.int", ...wrong);
  errorOnWarn(558, didNotPass, "config.oneOf.int", ...wrong);
  output(559, /^"foo"$/, "config.number.str", ...wrong);
  errorOnWarn(560, didNotPass, "config.number.str", ...wrong);
  const wrong2 = ["freeform-deprecated-malicous.nix", "freeform-deprecated-malicous-wrong2.nix"];
  output(562, /^42$/, "config.either.int", ...wrong2);
  errorOnWarn(563, didNotPass, "config.either.int", ...wrong2);
  output(564, /^42$/, "config.eitherBehindNullor.int", ...wrong2);
  errorOnWarn(565, didNotPass, "config.eitherBehindNullor.int", ...wrong2);
  output(566, /^42$/, "config.oneOf.int", ...wrong2);
  errorOnWarn(567, didNotPass, "config.oneOf.int", ...wrong2);
  output(568, /^42$/, "config.number.str", ...wrong2);
  errorOnWarn(569, didNotPass, "config.number.str", ...wrong2);
  // Value OK: fails if a warning is emitted.
  outputOnWarn(571, /^42$/, "config.number.int", "freeform-attrsof-either.nix");
});

describe("modules.sh: types.anything", () => {
  output(576, /^null$/, "config.value.foo", "types-anything/nested-attrs.nix");
  output(577, /^null$/, "config.value.l1.foo", "types-anything/nested-attrs.nix");
  output(578, /^null$/, "config.value.l1.l2.foo", "types-anything/nested-attrs.nix");
  output(579, /^null$/, "config.value.l1.l2.l3.foo", "types-anything/nested-attrs.nix");
  output(581, /^"foo"$/, "config.value.outPath", "types-anything/attrs-coercible.nix");
  error(583, "ConflictingDefinitions", /conflicting definition values/, "config.value", "types-anything/lists.nix");
  output(585, /^0$/, "config.value.int", "types-anything/equal-atoms.nix");
  output(586, /^false$/, "config.value.bool", "types-anything/equal-atoms.nix");
  output(587, /^""$/, "config.value.string", "types-anything/equal-atoms.nix");
  output(588, /^"\/[^"]+"$/, "config.value.path", "types-anything/equal-atoms.nix");
  output(589, /^null$/, "config.value.null", "types-anything/equal-atoms.nix");
  output(590, /^0.1$/, "config.value.float", "types-anything/equal-atoms.nix");
  output(591, /^\[1,"a",\{"x":null\}\]$/, "config.value.list", "types-anything/equal-atoms.nix");
  error(593, "ConflictingDefinitions", /value\.multiple-lambdas\.<function body>/, "config.applied.multiple-lambdas", "types-anything/functions.nix");
  output(594, /^true$/, "config.valueIsFunction.single-lambda", "types-anything/functions.nix");
  output(595, /^null$/, "config.applied.merging-lambdas.x", "types-anything/functions.nix");
  output(596, /^null$/, "config.applied.merging-lambdas.y", "types-anything/functions.nix");
  missing(598, "config.value.mkiffalse", "types-anything/mk-mods.nix");
  output(599, /^\{\}$/, "config.value.mkiftrue", "types-anything/mk-mods.nix");
  output(600, /^1$/, "config.value.mkdefault", "types-anything/mk-mods.nix");
  output(601, /^\{\}$/, "config.value.mkmerge", "types-anything/mk-mods.nix");
  output(602, /^true$/, "config.value.mkbefore", "types-anything/mk-mods.nix");
  output(603, /^1$/, "config.value.nested.foo", "types-anything/mk-mods.nix");
  output(604, /^"baz"$/, "config.value.nested.bar.baz", "types-anything/mk-mods.nix");
});

describe("modules.sh: types.functionTo", () => {
  output(607, /^"input is input"$/, "config.result", "functionTo/trivial.nix");
  output(608, /^"a b"$/, "config.result", "functionTo/merging-list.nix");
  error(609, "TypeMismatch", /`fun\.<function body>' is not of type .string.. Definition values:\n\s*- In .*wrong-type.nix/, "config.result", "functionTo/wrong-type.nix");
  output(610, /^"b a"$/, "config.result", "functionTo/list-order.nix");
  output(611, /^"a c"$/, "config.result", "functionTo/merging-attrs.nix");
  output(612, /^"a bee"$/, "config.result", "functionTo/submodule-options.nix");
  output(613, /^"fun.<function body>.a fun.<function body>.b"$/, "config.optionsResult", "functionTo/submodule-options.nix");
});

describe("modules.sh: moduleType", () => {
  output(616, /^"a b"$/, "config.resultFoo", "declare-variants.nix", "define-variant.nix");
  output(617, /^"a b y z"$/, "config.resultFooBar", "declare-variants.nix", "define-variant.nix");
  output(618, /^"a b c"$/, "config.resultFooFoo", "declare-variants.nix", "define-variant.nix");
});

describe("modules.sh: empty values and defaults", () => {
  output(621, /\[\]/, "config.list.a", "emptyValues.nix");
  output(622, /\{\}/, "config.attrs.a", "emptyValues.nix");
  output(623, /null/, "config.null.a", "emptyValues.nix");
  output(624, /\{\}/, "config.submodule.a", "emptyValues.nix");
  error(626, "NoDefinition", /int\.a/, "config.int.a", "emptyValues.nix");
  error(627, "NoDefinition", /nonEmptyList\.a/, "config.nonEmptyList.a", "emptyValues.nix");
  output(630, /\[\]/, "config.list", "defaults.nix");
  output(631, /\{\}/, "config.attrs", "defaults.nix");
  output(632, /\{\}/, "config.attrsOf", "defaults.nix");
  output(633, /null/, "config.null", "defaults.nix");
  output(634, /\{\}/, "config.submodule", "defaults.nix");
  output(635, /\[\]/, "config.unique", "defaults.nix");
  output(636, /\[\]/, "config.coercedTo", "defaults.nix");
  error(638, "NoDefinition", /`int'/, "config.int", "defaults.nix");
  output(640, /ok/, "config.result", "defaults.nix");
});

describe("modules.sh: types.unique and types.raw", () => {
  error(644, "UniqueViolation", /examples\.merged/, "config.examples.merged.a", "types-unique.nix");
  error(646, "UniqueViolation", /We require a single definition, because seeing the whole value at once helps us maintain critical invariants of our system\./, "config.examples.merged.a", "types-unique.nix");
  error(648, "TypeMismatch", /examples\.badLazyType\.a[\s\S]*string/, "config.examples.badLazyType.a", "types-unique.nix");
  output(650, /^"bee"$/, "config.examples.override.b", "types-unique.nix");
  output(653, /^true$/, "config.unprocessedNestingEvaluates.success", "raw.nix");
  output(654, /10/, "config.processedToplevel", "raw.nix");
  error(655, "UniqueViolation", /multiple/, "config.multiple", "raw.nix");
  output(656, /bar/, "config.priorities", "raw.nix");
  error(659, "DuplicateDeclaration", /`set'[\s\S]*declare-set\.nix[\s\S]*declare-enable-nested\.nix[\s\S]*attribute set of signed integer[\s\S]*does not support nested options/, "config.set", "declare-set.nix", "declare-enable-nested.nix");
});

describe("modules.sh: options that are not declarations", () => {
  error(665, "InvalidModule", /In module .*\/options-type-error-typical.nix.: expected an option declaration at .result. but got a value of type .option-type./, "config.result", "options-type-error-typical.nix");
  error(666, "InvalidModule", /In module .*\/options-type-error-typical-nested.nix.: expected an option declaration at .result.here. but got a value of type .option-type./, "config.result.here", "options-type-error-typical-nested.nix");
  error(667, "InvalidModule", /In module .*\/options-type-error-configuration.nix.: expected an option declaration at .result. but got a value of type .configuration./, "config.result", "options-type-error-configuration.nix");
  // Nix describes the type of a typeless option as `<no description>'; ours is `unspecified value'.
  error(670, "DuplicateDeclaration", /The option .group. .*would be a parent of the options[\s\S]*does not support nested options/, "config.group.enable", "merge-typeless-option.nix");
});

describe("modules.sh: types.optionDeclaration", () => {
  output(673, /^10$/, "config.anOption", "option.nix");
  error(674, "TypeMismatch", /A definition of .aBadOptionDef. is not of type .option declaration./, "config.aBadOptionDef", "option.nix");
});

describe("modules.sh: types.optionType and type merging", () => {
  output(677, /^10$/, "config.theOption.int", "optionTypeMerging.nix");
  output(678, /^"hello"$/, "config.theOption.str", "optionTypeMerging.nix");
  error(681, "DuplicateDeclaration", /The option .theOption.nested. in .other.nix. is already declared in .optionTypeFile.nix./, "config.theOption.nested", "optionTypeFile.nix");
  output(684, /ok/, "config.freeformItems.foo.bar", "adhoc-freeformType-survives-type-merge.nix");
  output(687, /ok/, "config.result", "default-type-merge-payload.nix");
  output(691, /^1$/, "config.sub.specialisation.value", "extendModules-168767-imports.nix");
});

describe("modules.sh: module classes", () => {
  output(694, /^\{\}$/, "config.ok.config", "class-check.nix");
  output(695, /"nixos"/, "config.ok.class", "class-check.nix");
  error(696, "InvalidModule", /The module `.*\/module-class-is-darwin.nix'.*?evaluation of class "nixos"/, "config.fail.config", "class-check.nix");
  error(697, "InvalidModule", /The module `foo.nix#darwinModules.default'.*?evaluation of class "nixos"/, "config.fail-anon.config", "class-check.nix");
  output(700, /^\{\}$/, "config.sub.nixosOk", "class-check.nix");
  error(701, "InvalidModule", /The module `.*\/module-class-is-darwin.nix'.*?evaluation of class "nixos"/, "config.sub.nixosFail.config", "class-check.nix");
  error(704, "DuplicateDeclaration", /A submoduleWith option is declared multiple times with conflicting class values \("darwin" and "nixos"\)/, "config.sub.mergeFail.config", "class-check.nix");
});

describe("modules.sh: values that are not modules", () => {
  error(707, "InvalidModule", /value of type `flake' was given where a module is expected, in `.*\/module-imports-_type-check.nix'/, "config.ok.config", "module-imports-_type-check.nix");
  output(708, /^true$/, "config.enable", "declare-enable.nix", "define-enable-with-top-level-mkIf.nix");
  error(709, "InvalidModule", /value of type `configuration' was given where a module is expected, in `.*\/import-configuration.nix'/, "config", "import-configuration.nix");
  // Nix: "please only import the modules that make up the configuration".
  error(710, "InvalidModule", /pass its modules instead/, "config", "import-configuration.nix");
  errorAt(711, "InvalidModule", /value of type `configuration' was given where a module is expected, in `.*\/import-error-submodule.nix'/, ["foo"], "config.foo", "import-error-submodule.nix");
});

describe("modules.sh: doRename", () => {
  output(714, /^1234$/, "config.c.d.e", "doRename-basic.nix");
  output(716, /^"The option `a\.b. defined in `.*\/doRename-warnings\.nix. has been renamed to `c\.d\.e.\."$/, "config.result", "doRename-warnings.nix");
  output(719, /^true$/, "config.result", "doRename-condition.nix", "doRename-condition-enable.nix");
  output(720, /^true$/, "config.result", "doRename-condition.nix", "doRename-condition-no-enable.nix");
  output(721, /^true$/, "config.result", "doRename-condition.nix", "doRename-condition-migrated.nix");
});

describe("modules.sh: keys of anonymous modules", () => {
  output(724, /^"pear"$/, "config.once.raw", "merge-module-with-key.nix");
  output(725, /^"pear\\npear"$/, "config.twice.raw", "merge-module-with-key.nix");
});

// Our declarations have files but no line numbers: the assertions on files are ported.
describe("modules.sh: declaration positions", () => {
  output(730, /\/declaration-positions.nix"$/, "options.imported.line14.declarationPositions.0.file", "declaration-positions.nix");
  output(733, /\/declaration-positions.nix"$/, "options.generated.line22.declarationPositions.0.file", "declaration-positions.nix");
  output(734, /^null$/, "options.generated.line22.declarationPositions.0.line", "declaration-positions.nix");
  output(737, /\/declaration-positions.nix"$/, "config.submoduleLine38.submodDeclLine45.0.file", "declaration-positions.nix");
});

// pathWith.nix without its Nix path values (pathInStore.ok6, pathNotInStore.bad4).
describe("modules.sh: types.pathWith", () => {
  output(746, /".*\/store\/0lz9p8xhf89kb1c1kk6jxrzskaiygnlh-bash-5.2-p15.drv"/, "config.pathInStore.ok1", "pathWith.nix");
  output(747, /".*\/store\/0fb3ykw9r5hpayd05sr0cizwadzq1d8q-bash-5.2-p15"/, "config.pathInStore.ok2", "pathWith.nix");
  output(748, /".*\/store\/0fb3ykw9r5hpayd05sr0cizwadzq1d8q-bash-5.2-p15\/bin\/bash"/, "config.pathInStore.ok3", "pathWith.nix");
  const inStore = (value: string) => new RegExp(`is not of type .path in the Nix store.. Definition values:\\n\\s*- In .*: ${value}`);
  error(749, "TypeMismatch", inStore('""'), "config.pathInStore.bad1", "pathWith.nix");
  error(750, "TypeMismatch", inStore('".*/store"'), "config.pathInStore.bad2", "pathWith.nix");
  error(751, "TypeMismatch", inStore('".*/store/"'), "config.pathInStore.bad3", "pathWith.nix");
  error(752, "TypeMismatch", inStore('".*/store/.links"'), "config.pathInStore.bad4", "pathWith.nix");
  error(753, "TypeMismatch", inStore('"/foo/bar"'), "config.pathInStore.bad5", "pathWith.nix");
  output(756, /"\/foo\/bar"/, "config.pathNotInStore.ok1", "pathWith.nix");
  output(757, /".*\/store"/, "config.pathNotInStore.ok2", "pathWith.nix");
  output(758, /".*\/store\/"/, "config.pathNotInStore.ok3", "pathWith.nix");
  output(759, /""/, "config.pathNotInStore.ok4", "pathWith.nix");
  output(760, /".*\/store\/.links"/, "config.pathNotInStore.ok5", "pathWith.nix");
  const notInStore = (value: string) => new RegExp(`is not of type .path not in the Nix store.. Definition values:\\n\\s*- In .*: ${value}`);
  error(761, "TypeMismatch", notInStore('".*/0lz9p8xhf89kb1c1kk6jxrzskaiygnlh-bash-5.2-p15.drv"'), "config.pathNotInStore.bad1", "pathWith.nix");
  error(762, "TypeMismatch", notInStore('".*/0fb3ykw9r5hpayd05sr0cizwadzq1d8q-bash-5.2-p15"'), "config.pathNotInStore.bad2", "pathWith.nix");
  error(763, "TypeMismatch", notInStore('".*/0fb3ykw9r5hpayd05sr0cizwadzq1d8q-bash-5.2-p15/bin/bash"'), "config.pathNotInStore.bad3", "pathWith.nix");
  output(767, /"\/this\/is\/absolute"/, "config.anyPath.ok1", "pathWith.nix");
  output(768, /"\.\/this\/is\/relative"/, "config.anyPath.ok2", "pathWith.nix");
  error(769, "TypeMismatch", /`anyPath.bad1' is not of type .path./, "config.anyPath.bad1", "pathWith.nix");
  output(772, /"\/this\/is\/absolute"/, "config.absolutePathNotInStore.ok1", "pathWith.nix");
  error(773, "TypeMismatch", /`absolutePathNotInStore.bad1' is not of type .absolute path not in the Nix store./, "config.absolutePathNotInStore.bad1", "pathWith.nix");
  error(774, "TypeMismatch", /`absolutePathNotInStore.bad2' is not of type .absolute path not in the Nix store./, "config.absolutePathNotInStore.bad2", "pathWith.nix");
  error(777, "DuplicateDeclaration", /The option .conflictingPathOptionType. in .*\/pathWith.nix. is already declared in .*\/pathWith.nix/, "config.conflictingPathOptionType", "pathWith.nix");
  throws(780, /In pathWith, inStore means the path must be absolute/, "config.impossiblePathOptionType", "pathWith.nix");
});

describe("modules.sh: mkDefinition", () => {
  error(784, "ConflictingDefinitions", /cannot be merged.*\n\s*- In .file.*\n\s*- In .other.*/, "config.conflict", "mkDefinition.nix");
  error(785, "TypeMismatch", /`viaOptionDefault' is not of type .boolean/, "config.viaOptionDefault", "mkDefinition.nix");
  output(786, /^true$/, "config.viaConfig", "mkDefinition.nix");
  output(787, /^true$/, "config.mkMerge", "mkDefinition.nix");
  output(788, /^true$/, "config.mkForce", "mkDefinition.nix");
});

describe("modules.sh: specialArgs._class", () => {
  output(791, /"nixos"/, "config.nixos.config.foo", "specialArgs-class.nix");
  output(792, /"bar"/, "config.conditionalImportAsNixos.config.foo", "specialArgs-class.nix");
  missing(793, "config.conditionalImportAsNixos.config.bar", "specialArgs-class.nix");
  missing(794, "config.conditionalImportAsDarwin.config.foo", "specialArgs-class.nix");
  output(795, /"foo"/, "config.conditionalImportAsDarwin.config.bar", "specialArgs-class.nix");
  output(796, /"nixos"/, "config.sub.nixos.foo", "specialArgs-class.nix");
  output(797, /"bar"/, "config.sub.conditionalImportAsNixos.foo", "specialArgs-class.nix");
  missing(798, "config.sub.conditionalImportAsNixos.bar", "specialArgs-class.nix");
  missing(799, "config.sub.conditionalImportAsDarwin.foo", "specialArgs-class.nix");
  output(800, /"foo"/, "config.sub.conditionalImportAsDarwin.bar", "specialArgs-class.nix");
});

describe("modules.sh: valueMeta", () => {
  // Nix's `{}` of a type without a checking merge (the pattern is a grep: `\{\}`).
  output(802, /\{\}/, "options.str.valueMeta", "types-valueMeta.nix");
  output(803, /\["bar","foo"\]/, "config.attrsOfResult", "types-valueMeta.nix");
  output(804, /2/, "config.listOfResult", "types-valueMeta.nix");
  output(808, /42/, "options.attrsOfModule.valueMeta.attrs.foo.configuration.options.bar.value", "composed-types-valueMeta.nix");
  output(809, /42/, "options.mergedAttrsOfModule.valueMeta.attrs.foo.configuration.options.bar.value", "composed-types-valueMeta.nix");
  output(812, /42/, "config.listResult", "composed-types-valueMeta.nix");
  output(813, /42/, "config.mergedListResult", "composed-types-valueMeta.nix");
});

describe("modules.sh: types.addCheck and check coherence", () => {
  output(816, /^0$/, "config.v1CheckedPass", "add-check.nix");
  error(817, "TypeMismatch", /is not of type .signed integer/, "config.v1CheckedFail", "add-check.nix");
  output(818, /^true$/, "config.v2checkedPass", "add-check.nix");
  error(819, "TypeMismatch", /is not of type .attribute set of signed integer/, "config.v2checkedFail", "add-check.nix");
  // A type whose `check` was replaced (`type // { check }`, `{ ...type, check }` here) where the
  // merge checks by itself is refused, with advice to use addCheck.
  const coherence = (line: number, attr: string) => error(line, "InvalidModule", /ad-hoc.*override.*incompatible/s, attr, "v2-check-coherence.nix");
  coherence(823, "config.adhocFail.foo");
  coherence(825, "config.adhocOuterFail.bar");
  coherence(827, "config.eitherLeftFail");
  coherence(829, "config.eitherRightFail");
  coherence(831, "config.coercedFromFail.bar");
  coherence(833, "config.coercedToFail.foo");
  coherence(835, "config.addCheckNested.foo");
  error(836, "InvalidModule", /Please use.*lib\.types\.addCheck.*instead/s, "config.adhocFail.foo", "v2-check-coherence.nix");
  error(837, "TypeMismatch", /`addCheckFail\.bar' is not of type /, "config.addCheckFail.bar.baz", "v2-check-coherence.nix");
  output(838, /^true$/, "config.result", "v2-check-coherence.nix");
});

describe("modules.sh: option name suggestions", () => {
  error(842, "UndeclaredOption", /Did you mean .set\.enable.\?/, "config.set", "error-typo-nested.nix");
  error(843, "UndeclaredOption", /Did you mean .set.\?/, "config", "error-typo-outside-with-nested.nix");
  error(844, "UndeclaredOption", /Did you mean .bar., .baz. or .foo.\?/, "config", "error-typo-multiple-suggestions.nix");
  error(845, "UndeclaredOption", /Did you mean .enable., .ebe. or .enabled.\?/, "config", "error-typo-large-attrset.nix");
  error(846, "UndeclaredOption", /Did you mean .services\.myservice\.port. or .services\.myservice\.enable.\?/, "config.services.myservice", "error-typo-submodule.nix");
  error(
    847,
    "UndeclaredOption",
    /Did you mean .services\.nginx\.virtualHosts\."example\.com"\.ssl\.certificate. or .services\.nginx\.virtualHosts\."example\.com"\.ssl\.certificateKey.\?/,
    'config.services.nginx.virtualHosts."example.com"',
    "error-typo-deeply-nested.nix",
  );
});

// Error patterns: Nix's "A definition for option" is our "A definition of"; its "TypeError:" (the
// head error of a checking merge) is not in ours.
describe("modules.sh: types.attrListOf", () => {
  output(850, /"ok"/, "config.assertions", "declare-attrList.nix");
  error(851, "TypeMismatch", /A definition of .attrListInt\.badValue\.a. is not of type .signed integer.\. Definition values:/, "config.attrListIntStrict.badValue", "declare-attrList.nix");
  error(852, "TypeMismatch", /A definition of .attrList\.badListElem. is not of type .attribute list of string.\. Each list element must be a single-key attribute set, but got 2 keys/, "config.attrListStrict.badListElem", "declare-attrList.nix");
  error(853, "TypeMismatch", /A definition of .attrList\.badString. is not of type .attribute list of string.\. Definition values:/, "config.attrListStrict.badString", "declare-attrList.nix");
  error(854, "TypeMismatch", /A definition of .attrList\.badListString. is not of type .attribute list of string.\. Each list element must be an attribute set, but got string/, "config.attrListStrict.badListString", "declare-attrList.nix");
  error(857, "TypeMismatch", /the-defs-file\.nix/, "config.argv", "attrList-valueMeta-definitions-file-diagnostic-forwarding.nix");
  error(860, "DuplicateDeclaration", /The option .merged. in .*\/declare-attrList-type-merge\.nix. is already declared in .*\/declare-attrList-type-merge\.nix/, "config.merged", "declare-attrList-type-merge.nix");
});

/**
 * io-ts codecs derived from option types: what a merged value of a type looks like, so that a
 * value can be checked again (or typed) without the module system. Scalar types check with their
 * own `check`; lists, attribute sets, nullable and either types, and submodules (their declared
 * options and their free-form attributes) recurse into their parts.
 */
import * as t from "io-ts";
import { hasOwn, isAttrs, type Attrs } from "./attrs.js";
import { isOption } from "./options.js";
import type { OptionType } from "./types/type.js";

/** A codec of any value (the engine's values are untyped until a caller names their type). */
export type Codec = t.Type<unknown, unknown, unknown>;

function checked(type: OptionType): Codec {
  return new t.Type<unknown, unknown, unknown>(
    type.name,
    (u): u is unknown => type.check(u),
    (u, c) => (type.check(u) ? t.success(u) : t.failure(u, c, `expected ${type.description}`)),
    t.identity,
  );
}

/**
 * A codec of a set whose declared keys have their own codecs; the other keys, taken together as
 * one set, must fit `rest` (a free-form type's codec), or there must be none.
 */
function freeformSet(name: string, declared: ReadonlyMap<string, Codec>, rest: Codec | null): Codec {
  const validate = (u: unknown, c: t.Context): t.Validation<unknown> => {
    if (!isAttrs(u)) return t.failure(u, c, "expected an attribute set");
    const errors: t.Errors = [];
    const others: Attrs = {};
    for (const key of Object.keys(u)) {
      const codec = declared.get(key);
      if (codec === undefined) {
        Object.defineProperty(others, key, { value: u[key], enumerable: true });
        continue;
      }
      const result = codec.validate(u[key], t.appendContext(c, key, codec, u[key]));
      if (result._tag === "Left") errors.push(...result.left);
    }
    for (const key of declared.keys()) {
      if (!hasOwn(u, key)) errors.push({ value: undefined, context: [...c, { key, type: declared.get(key)!, actual: undefined }], message: `missing attribute ${key}` });
    }
    const otherKeys = Object.keys(others);
    if (rest !== null) {
      const result = rest.validate(others, c);
      if (result._tag === "Left") errors.push(...result.left);
    } else {
      for (const key of otherKeys) {
        errors.push({ value: others[key], context: [...c, { key, type: t.never, actual: others[key] }], message: `undeclared attribute ${key}` });
      }
    }
    return errors.length > 0 ? t.failures(errors) : t.success(u);
  };
  return new t.Type<unknown, unknown, unknown>(name, (u): u is unknown => validate(u, [])._tag === "Right", validate, t.identity);
}

/**
 * The codecs being made, by type: a type met again inside itself (`types.json` holds sets and lists
 * of itself) gets a codec that refers to the one being made.
 */
type Making = Map<OptionType, { codec?: Codec }>;

function submoduleCodec(type: OptionType, making: Making): Codec {
  const options = type.getSubOptions([]);
  const declared = new Map<string, Codec>();
  for (const [key, option] of Object.entries(options)) {
    if (key === "_module" || key === "_freeformOptions") continue;
    declared.set(key, optionTreeCodec(option, making));
  }
  const freeform = type.nestedTypes["freeformType"];
  return freeformSet(type.description, declared, freeform ? codecWithin(freeform, making) : null);
}

/** The codec of an option (its type's) or of a set of options (a set of their codecs). */
function optionTreeCodec(tree: unknown, making: Making): Codec {
  if (isOption(tree)) return codecWithin((tree as Attrs)["type"] as OptionType, making);
  const declared = new Map<string, Codec>();
  for (const [key, sub] of Object.entries(tree as Attrs)) declared.set(key, optionTreeCodec(sub, making));
  return freeformSet("option set", declared, null);
}

function codecWithin(type: OptionType, making: Making): Codec {
  const pending = making.get(type);
  if (pending !== undefined) {
    // Not io-ts' `recursion`, whose definition `union` reads at once, before it is made.
    return new t.Type<unknown, unknown, unknown>(
      type.name,
      (u): u is unknown => pending.codec!.is(u),
      (u, c) => pending.codec!.validate(u, c),
      t.identity,
    );
  }
  const entry: { codec?: Codec } = {};
  making.set(type, entry);
  const nested = type.nestedTypes;
  const of = (inner: OptionType) => codecWithin(inner, making);
  let codec: Codec;
  switch (type.functor.name) {
    case "listOf":
      codec = t.array(of(nested["elemType"]!)) as Codec;
      break;
    case "attrsWith":
      codec = t.record(t.string, of(nested["elemType"]!)) as Codec;
      break;
    case "nullOr":
      codec = t.union([t.null, of(nested["elemType"]!)]) as Codec;
      break;
    case "unique":
      codec = of(nested["elemType"]!);
      break;
    case "either":
      codec = t.union([of(nested["left"]!), of(nested["right"]!)]) as Codec;
      break;
    case "submodule":
      codec = submoduleCodec(type, making);
      break;
    default:
      codec = type.functor.name === "coercedTo" || type.name === "coercedTo" ? of(nested["finalType"]!) : checked(type);
  }
  making.delete(type);
  return (entry.codec = codec);
}

/**
 * The io-ts codec of the values of `type`.
 * @example codecOf(types.attrsOf(types.int)).is({ a: 1 }) // true
 */
export function codecOf(type: OptionType): Codec {
  return codecWithin(type, new Map());
}

/**
 * The catalogue's types by name, so that a parameterless type's functor can name the type two
 * declarations merge into (Nixpkgs looks them up in `lib.types`). Filled once, when the catalogue
 * loads; never changed after.
 */
import type { OptionType } from "./type.js";

const byName = new Map<string, OptionType>();

/** Records the catalogue's named types (called once by the catalogue). */
export function registerNamedTypes(types: Readonly<Record<string, unknown>>): void {
  for (const [name, type] of Object.entries(types)) {
    if (typeof type === "object" && type !== null && (type as { _type?: unknown })._type === "option-type") {
      byName.set(name, type as OptionType);
    }
  }
}

/** The catalogue's type of this name, or null. */
export function namedType(name: string): OptionType | null {
  return byName.get(name) ?? null;
}

/**
 * Where `check` collects undeclared options instead of throwing the first. An evaluation's
 * `config` normally throws on its first undeclared definition, as in Nixpkgs; while `check` walks
 * an evaluation of its own, every evaluation (submodules included) hands all of them to the sink
 * and goes on, so that one undeclared key does not hide the other errors of the same module.
 */
import type { ModuleError } from "./errors.js";

/** Receives the undeclared-option errors of one evaluation. */
export type UndeclaredSink = (errors: readonly ModuleError[]) => void;

let current: UndeclaredSink | null = null;

/** Runs `walk` with `sink` receiving undeclared options; the previous sink is restored after. */
export function withUndeclaredSink<T>(sink: UndeclaredSink, walk: () => T): T {
  const previous = current;
  current = sink;
  try {
    return walk();
  } finally {
    current = previous;
  }
}

/** The sink of the `check` in progress, or null when undeclared options must throw. */
export function undeclaredSink(): UndeclaredSink | null {
  return current;
}

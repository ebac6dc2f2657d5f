/**
 * Laziness for a strict language: thunks that compute a value once, and the cells of an evaluation
 * (option values, the module list, the option tree) that also detect their own cycles, so that a
 * value that depends on itself is an `InfiniteRecursion` naming the chain of options, never a
 * JavaScript stack overflow.
 */
import { ModuleError } from "./errors.js";
import { showOption } from "./show.js";

/** A value computed on first use and kept. Never visible outside the engine. */
export class Lazy<T = unknown> {
  #compute: (() => T) | undefined;
  #value: T | undefined;

  constructor(compute: () => T) {
    this.#compute = compute;
  }

  /** The value, computed now if it was not yet. A failed computation is retried on the next use. */
  get(): T {
    const compute = this.#compute;
    if (compute === undefined) return this.#value as T;
    const value = compute();
    this.#value = value;
    this.#compute = undefined;
    return value;
  }
}

/** A lazy reading of `obj[key]`: getters are only called when the value is needed. */
export function lazyProperty(obj: object, key: string): Lazy {
  return new Lazy(() => (obj as Record<string, unknown>)[key]);
}

/** `value` itself, or what it computes when it is a {@link Lazy}. */
export function force(value: unknown): unknown {
  return value instanceof Lazy ? value.get() : value;
}

const enum CellState {
  Idle,
  Running,
  Done,
}

/**
 * The cells being computed right now, innermost last. It is empty between two reads from outside
 * the engine; it only holds the chain that the current read went through, across evaluations
 * (a submodule's option may read its parent's).
 */
const forcing: Cell<unknown>[] = [];

/** Stack depth past which a chain of reads is reported as a recursion rather than overflowing. */
const maxForcingDepth = 2000;

/**
 * A named, cached value of an evaluation. Reading a cell while it is being computed is a cycle:
 * it throws `InfiniteRecursion` with the chain of cells from the first read to the repeated one.
 */
export class Cell<T> {
  #state = CellState.Idle;
  #value: T | undefined;
  /** Dropped once the value is known, so that what the computation captured can be collected. */
  #compute: (() => T) | undefined;
  /** The option path, when the cell is an option's value (or part of one). */
  readonly path: readonly string[] | undefined;
  readonly #what: string | undefined;

  /**
   * @param path the option path the cell computes (or belongs to)
   * @param what what the cell computes, where it is not the option's value ("declarations", ...)
   */
  constructor(compute: () => T, path?: readonly string[], what?: string) {
    this.#compute = compute;
    this.path = path;
    this.#what = what;
  }

  /** How the cell appears in a cycle's chain: the option path, and what part of it. */
  get label(): string {
    const where = this.path && this.path.length > 0 ? showOption(this.path) : "the configuration";
    return this.#what ? `${where} (${this.#what})` : where;
  }

  /** Whether the value is being computed right now (a read from inside it would be a cycle). */
  get isRunning(): boolean {
    return this.#state === CellState.Running;
  }

  /** Whether the value has been computed successfully. */
  get isDone(): boolean {
    return this.#state === CellState.Done;
  }

  /** The value, computed on first read and cached; a failure is not cached. */
  get(): T {
    if (this.#state === CellState.Done) return this.#value as T;
    if (this.#state === CellState.Running) throw this.#cycle();
    if (forcing.length >= maxForcingDepth) throw tooDeep(this, `more than ${maxForcingDepth} nested computations`);
    this.#state = CellState.Running;
    forcing.push(this as Cell<unknown>);
    try {
      const value = this.#compute!();
      this.#value = value;
      this.#state = CellState.Done;
      this.#compute = undefined;
      return value;
    } catch (e) {
      this.#state = CellState.Idle;
      throw isStackOverflow(e) ? tooDeep(this, "the JavaScript stack ran out") : e;
    } finally {
      forcing.pop();
    }
  }

  #cycle(): ModuleError {
    const start = forcing.lastIndexOf(this as Cell<unknown>);
    const labels = forcing.slice(start).map((c) => c.label);
    // The stages of one option (its definitions, its value) appear once; the chain ends where it began.
    const chain = [...labels.filter((label, i) => i === 0 || label !== labels[i - 1]), this.label];
    const first = forcing[start] ?? this;
    return new ModuleError({
      kind: "InfiniteRecursion",
      ...(this.path ? { path: this.path } : first.path ? { path: first.path } : {}),
      message:
        `infinite recursion: ${chain.join(" -> ")}\n` +
        "Each of these values needs the next one to be computed, and the last needs the first. " +
        "Break the cycle: define one of them without reading the others (a getter that reads " +
        "`config` only inside the value it defines, or a condition that does not read the option it guards).",
    });
  }
}

function tooDeep(cell: Cell<unknown>, why: string): ModuleError {
  const recent = forcing.slice(-5).map((c) => c.label);
  return new ModuleError({
    kind: "InfiniteRecursion",
    ...(cell.path ? { path: cell.path } : {}),
    message:
      `the evaluation went too deep (${why}: values each needing the next) ` +
      `while computing ${cell.label}; the last were: ${recent.join(" -> ")}. ` +
      "This is almost always a value that depends on itself through a chain of getters.",
  });
}

function isStackOverflow(e: unknown): boolean {
  return e instanceof RangeError && e.message.includes("call stack");
}

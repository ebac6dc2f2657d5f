// The oracle: one `nix repl` process evaluates many expressions, one per line, with the Nixpkgs
// `lib` loaded once. Starting `nix-instantiate` per expression costs the parse of `lib` every time;
// the repl also keeps going after an error and prints its message, which `builtins.tryEval` would
// not give us. Each expression is followed by a marker so that outputs can be told apart.
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from "node:child_process";

const marker = '"@@END@@"';

/** What Nix gave for one expression: a string value (unquoted), or an error message. */
export type NixOutcome = { readonly ok: string } | { readonly error: string };

/** Whether `nix-instantiate` (and with it `nix repl`) is on the PATH. */
export function nixAvailable(): boolean {
  return spawnSync("nix-instantiate", ["--version"], { stdio: "ignore" }).status === 0;
}

/** Unquotes a Nix string literal as the repl prints it. */
function unquoteNix(literal: string): string {
  return literal.slice(1, -1).replace(/\\(.)/gs, (_, c: string) => (c === "n" ? "\n" : c === "t" ? "\t" : c === "r" ? "\r" : c));
}

/** Reads one expression's output: the value line, or the error text up to its first position frame. */
function parseChunk(chunk: string): NixOutcome {
  const lines = chunk.split("\n").filter((l) => !l.startsWith("nix-repl> ") && !l.startsWith("trace: ") && l.trim() !== "" && !l.startsWith("Welcome to Nix"));
  const errorAt = lines.findIndex((l) => l.startsWith("error:"));
  if (errorAt >= 0) {
    const rest = lines.slice(errorAt);
    const end = rest.findIndex((l, i) => i > 0 && /^\s+at .*:\d+:\d+:$|^\s+at «/.test(l));
    return { error: (end < 0 ? rest : rest.slice(0, end)).join("\n") };
  }
  const value = lines.find((l) => l.startsWith('"'));
  return value === undefined ? { error: `no output from nix repl: ${lines.join(" | ")}` } : { ok: unquoteNix(value) };
}

/** A running `nix repl` with the Nixpkgs lib bound to `lib`. */
export class NixRepl {
  private proc: ChildProcessWithoutNullStreams | undefined;
  private buffer = "";
  private waiting: ((chunk: string | undefined) => void)[] = [];

  constructor(private readonly libPath: string) {}

  private start(): ChildProcessWithoutNullStreams {
    // One pipe for both streams: values go to stdout and errors to stderr, and their order matters.
    const proc = spawn("sh", ["-c", "exec nix --extra-experimental-features nix-command repl 2>&1"], { stdio: ["pipe", "pipe", "pipe"] });
    proc.stdout.setEncoding("utf8");
    proc.stdout.on("data", (data: string) => {
      this.buffer += data.replace(/\x1b\[[0-9;]*m/g, "");
      for (;;) {
        const at = this.buffer.search(/^"@@END@@"$/m);
        if (at < 0) break;
        const chunk = this.buffer.slice(0, at);
        this.buffer = this.buffer.slice(at + marker.length);
        this.waiting.shift()?.(chunk);
      }
    });
    proc.on("exit", () => {
      this.proc = undefined;
      this.buffer = "";
      for (const w of this.waiting.splice(0)) w(undefined);
    });
    proc.stdin.write(`lib = import ${this.libPath}\n${marker}\n`);
    this.waiting.push(() => undefined);
    this.proc = proc;
    return proc;
  }

  /** Evaluates every expression (each on one line), written all at once so that Nix never waits on us. */
  async evalAll(expressions: readonly string[]): Promise<NixOutcome[]> {
    const out: NixOutcome[] = [];
    let rest = expressions;
    while (rest.length > 0) {
      const proc = this.proc ?? this.start();
      const pending = rest.map(() => new Promise<string | undefined>((resolve) => this.waiting.push(resolve)));
      proc.stdin.write(rest.map((e) => `${e}\n${marker}\n`).join(""));
      const chunks = await Promise.all(pending);
      const crashed = chunks.indexOf(undefined);
      const answered = crashed < 0 ? chunks.length : crashed;
      for (let i = 0; i < answered; i++) out.push(parseChunk(chunks[i]!));
      if (crashed < 0) break;
      // The process died on this expression (a crash of Nix itself): report it and go on with the rest.
      out.push({ error: "nix repl exited while evaluating this expression" });
      rest = rest.slice(answered + 1);
    }
    return out;
  }

  /** Ends the process. */
  close(): void {
    this.proc?.stdin.end();
    this.proc?.kill();
  }
}

/**
 * Text from the input made safe to print: nothing a manifest holds (a key, a value, a file name, a
 * line of a code frame) may move a terminal's cursor, clear its screen, reorder what it shows, or
 * be read by the GitHub Actions runner as a workflow command. Such characters are shown escaped, as
 * JavaScript writes them (`\u001b`, `\r`), so that the reader sees what the input holds.
 */

/**
 * The characters shown escaped: the C0 controls but tab and line feed, DEL, the C1 controls, the
 * line and paragraph separators, and the bidirectional embeddings, overrides and isolates.
 */
const unsafeCharacter = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

function escapeOne(character: string): string {
  if (character === "\r") return "\\r";
  return `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`;
}

/**
 * `text` with every character that could act on a terminal escaped (see {@link unsafeCharacter});
 * line feeds and tabs are kept.
 * @example escapeUnsafeCharacters("a\u001b[2Jb\rc") // "a\\u001b[2Jb\\rc"
 */
export function escapeUnsafeCharacters(text: string): string {
  return text.replace(unsafeCharacter, escapeOne);
}

/** A line's start: white space and colour sequences (which this tool writes), then what the runner reads. */
const commandStart = /^((?:[ \t]|\u001b\[[0-9;]*m)*)::/;

/**
 * `text` with nothing the GitHub Actions runner would take for a workflow command: a line whose
 * text starts with `::` has its first colon escaped (`\u003a:`), and `##[` anywhere is written
 * `\u0023#[`. The tool's own `::error …` lines are made after this, by the `github` format.
 * @example neutraliseWorkflowCommands("  ::set-output name=x::y") // "  \\u003a:set-output name=x::y"
 */
export function neutraliseWorkflowCommands(text: string): string {
  return text
    .split("\n")
    .map((line) => line.replace(commandStart, "$1\\u003a:").replaceAll("##[", "\\u0023#["))
    .join("\n");
}

/**
 * Plain text from the input made safe for a terminal and a CI log: unsafe characters escaped and
 * workflow commands neutralised.
 * @example safeText("file\u202e.json") // "file\\u202e.json"
 */
export function safeText(text: string): string {
  return neutraliseWorkflowCommands(escapeUnsafeCharacters(text));
}

/**
 * JSON text (as `JSON.stringify` writes it) with the characters it leaves raw written as JSON
 * escapes: DEL, the C1 controls, the separators and the bidirectional controls, and the `#` of
 * `##[`. The value it stands for is unchanged.
 * @example safeJsonText('"a\u202eb"') // '"a\\u202eb"'
 */
export function safeJsonText(json: string): string {
  return json.replace(unsafeCharacter, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`).replaceAll("##[", "\\u0023#[");
}

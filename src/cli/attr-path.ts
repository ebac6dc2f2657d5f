/**
 * Nix-style attribute paths on the command line: names separated by dots, a name quoted when it
 * holds dots or other characters (`cuda.manifests."12.2.2".redistrib`).
 */
import * as E from "fp-ts/lib/Either.js";

/**
 * The names of `text`, or a message saying where it is malformed.
 * @example parseAttrPath('cuda.manifests."12.2.2".redistrib') // right(["cuda", "manifests", "12.2.2", "redistrib"])
 */
export function parseAttrPath(text: string): E.Either<string, string[]> {
  const names: string[] = [];
  let i = 0;
  if (text.trim() === "") return E.right([]);
  while (i <= text.length) {
    if (text[i] === '"') {
      let name = "";
      for (i++; i < text.length && text[i] !== '"'; i++) {
        if (text[i] === "\\" && i + 1 < text.length) i++;
        name += text[i];
      }
      if (i >= text.length) return E.left(`the quoted name at ${name.length > 0 ? `"${name}` : "the end"} of ${text} is not closed: add a closing ".`);
      names.push(name);
      i++;
    } else {
      const start = i;
      while (i < text.length && text[i] !== ".") i++;
      const name = text.slice(start, i);
      if (!/^[A-Za-z_][A-Za-z0-9_'-]*$/.test(name)) {
        return E.left(`\`${name}' in ${text} is not a plain name: quote it ("${name}") or correct the path.`);
      }
      names.push(name);
    }
    if (i === text.length) break;
    if (text[i] !== ".") return E.left(`expected a dot after \`${names[names.length - 1]}' in ${text}.`);
    i++;
    if (i === text.length) return E.left(`${text} ends with a dot: remove it or add a name.`);
  }
  return E.right(names);
}

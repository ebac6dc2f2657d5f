/**
 * Offsets in a text as lines and columns, counted from 1. A line ends at `\n`, `\r\n` or a lone
 * `\r`, so files with Windows line endings keep their positions right.
 */

/** A position in a text: line and column, from 1. */
export interface TextPosition {
  readonly line: number;
  readonly column: number;
}

/** The starting offset of every line of `text`, for turning offsets into positions by search. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

/** The position of `offset`, given the line starts of its text. @example positionAt(lineStarts("a\nb"), 2) // { line: 2, column: 1 } */
export function positionAt(starts: readonly number[], offset: number): TextPosition {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low + 1, column: offset - starts[low]! + 1 };
}

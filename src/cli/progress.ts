/** A progress line on a terminal's stderr while many files are worked on; nothing elsewhere. */
import { safeText } from "./safe-text.js";

/** Reports progress; `done` clears the line. */
export interface Progress {
  (index: number, count: number, file: string): void;
  done(): void;
}

/** A progress reporter writing to `stream` when it is a terminal and there are several files. */
export function progress(stream: NodeJS.WritableStream & { isTTY?: boolean }, verb: string): Progress {
  let shown = false;
  const report = ((index: number, count: number, file: string) => {
    if (stream.isTTY !== true || count < 5) return;
    shown = true;
    stream.write(`\r\u001b[K${verb} ${index + 1}/${count} ${safeText(file)}`);
  }) as Progress;
  report.done = () => {
    if (shown) stream.write("\r\u001b[K");
    shown = false;
  };
  return report;
}

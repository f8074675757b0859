// One line on stderr, redrawn in place while something slow runs (rendering a batch of diagrams).
// Only in a terminal: in a pipe or a log file, carriage returns would leave a pile of half lines.

export interface ProgressLine {
  /** Replaces the line with `text`, cut to the terminal's width so it never wraps. */
  show(text: string): void;
  /** Removes the line, so that what is printed next starts on a clean line. */
  clear(): void;
  /** A `(done, total, label)` callback that shows "`verb` done/total label". */
  counter(verb: string): (done: number, total: number, label: string) => void;
}

export function progressLine(stream: NodeJS.WriteStream = process.stderr): ProgressLine {
  const on = stream.isTTY === true;
  let shown = false;
  const line: ProgressLine = {
    show(text) {
      if (!on) return;
      const width = stream.columns || 80;
      stream.write(`\r\x1b[2K${text.slice(0, width - 1)}`);
      shown = true;
    },
    clear() {
      if (!shown) return;
      stream.write('\r\x1b[2K');
      shown = false;
    },
    counter(verb) {
      return (done, total, label) => line.show(`${verb} ${done}/${total} ${label}`);
    },
  };
  return line;
}

// JSON of a whole ADR log, printed as it is made: a log of 10,000 ADRs is never held in memory,
// as records or as one long string. The text is exactly `JSON.stringify(value, null, 2)`'s.
import { once } from 'node:events';

const PIECE = 64 * 1024;

/**
 * The JSON array of `items`, as `JSON.stringify` lays it out at the nesting depth of `indent`, in
 * pieces of about 64 KB. An item is its own indented JSON, indented once more: JSON strings hold
 * no raw line breaks, so every line break is the layout's.
 */
export async function* jsonArray<T>(items: AsyncIterable<T>, indent = ''): AsyncGenerator<string> {
  let piece = '';
  let count = 0;
  const inner = `${indent}  `;
  for await (const item of items) {
    piece += `${count === 0 ? '[\n' : ',\n'}${inner}${JSON.stringify(item, null, 2).replaceAll('\n', `\n${inner}`)}`;
    count++;
    if (piece.length >= PIECE) {
      yield piece;
      piece = '';
    }
  }
  yield `${piece}${count === 0 ? '[]' : `\n${indent}]`}`;
}

/** Writes pieces to stdout, waiting while a slow reader (a pager, `jq`) catches up. */
export async function printPieces(pieces: AsyncIterable<string> | Iterable<string>): Promise<void> {
  for await (const piece of pieces) {
    if (!process.stdout.write(piece)) await once(process.stdout, 'drain');
  }
}

/** Prints `items` as one JSON array (each as `toJson` makes it) and a line break, as they come. */
export async function printJsonArray<T, U>(items: AsyncIterable<T>, toJson: (item: T) => U): Promise<void> {
  async function* mapped(): AsyncGenerator<U> {
    for await (const item of items) yield toJson(item);
  }
  async function* lines(): AsyncGenerator<string> {
    yield* jsonArray(mapped());
    yield '\n';
  }
  await printPieces(lines());
}

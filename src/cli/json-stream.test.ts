import { describe, expect, it } from 'vitest';
import { jsonArray } from './json-stream.js';

async function* items<T>(list: T[]): AsyncGenerator<T> {
  yield* list;
}

async function text(pieces: AsyncIterable<string>): Promise<{ text: string; pieces: number }> {
  let out = '';
  let n = 0;
  for await (const p of pieces) {
    out += p;
    n++;
  }
  return { text: out, pieces: n };
}

describe('jsonArray', () => {
  const big = Array.from({ length: 3000 }, (_, i) => ({ number: i, title: `Decision "${i}"\nwith a line break`, links: [{ type: 'Amends', number: i - 1 }], wizard: i % 2 ? null : { drivers: { scale: 'large' } } }));

  it.each([
    ['no items', []],
    ['one item', [{ a: 1 }]],
    ['strings with quotes and line breaks, nested objects, more than one piece', big],
  ])('is JSON.stringify(value, null, 2), in pieces: %s', async (_name, list) => {
    const { text: got, pieces } = await text(jsonArray(items(list as unknown[])));
    expect(got).toBe(JSON.stringify(list, null, 2));
    if (list.length > 1000) expect(pieces).toBeGreaterThan(1);
  });

  it('lays an array out at the depth it is nested', async () => {
    const list = [{ a: [1, 2] }, { b: 'x' }];
    const { text: got } = await text(jsonArray(items(list), '  '));
    expect(`{\n  "adrs": ${got}\n}`).toBe(JSON.stringify({ adrs: list }, null, 2));
  });
});

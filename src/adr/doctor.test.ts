import { describe, expect, it } from 'vitest';
import { addMonths, checkLog, planRenumbering, rewriteReferences } from './doctor.js';
import type { AdrRecord } from './types.js';

function rec(number: number, name: string, extra: Partial<AdrRecord> = {}): AdrRecord {
  return { number, title: name, status: 'accepted', statusText: 'Accepted', file: `/log/${name}`, links: [], style: 'nygard', tags: [], body: '', ...extra };
}

describe('renumbering duplicates', () => {
  it('keeps the earliest by date, then by name, and moves the others past the highest number', () => {
    const log = [
      rec(1, '0001-a.md'),
      rec(3, '0003-zeta.md', { date: '2026-01-01' }),
      rec(3, '0003-alpha.md', { date: '2026-01-01' }),
      rec(3, '0003-early.md', { date: '2025-12-31' }),
      rec(4, '0004-d.md'),
    ];
    expect(planRenumbering(log, '/log').map((m) => [m.oldFile, m.newFile])).toEqual([
      ['/log/0003-alpha.md', '/log/0005-alpha.md'],
      ['/log/0003-zeta.md', '/log/0006-zeta.md'],
    ]);
  });

  it('rewrites links to the moved file only', () => {
    const move = { from: 3, to: 5, oldFile: '/log/0003-alpha.md', newFile: '/log/0005-alpha.md' };
    const text = 'Amends [3. Alpha](0003-alpha.md)\n\nRelates to [3. Zeta](0003-zeta.md)\n\nSee [the other](./0003-alpha.md).\n';
    expect(rewriteReferences(text, move)).toBe(
      'Amends [5. Alpha](0005-alpha.md)\n\nRelates to [3. Zeta](0003-zeta.md)\n\nSee [the other](./0005-alpha.md).\n',
    );
  });
});

describe('checks', () => {
  it('flags stale trees only behind accepted ADRs, at more than 12 months', () => {
    const wizard = (reviewed: string) => ({ tree: 't', reviewed, outcome: 'o', drivers: {}, assumed: [] });
    const log = [
      rec(1, '0001-a.md', { wizard: wizard('2025-02-03') }),
      rec(2, '0002-b.md', { wizard: wizard('2025-02-02') }),
      rec(3, '0003-c.md', { wizard: wizard('2020-01-01'), status: 'superseded' }),
    ];
    expect(checkLog(log, undefined, '2026-02-03').map((f) => [f.rule, f.number])).toEqual([['stale-tree', 2]]);
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LANGS } from '../core/types.js';
import { walk } from '../core/walk.js';
import { toDecision } from '../core/decision.js';
import { loadDecisionSet } from '../io/trees.js';
import { applyRuleSettings, checkLog, decisionData, logEntry, type DecisionData, type Finding } from './doctor.js';
import { adviceFindings } from './doctor/advice.js';
import { githubAnnotation } from './doctor/annotations.js';
import { addMonths } from './doctor/log-rules.js';
import { planRenumbering, rewriteReferences } from './doctor/renumber.js';
import { parseAdr } from './parse.js';
import { recordDecisions } from './record-decisions.js';
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
    expect(planRenumbering(log.map((r) => logEntry(r)), '/log').map((m) => [m.oldFile, m.newFile])).toEqual([
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
    expect(checkLog(log.map((r) => logEntry(r)), undefined, '2026-02-03').map((f) => [f.rule, f.number])).toEqual([['stale-tree', 2]]);
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
  });
});

describe('severities', () => {
  const f = (rule: Finding['rule'], severity: Finding['severity']): Finding => ({ rule, severity, number: 1, file: '/log/0001-a.md', message: 'm' });

  it('off drops a rule; a setting replaces the default, not a note the rule makes below it', () => {
    const findings = [f('missing-status', 'info'), f('advice-changed', 'warning'), f('advice-changed', 'info'), f('conflict', 'warning')];
    expect(applyRuleSettings(findings, { 'missing-status': 'off', 'advice-changed': 'error' }).map((x) => [x.rule, x.severity])).toEqual([
      ['advice-changed', 'error'],
      ['advice-changed', 'info'],
      ['conflict', 'warning'],
    ]);
    expect(applyRuleSettings(findings, { 'advice-changed': 'off' }).map((x) => x.rule)).toEqual(['missing-status', 'conflict']);
  });
});

describe('GitHub annotations', () => {
  it('escape data and properties as GitHub reads them', () => {
    const finding: Finding = { rule: 'unknown-status', severity: 'info', number: 3, file: '/r/x', line: 4, message: '100% sure,\r\nreally: yes' };
    expect(githubAnnotation(finding, 'doc/adr/0003-a:b,c%.md')).toBe(
      '::notice file=doc/adr/0003-a%3Ab%2Cc%25.md,line=4,title=adr-wizard unknown-status::100%25 sure,%0D%0Areally: yes',
    );
    const { line: _, ...noLine } = finding;
    expect(githubAnnotation({ ...noLine, severity: 'error' }, 'a.md')).toBe('::error file=a.md,title=adr-wizard unknown-status::100%25 sure,%0D%0Areally: yes');
  });
});

describe('conflicts', () => {
  const decided = (n: number, outcome: string, extra: Partial<AdrRecord> = {}) =>
    rec(n, `000${n}-q.md`, { wizard: { tree: 't', reviewed: '2026-01-01', outcome, drivers: {}, assumed: [] }, ...extra });

  it('two accepted decisions of one tree with different outcomes, unless one supersedes the other', () => {
    const both = [decided(1, 'a'), decided(2, 'b'), decided(3, 'a'), decided(4, 'b', { status: 'proposed' })];
    const found = checkLog(both.map((r) => logEntry(r)), undefined, '2026-02-03').filter((x) => x.rule === 'conflict');
    // 1 and 3 agree with each other; each disagrees with 2. One finding per record, naming every other.
    expect(found.map((x) => [x.number, x.message.slice(0, x.message.indexOf(' also'))])).toEqual([
      [1, 'ADR 2 (0002-q.md)'],
      [2, 'ADRs 1 and 3'],
      [3, 'ADR 2 (0002-q.md)'],
    ]);
    const linked = [decided(1, 'a', { links: [{ type: 'Superceded by', number: 2 }] }), decided(2, 'b')];
    expect(checkLog(linked.map((r) => logEntry(r)), undefined, '2026-02-03')).toEqual([]);
  });
});

// Every example of every shipped tree, written as an ADR in each language and template, then
// re-walked: a decision just written never reads as changed advice.
describe('advice-changed on fresh decisions', () => {
  let data: DecisionData;
  let cwd: string;
  beforeAll(async () => {
    cwd = mkdtempSync(join(tmpdir(), 'adr-doctor-'));
    const { trees, catalog } = await loadDecisionSet({ cwd });
    data = decisionData(trees, catalog);
  });
  afterAll(() => rmSync(cwd, { recursive: true, force: true }));

  it('is clean for every example of every shipped tree', async () => {
    let checked = 0;
    for (const tree of data.trees.values()) {
      for (const example of tree.examples) {
        for (const lang of LANGS) {
          const decision = toDecision(tree, walk(tree, example.drivers), { lang, values: example.drivers, assumed: [], catalog: data.catalog });
          for (const template of ['madr', 'nygard']) {
            const [written] = await recordDecisions({ decisions: [decision], trees: data.trees, catalog: data.catalog, cwd, dir: join(cwd, 'adr'), lang, template, dryRun: true });
            const record = await parseAdr(written!.file, written!.content);
            expect(record.wizard?.outcome).toBe(example.expect);
            expect(adviceFindings(record, data), `${tree.id} ${JSON.stringify(example.drivers)} ${lang} ${template}`).toEqual([]);
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(400);
  }, 60_000);
});

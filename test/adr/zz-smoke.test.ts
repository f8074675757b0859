import { it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { recordDecisions } from '../../src/adr/record-decisions.js';
import { readLog } from '../../src/adr/log.js';
import { catalog, trees, styleTree, mlopsTree, decide } from '../../test/adr/fixtures.js';
it('smoke', async () => {
  process.env.ADR_DATE = '2026-01-02';
  const cwd = mkdtempSync(join(tmpdir(), 'smk-'));
  const d1 = decide(styleTree, { scale: 'large', 'domain-boundaries': 'clear', 'team-size': 'large' }, 'en', ['team-size']);
  const d2 = decide(mlopsTree, { cloud: 'aws', 'cost-sensitive': 'yes' }, 'en', [], { tree: 'architecture-style', outcome: 'microservices' });
  const r = await recordDecisions({ decisions: [d1, d2], trees, catalog, cwd, lang: 'en' });
  for (const x of r) console.log(x.file + '\n' + x.content);
  const r2 = await recordDecisions({ decisions: [d1], trees, catalog, cwd, lang: 'es', template: 'nygard' });
  console.log(r2[0]!.content);
  console.log(JSON.stringify(await readLog(join(cwd, 'doc/adr')), (k, v) => (k === 'body' ? undefined : v), 2));
});

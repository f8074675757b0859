// ADR log: `new` in a folder of 1,000 ADRs, `list --json` and `index --stdout` over 1,000 and
// 10,000 generated ADRs (half adr-tools style, half MADR 4 with an adr-wizard block).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function nygard(n) {
  return `# ${n}. Decision number ${n}\n\nDate: 2026-01-01\n\n## Status\n\nAccepted\n\n${n > 1 ? `Amends [${n - 1}. Decision number ${n - 1}](${String(n - 1).padStart(4, '0')}-decision-${n - 1}.md)\n\n` : ''}## Context\n\nThe issue motivating this decision.\n\n## Decision\n\nThe change.\n\n## Consequences\n\nWhat becomes easier or harder.\n`;
}

function madr(n) {
  return `---\nstatus: proposed\ndate: 2026-01-02\ndecision-makers: [Ana, "Bob: lead"]\nconsulted: []\ninformed: []\nadr-wizard:\n  tree: architecture-style\n  reviewed: 2026-11-24\n  outcome: microservices\n  drivers:\n    scale: large\n    complexity: high\n    team-size: large\n  assumed: [team-size]\n  lang: en\n---\n\n# Decision number ${n}\n\n## Context and Problem Statement\n\nText.\n\n## Decision Outcome\n\nChosen option: "Microservices".\n`;
}

function generate(root, count) {
  const cwd = join(root, `log-${count}`);
  const dir = join(cwd, 'doc/adr');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(cwd, '.adr-dir'), 'doc/adr\n');
  for (let n = 1; n <= count; n++) {
    writeFileSync(join(dir, `${String(n).padStart(4, '0')}-decision-${n}.md`), n % 2 ? nygard(n) : madr(n));
  }
  return cwd;
}

export async function bench(lib) {
  const root = mkdtempSync(join(tmpdir(), 'adr-bench-'));
  try {
    const k1 = generate(root, 1000);
    const k10 = generate(root, 10000);
    const run = (args, cwd, runs) => lib.timeProcess(process.execPath, [lib.BIN, ...args], { cwd, runs, env: { ADR_DATE: '2026-02-03' } });
    return [
      lib.row('new (1,000 ADRs)', run(['new', 'Bench title'], k1, 15), { target: 1.3 }),
      lib.row('list --json (1,000 ADRs)', run(['list', '--json'], k1, 7)),
      lib.row('index --stdout (1,000 ADRs)', run(['index', '--stdout'], k1, 7)),
      lib.row('list --json (10,000 ADRs)', run(['list', '--json'], k10, 5)),
      lib.row('index --stdout (10,000 ADRs)', run(['index', '--stdout'], k10, 5), { target: 1000, ratio: false }),
    ];
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

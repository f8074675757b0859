// `export` in each format and `index --stdout` over 1,000 and 10,000 generated ADRs, as ratios to
// `node -e 0`. The log mixes the styles a real one holds: adr-tools (Nygard) files with typed links
// in their Status section, MADR 2 with Links bullets, MADR 3 and MADR 4 front matter (MADR 4 with an
// adr-wizard block and its Mermaid diagram) whose links are prose, and log4brains' dated files.
// About one record in seven supersedes the one before, one in three amends one two back (both
// sides record the pair), one in eleven relates to a record far back: a decision graph of
// thousands of linked records, which the export splits into diagrams Mermaid can draw.
//
// HTML is measured without a browser (PUPPETEER_EXECUTABLE_PATH names no file): the export then
// keeps every ADR's diagram as source and lists the graph's relations, as it does for a user
// without Chromium (it still loads mermaid-cli and puppeteer to look for one: that is measured).
// Drawing thousands of diagrams in a browser measures the browser, not the export.
//
// As in adr.bench.mjs, the commands and `node -e 0` run interleaved, round after round, and each
// ratio is over the `node -e 0` runs of the same rounds.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as lib from './lib.mjs';

const ROUNDS = 5;
const ENV = { NO_COLOR: '1', ADR_DATE: '2026-02-03' };
const NO_BROWSER = { PUPPETEER_EXECUTABLE_PATH: join(tmpdir(), 'adr-wizard-bench-no-browser') };

const STYLES = ['nygard', 'madr4', 'nygard', 'madr2', 'madr3', 'nygard', 'madr4', 'log4brains', 'nygard', 'madr4'];
// Styles whose files have a place for typed links; the others mention a link in prose.
const TYPED = new Set(['nygard', 'madr2', 'log4brains']);

function pad(n) {
  return String(n).padStart(4, '0');
}

/** The records of a log of `count` ADRs: file names, styles and the links between them. */
function plan(count) {
  const records = [];
  let numbered = 0;
  for (let i = 1; i <= count; i++) {
    const style = STYLES[i % STYLES.length];
    const title = `Decision number ${i} on the ${['api', 'storage', 'messaging', 'deployment', 'security'][i % 5]} layer`;
    const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, '-');
    // log4brains names files by date; a log of them is numbered after its numbered files.
    const day = new Date(Date.UTC(2020, 0, 1) + i * 3600_000 * 6).toISOString().slice(0, 10);
    const name = style === 'log4brains' ? `${day.replaceAll('-', '')}-${slug}-${i}.md` : `${pad(++numbered)}-${slug}.md`;
    records.push({ i, style, title, name, number: style === 'log4brains' ? 0 : numbered, date: day, status: i % 13 === 0 ? 'proposed' : 'accepted', links: [], prose: [] });
  }
  let dated = numbered;
  for (const r of records) if (r.number === 0) r.number = ++dated;
  const link = (from, to, type) => {
    if (TYPED.has(from.style)) from.links.push({ type, to });
    else from.prose.push({ type, to });
  };
  for (const r of records) {
    const i = r.i;
    if (i % 7 === 0) {
      const old = records[i - 2];
      link(r, old, 'Supersedes');
      old.superseded = r;
    }
    if (i % 3 === 0 && i > 2) {
      link(r, records[i - 3], 'Amends');
      link(records[i - 3], r, 'Amended by');
    }
    if (i % 11 === 0 && i > 100) link(r, records[i - 101], 'Relates to');
  }
  return records;
}

// Link text as each tool writes it: adr-tools puts the number first.
const ref = (r) => `[${r.style === 'nygard' ? `${r.number}. ` : ''}${r.title}](${r.name})`;

function nygard(r) {
  const status = r.superseded ? `Superseded by ${ref(r.superseded)}` : r.status === 'proposed' ? 'Proposed' : 'Accepted';
  const links = r.links.map((l) => `${l.type} ${ref(l.to)}\n\n`).join('');
  return `# ${r.number}. ${r.title}\n\nDate: ${r.date}\n\n## Status\n\n${status}\n\n${links}## Context\n\nThe issue motivating this decision, and any context that influences or constrains it.\n\n## Decision\n\nThe change that we're proposing or have agreed to implement.\n\n## Consequences\n\nWhat becomes easier or more difficult to do and any risks introduced by the change.\n`;
}

function madr2(r) {
  const status = r.superseded ? `superseded by ${ref(r.superseded)}` : r.status;
  const links = r.links.length > 0 ? `\n## Links\n\n${r.links.map((l) => `* ${l.type} ${ref(l.to)}`).join('\n')}\n` : '';
  return `# ${r.title}\n\n* Status: ${status}\n* Deciders: Ana, Bob\n* Date: ${r.date}\n\n## Context and Problem Statement\n\nHow should we structure this part of the system?\n\n## Considered Options\n\n* Option A\n* Option B\n\n## Decision Outcome\n\nChosen option: "Option A", because it fits.\n\n### Positive Consequences\n\n* Simpler\n\n### Negative Consequences\n\n* Slower\n${links}`;
}

function prose(r) {
  return r.prose.map((l) => `\nThis decision ${l.type.toLowerCase()} ${ref(l.to)}.\n`).join('');
}

function madr3(r) {
  const status = r.superseded ? `"superseded by ${ref(r.superseded)}"` : r.status;
  return `---\nstatus: ${status}\ndate: ${r.date}\ndeciders: Ana, Bob\n---\n# ${r.title}\n\n## Context and Problem Statement\n\nHow should we do this?\n\n## Considered Options\n\n* Option A\n* Option B\n\n## Decision Outcome\n\nChosen option: "Option A", because it is simpler.\n\n### Consequences\n\n* Good, because it is simple.\n* Bad, because it is slower.\n\n## More Information\n${prose(r)}`;
}

function madr4(r) {
  const status = r.superseded ? `"superseded by ${ref(r.superseded)}"` : r.status;
  return `---\nstatus: ${status}\ndate: ${r.date}\ndecision-makers: [Ana, "Bob: lead"]\nconsulted: []\ninformed: []\nadr-wizard:\n  tree: architecture-style\n  reviewed: 2026-11-24\n  outcome: microservices\n  drivers:\n    scale: large\n    complexity: high\n  assumed: []\n  lang: en\n---\n\n# ${r.title}\n\n## Context and Problem Statement\n\nWe must choose how to structure the application.\n\n## Decision Drivers\n\n* scale: large\n* complexity: high\n\n## Considered Options\n\n* Microservices\n* Modular monolith\n\n## Decision Outcome\n\nChosen option: "Microservices", because the scale is large.\n\n\`\`\`mermaid\nflowchart TD\n  n0{"How large will the system be?"}\n  n1(["Microservices"])\n  n2(["Modular monolith"])\n  n0 -->|"large"| n1\n  n0 -->|"small"| n2\n\`\`\`\n\n### Consequences\n\n* Good, because teams deploy independently.\n* Bad, because distributed systems are hard to operate.\n\n## More Information\n${prose(r)}`;
}

function log4brains(r) {
  const status = r.superseded ? `superseded by ${ref(r.superseded)}` : r.status;
  const links = r.links.length > 0 ? `\n## Links\n\n${r.links.map((l) => `- ${l.type} ${ref(l.to)}`).join('\n')}\n` : '';
  return `# ${r.title}\n\n- Status: ${status}\n- Deciders: Ana, Bob\n- Date: ${r.date}\n- Tags: backend, storage\n\nTechnical Story: none\n\n## Context and Problem Statement\n\nWhat should we use?\n\n## Decision Outcome\n\nChosen option: "Option A", because it is simple.\n${links}`;
}

const WRITERS = { nygard, madr2, madr3, madr4, log4brains };

/** A log of `count` ADRs in `root/log-<count>/doc/adr`; returns the project folder. */
function generate(root, count) {
  const cwd = join(root, `log-${count}`);
  const dir = join(cwd, 'doc/adr');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(cwd, '.adr-dir'), 'doc/adr\n');
  for (const r of plan(count)) writeFileSync(join(dir, r.name), WRITERS[r.style](r));
  return cwd;
}

export async function bench() {
  const root = mkdtempSync(join(tmpdir(), 'adr-export-bench-'));
  try {
    const k1 = generate(root, 1000);
    const k10 = generate(root, 10000);
    const cli = (...args) => [lib.BIN, ...args];
    const cases = { 'node -e 0': { args: ['-e', '0'] } };
    for (const [cwd, size, targets] of [
      // Measured on a busy two-core machine: md 3.7x and 11-14x, html 8-11x and 25-26x, json 3.8x and
      // 8.5-9.5x, index 3.4x and 8.5x. Twice the 1,000-ADR figure for ten times the log: linear.
      [k1, '1,000', { md: 5, html: 12, json: 5, index: 5 }],
      [k10, '10,000', { md: 15, html: 30, json: 12, index: 10 }],
    ]) {
      cases[`export --format md (${size} ADRs)`] = { args: cli('export', '--format', 'md'), cwd, target: targets.md };
      cases[`export --format html, no browser (${size} ADRs)`] = { args: cli('export', '--format', 'html'), cwd, env: NO_BROWSER, target: targets.html };
      cases[`export --format json (${size} ADRs)`] = { args: cli('export', '--format', 'json'), cwd, target: targets.json };
      cases[`index --stdout (${size} ADRs)`] = { args: cli('index', '--stdout'), cwd, target: targets.index };
    }
    const once = (name, c) => {
      const t0 = process.hrtime.bigint();
      const r = spawnSync(process.execPath, c.args, { cwd: c.cwd ?? root, env: { ...process.env, ...ENV, ...c.env }, stdio: 'ignore' });
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      if (r.status !== 0) throw new Error(`${name} exited ${r.status}`);
      return ms;
    };
    const times = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
    for (const [name, c] of Object.entries(cases)) once(name, c); // warm the file cache
    for (let i = 0; i < ROUNDS; i++) {
      for (const [name, c] of Object.entries(cases)) times[name].push(once(name, c));
    }
    const base = lib.median(times['node -e 0']);
    return Object.entries(cases)
      .filter(([name]) => name !== 'node -e 0')
      .map(([name, c]) => lib.row(name, (lib.median(times[name]) / base) * lib.baseline(), { target: c.target }));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

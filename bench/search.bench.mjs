// `search` over 1,000 and 10,000 generated ADRs, a mix of the styles teams have: adr-tools
// (Nygard), MADR 2 bullets, MADR 4 front matter with tags, log4brains dated files with a Tags
// bullet, and adr-wizard decisions (MADR 4 with the adr-wizard block), a third of them in Spanish.
// Three queries: a word in about one ADR in ten, a phrase with a status filter, and an accented
// word found in nearly every ADR with a tag filter (the most lines to print).
//
// As in adr.bench.mjs, the commands and `node -e 0` run interleaved, round after round, so that a
// change in machine load affects both sides of each ratio alike. Every query reads and parses the
// whole log except the files without its words; the third one parses all of them, as `list` does.
// 20x is about a second at the usual 40-50 ms of `node -e 0`; the wall time is checked too.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as lib from './lib.mjs';

const ROUNDS = 5;
const ENV = { NO_COLOR: '1' };

const TOPICS = ['orders', 'billing', 'search', 'identity', 'reporting', 'notifications', 'inventory', 'payments', 'shipping', 'catalogue'];
const TECH = ['PostgreSQL', 'Kafka', 'Redis', 'RabbitMQ', 'MongoDB', 'Elasticsearch', 'gRPC', 'GraphQL', 'Kubernetes', 'OpenTelemetry'];
const TAGS = ['security', 'data', 'messaging', 'api', 'infrastructure', 'observability'];

const pad = (n) => String(n).padStart(4, '0');
const day = (n) => `2025-${String((n % 12) + 1).padStart(2, '0')}-${String((n % 28) + 1).padStart(2, '0')}`;
const topic = (n) => TOPICS[n % TOPICS.length];
const tech = (n) => TECH[(n * 7) % TECH.length];
const tags = (n) => [TAGS[n % TAGS.length], TAGS[(n + 2) % TAGS.length]];

// A paragraph of the length people write; "event sourcing" in one ADR in five.
function context(n) {
  return (
    `The ${topic(n)} service handles about ${n * 13} requests a minute and its owners want fewer incidents at night. ` +
    `We looked at what the team already runs and at the cost of operating one more system.\n` +
    (n % 5 === 0 ? 'Event sourcing would keep the full history of every change, at the price of more moving parts.\n' : '') +
    `The decision must hold for at least two years of growth.\n`
  );
}

function nygard(n) {
  return `# ${n}. Use ${tech(n)} for ${topic(n)}\n\nDate: ${day(n)}\n\n## Status\n\n${n % 3 ? 'Accepted' : 'Proposed'}\n\n## Context\n\n${context(n)}\n## Decision\n\nWe will use ${tech(n)} for ${topic(n)}.\n\n## Consequences\n\nThe team learns ${tech(n)}; the old path is removed within a quarter.\n`;
}

function madr2(n) {
  return `# Use ${tech(n)} for ${topic(n)}\n\n* Status: accepted\n* Deciders: Ana, Luis\n* Date: ${day(n)}\n\n## Context and Problem Statement\n\n${context(n)}\n## Considered Options\n\n* ${tech(n)}\n* ${tech(n + 1)}\n\n## Decision Outcome\n\nChosen option: "${tech(n)}", because it fits what the team knows.\n`;
}

function madr4(n) {
  return `---\nstatus: accepted\ndate: ${day(n)}\ndecision-makers: [Ana García, Luis]\ntags: [${tags(n).join(', ')}]\n---\n\n# Decisión: ${tech(n)} para ${topic(n)}\n\n## Contexto y planteamiento del problema\n\nEl servicio de ${topic(n)} necesita una decisión sobre su almacenamiento y su mensajería.\n${context(n)}\n## Opciones consideradas\n\n* ${tech(n)}\n* ${tech(n + 1)}\n\n## Resultado de la decisión\n\nOpción elegida: "${tech(n)}", porque el equipo ya lo opera en producción.\n\n<!-- This is an optional element. Feel free to remove. -->\n### Confirmación\n\nUna revisión de arquitectura lo confirma.\n`;
}

function log4brains(n) {
  return `# Adopt ${tech(n)} for ${topic(n)}\n\n- Status: accepted\n- Deciders: Ana, Luis\n- Date: ${day(n)}\n- Tags: ${tags(n).join(', ')}\n\nTechnical Story: ${topic(n)}-${n}\n\n## Context and Problem Statement\n\n${context(n)}\n## Decision Outcome\n\nChosen option: "${tech(n)}".\n`;
}

function wizard(n) {
  return `---\nstatus: proposed\ndate: ${day(n)}\ndecision-makers: []\nconsulted: []\ninformed: []\nadr-wizard:\n  tree: architecture-style\n  reviewed: 2026-11-24\n  outcome: microservices\n  drivers:\n    scale: large\n    team-size: large\n  assumed: [team-size]\n  lang: en\n---\n\n# Application architecture style: Microservices\n\n## Context and Problem Statement\n\n${context(n)}\n## Decision Drivers\n\n* How many teams will build and run the system as it grows? → **Large: several teams**\n\n## Decision Outcome\n\nChosen option: "Microservices".\n`;
}

const STYLES = [nygard, madr2, madr4, log4brains, wizard];

function generate(root, count) {
  const cwd = join(root, `log-${count}`);
  const dir = join(cwd, 'doc/adr');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(cwd, '.adr-dir'), 'doc/adr\n');
  for (let n = 1; n <= count; n++) {
    const style = STYLES[n % STYLES.length];
    const name = style === log4brains ? `${day(n).replaceAll('-', '')}-adopt-${n}.md` : `${pad(n)}-decision-${n}.md`;
    writeFileSync(join(dir, name), style(n));
  }
  return cwd;
}

export async function bench() {
  const root = mkdtempSync(join(tmpdir(), 'adr-search-bench-'));
  try {
    const k1 = generate(root, 1000);
    const k10 = generate(root, 10000);
    const cli = (...args) => [lib.BIN, 'search', ...args];
    const queries = {
      'a word': ['kafka'],
      'a phrase, --status': ['event sourcing', '--status', 'accepted'],
      'an accented word, --tag': ['decisión', '--tag', 'security'],
    };
    const cases = { 'node -e 0': { args: ['-e', '0'] } };
    for (const [name, q] of Object.entries(queries)) cases[`search ${name} (1,000 ADRs)`] = { args: cli(...q), cwd: k1, target: 5 };
    for (const [name, q] of Object.entries(queries)) cases[`search ${name} (10,000 ADRs)`] = { args: cli(...q), cwd: k10, target: 20, targetMs: 1000 };

    const once = (name, c) => {
      const t0 = process.hrtime.bigint();
      const r = spawnSync(process.execPath, c.args, { cwd: c.cwd ?? root, env: { ...process.env, ...ENV }, stdio: 'ignore' });
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      // Exit code 1 would mean nothing was found: every query here finds ADRs.
      if (r.status !== 0) throw new Error(`${name} exited ${r.status}`);
      return ms;
    };
    const times = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
    for (const [name, c] of Object.entries(cases)) once(name, c); // warm the file cache
    for (let i = 0; i < ROUNDS; i++) for (const [name, c] of Object.entries(cases)) times[name].push(once(name, c));
    const ratio = (name) => lib.median(times[name]) / lib.median(times['node -e 0']);

    const rows = [];
    for (const [name, c] of Object.entries(cases)) {
      if (name === 'node -e 0') continue;
      rows.push(lib.row(name, ratio(name) * lib.baseline(), { target: c.target }));
      // Over 10,000 ADRs the promise is absolute too: under a second on the machine at hand.
      if (c.targetMs !== undefined) rows.push(lib.row(`${name}, wall time`, lib.median(times[name]), { target: c.targetMs, ratio: false }));
    }
    return rows;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

// The ADR log the benches read: one generator, so that `list`, `index`, `doctor`, `export` and
// `search` are measured on the same kind of log, a realistic mix of what teams have:
//
// - ADR 1 as adr-tools' `adr init` writes it, then adr-tools (Nygard) files with their links in
//   the Status section as `adr new -s` and `adr new -l` write them;
// - MADR 2 (status bullets, `## Links` bullets), MADR 3 (front matter with `deciders`, links in
//   prose), MADR 4 (front matter with `decision-makers` and tags, links in prose; half of them by a
//   Spanish-speaking team, with the headings translated);
// - log4brains' dated files (`YYYYMMDD-slug.md`, status, date and tags bullets, `## Links`);
// - every 120 records, a session of six adr-wizard decisions (architecture style, container
//   platform, sagas, Kubernetes hosting, saga engine, ingress), MADR 4 with the adr-wizard front
//   matter block, "Follows from" / "Led to" links between them, alternately in English and in
//   Spanish ("Se deriva de" / "Dio lugar a"). They are what the built CLI's `decide --chain`
//   writes (run once per process), renumbered and redated into place: about 5% of the records but
//   two fifths of the text (each is several pages), in a log mostly written by hand.
//
// Links: about one record in seven supersedes the latest decision on its topic (chains of up to
// five records; a Spanish adr-tools user writes `-l "N:Reemplaza a:Reemplazada por"`), one in three
// amends the record three before it ("Amends", "Refines", "Modifica"; both sides record the pair
// where their format has a place for links) and one in eleven relates to a record a hundred back.
//
// Words for search: every record names a topic (ten of them) and a technology (ten, each the choice
// of one record in ten and an option in another), "event sourcing" is in one record in five, and
// "decision" (or "decisión") in nearly all. Dates run six hours apart from 2019-01-01.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { BIN, ROOT } from './lib.mjs';

const TOPICS = ['orders', 'billing', 'search', 'identity', 'reporting', 'notifications', 'inventory', 'payments', 'shipping', 'catalogue'];
const TOPICS_ES = ['pedidos', 'facturación', 'búsqueda', 'identidad', 'informes', 'notificaciones', 'inventario', 'pagos', 'envíos', 'catálogo'];
const TECH = ['PostgreSQL', 'Kafka', 'Redis', 'RabbitMQ', 'MongoDB', 'Elasticsearch', 'gRPC', 'GraphQL', 'Kubernetes', 'OpenTelemetry'];
// The option each technology was weighed against: a word of its own, so that a technology's name
// stays in few records.
const ALTERNATIVE = ['MySQL', 'Pulsar', 'Memcached', 'NATS', 'Cassandra', 'OpenSearch', 'REST', 'OData', 'Nomad', 'Jaeger'];
const TAGS = ['security', 'data', 'messaging', 'api', 'infrastructure', 'observability'];
const PEOPLE = [['Ana', 'Luis'], ['Marta', 'Oliver'], ['Ana García', 'Bob'], ['Luis', 'Carmen', 'Priya']];

// The styles of the hand-written records, in the order they come back.
const CYCLE = ['nygard', 'madr2', 'nygard', 'madr4', 'log4brains', 'nygard', 'madr3', 'madr4', 'nygard', 'madr2',
  'nygard', 'madr4', 'log4brains', 'nygard', 'madr3', 'nygard', 'madr4', 'madr2', 'nygard', 'log4brains'];
const SESSION_EVERY = 120;
const SESSION_AT = 40;
// A session's records are written on one day by `decide`; ADR_DATE makes that day known.
const SESSION_DAY = '2026-02-03';
const DAY0 = Date.UTC(2019, 0, 1);
const HOUR = 3600_000;

// Link pairs [active, passive] by kind and language, as link-types.ts knows them.
const PAIRS = {
  supersedes: { en: ['Supersedes', 'Superseded by'], es: ['Reemplaza a', 'Reemplazada por'] },
  amends: { en: ['Amends', 'Amended by'], es: ['Modifica', 'Modificada por'] },
  refines: { en: ['Refines', 'Refined by'] },
  relates: { en: ['Relates to', 'Relates to'], es: ['Se relaciona con', 'Se relaciona con'] },
};

const pad = (n) => String(n).padStart(4, '0');

function slug(title) {
  return title.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/**
 * Writes a log of `count` ADRs to `root/log-<count>/doc/adr`, with the `.adr-dir` adr-tools reads;
 * returns the project folder.
 */
export function writeAdrLog(root, count) {
  const cwd = join(root, `log-${count}`);
  const dir = join(cwd, 'doc/adr');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(cwd, '.adr-dir'), 'doc/adr\n');
  for (const r of plan(count)) writeFileSync(join(dir, r.name), r.text ?? WRITERS[r.style](r));
  return cwd;
}

/** The records of the log in order: style, language, name, number, title, status, links. */
function plan(count) {
  const records = [];
  let numbered = 0;
  for (let i = 1; i <= count; i++) {
    // The place of record i in its block's session (negative: before it).
    const k = (i % SESSION_EVERY) - SESSION_AT;
    const session = k >= 0 ? wizardSession(Math.floor(i / SESSION_EVERY) % 2 ? 'es' : 'en') : [];
    // Only a whole session is written: its records link to one another.
    if (k >= 0 && k < session.length && i - k + session.length - 1 <= count) {
      numbered++;
      const text = placeSession(session[k].text, numbered - k, dayOf(i - k));
      records.push({ i, style: 'wizard', number: numbered, name: `${pad(numbered)}${session[k].name.slice(4)}`, title: session[k].title, text, in: [] });
      continue;
    }
    const style = i === 1 ? 'init' : CYCLE[i % CYCLE.length];
    const lang = (style === 'nygard' && i % 9 < 3) || (style === 'madr4' && i % 2 === 0) ? 'es' : 'en';
    // The topic shifts every cycle, so that every style writes about every topic.
    const t = (i + Math.floor(i / CYCLE.length)) % TOPICS.length;
    const tech = (i * 7 + Math.floor(i / 10)) % TECH.length;
    const title =
      style === 'init' ? 'Record architecture decisions'
      : lang === 'es' ? `Usar ${TECH[tech]} para ${TOPICS_ES[t]}`
      : `${style === 'log4brains' ? 'Adopt' : 'Use'} ${TECH[tech]} for ${TOPICS[t]}`;
    const date = dayOf(i);
    const dated = style === 'log4brains';
    const name = dated ? `${date.replaceAll('-', '')}-${slug(title)}.md` : `${pad(++numbered)}-${slug(title)}.md`;
    // Records that supersede are accepted; a few others were never accepted or are no longer.
    const status = i % 7 === 0 ? 'accepted' : i % 13 === 0 ? 'proposed' : i % 29 === 0 ? 'rejected' : i % 41 === 0 ? 'deprecated' : 'accepted';
    records.push({ i, style, lang, dated, number: dated ? 0 : numbered, name, title, date, status, topic: t, tech, out: [], in: [] });
  }
  // log4brains' files are numbered after the numbered ones, by date (here in the order written).
  for (const r of records) if (r.dated) r.number = ++numbered;

  const handWritten = (r) => r !== undefined && r.style !== 'wizard' && r.style !== 'init';
  const link = (from, to, kind) => {
    const pairs = PAIRS[kind];
    const [active, passive] = pairs[from.style === 'madr2' || from.style === 'log4brains' ? 'en' : from.lang] ?? pairs.en;
    from.out.push({ type: active, to });
    if (kind === 'supersedes') {
      to.successor = { type: passive, from };
      to.status = 'superseded';
    } else if (kind !== 'relates') {
      to.in.push({ type: passive, from });
    }
  };
  // The decision in force on each topic, and the chain of records that superseded it.
  const latest = new Map();
  const chain = new Map();
  for (const r of records) {
    if (!handWritten(r)) continue;
    const i = r.i;
    if (i % 7 === 0) {
      const c = chain.get(r.topic);
      const target = c !== undefined && c.length < 4 && c.head.successor === undefined ? c.head : latest.get(r.topic);
      if (target !== undefined && target.status === 'accepted') {
        link(r, target, 'supersedes');
        chain.set(r.topic, { head: r, length: c !== undefined && c.head === target ? c.length + 1 : 1 });
      }
    }
    const back = records[i - 4];
    if (i % 3 === 0 && handWritten(back) && back.successor?.from !== r) {
      link(r, back, r.style === 'madr2' || r.style === 'log4brains' ? 'refines' : 'amends');
    }
    if (i % 11 === 0 && i > 101) link(r, records[i - 102], 'relates');
    if (r.status === 'accepted') latest.set(r.topic, r);
  }
  return records;
}

function dayOf(i) {
  return new Date(DAY0 + i * 6 * HOUR).toISOString().slice(0, 10);
}

// ---------------------------------------------------------------------------------------------
// adr-wizard's sessions: what `decide --chain` writes, once per language and process.

const SESSION_ANSWERS = [
  'team-size=large', 'domain-boundaries=clear', 'ops-maturity=high', 'team-autonomy=yes', 'latency-sensitive=no',
  'ecosystem-integrations=yes', 'cloud=aws', 'cross-service-transaction=yes', 'workflow-complexity=complex',
];
const sessions = new Map();

function wizardSession(lang) {
  let s = sessions.get(lang);
  if (s !== undefined) return s;
  const cwd = mkdtempSync(join(tmpdir(), 'adr-log-session-'));
  try {
    // A `.git` folder makes the scratch folder a project root of its own.
    mkdirSync(join(cwd, '.git'));
    const args = ['decide', 'architecture-style', '--chain', '--use-defaults', '--template', 'madr', '--lang', lang];
    for (const a of SESSION_ANSWERS) args.push('--set', a);
    const r = spawnSync(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', ADR_DATE: SESSION_DAY }, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`adr-wizard decide exited ${r.status} (run npm run build): ${r.stderr}`);
    const dir = join(cwd, 'doc/adr');
    s = readdirSync(dir)
      .filter((name) => /^\d{4}-.*\.md$/.test(name))
      .sort()
      .map((name) => {
        const text = readFileSync(join(dir, name), 'utf8');
        return { name, text, title: /^# (.*)$/m.exec(text)[1] };
      });
    if (s.length < 2) throw new Error(`adr-wizard decide --chain wrote ${s.length} ADRs`);
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
  sessions.set(lang, s);
  return s;
}

// `Led to [2. Container platform: Kubernetes](0002-container-platform-kubernetes.md)`
const SESSION_LINK = /^(.+? \[)(\d+)(\. .*\]\()(\d{4})(-[^)]*\.md\))$/gm;

/** A session's record with its numbers starting at `base` and written on `day`. */
function placeSession(text, base, day) {
  return text
    .replace(`\ndate: ${SESSION_DAY}\n`, `\ndate: ${day}\n`)
    .replace(SESSION_LINK, (_, a, n, b, file, c) => `${a}${base + Number(n) - 1}${b}${pad(base + Number(file) - 1)}${c}`);
}

// ---------------------------------------------------------------------------------------------
// A log of decisions only: what a team that records every decision with `decide` has.

const TREES = ['architecture-style', 'container-orchestrator', 'kubernetes-hosting', 'kubernetes-ingress', 'mlops-platform', 'saga-coordination', 'saga-engine'];

/**
 * Writes `count` ADRs to `root/decisions-<count>/doc/adr`, each written by the built CLI's `decide`
 * (MADR 4, the adr-wizard block, the tree's diagram with the path taken): sessions of `decide
 * --chain` from each tree in turn, linked "Follows from" / "Led to", in English and Spanish by
 * turns, each session with its own answers (every driver of drivers.yaml answered with a value
 * picked by a fixed sequence), so the log holds many paths through every tree, and some repeated.
 * The last few records are single decisions, to make the count exact. Returns the project folder.
 */
export function writeDecisionLog(root, count) {
  const cwd = join(root, `decisions-${count}`);
  const dir = join(cwd, 'doc/adr');
  // A `.git` folder makes it a project root of its own.
  mkdirSync(join(cwd, '.git'), { recursive: true });
  const drivers = driverValues();
  let seed = 20261202;
  // A small linear congruential sequence: the same log on every run.
  const pick = (n) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return Math.floor((seed / 2147483648) * n);
  };
  const written = () => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.md')).length : 0);
  for (let run = 0; written() < count; run++) {
    const left = count - written();
    // A chain writes at most one record per tree.
    const trees = left >= TREES.length ? [TREES[run % TREES.length], '--chain'] : TREES.slice(0, left);
    const args = ['decide', ...trees, '--use-defaults', '--lang', run % 2 ? 'es' : 'en'];
    for (const [driver, values] of drivers) args.push('--set', `${driver}=${values[pick(values.length)]}`);
    const r = spawnSync(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', ADR_DATE: SESSION_DAY }, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`adr-wizard decide exited ${r.status} (run npm run build): ${r.stderr}`);
  }
  return cwd;
}

/** Each driver of the shipped drivers.yaml with its values. */
function driverValues() {
  const { drivers } = parse(readFileSync(join(ROOT, 'decisions', 'drivers.yaml'), 'utf8'));
  return Object.entries(drivers).map(([id, d]) => [id, Object.keys(d.values)]);
}

// ---------------------------------------------------------------------------------------------
// The hand-written records, each in its tool's template with the team's text filled in.

/** How `writer` names `target` in a link's text: adr-tools' `N. Title`, MADR's `ADR-0012`, log4brains' slug. */
function linkText(writer, target) {
  const file = target.name.replace(/\.md$/, '');
  if (writer === 'log4brains') return file;
  if (writer === 'madr2' || writer === 'madr3' || writer === 'madr4') return target.dated ? file : `ADR-${pad(target.number)}`;
  return target.dated ? target.title : `${target.number}. ${target.title}`;
}

const ref = (writer, target) => `[${linkText(writer, target)}](${target.name})`;

const STATUS_WORD = { accepted: 'Accepted', proposed: 'Proposed', rejected: 'Rejected', deprecated: 'Deprecated' };

/** A paragraph of the length people write. */
function context(r) {
  if (r.lang === 'es') {
    return (
      `El servicio de ${TOPICS_ES[r.topic]} atiende unas ${(r.i * 13) % 5000 + 100} peticiones por minuto y sus responsables quieren menos incidencias de noche. ` +
      `Revisamos lo que el equipo ya opera y el coste de operar un sistema más.\n` +
      (r.i % 5 === 0 ? 'Event sourcing conservaría el historial completo de cada cambio, a cambio de más piezas móviles.\n' : '') +
      'La decisión debe valer para al menos dos años de crecimiento.\n'
    );
  }
  return (
    `The ${TOPICS[r.topic]} service handles about ${(r.i * 13) % 5000 + 100} requests a minute and its owners want fewer incidents at night. ` +
    `We looked at what the team already runs and at the cost of operating one more system.\n` +
    (r.i % 5 === 0 ? 'Event sourcing would keep the full history of every change, at the price of more moving parts.\n' : '') +
    'The decision must hold for at least two years of growth.\n'
  );
}

const tech = (r) => TECH[r.tech];
const other = (r) => ALTERNATIVE[r.tech];
const people = (r) => PEOPLE[r.topic % PEOPLE.length];
const tags = (r) => [TAGS[r.i % TAGS.length], TAGS[(r.i + 2) % TAGS.length]];

/** `adr init`'s first record (adr-tools), with the links later records added to its Status section. */
function init(r) {
  return `# 1. Record architecture decisions\n\nDate: ${r.date}\n\n## Status\n\n${nygardStatus(r)}## Context\n\nWe need to record the architectural decisions made on this project.\n\n## Decision\n\nWe will use Architecture Decision Records, as [described by Michael Nygard](http://thinkrelevance.com/blog/2011/11/15/documenting-architecture-decisions).\n\n## Consequences\n\nSee Michael Nygard's article, linked above. For a lightweight ADR toolset, see Nat Pryce's [adr-tools](https://github.com/npryce/adr-tools).\n`;
}

/**
 * adr-tools' Status section: the status, then each link on its own paragraph in the order they were
 * added. `adr new -s` replaces "Accepted" with "Superseded by"; `-l` adds a line and keeps it.
 */
function nygardStatus(r) {
  const lines = [];
  const s = r.successor;
  if (s !== undefined && s.type === 'Superseded by') lines.push(`Superseded by ${ref('nygard', s.from)}`);
  else lines.push(STATUS_WORD[r.status === 'superseded' ? 'accepted' : r.status]);
  for (const l of r.out) lines.push(`${l.type} ${ref('nygard', l.to)}`);
  const incoming = s !== undefined && s.type !== 'Superseded by' ? [...r.in, { type: s.type, from: s.from }].sort((a, b) => a.from.i - b.from.i) : r.in;
  for (const l of incoming) lines.push(`${l.type} ${ref('nygard', l.from)}`);
  return lines.map((l) => `${l}\n\n`).join('');
}

function nygard(r) {
  const es = r.lang === 'es';
  const decision = es ? `Usaremos ${tech(r)} para ${TOPICS_ES[r.topic]}.` : `We will use ${tech(r)} for ${TOPICS[r.topic]}.`;
  const consequences = es
    ? `El equipo aprende ${tech(r)}; el camino anterior se retira en un trimestre.`
    : `The team learns ${tech(r)}; the old path is removed within a quarter.`;
  return `# ${r.number}. ${r.title}\n\nDate: ${r.date}\n\n## Status\n\n${nygardStatus(r)}## Context\n\n${context(r)}\n## Decision\n\n${decision}\n\n## Consequences\n\n${consequences}\n`;
}

/** MADR's and log4brains' status value: `superseded by` and a link to the successor. */
function statusValue(writer, r) {
  return r.successor !== undefined ? `superseded by ${ref(writer, r.successor.from)}` : r.status;
}

/** `## Links` bullets (MADR 2 with `*`, log4brains with `-`): the record's own links, then those to it. */
function linkBullets(writer, r, bullet) {
  const lines = [...r.out.map((l) => `${bullet} ${l.type} ${ref(writer, l.to)}`), ...r.in.map((l) => `${bullet} ${l.type} ${ref(writer, l.from)}`)];
  return lines.length > 0 ? `\n## Links\n\n${lines.join('\n')}\n` : '';
}

/** MADR 2.1.2's template. */
function madr2(r) {
  return `# ${r.title}\n\n* Status: ${statusValue('madr2', r)}\n* Deciders: ${people(r).join(', ')}\n* Date: ${r.date}\n\nTechnical Story: [#${r.i}](https://git.example.org/shop/issues/${r.i})\n\n## Context and Problem Statement\n\n${context(r)}\n## Decision Drivers\n\n* Operating cost\n* What the team already knows\n\n## Considered Options\n\n* ${tech(r)}\n* ${other(r)}\n\n## Decision Outcome\n\nChosen option: "${tech(r)}", because it fits what the team knows.\n\n### Positive Consequences\n\n* One system less to learn.\n\n### Negative Consequences\n\n* ${other(r)} would have scaled further.\n${linkBullets('madr2', r, '*')}`;
}

/** MADR 3 and 4 keep links in prose: a sentence per link under More Information. */
function prose(writer, r) {
  const es = r.lang === 'es';
  const lines = [
    ...r.out.map((l) => (es ? `Esta decisión ${l.type.toLowerCase()} ${ref(writer, l.to)}.` : `This decision ${l.type.toLowerCase()} ${ref(writer, l.to)}.`)),
    ...r.in.map((l) => `${l.type} ${ref(writer, l.from)}.`),
  ];
  return lines.map((l) => `\n${l}\n`).join('');
}

/** MADR 3.0.0's template, its front matter comment kept as many teams keep it. */
function madr3(r) {
  const status = r.successor !== undefined ? `"${statusValue('madr3', r)}"` : r.status;
  return `---\n# These are optional elements. Feel free to remove any of them.\nstatus: ${status}\ndate: ${r.date}\ndeciders: [${people(r).join(', ')}]\nconsulted: [Platform team]\ninformed: []\n---\n# ${r.title}\n\n## Context and Problem Statement\n\n${context(r)}\n## Considered Options\n\n* ${tech(r)}\n* ${other(r)}\n\n## Decision Outcome\n\nChosen option: "${tech(r)}", because it is what the team already operates.\n\n### Consequences\n\n* Good, because the team knows it.\n* Bad, because ${other(r)} would have scaled further.\n\n## Validation\n\nA review of the ${TOPICS[r.topic]} service after one quarter.\n\n## More Information\n${prose('madr3', r)}`;
}

/**
 * MADR 4.0.0's template: `superseded by ADR-0123` as its template writes it (a dated successor by
 * its slug), tags as teams add them; the Spanish records with the headings translated.
 */
function madr4(r) {
  const s = r.successor;
  const status = s === undefined ? r.status : `superseded by ${s.from.dated ? s.from.name.replace(/\.md$/, '') : `ADR-${pad(s.from.number)}`}`;
  const head = `---\nstatus: ${status}\ndate: ${r.date}\ndecision-makers: [${people(r).map((p) => (p === 'Bob' ? '"Bob: lead"' : p)).join(', ')}]\nconsulted: []\ninformed: []\ntags: [${tags(r).join(', ')}]\n---\n\n# ${r.title}\n\n`;
  if (r.lang === 'es') {
    return `${head}## Contexto y planteamiento del problema\n\n${context(r)}\n## Opciones consideradas\n\n* ${tech(r)}\n* ${other(r)}\n\n## Resultado de la decisión\n\nOpción elegida: "${tech(r)}", porque el equipo ya lo opera en producción.\n\n<!-- This is an optional element. Feel free to remove. -->\n### Consecuencias\n\n* A favor, porque el equipo lo conoce.\n* En contra, porque ${other(r)} escalaría más.\n\n<!-- This is an optional element. Feel free to remove. -->\n### Confirmación\n\nUna revisión de arquitectura lo confirma.\n\n<!-- This is an optional element. Feel free to remove. -->\n## Más información\n${prose('madr4', r)}`;
  }
  return `${head}## Context and Problem Statement\n\n${context(r)}\n## Considered Options\n\n* ${tech(r)}\n* ${other(r)}\n\n## Decision Outcome\n\nChosen option: "${tech(r)}", because the team already runs it in production.\n\n<!-- This is an optional element. Feel free to remove. -->\n### Consequences\n\n* Good, because the team knows it.\n* Bad, because ${other(r)} would have scaled further.\n\n<!-- This is an optional element. Feel free to remove. -->\n### Confirmation\n\nAn architecture review confirms it.\n\n<!-- This is an optional element. Feel free to remove. -->\n## More Information\n${prose('madr4', r)}`;
}

/** log4brains' template (`log4brains adr new`): dated name, `-` bullets, space-separated tags. */
function log4brains(r) {
  return `# ${r.title}\n\n- Status: ${statusValue('log4brains', r)}\n- Deciders: ${people(r).join(', ')}\n- Date: ${r.date}\n- Tags: ${tags(r).join(' ')}\n\nTechnical Story: ${TOPICS[r.topic]}-${r.i}\n\n## Context and Problem Statement\n\n${context(r)}\n## Considered Options\n\n- ${tech(r)}\n- ${other(r)}\n\n## Decision Outcome\n\nChosen option: "${tech(r)}", because it is simple to run.\n\n### Positive Consequences\n\n- One system less to learn.\n\n### Negative Consequences\n\n- ${other(r)} would have scaled further.\n${linkBullets('log4brains', r, '-')}`;
}

const WRITERS = { init, nygard, madr2, madr3, madr4, log4brains };

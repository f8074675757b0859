// Words for the decision commands and the guided session, in English and Spanish. Kept apart from
// the command code so that a whole session switches language with --lang.
import { t } from '../core/text.js';
import type { DriverCatalog, Lang, Tree } from '../core/types.js';

const en = {
  needsTerminal:
    'the guided session needs a terminal; without one use `adr-wizard decide <tree...>` with --context or --set (see `adr-wizard decide --help`)',
  intro: 'adr-wizard: answer a few questions about your project; each decision becomes an ADR.',
  introKeys: 'Ctrl-C quits at any moment without writing anything.',
  pickTrees: 'Which decisions do you want to make?',
  allThatApply: (starts: string) => `All that apply, following the chains (starts with ${starts})`,
  allThatApplyHelp: 'Each outcome leads to the decisions it calls for: microservices lead to orchestration and sagas, and so on.',
  followChains: 'Also make the follow-up decisions each outcome calls for?',
  decisionOf: (tree: string) => `(${tree})`,
  summary: 'Summary',
  nothingDecided: 'No decision was reached.',
  confirmWrite: (n: number) => (n === 1 ? 'Write this ADR?' : `Write these ${n} ADRs?`),
  write: (n: number) => (n === 1 ? 'Write the ADR' : `Write the ${n} ADRs`),
  changeAnswer: '← back (change the last answer)',
  quit: 'Quit without writing anything',
  nothingWritten: 'Nothing written.',
  wrote: 'Wrote',
  wouldWrite: 'Would write',
  exists: 'unchanged',
  offerStarter: 'These decisions call for a starter. Scaffold one now?',
  starterChoice: (id: string, description: string) => `${id}: ${description}`,
  notNow: 'Not now',
  starterDir: 'Folder for the starter',
  starterDirEmpty: 'Give a folder name.',
  scaffolded: (n: number, dir: string) => `Wrote ${n} files to ${dir}`,
  nextSteps: 'Next steps',
  hintFollowUps: 'decide the follow-ups (or add --chain)',
  hintScaffold: 'write the starter this decision calls for',
  hintList: 'see the ADR log',
  hintWrite: 'run again without --no-write to record these decisions as ADRs',
  assumed: 'assumed: the default',
  warning: 'warning',
  followUps: 'follow-ups',
  ledBy: (tree: string, outcome: string) => `after ${tree}: ${outcome}`,
  adrWritten: (n: string) => `ADR ${n} written`,
  adrDryRun: (n: string) => `ADR ${n} would be written`,
  adrUnchanged: (n: string) => `ADR ${n} not written`,
  ranking: 'ranking',
  score: 'score',
  excludedBy: (d: string, v: string) => `excluded by ${d} = ${v}`,
  // show
  problem: 'Problem',
  questions: 'Questions',
  asks: 'Drivers asked',
  criteria: 'Criteria (weight)',
  adjustments: 'Weight adjustments',
  outcomes: 'Outcomes',
  sources: 'Sources',
  reviewed: 'reviewed',
  pros: 'good',
  cons: 'bad',
  starters: 'starters',
  requires: 'only when',
  scores: 'scores',
  kindTree: 'decision tree',
  kindMatrix: 'weighted matrix',
  constrains: 'requires of the next decisions',
  rules: 'Rules',
  ruleNever: 'never',
  ruleOnly: 'only',
  appliesWhen: 'applies when',
  from: 'from',
  overrides: (shipped: string) => `replaces the shipped ${shipped}`,
  // what would change the decision
  revisitWhen: 'revisit',
  flip: (outcome: string, question: string, label: string) => `${outcome}, if ${question} → ${label}`,
  closeCall: (runnerUp: string, margin: string) => `close call: ${runnerUp} trails by ${margin} ${margin === '1' ? 'point' : 'points'}`,
  // contradictory answers and areas
  conflict: (reason: string) => `These answers contradict each other: ${reason}`,
  keepBoth: 'Keep both answers (the ADR records the contradiction)',
  changeAnswerOf: (question: string) => `Change: ${question}`,
  areas: 'Which of these does the project have? (decisions that do not apply are skipped)',
  // validate
  validated: (files: number, errors: number, warnings: number) =>
    `${files} ${files === 1 ? 'file' : 'files'} checked: ${errors} ${errors === 1 ? 'error' : 'errors'}, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}`,
};

export type Words = typeof en;

const es: Words = {
  needsTerminal:
    'la sesión guiada necesita un terminal; sin él, se puede usar `adr-wizard decide <árbol...>` con --context o --set (véase `adr-wizard decide --help`)',
  intro: 'adr-wizard: respondan unas preguntas sobre el proyecto; cada decisión se convierte en un ADR.',
  introKeys: 'Ctrl-C sale en cualquier momento sin escribir nada.',
  pickTrees: '¿Qué decisiones quieren tomar?',
  allThatApply: (starts) => `Todas las que correspondan, siguiendo las cadenas (a partir de ${starts})`,
  allThatApplyHelp: 'Cada resultado lleva a las decisiones que requiere: los microservicios llevan a la orquestación y a las sagas, etc.',
  followChains: '¿Tomar también las decisiones siguientes que requiere cada resultado?',
  decisionOf: (tree) => `(${tree})`,
  summary: 'Resumen',
  nothingDecided: 'No se ha llegado a ninguna decisión.',
  confirmWrite: (n) => (n === 1 ? '¿Escribir este ADR?' : `¿Escribir estos ${n} ADR?`),
  write: (n) => (n === 1 ? 'Escribir el ADR' : `Escribir los ${n} ADR`),
  changeAnswer: '← volver (cambiar la última respuesta)',
  quit: 'Salir sin escribir nada',
  nothingWritten: 'No se ha escrito nada.',
  wrote: 'Escrito',
  wouldWrite: 'Se escribiría',
  exists: 'sin cambios',
  offerStarter: 'Estas decisiones requieren una plantilla inicial. ¿Generarla ahora?',
  starterChoice: (id, description) => `${id}: ${description}`,
  notNow: 'Ahora no',
  starterDir: 'Carpeta para la plantilla',
  starterDirEmpty: 'Hay que indicar el nombre de una carpeta.',
  scaffolded: (n, dir) => `Se escribieron ${n} archivos en ${dir}`,
  nextSteps: 'Siguientes pasos',
  hintFollowUps: 'tomar las decisiones siguientes (o añadir --chain)',
  hintScaffold: 'generar la plantilla inicial que requiere esta decisión',
  hintList: 'consultar el registro de ADR',
  hintWrite: 'volver a ejecutar sin --no-write para registrar estas decisiones como ADR',
  assumed: 'supuesto: valor por defecto',
  warning: 'aviso',
  followUps: 'decisiones siguientes',
  ledBy: (tree, outcome) => `después de ${tree}: ${outcome}`,
  adrWritten: (n) => `ADR ${n} escrito`,
  adrDryRun: (n) => `se escribiría el ADR ${n}`,
  adrUnchanged: (n) => `ADR ${n} no escrito`,
  ranking: 'clasificación',
  score: 'puntuación',
  excludedBy: (d, v) => `excluida por ${d} = ${v}`,
  problem: 'Problema',
  questions: 'Preguntas',
  asks: 'Factores que pregunta',
  criteria: 'Criterios (peso)',
  adjustments: 'Ajustes de peso',
  outcomes: 'Resultados',
  sources: 'Fuentes',
  reviewed: 'revisado',
  pros: 'a favor',
  cons: 'en contra',
  starters: 'plantillas',
  requires: 'solo si',
  scores: 'puntuaciones',
  kindTree: 'árbol de decisión',
  kindMatrix: 'matriz ponderada',
  constrains: 'exige a las decisiones siguientes',
  rules: 'Reglas',
  ruleNever: 'nunca',
  ruleOnly: 'solo',
  appliesWhen: 'se aplica si',
  from: 'de',
  overrides: (shipped) => `sustituye al árbol incluido ${shipped}`,
  revisitWhen: 'revisar',
  flip: (outcome, question, label) => `${outcome}, si ${question} → ${label}`,
  closeCall: (runnerUp, margin) => `decisión ajustada: ${runnerUp} queda a ${margin} ${margin === '1' ? 'punto' : 'puntos'}`,
  conflict: (reason) => `Estas respuestas se contradicen: ${reason}`,
  keepBoth: 'Mantener ambas respuestas (el ADR registra la contradicción)',
  changeAnswerOf: (question) => `Cambiar: ${question}`,
  areas: '¿Cuáles de estas características tiene el proyecto? (se omiten las decisiones que no aplican)',
  validated: (files, errors, warnings) =>
    `${files} ${files === 1 ? 'archivo revisado' : 'archivos revisados'}: ${errors} ${errors === 1 ? 'error' : 'errores'}, ${warnings} ${warnings === 1 ? 'aviso' : 'avisos'}`,
};

export function words(lang: Lang): Words {
  return lang === 'es' ? es : en;
}

/** The question a path step answered, in words: the tree's own wording or the driver's question. */
export function questionText(tree: Tree, catalog: DriverCatalog, question: string, driver: string, lang: Lang): string {
  const q = tree.kind === 'tree' ? tree.questions[question] : undefined;
  if (q?.text !== undefined) return t(q.text, lang);
  const d = catalog.drivers[driver];
  return d ? t(d.question, lang) : driver;
}

/** A driver value's label ("Large: many users, high load"), or the value id when unknown. */
export function valueLabel(catalog: DriverCatalog, driver: string, value: string, lang: Lang): string {
  const label = catalog.drivers[driver]?.values[value]?.label;
  return label === undefined ? value : t(label, lang);
}

/** An outcome's title in a language, or its id. */
export function outcomeTitle(tree: Tree | undefined, outcome: string, lang: Lang): string {
  const o = tree?.outcomes[outcome];
  return o ? t(o.title, lang) : outcome;
}

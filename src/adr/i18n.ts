// The words of the ADR templates in each language. Tree text comes translated from the trees
// themselves (t()); this table holds only the template's own words.
import type { Lang } from '../core/types.js';
import type { AdrStatus } from './types.js';

export interface AdrStrings {
  date: string;
  status: string;
  context: string;
  nygardContext: string;
  drivers: string;
  options: string;
  outcome: string;
  chosenOption: string;
  because: string;
  becauseAnswers: string;
  becauseScore: string;
  consequences: string;
  positive: string;
  negative: string;
  /** MADR 2's and log4brains' two consequence headings. */
  positiveConsequences: string;
  negativeConsequences: string;
  path: string;
  warnings: string;
  scores: string;
  criterion: string;
  weight: string;
  option: string;
  total: string;
  rank: string;
  excluded: string;
  excludedBy: string;
  diagram: string;
  sources: string;
  factsAsOf: string;
  assumed: string;
  assumedNote: string;
  chosen: string;
  ruledOutBy: string;
  scoredLower: string;
  notReached: string;
  decision: string;
  newContext: string;
  newDrivers: string;
  newOptions: string;
  newOutcome: string;
  newConsequences: string;
  newPositive: string;
  newNegative: string;
  diagramImage: string;
  links: string;
  toc: string;
  number: string;
  title: string;
  statuses: Record<AdrStatus, string>;
  init: { title: string; context: string; decision: string; consequences: string };
  revisitWhen: string;
  revisitIntro: string;
  flipIf: string;
  flipOrMore: string;
  weightFlip: string;
  closeCall: string;
  point: string;
  points: string;
  notes: string;
  implied: string;
  treeFile: string;
  linkTypes: {
    supersedes: string;
    supersededBy: string;
    followsFrom: string;
    ledTo: string;
  };
}

const en: AdrStrings = {
  date: 'Date',
  status: 'Status',
  context: 'Context and Problem Statement',
  nygardContext: 'Context',
  drivers: 'Decision Drivers',
  options: 'Considered Options',
  outcome: 'Decision Outcome',
  chosenOption: 'Chosen option',
  because: 'because',
  becauseAnswers: 'because of these answers:',
  becauseScore: 'because it has the highest weighted total ({total}) of the eligible options',
  consequences: 'Consequences',
  positive: 'Good',
  negative: 'Bad',
  positiveConsequences: 'Positive Consequences',
  negativeConsequences: 'Negative Consequences',
  path: 'Decision Path',
  warnings: 'Warnings',
  scores: 'Score Table',
  criterion: 'Criterion',
  weight: 'Weight',
  option: 'Option',
  total: 'Total',
  rank: 'Rank',
  excluded: 'Excluded options',
  excludedBy: 'excluded by',
  diagram: 'Diagram',
  sources: 'Sources',
  factsAsOf: 'Facts as of',
  assumed: 'assumed',
  assumedNote: 'Assumed values were not given; they are the defaults, so check them.',
  chosen: 'chosen',
  ruledOutBy: 'ruled out by',
  scoredLower: 'scored lower',
  notReached: 'not reached by these answers',
  decision: 'Decision',
  newContext: '{Describe the context and problem statement.}',
  newDrivers: '{The forces and concerns that matter here.}',
  newOptions: '{The options considered.}',
  newOutcome: '{The chosen option, and why.}',
  newConsequences: '{What becomes easier or harder because of this decision.}',
  newPositive: '{What becomes easier because of this decision.}',
  newNegative: '{What becomes harder because of this decision.}',
  diagramImage: 'Rendered diagram',
  links: 'Links',
  toc: 'Architecture Decision Records',
  number: 'No.',
  title: 'Title',
  statuses: {
    proposed: 'Proposed',
    accepted: 'Accepted',
    rejected: 'Rejected',
    deprecated: 'Deprecated',
    superseded: 'Superseded',
    none: 'None',
    unknown: 'Unknown',
  },
  init: {
    title: 'Record architecture decisions',
    context: 'We need to record the architectural decisions made on this project.',
    decision:
      'We will use Architecture Decision Records, as [described by Michael Nygard](http://thinkrelevance.com/blog/2011/11/15/documenting-architecture-decisions).',
    consequences:
      "See Michael Nygard's article, linked above. For a lightweight ADR toolset, see Nat Pryce's [adr-tools](https://github.com/npryce/adr-tools). adr-wizard reads and writes the same log.",
  },
  revisitWhen: 'Revisit when',
  revisitIntro: 'Each of these changes, on its own, would lead to another option:',
  flipIf: 'if',
  flipOrMore: 'depending on the questions that follow',
  weightFlip: 'if "{criterion}" weighs {to} instead of {from}',
  closeCall: 'Close call: {runnerUp} trails by {margin}; what decided it: {criteria}.',
  point: 'point',
  points: 'points',
  notes: 'Notes on the answers',
  implied: 'taken from the decision that led here',
  treeFile: 'Decision tree',
  linkTypes: {
    supersedes: 'Supersedes',
    supersededBy: 'Superseded by',
    followsFrom: 'Follows from',
    ledTo: 'Led to',
  },
};

const es: AdrStrings = {
  date: 'Fecha',
  status: 'Estado',
  context: 'Contexto y planteamiento del problema',
  nygardContext: 'Contexto',
  drivers: 'Factores de decisión',
  options: 'Opciones consideradas',
  outcome: 'Resultado de la decisión',
  chosenOption: 'Opción elegida',
  because: 'porque',
  becauseAnswers: 'por estas respuestas:',
  becauseScore: 'porque tiene el mayor total ponderado ({total}) de las opciones admisibles',
  consequences: 'Consecuencias',
  positive: 'A favor',
  negative: 'En contra',
  positiveConsequences: 'Consecuencias positivas',
  negativeConsequences: 'Consecuencias negativas',
  path: 'Camino de la decisión',
  warnings: 'Advertencias',
  scores: 'Tabla de puntuación',
  criterion: 'Criterio',
  weight: 'Peso',
  option: 'Opción',
  total: 'Total',
  rank: 'Puesto',
  excluded: 'Opciones excluidas',
  excludedBy: 'excluida por',
  diagram: 'Diagrama',
  sources: 'Fuentes',
  factsAsOf: 'Datos vigentes a',
  assumed: 'supuesto',
  assumedNote: 'Los valores supuestos no se indicaron; son los valores por defecto, conviene revisarlos.',
  chosen: 'elegida',
  ruledOutBy: 'descartada por',
  scoredLower: 'obtuvo menos puntos',
  notReached: 'no se alcanza con estas respuestas',
  decision: 'Decisión',
  newContext: '{Describir el contexto y el problema.}',
  newDrivers: '{Las fuerzas y preocupaciones que importan aquí.}',
  newOptions: '{Las opciones consideradas.}',
  newOutcome: '{La opción elegida y por qué.}',
  newConsequences: '{Qué resulta más fácil o más difícil por esta decisión.}',
  newPositive: '{Qué resulta más fácil por esta decisión.}',
  newNegative: '{Qué resulta más difícil por esta decisión.}',
  diagramImage: 'Diagrama renderizado',
  links: 'Enlaces',
  toc: 'Registros de decisiones de arquitectura',
  number: 'Nº',
  title: 'Título',
  statuses: {
    proposed: 'Propuesta',
    accepted: 'Aceptada',
    rejected: 'Rechazada',
    deprecated: 'Obsoleta',
    superseded: 'Reemplazada',
    none: 'Sin estado',
    unknown: 'Desconocido',
  },
  init: {
    title: 'Registrar las decisiones de arquitectura',
    context: 'Necesitamos registrar las decisiones de arquitectura tomadas en este proyecto.',
    decision:
      'Usaremos registros de decisiones de arquitectura (ADR), tal como los [describe Michael Nygard](http://thinkrelevance.com/blog/2011/11/15/documenting-architecture-decisions).',
    consequences:
      'Véase el artículo de Michael Nygard enlazado arriba. Para un conjunto ligero de herramientas, véase [adr-tools](https://github.com/npryce/adr-tools) de Nat Pryce. adr-wizard lee y escribe el mismo registro.',
  },
  revisitWhen: 'Revisar si',
  revisitIntro: 'Cada uno de estos cambios, por sí solo, llevaría a otra opción:',
  flipIf: 'si',
  flipOrMore: 'según las preguntas que siguen',
  weightFlip: 'si «{criterion}» pesa {to} en lugar de {from}',
  closeCall: 'Decisión ajustada: {runnerUp} queda a {margin}; lo que decidió: {criteria}.',
  point: 'punto',
  points: 'puntos',
  notes: 'Observaciones sobre las respuestas',
  implied: 'tomado de la decisión anterior',
  treeFile: 'Árbol de decisión',
  linkTypes: {
    supersedes: 'Reemplaza a',
    supersededBy: 'Reemplazada por',
    followsFrom: 'Se deriva de',
    ledTo: 'Dio lugar a',
  },
};

const STRINGS: Record<Lang, AdrStrings> = { en, es };

export function strings(lang: Lang): AdrStrings {
  return STRINGS[lang];
}

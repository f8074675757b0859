// Small trees and a driver catalog for ADR tests: stable on purpose (the shipped trees change as
// their facts are reviewed; the golden ADRs must not).
import type { Decision, DriverCatalog, MatrixTree, BranchingTree, Tree } from '../../src/core/types.js';
import { walk } from '../../src/core/walk.js';
import { toDecision } from '../../src/core/decision.js';
import type { Lang } from '../../src/core/types.js';

export const catalog: DriverCatalog = {
  drivers: {
    scale: {
      id: 'scale',
      question: { en: 'How large will the system be?', es: '¿Qué tamaño tendrá el sistema?' },
      help: { en: 'Users and load.', es: 'Usuarios y carga.' },
      values: {
        small: { label: { en: 'Small: few users, modest load', es: 'Pequeño: pocos usuarios, carga moderada' } },
        large: { label: { en: 'Large: many users, high load', es: 'Grande: muchos usuarios, carga alta' } },
      },
      default: 'small',
    },
    'domain-boundaries': {
      id: 'domain-boundaries',
      question: { en: 'Are the domain boundaries clear?', es: '¿Están claros los límites del dominio?' },
      help: { en: 'Bounded contexts.', es: 'Contextos acotados.' },
      values: {
        clear: { label: { en: 'Clear', es: 'Claros' } },
        unclear: { label: { en: 'Unclear', es: 'Poco claros' } },
      },
      default: 'unclear',
    },
    'team-size': {
      id: 'team-size',
      question: { en: 'How large is the team?', es: '¿Qué tamaño tiene el equipo?' },
      help: { en: 'People.', es: 'Personas.' },
      values: {
        small: { label: { en: 'Small (one team)', es: 'Pequeño (un equipo)' } },
        large: { label: { en: 'Large (several teams)', es: 'Grande (varios equipos)' } },
      },
      default: 'small',
    },
    cloud: {
      id: 'cloud',
      question: { en: 'Which cloud do you run on?', es: '¿En qué nube trabajáis?' },
      help: { en: 'Provider.', es: 'Proveedor.' },
      values: {
        aws: { label: { en: 'AWS', es: 'AWS' } },
        azure: { label: { en: 'Azure', es: 'Azure' } },
        'on-prem': { label: { en: 'On premises', es: 'Local (on-premise)' } },
      },
      default: 'aws',
    },
    'cost-sensitive': {
      id: 'cost-sensitive',
      question: { en: 'Is cost a primary concern?', es: '¿Es el coste una preocupación principal?' },
      help: { en: 'Budget.', es: 'Presupuesto.' },
      values: {
        yes: { label: { en: 'Yes', es: 'Sí' } },
        no: { label: { en: 'No', es: 'No' } },
      },
      default: 'no',
    },
  },
};

export const styleTree: BranchingTree = {
  id: 'architecture-style',
  kind: 'tree',
  title: { en: 'Application architecture style', es: 'Estilo de arquitectura de la aplicación' },
  problem: {
    en: 'We must choose how to structure the application: one deployable or many services.',
    es: 'Debemos elegir cómo estructurar la aplicación: un único desplegable o muchos servicios.',
  },
  reviewed: '2026-11-24',
  sources: [{ title: 'Martin Fowler, MonolithFirst', url: 'https://martinfowler.com/bliki/MonolithFirst.html' }],
  start: 'q-scale',
  questions: {
    'q-scale': { id: 'q-scale', driver: 'scale', branches: { small: 'monolith', large: 'q-boundaries' } },
    'q-boundaries': {
      id: 'q-boundaries',
      driver: 'domain-boundaries',
      text: { en: 'Can the domain be split into clear bounded contexts?', es: '¿Se puede dividir el dominio en contextos acotados claros?' },
      branches: { clear: 'q-team', unclear: 'modular-monolith' },
    },
    'q-team': { id: 'q-team', driver: 'team-size', branches: { small: 'modular-monolith', large: 'microservices' } },
  },
  outcomes: {
    monolith: {
      id: 'monolith',
      title: { en: 'Monolith', es: 'Monolito' },
      decision: { en: 'We will build one deployable application.', es: 'Construiremos una única aplicación desplegable.' },
      consequences: {
        positive: [{ en: 'Simple to build, test and deploy.', es: 'Sencillo de construir, probar y desplegar.' }, { en: 'No network calls between modules.', es: 'Sin llamadas de red entre módulos.' }],
        negative: [{ en: 'Scales only as a whole.', es: 'Solo escala en bloque.' }, { en: 'Boundaries erode without discipline.', es: 'Los límites se erosionan sin disciplina.' }],
      },
      warnings: [],
      followUps: [],
      starters: [],
    },
    'modular-monolith': {
      id: 'modular-monolith',
      title: { en: 'Modular monolith', es: 'Monolito modular' },
      decision: { en: 'We will build one deployable with strict module boundaries.', es: 'Construiremos un desplegable con límites de módulo estrictos.' },
      consequences: {
        positive: [{ en: 'One deployment, clear modules.', es: 'Un despliegue, módulos claros.' }, { en: 'Modules can become services later.', es: 'Los módulos pueden ser servicios más adelante.' }],
        negative: [{ en: 'Module rules need enforcement.', es: 'Las reglas de módulos requieren control.' }, { en: 'Scales as a whole.', es: 'Escala en bloque.' }],
      },
      warnings: [],
      followUps: [],
      starters: ['modular-monolith'],
    },
    microservices: {
      id: 'microservices',
      title: { en: 'Microservices', es: 'Microservicios' },
      decision: { en: 'We will build independently deployable services, one per bounded context.', es: 'Construiremos servicios desplegables de forma independiente, uno por contexto acotado.' },
      consequences: {
        positive: [{ en: 'Teams deploy independently.', es: 'Los equipos despliegan de forma independiente.' }, { en: 'Services scale independently.', es: 'Los servicios escalan de forma independiente.' }],
        negative: [{ en: 'Distributed systems are hard to operate.', es: 'Los sistemas distribuidos son difíciles de operar.' }, { en: 'Data consistency needs sagas.', es: 'La consistencia de datos requiere sagas.' }],
      },
      warnings: [{ en: 'Needs mature operations | monitoring: tracing, alerting.', es: 'Requiere operaciones maduras | monitorización: trazas, alertas.' }],
      followUps: ['mlops-platform'],
      starters: ['nest-microservices'],
    },
  },
  examples: [{ drivers: { scale: 'small' }, expect: 'monolith' }],
};

export const mlopsTree: MatrixTree = {
  id: 'mlops-platform',
  kind: 'matrix',
  title: { en: 'MLOps platform', es: 'Plataforma MLOps' },
  problem: { en: 'We need a platform to train, track and serve models.', es: 'Necesitamos una plataforma para entrenar, seguir y servir modelos.' },
  reviewed: '2024-01-15',
  sources: [{ title: 'MLflow docs', url: 'https://mlflow.org/docs/latest/' }],
  asks: ['cloud', 'cost-sensitive'],
  criteria: [
    { id: 'tracking', title: { en: 'Experiment tracking', es: 'Seguimiento de experimentos' }, weight: 3 },
    { id: 'cost', title: { en: 'Cost', es: 'Coste' }, weight: 2 },
    { id: 'ops', title: { en: 'Low operations | effort', es: 'Poca operación | esfuerzo' }, weight: 2 },
  ],
  adjustments: [{ when: { 'cost-sensitive': 'yes' }, weights: { cost: 2 } }],
  outcomes: {
    mlflow: {
      id: 'mlflow',
      title: { en: 'MLflow (self-hosted)', es: 'MLflow (autoalojado)' },
      decision: { en: 'We will run MLflow ourselves.', es: 'Operaremos MLflow nosotros mismos.' },
      consequences: { positive: [{ en: 'No licence cost.', es: 'Sin coste de licencia.' }, { en: 'Portable.', es: 'Portable.' }], negative: [{ en: 'We operate it.', es: 'Lo operamos nosotros.' }, { en: 'Fewer managed features.', es: 'Menos funciones gestionadas.' }] },
      warnings: [],
      followUps: [],
      starters: [],
      scores: { tracking: 5, cost: 5, ops: 2 },
    },
    sagemaker: {
      id: 'sagemaker',
      title: { en: 'SageMaker AI', es: 'SageMaker AI' },
      decision: { en: 'We will use SageMaker AI.', es: 'Usaremos SageMaker AI.' },
      consequences: { positive: [{ en: 'Managed.', es: 'Gestionado.' }, { en: 'AWS native.', es: 'Nativo de AWS.' }], negative: [{ en: 'Lock-in.', es: 'Dependencia del proveedor.' }, { en: 'Cost.', es: 'Coste.' }] },
      warnings: [],
      followUps: [],
      starters: [],
      scores: { tracking: 4, cost: 2, ops: 5 },
      requires: { cloud: ['aws'] },
    },
    'azure-ml': {
      id: 'azure-ml',
      title: { en: 'Azure Machine Learning', es: 'Azure Machine Learning' },
      decision: { en: 'We will use Azure ML.', es: 'Usaremos Azure ML.' },
      consequences: { positive: [{ en: 'Managed.', es: 'Gestionado.' }, { en: 'Azure native.', es: 'Nativo de Azure.' }], negative: [{ en: 'Lock-in.', es: 'Dependencia del proveedor.' }, { en: 'Cost.', es: 'Coste.' }] },
      warnings: [],
      followUps: [],
      starters: [],
      scores: { tracking: 4, cost: 2, ops: 5 },
      requires: { cloud: ['azure'] },
    },
  },
  examples: [],
};

export const trees = new Map<string, Tree>([
  [styleTree.id, styleTree],
  [mlopsTree.id, mlopsTree],
]);

export function decide(tree: Tree, values: Record<string, string>, lang: Lang, assumed: string[] = [], ledBy?: { tree: string; outcome: string }): Decision {
  const result = walk(tree, values);
  if (result.status !== 'done') throw new Error(`walk of ${tree.id} incomplete: ${JSON.stringify(result)}`);
  return toDecision(tree, result, { lang, values, assumed, catalog, ...(ledBy ? { ledBy } : {}) });
}

// Turns validated (or trusted) plain data into the model types: map keys become `id` fields and
// list fields get their defaults. Deliberately free of zod so that the start-up path for shipped
// trees (already validated by the test suite) stays cheap.
import type { Driver, DriverCatalog, DriverConflict, Outcome, Question, Tree } from './types.js';

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const asObj = (v: unknown): Obj => (isObj(v) ? v : {});
const asArr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

function keyed<T>(map: unknown, make: (id: string, value: Obj) => T): Record<string, T> {
  const out: Record<string, T> = {};
  for (const [id, value] of Object.entries(asObj(map))) out[id] = make(id, asObj(value));
  return out;
}

function outcome(id: string, o: Obj): Outcome {
  const { $schema: _ignored, ...rest } = o;
  const cons = asObj(o['consequences']);
  return {
    ...(rest as object),
    id,
    consequences: { positive: asArr(cons['positive']), negative: asArr(cons['negative']) },
    warnings: asArr(o['warnings']),
    followUps: asArr(o['followUps']),
    starters: asArr(o['starters']),
    ...(isObj(o['constrains'])
      ? {
          constrains: {
            ...asObj(o['constrains']),
            drivers: { ...asObj(asObj(o['constrains'])['drivers']) },
            outcomes: { ...asObj(asObj(o['constrains'])['outcomes']) },
          },
        }
      : {}),
  } as Outcome;
}

function question(id: string, q: Obj): Question {
  return { ...(q as object), id, branches: { ...asObj(q['branches']) } } as Question;
}

/** Plain tree data (from YAML) -> Tree, with ids injected and defaults applied. */
export function toTree(data: unknown, file?: string): Tree {
  const d = asObj(data);
  const { $schema: _ignored, ...rest } = d;
  const base = {
    ...rest,
    sources: asArr(d['sources']),
    rules: asArr(d['rules']).map((r) => ({ ...asObj(r), when: { ...asObj(asObj(r)['when']) } })),
    examples: asArr(d['examples']).map((e) => ({ ...asObj(e), drivers: { ...asObj(asObj(e)['drivers']) } })),
    outcomes: keyed(d['outcomes'], outcome),
    ...(file === undefined ? {} : { file }),
  };
  if (d['kind'] === 'matrix') {
    return {
      ...base,
      asks: asArr(d['asks']),
      criteria: asArr(d['criteria']),
      adjustments: asArr(d['adjustments']),
    } as Tree;
  }
  return { ...base, questions: keyed(d['questions'], question) } as Tree;
}

/** Plain drivers data (from YAML) -> DriverCatalog, with ids injected. */
export function toCatalog(data: unknown): DriverCatalog {
  return {
    drivers: keyed(asObj(data)['drivers'], (id, v) => ({ ...(v as object), id, values: { ...asObj(v['values']) } }) as Driver),
    conflicts: asArr(asObj(data)['conflicts']) as DriverConflict[],
  };
}

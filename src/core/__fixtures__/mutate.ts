// Seeded random mutations of YAML sources, shared by the loader fuzz test and the CLI fuzz test.

export const FUZZ_SEED = 20261124;

/** mulberry32: a tiny deterministic PRNG. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TOKENS = ['&a ', '*a', '[', ']', '{', '}', '- ', ': ', ':', '!!binary ', '!!str ', '? ', '|', '>-', '\t', '%YAML 1.1\n', '---\n', '...\n', '<<: *a', '#', '"', "'", '~', 'null', '0x1F', '1e309', '@', '`', '\\u0000', '__proto__: x', 'constructor', '\uFEFF', '\r\n', '\u2028'];
const VALUES = ['small', 'large', 'yes', 'no', '"yes"', 'aws', 'on-prem', 'low', 'high', 'kubernetes', 'monolith', 'q-scale', '2026-11-24', '1999-01-01', '0', '6', '-1', '3.5', '[]', '{}', 'true', '""', 'constructor', 'toString'];

/** Applies one to three random mutations to a YAML source; returns the result and what was done. */
export function mutate(source: string, rand: () => number): { text: string; what: string[] } {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  let text = source;
  const what: string[] = [];
  const n = 1 + Math.floor(rand() * 3);
  for (let k = 0; k < n; k++) {
    const lines = text.split('\n');
    const i = Math.floor(rand() * lines.length);
    const j = Math.floor(rand() * lines.length);
    const op = Math.floor(rand() * 10);
    switch (op) {
      case 0:
        lines.splice(i, 1);
        what.push(`delete line ${i + 1}`);
        break;
      case 1:
        lines.splice(i, 0, lines[i] ?? '');
        what.push(`duplicate line ${i + 1}`);
        break;
      case 2:
        [lines[i], lines[j]] = [lines[j] ?? '', lines[i] ?? ''];
        what.push(`swap lines ${i + 1} and ${j + 1}`);
        break;
      case 3: {
        const ids = [...new Set(text.match(/\b[a-z]+(?:-[a-z0-9]+)+\b/g) ?? [])];
        if (ids.length >= 2) {
          const a = pick(ids);
          const b = pick(ids);
          text = text.split(a).join('\u0000').split(b).join(a).split('\u0000').join(b);
          what.push(`swap ids ${a} <-> ${b}`);
        }
        continue;
      }
      case 4: {
        const line = lines[i] ?? '';
        const colon = line.indexOf(': ');
        if (colon > 0) lines[i] = `${line.slice(0, colon + 2)}${pick(VALUES)}`;
        what.push(`change value on line ${i + 1}`);
        break;
      }
      case 5: {
        const at = Math.floor(rand() * text.length);
        text = text.slice(0, at);
        what.push(`truncate at ${at}`);
        continue;
      }
      case 6: {
        const at = Math.floor(rand() * text.length);
        const garbage = Array.from({ length: 1 + Math.floor(rand() * 8) }, () => String.fromCharCode(32 + Math.floor(rand() * 95))).join('');
        text = text.slice(0, at) + garbage + text.slice(at);
        what.push(`insert ${JSON.stringify(garbage)} at ${at}`);
        continue;
      }
      case 7: {
        const at = Math.floor(rand() * text.length);
        const token = pick(TOKENS);
        text = text.slice(0, at) + token + text.slice(at);
        what.push(`insert token ${JSON.stringify(token)} at ${at}`);
        continue;
      }
      case 8:
        lines[i] = rand() < 0.5 ? `  ${lines[i] ?? ''}` : (lines[i] ?? '').replace(/^ {1,2}/, '');
        what.push(`reindent line ${i + 1}`);
        break;
      default: {
        const line = lines[i] ?? '';
        lines[i] = line.replace(/^(\s*)[\w-]+:/, `$1${pick(['__proto__', 'constructor', 'id', 'kind', 'branches', 'outcomes', 'x'])}:`);
        what.push(`rename key on line ${i + 1}`);
      }
    }
    text = lines.join('\n');
  }
  return { text, what };
}

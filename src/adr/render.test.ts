import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseSimpleYaml } from './front-matter.js';
import { tableCell, tidy, yamlList, yamlScalar } from './render.js';
import { titleSlug } from './slug.js';

const HOSTILE = [
  'plain text',
  'Decisión ñ',
  'a: #b',
  'key: value',
  '# comment',
  '- item',
  '[x]',
  '{a: 1}',
  '"double"',
  "it's",
  'yes',
  'No',
  'null',
  '~',
  '123',
  '1e3',
  '0x1F',
  '12:30',
  '',
  ' leading',
  'trailing ',
  '@at',
  '`tick`',
  '&anchor',
  '*alias',
  '!tag',
  '| pipe',
  '> folded',
  '%percent',
  'tab\there',
  'back\\slash',
  'emoji 🚀',
  '2026-01-01',
];

describe('YAML scalars', () => {
  it.each(HOSTILE)('%j reads back as itself with the yaml package and the fast reader', (s) => {
    const doc = `k: ${yamlScalar(s)}\nl: ${yamlList([s, 'x'])}\n`;
    expect(parseYaml(doc)).toEqual({ k: s, l: [s, 'x'] });
    expect(parseSimpleYaml(doc)).toEqual({ k: s, l: [s, 'x'] });
  });

  it('keeps user text on one line', () => {
    expect(parseYaml(`k: ${yamlScalar('a\nb: c')}`)).toEqual({ k: 'a b: c' });
  });
});

describe('Markdown table cells', () => {
  it('escapes pipes and newlines so a row stays a row', () => {
    expect(tableCell('a | b\nc')).toBe('a \\| b<br>c');
    expect(tableCell('back\\|')).toBe('back\\\\\\|');
  });
});

describe('slugs', () => {
  it.each([
    ['Use PostgreSQL', 'use-postgresql'],
    ['Decisión', 'decision'],
    ['../../etc/passwd', 'etc-passwd'],
    ['a/b\\c', 'a-b-c'],
    ['\u0000\u001f', 'untitled'],
    ['🚀', 'untitled'],
    ['MLOps platform: MLflow', 'mlops-platform-mlflow'],
  ])('%j -> %j', async (title, slug) => {
    expect(await titleSlug(title)).toBe(slug);
  });

  it('caps the length at a word boundary', async () => {
    const slug = await titleSlug('word '.repeat(40));
    expect(slug.length).toBeLessThanOrEqual(60);
    expect(slug.endsWith('-')).toBe(false);
  });

  it('never cuts a word in two when the title has words to cut between', async () => {
    const title = 'Kubernetes hosting: Amazon EKS with EKS Auto Mode managing nodes and load balancers';
    const slug = await titleSlug(title);
    expect(slug).toBe('kubernetes-hosting-amazon-eks-with-eks-auto-mode-managing');
    // 'kubernetes-hosting-amazon-eks-with-eks-auto-mode-managing-nodes' would be 63 characters.
    for (const word of slug.split('-')) expect(title.toLowerCase()).toMatch(new RegExp(`\\b${word}\\b`));
    // A 60-character prefix that ends exactly at a word's end keeps that word.
    expect(await titleSlug(`${'a'.repeat(29)} ${'b'.repeat(30)} c`)).toBe(`${'a'.repeat(29)}-${'b'.repeat(30)}`);
    expect(await titleSlug('x'.repeat(100))).toBe('x'.repeat(60));
  });
});

describe('tidy', () => {
  it('collapses blank lines outside code fences only', () => {
    expect(tidy('a\n\n\n\nb\n```\nx\n\n\ny\n```\n\n')).toBe('a\n\nb\n```\nx\n\n\ny\n```\n');
  });
});

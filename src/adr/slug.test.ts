import slugify from '@sindresorhus/slugify';
import { describe, expect, it } from 'vitest';
import { titleSlug } from './slug.js';

// The slug as slugify alone makes it, the way every title was slugged before plain ASCII titles
// got their own path: file names must not change with the path a title takes.
function viaSlugify(title: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = title.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
  let slug = slugify(clean, { decamelize: false, customReplacements: [['&', ' and ']] }).replace(/[^a-z0-9-]/g, '');
  slug = slug.replace(/-+/g, '-').replace(/^-|-$/g, '');
  if (slug.length > 60) {
    const cut = slug.slice(0, 61);
    const dash = cut.lastIndexOf('-');
    slug = dash > 0 ? cut.slice(0, dash) : cut.slice(0, 60);
  }
  return slug === '' ? 'untitled' : slug;
}

describe('plain ASCII titles', () => {
  it.each([
    "Don't use it's API's cache",
    'Use R&D budget & C++',
    'caret ^ and `backticks` and \\backslash\\',
    '  --Leading and trailing--  ',
    'CamelCase HTTPServer APIs v2.0',
    "it's 'quoted' 'ts' shouldn't",
    '100% of $5 @ #1 ~ {x} [y] (z) <w> | ; : , . ? !',
  ])('%j slugs as slugify slugs it', async (title) => {
    expect(await titleSlug(title)).toBe(viaSlugify(title));
  });

  it('slug as slugify does over many random titles', async () => {
    // A fixed seed: the same titles every run.
    let seed = 7;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const alphabet = "abcXYZ019 -_&^`'\\/.:!?ts\t\"@#()";
    for (let i = 0; i < 500; i++) {
      const length = 1 + Math.floor(random() * 40);
      let title = '';
      for (let j = 0; j < length; j++) title += alphabet[Math.floor(random() * alphabet.length)];
      expect(await titleSlug(title), JSON.stringify(title)).toBe(viaSlugify(title));
    }
  });
});

describe('titles with other letters', () => {
  it.each(['Decisión', 'Größe & Maße', 'Решение', 'Ça marche 🦄 ♥'])('%j slugs as slugify slugs it', async (title) => {
    expect(await titleSlug(title)).toBe(viaSlugify(title));
  });
});

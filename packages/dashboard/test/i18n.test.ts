import { describe, expect, it } from 'vitest';
import { en, LANGUAGES, loadStrings, pickLanguage, type Strings } from '../src/i18n/context';

/** Every leaf of a pack as `path → value`, functions called with sample arguments. */
function leaves(value: unknown, path = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (typeof value === 'function') {
    // Numbers, not strings, for the count-taking texts; both work for the rest.
    const args = Array.from({ length: value.length }, (_, i) => (i === 0 ? 3 : 'x'));
    const samples = [value(...args), value('stars5', 1), value(1, 0), value('thumbs', 0)];
    out.set(path, samples.map(String).join(' | '));
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      for (const [p, leaf] of leaves(v, path ? `${path}.${k}` : k)) out.set(p, leaf);
    }
  } else {
    out.set(path, value);
  }
  return out;
}

const english = leaves(en);

describe('dashboard language packs', () => {
  it('are the product’s ten, right to left for Arabic and Urdu only', () => {
    expect(LANGUAGES.map((l) => l.lang).sort()).toEqual(
      ['ar', 'de', 'en', 'es', 'fr', 'hi', 'id', 'pt', 'tr', 'ur'].sort(),
    );
    expect(LANGUAGES.filter((l) => l.dir === 'rtl').map((l) => l.lang)).toEqual(['ar', 'ur']);
  });

  for (const language of LANGUAGES) {
    it(`${language.lang}: has every key, matches the picker, and is translated`, async () => {
      const pack: Strings = await loadStrings(language.lang);
      expect(pack.lang).toBe(language.lang);
      expect(pack.dir).toBe(language.dir);
      expect(pack.languageName).toBe(language.name);
      const own = leaves(pack);
      expect([...own.keys()].sort()).toEqual([...english.keys()].sort());
      for (const [path, text] of own) {
        expect(typeof text, path).toBe('string');
        expect(text, path).not.toMatch(/undefined|NaN|\[object/);
        expect((text as string).trim(), path).not.toBe('');
      }
      if (language.lang === 'en') return;
      // Not English left in place: only names and abbreviations (NPS, CSAT, Agent…) may match.
      const same = [...own].filter(([path, text]) => english.get(path) === text).map(([p]) => p);
      expect(same.length, same.join(', ')).toBeLessThanOrEqual(english.size * 0.12);
    });
  }

  it('picks the first of the reader’s languages that it has, by primary subtag', () => {
    expect(pickLanguage(['pt-BR', 'en'])).toBe('pt');
    expect(pickLanguage(['sw', 'ur-PK'])).toBe('ur');
    expect(pickLanguage(['sw', 'ja'])).toBe('en');
  });
});

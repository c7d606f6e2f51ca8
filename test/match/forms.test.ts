import { describe, expect, it } from 'vitest';
import { arabicProclitics, nameForms, surfaces, topicForms } from '../../src/match/forms';

describe('forms', () => {
  it('gives an article word its 12 clitic forms (reference §2), never the bare stem', () => {
    expect(arabicProclitics('الحسكه').sort()).toEqual(
      [
        'الحسكه',
        'والحسكه',
        'فالحسكه',
        'بالحسكه',
        'وبالحسكه',
        'فبالحسكه',
        'كالحسكه',
        'وكالحسكه',
        'فكالحسكه',
        'للحسكه',
        'وللحسكه',
        'فللحسكه',
      ].sort(),
    );
    expect(arabicProclitics('الباب')).not.toContain('باب');
  });

  it('merges the lams: ل + اللاذقية → للاذقية', () => {
    expect(arabicProclitics('اللاذقيه')).toEqual(expect.arrayContaining(['للاذقيه', 'وللاذقيه']));
    expect(arabicProclitics('اللاذقيه')).not.toContain('لللاذقيه');
  });

  it('gives a word without the article 12 forms with ل', () => {
    expect(arabicProclitics('حلب')).toHaveLength(12);
    expect(arabicProclitics('حلب')).toEqual(expect.arrayContaining(['لحلب', 'وبحلب', 'فكحلب']));
  });

  it('puts clitics on the first word of a phrase only', () => {
    const [f] = nameForms('سجن غويران');
    expect(surfaces(f!)).toContain('بسجن');
    expect(surfaces(f!)).toHaveLength(12);
    expect(f!.rest).toEqual(['غويران']);
  });

  it('drops Latin article tokens from names', () => {
    expect(nameForms('Deir ez-Zor')[0]).toMatchObject({ firsts: ['deir'], rest: ['zor'] });
    expect(nameForms('al-Hasakah')[0]).toMatchObject({ firsts: ['hasakah'], rest: [] });
  });

  it('gives topic words the article, suffix stems and plurals; English plurals skip names', () => {
    const ar = topicForms('محافظة');
    expect(ar.forms.flatMap(surfaces)).toEqual(expect.arrayContaining(['محافظه', 'المحافظه', 'بالمحافظه']));
    expect(ar.suffixForms.find((s) => s.stem === 'محافظت')?.suffixes).toContain('ها');
    const en = topicForms('Hama', (k) => k === 'hamas');
    expect(en.forms.flatMap(surfaces)).toEqual(['hama']);
    expect(topicForms('militia').forms[0]!.firsts).toContain('militias');
    // -es only where English takes it.
    for (const [word, plurals] of [
      ['attack', ['attack', 'attacks']],
      ['bus', ['bus', 'buss', 'buses']],
      ['box', ['box', 'boxs', 'boxes']],
      ['church', ['church', 'churchs', 'churches']],
      ['clash', ['clash', 'clashs', 'clashes']],
      ['hero', ['hero', 'heros', 'heroes']],
      ['militia', ['militia', 'militias']],
      ['city', ['city', 'citys', 'cities']],
    ] as const)
      expect(topicForms(word).forms[0]!.firsts, word).toEqual(plurals);
  });
});

// The compile path builds forms from what is already tokenized (a parsed term's keys, a place name's
// key); these check that it gives exactly the forms of the plain functions that tokenize again.
import { describe, expect, it } from 'vitest';
import { nameForms, nameFormsOfKey, topicForms, topicFormsOf } from '../../src/match/forms';
import { nameKey } from '../../src/match/names';
import { tokenize } from '../../src/text/tokenize';
import { loadRealContext } from './fixtures/real-world';

const isName = (k: string) => k === 'hamas' || k === 'deir ez zors';

describe('topicFormsOf', () => {
  it.each([
    ['محافظة'],
    ['الحسكة'],
    ['هجوم'],
    ['سيارة مفخخة'],
    ['السيارة المفخخة'],
    ['سجن غويران'],
    ['حي 16 تشرين'],
    ['علي'],
    ['بر'],
    ['Hama'],
    ['militia'],
    ['car bomb'],
    ['prison break riot'],
    ['day'],
    ['Deir ez Zor'],
    ['500'],
    ['F-16'],
    ['قسد SDF'],
    ['SDF قسد'],
    [''],
    ['«»'],
  ])('gives the forms of topicForms for %j', (text) => {
    const t = tokenize(text);
    expect(topicFormsOf(t.keys, t.kinds, isName)).toEqual(topicForms(text, isName));
  });
});

describe('nameFormsOfKey', () => {
  it.each([
    ['Deir ez-Zor'],
    ['al-Hasakah'],
    ['Al'],
    ['الحسكة'],
    ['سجن غويران'],
    ['الحسكة al'],
    ['حي al-Zuhur'],
    ['Ras el-Ain'],
    ['16 تشرين'],
    ['Łódź'],
    ['Дамаск'],
  ])('gives the forms of nameForms for %j', (name) => {
    for (const flags of [0, 1, 2]) expect(nameFormsOfKey(name, nameKey(name), flags)).toEqual(nameForms(name, flags));
  });

  it('gives the forms of nameForms for every place name in the gazetteer', () => {
    const ctx = loadRealContext();
    let names = 0;
    for (const p of ctx.places.places)
      for (const { name, key } of ctx.placeNames(p.id)) {
        expect(nameFormsOfKey(name, key, 1)).toEqual(nameForms(name, 1));
        names++;
      }
    expect(names).toBeGreaterThan(1000);
  });
});

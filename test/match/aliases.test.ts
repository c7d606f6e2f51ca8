// Alias groups: validation of config/aliases.yaml-shaped text, and the project's own table.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAliasGroups, parseAliasGroups } from '../../src/match/aliases';

const group = (fields: string) => `groups:\n  - { id: actor:x, kind: actor, nameEn: X, nameAr: س, ${fields} }\n`;

describe('parseAliasGroups', () => {
  it.each([
    ['bad YAML', 'groups: [unclosed', /^not valid YAML/],
    ['no groups key', 'aliases: []\n', /^\(top level\)|^groups/],
    [
      'missing aliases',
      'groups:\n  - { id: actor:x, kind: actor, nameEn: X, nameAr: س }\n',
      /^groups\[0\] \(actor:x\)\.aliases/,
    ],
    ['empty aliases', group('aliases: []'), /^groups\[0\] \(actor:x\)\.aliases/],
    [
      'missing Arabic name',
      'groups:\n  - { id: actor:x, kind: actor, nameEn: X, aliases: [X] }\n',
      /^groups\[0\] \(actor:x\)\.nameAr/,
    ],
    [
      'a bad id',
      'groups:\n  - { id: ISIS, kind: actor, nameEn: X, nameAr: س, aliases: [X] }\n',
      /^groups\[0\] \(ISIS\)\.id/,
    ],
    ['an unknown kind', group('aliases: [X]').replace('kind: actor', 'kind: person'), /\(actor:x\)\.kind/],
    [
      'a kind that contradicts the id',
      group('aliases: [X]').replace('kind: actor', 'kind: topic'),
      /\(actor:x\)\.kind: "topic"/,
    ],
    ['an unknown field', group('aliases: [X], alias: [Y]'), /^groups\[0\] \(actor:x\)/],
    [
      'a duplicate id',
      `${group('aliases: [X]')}  - { id: actor:x, kind: actor, nameEn: Y, nameAr: ص, aliases: [Y] }\n`,
      /^groups\[1\] \(actor:x\)\.id: duplicate id/,
    ],
    ['a duplicate alias', group('aliases: [X, Y, X]'), /aliases\[2\]: "X" is listed twice/],
    ['bare الدولة', group('aliases: [تنظيم الدولة, الدولة]'), /aliases\[1\]: "الدولة" is a generic word/],
    ['bare التنظيم with harakat', group('aliases: [التَّنظيم]'), /aliases\[0\]: "التَّنظيم" is a generic word/],
    ['"The State"', group('aliases: [The State]'), /"The State" is a generic word/],
    [
      'a case-sensitive alias that is not an alias',
      group('aliases: [ISIS], caseSensitive: [IS]'),
      /caseSensitive\[0\]: "IS" is not one of the aliases/,
    ],
  ])('rejects %s, naming where', (_case, yaml, error) => {
    const r = parseAliasGroups(yaml);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(error);
  });

  it('keeps case-sensitive aliases apart from the others', () => {
    const r = parseAliasGroups(group('aliases: [داعش, ISIS, IS], caseSensitive: [IS]'));
    expect(r).toEqual({
      ok: true,
      value: [
        {
          id: 'actor:x',
          kind: 'actor',
          nameEn: 'X',
          nameAr: 'س',
          aliases: ['داعش', 'ISIS', 'IS'],
          caseSensitiveAliases: ['IS'],
        },
      ],
    });
  });
});

describe('loadAliasGroups', () => {
  it('names the file in its errors', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rased-aliases-'));
    const path = join(dir, 'aliases.yaml');
    writeFileSync(path, group('aliases: [الدولة]'));
    const r = loadAliasGroups(path);
    expect(r.ok ? '' : r.error).toMatch(`${path}: groups[0] (actor:x).aliases[0]`);
    const missing = loadAliasGroups(join(dir, 'absent.yaml'));
    expect(missing.ok ? '' : missing.error).toMatch(/absent\.yaml: cannot read/);
  });
});

describe('the project alias table', () => {
  const r = loadAliasGroups();
  const groups = r.ok ? r.value : [];

  it('loads', () => {
    expect(r.ok ? 'ok' : r.error).toBe('ok');
  });

  it('has at least 30 actor groups and topic groups in both languages', () => {
    expect(groups.filter((g) => g.kind === 'actor').length).toBeGreaterThanOrEqual(30);
    for (const g of groups.filter((x) => x.kind !== 'spelling')) {
      expect(
        g.aliases.some((a) => /\p{Script=Arabic}/u.test(a)),
        g.id,
      ).toBe(true);
      expect(
        g.aliases.some((a) => /[A-Za-z]/.test(a)),
        g.id,
      ).toBe(true);
    }
  });

  it.each([
    [
      'actor:isis',
      [
        'داعش',
        'تنظيم الدولة',
        'تنظيم الدولة الإسلامية',
        'الدولة الإسلامية',
        'ISIS',
        'ISIL',
        'IS',
        'Islamic State',
        'Daesh',
      ],
    ],
    ['actor:sdf', ['قسد', 'قوات سوريا الديمقراطية', 'قوات سورية الديمقراطية', 'SDF']],
    ['actor:asayish', ['الأسايش', 'قوى الأمن الداخلي', 'Asayish']],
    ['actor:pmf', ['الحشد الشعبي', 'PMF']],
    ['actor:white-helmets', ['الدفاع المدني السوري', 'White Helmets']],
    ['actor:sohr', ['المرصد السوري لحقوق الإنسان', 'SOHR']],
    ['topic:prison-break', ['هروب من السجن', 'prison break']],
    ['topic:car-bomb', ['سيارة مفخخة', 'car bomb', 'VBIED']],
    ['spelling:american-f', ['الأميركية', 'الأمريكية']],
  ])('%s has the aliases news uses', (id, aliases) => {
    expect(groups.find((g) => g.id === id)?.aliases).toEqual(expect.arrayContaining(aliases));
  });

  it('marks short Latin acronyms that are English words as case-sensitive', () => {
    const caseSensitive = groups.flatMap((g) => g.caseSensitiveAliases ?? []);
    expect(caseSensitive).toEqual(expect.arrayContaining(['IS', 'UN', 'WHO']));
  });
});

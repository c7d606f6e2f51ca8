import { describe, expect, it } from 'vitest';
import { applyAliasPairs } from '../../src/match/chat-aliases';
import type { AliasGroup } from '../../src/match/places-types';

const ISIS: AliasGroup = { id: 'actor:isis', kind: 'actor', nameEn: 'ISIS', nameAr: 'داعش', aliases: ['داعش', 'ISIS'] };
const resolve = (groups: readonly AliasGroup[]) => (name: string) => groups.filter((g) => g.aliases.includes(name));

describe('applyAliasPairs', () => {
  it('adds a name to the group of the other side, as a copy scoped to the chat', () => {
    const out = applyAliasPairs([ISIS], [{ alias: 'الدواعش', canonical: 'داعش' }], 's7', resolve([ISIS]));
    expect(out).toEqual([{ ...ISIS, id: 'actor:isis@s7', aliases: ['داعش', 'ISIS', 'الدواعش'] }]);
  });

  it('keeps extending the same copy', () => {
    const out = applyAliasPairs(
      [ISIS],
      [
        { alias: 'الدواعش', canonical: 'داعش' },
        { alias: 'Daesh', canonical: 'ISIS' },
      ],
      's7',
      resolve([ISIS]),
    );
    expect(out).toHaveLength(1);
    expect(out[0]!.aliases).toEqual(['داعش', 'ISIS', 'الدواعش', 'Daesh']);
  });

  it('makes a new spelling group when neither side is known', () => {
    const out = applyAliasPairs([ISIS], [{ alias: 'زرزور', canonical: 'Zarzour' }], 's1', resolve([ISIS]));
    expect(out).toEqual([
      ISIS,
      { id: 's1:spelling:1', kind: 'spelling', nameEn: 'Zarzour', nameAr: 'Zarzour', aliases: ['Zarzour', 'زرزور'] },
    ]);
  });
});

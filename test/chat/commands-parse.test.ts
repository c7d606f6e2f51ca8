import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../src/chat/commands/parse';

describe('parseCommand', () => {
  it.each([
    ['/start', { name: 'start' }],
    ['/watch الحسكة قسد', { name: 'watch', query: 'الحسكة قسد' }],
    ['/watch@rased_test_bot "Ghwayran prison"', { name: 'watch', query: '"Ghwayran prison"' }],
    ['/watch', { name: 'usage', usage: 'watch.usage' }],
    ['/unwatch 3', { name: 'unwatch', watchId: 3 }],
    ['/unwatch #12', { name: 'unwatch', watchId: 12 }],
    ['/unwatch three', { name: 'usage', usage: 'unwatch.usage' }],
    ['/lang both', { name: 'lang', lang: 'both' }],
    ['/lang fr', { name: 'usage', usage: 'lang.usage' }],
    ['/digest hourly', { name: 'digest', mode: 'hourly' }],
    ['/digest weekly', { name: 'usage', usage: 'digest.usage' }],
    ['/alias Hasakeh = الحسكة', { name: 'alias', alias: 'Hasakeh', canonical: 'الحسكة', global: false }],
    ['/alias global ISIS = داعش', { name: 'alias', alias: 'ISIS', canonical: 'داعش', global: true }],
    ['/alias nothing', { name: 'usage', usage: 'alias.usage' }],
    ['/frobnicate', { name: 'unknown' }],
    ['hello', null],
    ['/watch@other_bot Hasakah', null],
  ])('%s', (text, want) => {
    expect(parseCommand(text, 'rased_test_bot')).toEqual(want);
  });
});

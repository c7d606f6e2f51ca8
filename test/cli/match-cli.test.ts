import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { matchCli } from '../../src/cli/match-cli';
import { tempDir } from '../helpers/app';

function run(args: string[], stdin = '') {
  const out: string[] = [];
  const err: string[] = [];
  const code = matchCli(args, {}, { out: (s) => out.push(s), err: (s) => err.push(s) }, async () => stdin);
  return code.then((c) => ({ code: c, out: out.join('\n'), err: err.join('\n') }));
}

describe('rased match', () => {
  const dir = tempDir();
  const ar = join(dir, 'ar.txt');
  writeFileSync(ar, 'هجوم قرب سجن غويران\nهاجمت خلايا تابعة لتنظيم "داعش" حاجزاً لـ"قسد" بالحسكة فجر اليوم.\n');

  it('exit 0 with evidence when a file matches (cross-lingual place and alias)', async () => {
    const r = await run(['place:Hasakah SDF', ar]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('«بالحسكة»');
    expect(r.out).toContain('«قسد»');
  });

  it('reads stdin when no file is given; --json; exit 1 when nothing matched', async () => {
    const r = await run(['Idlib', '--json'], 'Drone strike near Qamishli\nA drone struck a car near Qamishli.');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out)).toEqual([{ file: '-', matched: false, hits: [] }]);
  });

  it.each([
    [['"unbalanced', ar], /unbalanced quotes/],
    [['-Hasakah', ar], /./],
    [[], /usage: rased match/],
    [['x', '--frob'], /unknown option --frob/],
    [['x', join(dir, 'missing.txt')], /cannot read .*missing.txt: ENOENT/],
  ])('exit 2 for %j', async (args, message) => {
    const r = await run(args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });
});

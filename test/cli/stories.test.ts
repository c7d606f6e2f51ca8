import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { startTestApp } from '../helpers/app';
import { startServer } from '../helpers/http-server';

const item = (id: string, title: string, body: string, date: string) =>
  `<item><title>${title}</title><link>https://${id}.example/a</link><guid>${id}</guid><pubDate>${date}</pubDate><description><![CDATA[${body}]]></description></item>`;
const rss = (i: string) => `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>${i}</channel></rss>`;
const body1 =
  'Islamic State cells attacked the Ghwayran prison in Hasakah with a car bomb on Friday, and about 15 detainees escaped during clashes with the Syrian Democratic Forces. Coalition helicopters flew over the city while the Asayish imposed a curfew on nearby neighbourhoods.';
const body2 =
  'About 15 ISIS detainees escaped from Ghwayran prison in al-Hasakah after a car bomb exploded at its gate on Friday, local sources said. The SDF sent reinforcements, the Asayish announced a curfew and coalition aircraft circled above the prison.';

describe('rased stories', async () => {
  const server = await startServer((req, res) =>
    res
      .writeHead(200, { 'content-type': 'application/rss+xml' })
      .end(
        req.url === '/one'
          ? rss(item('one', 'Car bomb at Ghwayran prison in Hasakah', body1, new Date().toUTCString()))
          : rss(item('two', 'Detainees escape Hasakah prison after car bomb', body2, new Date().toUTCString())),
      ),
  );
  const yaml = `sources:\n  - { id: one, name: Outlet One, url: "${server.url}/one" }\n  - { id: two, name: Outlet Two, url: "${server.url}/two" }\n`;
  const t = startTestApp(yaml);
  writeFileSync(join(t.dir, 'sources.yaml'), yaml);
  await t.app.scheduler.runOnce();
  afterAll(async () => {
    await t.close();
    await server.close();
  });
  const env = { CONFIG_DIR: t.dir, DATABASE_PATH: join(t.dir, 'rased.db') };

  it('lists one story with both outlets and why the second joined (--json)', async () => {
    const out: string[] = [];
    expect(await main(['stories', '--since', '7d', '--json'], env, { out: (s) => out.push(s), err: () => {} })).toBe(0);
    const stories = JSON.parse(out.join('\n'));
    const list = Array.isArray(stories) ? stories : stories.stories;
    expect(list).toHaveLength(1);
    const outlets = list[0].articles.map((a: { outlet: string }) => a.outlet).sort();
    expect(outlets).toEqual(['Outlet One', 'Outlet Two']);
  });

  it('prints text by default, and refuses bad options', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (s: string) => out.push(s), err: (s: string) => err.push(s) };
    expect(await main(['stories'], env, io)).toBe(0);
    expect(out.join('\n')).toContain('Outlet Two');
    expect(await main(['stories', '--since', 'yesterday'], env, io)).toBe(2);
    expect(err.join('\n')).toMatch(/--since needs a duration/);
  });
});

// `rased sources discover <url>`: finds a site's feed (or its article links) and prints a config entry
// ready to paste under `sources:` in config/sources.yaml. Exit 0 when something usable was found,
// 1 when not (with what was tried), 2 on bad usage. The address guard applies as for chat-added
// sources: internal addresses are refused unless ALLOW_PRIVATE_SOURCES=true.
import { USER_AGENT } from '../config';
import { createFetcher } from '../fetch';
import { createAddressGuard } from '../fetch/address-guard';
import type { Fetcher } from '../fetch/types';
import { parseFeedBytes } from '../parse/feed';
import { discoverSource, renderSourceEntry, sourceEntry, sourceIdFor } from '../sources/discover';
import type { CommandIO } from './parse-command';

const USAGE = 'usage: rased sources discover <url>';

export async function discoverCommand(
  args: string[],
  env: Record<string, string | undefined>,
  io: CommandIO,
  deps: { fetcher?: Fetcher } = {},
): Promise<number> {
  if (args.length !== 1 || args[0]!.startsWith('-')) {
    io.err(USAGE);
    return 2;
  }
  const raw = args[0]!;
  const url = /^[a-z][a-z0-9+.-]*:/i.test(raw) ? raw : `https://${raw}`;
  const fetcher =
    deps.fetcher ??
    createFetcher({
      userAgent: USER_AGENT,
      totalTimeoutMs: 20_000,
      checkUrl: createAddressGuard({ allowPrivate: env.ALLOW_PRIVATE_SOURCES === 'true' }),
    });
  try {
    const r = await discoverSource(url, { fetcher, parseFeed: parseFeedBytes });
    if (!r.ok) {
      io.err(`rased sources discover: ${r.error}`);
      return 1;
    }
    for (const t of r.value.tried)
      io.out(`# ${t.outcome === 'feed' ? 'feed ' : 'no   '} ${t.url}${t.outcome === 'feed' ? '' : `  (${t.outcome})`}`);
    const found = r.value.found;
    if (!found) {
      io.err(`rased sources discover: no feed and no list of article links found at ${url}`);
      return 1;
    }
    const what = found.kind === 'feed' ? 'a working feed' : 'no working feed; a listing page';
    io.out(`# ${what} with ${found.articles} articles. Add under "sources:" in config/sources.yaml:`);
    io.out(renderSourceEntry(sourceEntry(found, sourceIdFor(found.url))).trimEnd());
    return 0;
  } finally {
    if (!deps.fetcher) await fetcher.close();
  }
}

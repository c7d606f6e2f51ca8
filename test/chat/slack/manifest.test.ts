// config/slack-manifest.yaml names what the app uses: the /rased command, the events and the
// interactivity endpoint the receiver serves, App Home, and the scopes of the calls it makes.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const manifest = parse(readFileSync(new URL('../../../config/slack-manifest.yaml', import.meta.url), 'utf8'));

describe('Slack app manifest', () => {
  it('declares /rased, App Home, interactivity and app_home_opened on /slack/events', () => {
    expect(manifest.features.slash_commands.map((c: { command: string }) => c.command)).toEqual(['/rased']);
    expect(manifest.features.slash_commands[0].url).toMatch(/\/slack\/events$/);
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.interactivity.request_url).toMatch(/\/slack\/events$/);
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(['app_home_opened']);
  });

  it('asks for the scopes of the Web API methods the app calls', () => {
    expect(manifest.oauth_config.scopes.bot).toEqual(
      expect.arrayContaining(['chat:write', 'commands', 'channels:read', 'groups:read', 'users:read']),
    );
  });
});

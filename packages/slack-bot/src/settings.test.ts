import { describe, expect, it } from 'vitest';
import { readSettings, SettingsError } from './settings.js';

describe('readSettings', () => {
  it('falls back to the console without a bot token', () => {
    expect(readSettings({}).mode).toBe('console');
    expect(readSettings({ SLACK_BOT_TOKEN: '  ' }).mode).toBe('console');
  });

  it('picks Socket Mode when an app token is set, HTTP otherwise', () => {
    expect(readSettings({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' })).toMatchObject({
      mode: 'socket',
      port: 3000,
    });
    expect(
      readSettings({
        SLACK_BOT_TOKEN: 'xoxb-1',
        SLACK_SIGNING_SECRET: 's',
        PORT: '8080',
        SLACK_API_URL: 'http://127.0.0.1:9/api/',
      }),
    ).toMatchObject({
      mode: 'http',
      port: 8080,
      apiUrl: 'http://127.0.0.1:9/api/',
      drainMs: 0,
    });
    expect(
      readSettings({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1', SHUTDOWN_DELAY_MS: '5000' }),
    ).toMatchObject({ drainMs: 5000 });
  });

  it('explains what is missing or wrong', () => {
    expect(() => readSettings({ SLACK_BOT_TOKEN: 'xoxb-1' })).toThrow(/SLACK_SIGNING_SECRET/);
    expect(() =>
      readSettings({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', PORT: 'eighty' }),
    ).toThrow(SettingsError);
    expect(() =>
      readSettings({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', SLACK_API_URL: 'ftp://x' }),
    ).toThrow(/SLACK_API_URL/);
    expect(() =>
      readSettings({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', SHUTDOWN_DELAY_MS: '-1' }),
    ).toThrow(/SHUTDOWN_DELAY_MS/);
  });
});

/** The bot's settings, read once from the environment at start-up (DESIGN.md, "Slack bot"). */

/** How the bot connects to Slack, or that it cannot. */
export type Settings =
  | { mode: 'console'; reason: string }
  | {
      mode: 'socket';
      botToken: string;
      appToken: string;
      apiUrl: string | undefined;
      port: number;
      logLevel: string | undefined;
      /** SHUTDOWN_DELAY_MS: how long to keep serving after SIGTERM with readiness failed. @default 0 */
      drainMs?: number;
    }
  | {
      mode: 'http';
      botToken: string;
      signingSecret: string;
      apiUrl: string | undefined;
      port: number;
      logLevel: string | undefined;
      /** SHUTDOWN_DELAY_MS: how long to keep serving after SIGTERM with readiness failed. @default 0 */
      drainMs?: number;
    };

/** A setting that cannot work, with what to do. */
export class SettingsError extends Error {
  readonly code = 'SLACK_BOT_SETTINGS';
  override readonly name = 'SettingsError';
}

const DEFAULT_PORT = 3000;

/** Reads the settings; throws SettingsError when a value is set but unusable. */
export function readSettings(env: NodeJS.ProcessEnv): Settings {
  const botToken = env.SLACK_BOT_TOKEN?.trim();
  if (botToken === undefined || botToken === '')
    return { mode: 'console', reason: 'SLACK_BOT_TOKEN is not set' };
  const portText = env.PORT?.trim() ?? '';
  const port = portText === '' ? DEFAULT_PORT : Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new SettingsError(`PORT must be a port number from 0 to 65535, not "${portText}".`);
  const apiUrl = env.SLACK_API_URL?.trim() || undefined;
  if (apiUrl !== undefined && !/^https?:\/\/[^\s]+$/.test(apiUrl))
    throw new SettingsError(`SLACK_API_URL must be an http(s) URL, such as https://slack.com/api/.`);
  const logLevel = env.LOG_LEVEL;
  const drainText = env.SHUTDOWN_DELAY_MS?.trim() ?? '';
  const drainMs = drainText === '' ? 0 : Number(drainText);
  if (!Number.isInteger(drainMs) || drainMs < 0 || drainMs > 60_000)
    throw new SettingsError(`SHUTDOWN_DELAY_MS must be milliseconds from 0 to 60000, not "${drainText}".`);
  const appToken = env.SLACK_APP_TOKEN?.trim();
  if (appToken !== undefined && appToken !== '')
    return { mode: 'socket', botToken, appToken, apiUrl, port, logLevel, drainMs };
  const signingSecret = env.SLACK_SIGNING_SECRET?.trim();
  if (signingSecret === undefined || signingSecret === '') {
    throw new SettingsError(
      'HTTP mode needs SLACK_SIGNING_SECRET (Basic Information › App Credentials), or set SLACK_APP_TOKEN for Socket Mode.',
    );
  }
  return { mode: 'http', botToken, signingSecret, apiUrl, port, logLevel, drainMs };
}

/**
 * The Bolt app: Socket Mode when an app token is set, HTTP otherwise (`POST /slack/events`,
 * `GET /healthz`). Listeners are registered here; the process wiring lives in `index.ts`.
 */
import type { Server } from 'node:http';
import { type AppOptions, App as BoltApp } from '@slack/bolt';
import { answerConversation, startConversation } from './conversation.js';
import { registerListeners } from './listeners/index.js';
import type { BotContext } from './listeners/shared.js';
import type { BotLogger } from './log.js';
import { decode, eventCallbackSchema } from './payloads.js';
import { renderAnswer } from './render/answer.js';
import type { Settings } from './settings.js';

/** A running (or startable) bot. */
export interface SlackBot {
  app: BoltApp;
  /** Starts listening; resolves with the HTTP server in HTTP mode. */
  start(): Promise<Server | undefined>;
  /** Fails readiness, then stops the receiver. Safe to call twice. */
  stop(): Promise<void>;
}

/** Options for tests and embedding. */
export interface SlackBotOptions {
  logger: BotLogger;
  /** Interface to listen on in HTTP mode. @default '0.0.0.0' */
  host?: string;
  /** Bot identity, to skip `auth.test` at start (tests). */
  botId?: string;
  botUserId?: string;
  /** Web API retries; 0 in tests, so a missing fake endpoint fails fast. @default Bolt's */
  retries?: number;
}

const SLACK_FILE_HOSTS = ['files.slack.com', 'files-edge.slack.com', 'slack-files.com'];

/**
 * Answers and renders a few questions once before listening: the first burst of requests then
 * does not pay for compiling the engine and the renderers.
 */
function warmUp(): void {
  for (const question of [
    'ingress or lb?',
    '3 http services with tls on aws',
    'mqtt on 1883 and https on 443',
  ]) {
    const conversation = startConversation(question);
    renderAnswer(answerConversation(conversation), conversation, { ephemeral: true });
  }
}

/** Creates the bot from connected settings. */
export function createSlackBot(
  settings: Exclude<Settings, { mode: 'console' }>,
  options: SlackBotOptions,
): SlackBot {
  const { logger } = options;
  let ready = true;
  const trusted = new Set(SLACK_FILE_HOSTS);
  // The host SLACK_API_URL names already receives the token with every Web API call.
  if (settings.apiUrl !== undefined) trusted.add(new URL(settings.apiUrl).host);
  const ctx: BotContext = { logger, botToken: settings.botToken, trustedFileHosts: trusted };

  const clientOptions: NonNullable<AppOptions['clientOptions']> = {};
  if (settings.apiUrl !== undefined)
    clientOptions.slackApiUrl = settings.apiUrl.endsWith('/') ? settings.apiUrl : `${settings.apiUrl}/`;
  if (options.retries !== undefined) clientOptions.retryConfig = { retries: options.retries };

  const healthz = {
    path: '/healthz',
    method: ['GET'],
    handler: (
      _req: unknown,
      res: { writeHead(status: number, headers: Record<string, string>): void; end(body: string): void },
    ) => {
      res.writeHead(ready ? 200 : 503, { 'content-type': 'text/plain' });
      res.end(ready ? 'ok\n' : 'stopping\n');
    },
  };
  // Conversations travel in Slack, not in Bolt's in-memory conversation store.
  const common = { clientOptions, logger, logLevel: logger.getLevel(), convoStore: false as const };
  const identity =
    options.botId !== undefined && options.botUserId !== undefined
      ? { botId: options.botId, botUserId: options.botUserId }
      : {};
  let app: BoltApp;
  if (settings.mode === 'socket') {
    app = new BoltApp({
      token: settings.botToken,
      appToken: settings.appToken,
      socketMode: true,
      ...common,
      ...identity,
      customRoutes: [healthz],
      installerOptions: { port: settings.port },
    });
  } else {
    app = new BoltApp({
      token: settings.botToken,
      signingSecret: settings.signingSecret,
      // Bolt resets a given logger to INFO unless told the level: `common` passes it.
      ...common,
      ...identity,
      port: settings.port,
      customRoutes: [healthz],
      // Ack at once; the answer follows through the Web API or response_url.
      processBeforeResponse: false,
    });
  }

  // Slack redelivers events it thinks were lost; the first delivery was acked and is being answered.
  app.use(async ({ context, body, next }) => {
    const retried = context.retryNum === undefined ? null : decode(eventCallbackSchema, body);
    if (retried !== null) {
      logger.event('info', 'retry_skipped', {
        retryNum: context.retryNum,
        retryReason: context.retryReason ?? null,
        eventId: retried.event_id ?? null,
      });
      return;
    }
    await next();
  });
  registerListeners(app, ctx);
  app.error(async (error) => {
    logger.event('error', 'bolt_error', {
      error: error.name,
      code: (error as { code?: string }).code ?? null,
      message: error.message.slice(0, 300),
    });
  });

  let stopped: Promise<void> | null = null;
  return {
    app,
    async start() {
      warmUp();
      const started =
        settings.mode === 'http'
          ? await app.start({ port: settings.port, host: options.host ?? '0.0.0.0' })
          : await app.start();
      logger.event('info', 'started', {
        mode: settings.mode,
        port: settings.port,
        slackApiUrl: settings.apiUrl ?? 'https://slack.com/api/',
      });
      return settings.mode === 'http' ? (started as Server) : undefined;
    },
    stop() {
      stopped ??= (async () => {
        ready = false;
        // Keep serving with readiness failed for a while, so load balancers stop sending first.
        const drainMs = settings.drainMs ?? 0;
        if (drainMs > 0) await new Promise((resume) => setTimeout(resume, drainMs));
        await app.stop();
        logger.event('info', 'stopped', { mode: settings.mode });
      })();
      return stopped;
    },
  };
}

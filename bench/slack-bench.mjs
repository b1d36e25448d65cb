#!/usr/bin/env node
import { spawn } from 'node:child_process';
/**
 * `pnpm bench` (Slack part): the built bot (packages/slack-bot/dist/index.js, as `pnpm start` runs
 * it) in HTTP mode on loopback,
 * answering 50 concurrent signed slash commands. Measures the ack latency (until Bolt's HTTP 200)
 * and the answer latency (until the answer reaches the local response_url), p50 and p99.
 * Targets: ack p99 under 100 ms, answer p99 under 500 ms; exits 1 when one is missed.
 */
import { createHmac } from 'node:crypto';
import { Agent, createServer, request as httpRequest } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const CONCURRENCY = Number(process.env.BENCH_SLACK_CONCURRENCY ?? 50);
const ROUNDS = Number(process.env.BENCH_SLACK_ROUNDS ?? 5);
const ACK_TARGET_MS = 100;
const ANSWER_TARGET_MS = 500;
const SECRET = 'bench-signing-secret';
const QUESTIONS = [
  'ingress or lb for 3 http services with tls on aws?',
  'mosquitto on 1883 for devices outside the cluster',
  'do I need an ingress to expose my app?',
  'a DNS server that needs UDP 53 from outside the cluster',
  '4 web apps, want a single IP and automatic https',
  'ingress or lb?',
  'grpc and websocket services behind one domain, platform team owns the gateway',
];

// The response_url receiver (and a Web API stub: a slash command answer needs no API call).
const arrivals = new Map();
const receiver = createServer((req, res) => {
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    const id = req.url.startsWith('/respond/') ? req.url.slice('/respond/'.length) : null;
    if (id !== null) arrivals.get(id)?.(Buffer.concat(chunks).length);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(id === null ? JSON.stringify({ ok: true, user_id: 'UBOT', bot_id: 'B1' }) : 'ok');
  });
});
await new Promise((done) => receiver.listen(0, '127.0.0.1', done));
const receiverUrl = `http://127.0.0.1:${receiver.address().port}`;

// The bot runs as `pnpm start` runs it: its own process, so the load generator does not share its
// event loop (Slack's side of the wire is not on the bot's CPU either).
const port = await new Promise((done) => {
  const probe = createNetServer();
  probe.listen(0, '127.0.0.1', () => {
    const { port: free } = probe.address();
    probe.close(() => done(free));
  });
});
const bot = spawn(
  process.execPath,
  [fileURLToPath(new URL('../packages/slack-bot/dist/index.js', import.meta.url))],
  {
    env: {
      ...process.env,
      SLACK_BOT_TOKEN: 'xoxb-bench',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: `${receiverUrl}/api/`,
      SLACK_APP_TOKEN: '',
      PORT: String(port),
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  },
);
const botUrl = `http://127.0.0.1:${port}/slack/events`;
for (let attempt = 0; ; attempt++) {
  const up = await fetch(`http://127.0.0.1:${port}/healthz`).then(
    (r) => r.ok,
    () => false,
  );
  if (up) break;
  if (attempt > 100) throw new Error('the bot did not start within 10 s');
  await new Promise((done) => setTimeout(done, 100));
}
const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });

/** POSTs with node:http (lighter than fetch, so the generator stays out of the way). */
function postForm(body, headers) {
  return new Promise((done, fail) => {
    const request = httpRequest(
      botUrl,
      { method: 'POST', agent, headers: { ...headers, 'content-length': Buffer.byteLength(body) } },
      (response) => {
        response.resume();
        response.on('end', () => done(response.statusCode));
      },
    );
    request.on('error', fail);
    request.end(body);
  });
}

let sequence = 0;
async function slashCommand(text) {
  const id = `r${++sequence}`;
  const body = new URLSearchParams({
    token: 'x',
    team_id: 'T1',
    channel_id: 'C1',
    user_id: 'U1',
    command: '/ingress-or-lb',
    text,
    response_url: `${receiverUrl}/respond/${id}`,
    trigger_id: '1.2.3',
  }).toString();
  const timestamp = Math.floor(Date.now() / 1000);
  const signature = `v0=${createHmac('sha256', SECRET).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  const answered = new Promise((done) => arrivals.set(id, done));
  const started = performance.now();
  const status = await postForm(body, {
    'content-type': 'application/x-www-form-urlencoded',
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': signature,
  });
  const ackMs = performance.now() - started;
  if (status !== 200) throw new Error(`slash command answered HTTP ${status}`);
  const timeout = new Promise((_, fail) =>
    setTimeout(() => fail(new Error('no answer within 5 s')), 5000).unref(),
  );
  const bytes = await Promise.race([answered, timeout]);
  arrivals.delete(id);
  return { ackMs, answerMs: performance.now() - started, bytes };
}

const percentile = (sorted, p) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

// One untimed burst first: JIT compilation and the first TCP connections are start-up costs, not
// steady-state latency. Its worst case is printed too.
const coldBurst = await Promise.all(
  Array.from({ length: CONCURRENCY }, (_, i) => slashCommand(QUESTIONS[i % QUESTIONS.length])),
);
const results = [];
for (let round = 0; round < ROUNDS; round++) {
  const batch = await Promise.all(
    Array.from({ length: CONCURRENCY }, (_, i) => slashCommand(QUESTIONS[i % QUESTIONS.length])),
  );
  if (process.env.BENCH_SLACK_VERBOSE) {
    const worst = (key) => Math.max(...batch.map((r) => r[key])).toFixed(1);
    console.log(`round ${round + 1}: worst ack ${worst('ackMs')} ms, worst answer ${worst('answerMs')} ms`);
  }
  results.push(...batch);
}
bot.kill('SIGTERM');
await new Promise((done) => bot.once('exit', done));
agent.destroy();
receiver.close();

const acks = results.map((r) => r.ackMs).sort((a, b) => a - b);
const answers = results.map((r) => r.answerMs).sort((a, b) => a - b);
const ackP99 = percentile(acks, 99);
const answerP99 = percentile(answers, 99);
console.log(
  `\nslack: ${ROUNDS} rounds of ${CONCURRENCY} concurrent slash commands on loopback (${results.length} in all)`,
);
console.log(
  `ack     p50 ${percentile(acks, 50).toFixed(1).padStart(6)} ms   p99 ${ackP99.toFixed(1).padStart(6)} ms   (target p99 < ${ACK_TARGET_MS} ms)`,
);
console.log(
  `answer  p50 ${percentile(answers, 50).toFixed(1).padStart(6)} ms   p99 ${answerP99.toFixed(1).padStart(6)} ms   (target p99 < ${ANSWER_TARGET_MS} ms)`,
);
console.log(
  `cold first burst (not counted above): worst ack ${Math.max(...coldBurst.map((r) => r.ackMs)).toFixed(1)} ms, worst answer ${Math.max(...coldBurst.map((r) => r.answerMs)).toFixed(1)} ms`,
);
console.log(
  `answer size: median ${percentile(
    results.map((r) => r.bytes).sort((a, b) => a - b),
    50,
  )} bytes`,
);
if (ackP99 >= ACK_TARGET_MS || answerP99 >= ANSWER_TARGET_MS) {
  console.error('slack bench target missed');
  process.exitCode = 1;
}

/** `ingress-advisor ask "QUESTION"`: a question in, the advice engine's Answer out (text or JSON). */
import {
  answer,
  CONFIG_FILE_NAME,
  CRITERIA,
  type CriterionId,
  renderAnswerText,
  shouldUseColor,
} from '@ingress-advisor/core';
import type { CliDeps } from '../deps.js';
import { UsageError } from '../errors.js';
import { loadConfig } from '../input/config-file.js';
import { defineCommand, EXIT, type ExitCode, helpHint } from './definitions.js';
import type { OptionSpecs, ParsedOptions } from './internal/parse-options.js';

/** Output formats of `ask --format`. */
export const ASK_FORMATS = ['text', 'json'] as const;
export type AskFormat = (typeof ASK_FORMATS)[number];

const OPTIONS = {
  format: { type: 'string', short: 'f' },
  weights: { type: 'string', short: 'w' },
  config: { type: 'string', short: 'c' },
  long: { type: 'boolean', short: 'l' },
  'no-color': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} satisfies OptionSpecs;

const HELP_HINT = helpHint('ask');
/** Under a short answer: how to see the rest. */
const MORE_HINT = '--long shows every reason, the ranking and the sources.';
/** A question read from standard input is cut here; the engine reads at most 4,000 characters. */
const MAX_STDIN_BYTES = 64 * 1024;

/** The `--help` text of `ask`. */
export function askHelp(): string {
  const criteria = CRITERIA.map(({ id, title }) => `${id} (${title})`).join(', ');
  return `Usage: ingress-advisor ask "QUESTION" [options]

Answers a question about exposing workloads: Ingress, Service type LoadBalancer, Gateway API or an
edge tunnel. A situation ("6 HTTP microservices on EKS, want TLS") gets a weighted ranking, the
reasons, a YAML example and sources; a question about a topic ("do I need an Ingress?") gets that
topic; a question that leaves out what decides gets follow-up questions and a provisional answer.
What was understood is listed, so you can correct it and ask again.

Arguments:
  QUESTION              The question; several words are joined. "-" reads it from standard input.

Options:
  -f, --format FORMAT   text (default) or json (the Answer object, for scripts and bots).
  -w, --weights LIST    Criterion weights, e.g. routing=40,simplicity=20. Criteria not named keep
                        their default; the weights are normalised to sum to 100%. Criteria:
                        ${wrap(criteria, 24, 96)}
  -c, --config FILE     Configuration file whose \`weights\` apply (--weights overrides them per
                        criterion). Default: ${CONFIG_FILE_NAME} in the current directory, if any.
  -l, --long            The whole answer: every option's reasons, the ranking, platform notes and
                        sources. By default the answer is short: the answer, why, one example.
      --no-color        No colours. Text is coloured only on a terminal (NO_COLOR and FORCE_COLOR
                        are honoured).
  -h, --help            Show this help.

Examples:
  ingress-advisor ask "ingress or lb for 4 web apps on one domain with https?"
  ingress-advisor ask "mosquitto on 1883 for devices outside the cluster" --format json
  ingress-advisor ask "gRPC and HTTP APIs for many teams" --weights routing=50,simplicity=10

Exit status: 0 on success, 2 on a usage error (no question, unknown option or value).
`;
}

/** `ask`: see `askHelp`. */
export const askCommand = defineCommand({
  name: 'ask',
  synopsis: '"QUESTION"',
  summary: 'Answer a question: Ingress, LoadBalancer Service, Gateway API or a tunnel?',
  available: true,
  help: askHelp,
  options: OPTIONS,
  run: askWith,
});

/** Runs `ask` with the arguments after the command name. */
export const runAsk = askCommand.run;

/** `ask` once its options are parsed (see `defineCommand` for `--help` and usage errors). */
async function askWith(deps: CliDeps, { values, positionals }: ParsedOptions): Promise<ExitCode> {
  const format = formatOf(values.format);
  const config = await loadConfig(deps, typeof values.config === 'string' ? values.config : undefined);
  const flagWeights = typeof values.weights === 'string' ? parseWeights(values.weights) : {};
  const weights = { ...config.weights, ...flagWeights };
  const question = await questionOf(deps, positionals);
  const result = answer(question, { weights });
  const color = shouldUseColor({
    noColorFlag: values['no-color'] === true,
    toFile: false,
    isTTY: deps.stdout.isTTY,
    env: deps.env,
  });
  deps.stdout.write(
    format === 'json'
      ? `${JSON.stringify(result, null, 2)}\n`
      : renderAnswerText(result, { long: values.long === true, color, moreHint: MORE_HINT }),
  );
  return EXIT.ok;
}

function formatOf(value: string | boolean | undefined): AskFormat {
  if (value === undefined) return 'text';
  if (typeof value === 'string' && (ASK_FORMATS as readonly string[]).includes(value))
    return value as AskFormat;
  throw new UsageError(
    `Unknown value "${String(value)}" for --format; use one of ${ASK_FORMATS.join(', ')}.`,
    [HELP_HINT],
  );
}

/** Parses `routing=40,simplicity=20`: known criteria, non-negative numbers, each named once. */
export function parseWeights(text: string): Partial<Record<CriterionId, number>> {
  const ids = CRITERIA.map(({ id }) => id);
  const weights: Partial<Record<CriterionId, number>> = {};
  const parts = text.split(',').map((part) => part.trim());
  if (parts.every((part) => part === '')) {
    throw new UsageError('Option --weights needs a value such as routing=40,simplicity=20.', [HELP_HINT]);
  }
  for (const part of parts) {
    if (part === '') continue;
    const match = /^([a-z]+)\s*[=:]\s*(\S+)$/i.exec(part);
    const id = match?.[1]?.toLowerCase();
    if (match === null || id === undefined || !(ids as string[]).includes(id)) {
      throw new UsageError(
        `Cannot read "${part}" in --weights: use CRITERION=NUMBER with a criterion among ${ids.join(', ')}.`,
        [HELP_HINT],
      );
    }
    const value = Number(match[2]?.replace(/%$/, ''));
    if (!Number.isFinite(value) || value < 0) {
      throw new UsageError(`The weight of ${id} must be a number of 0 or more, not "${match[2]}".`, [
        HELP_HINT,
      ]);
    }
    if (id in weights) throw new UsageError(`The weight of ${id} is given twice in --weights.`, [HELP_HINT]);
    weights[id as CriterionId] = value;
  }
  if (Object.values(weights).every((value) => value === 0) && Object.keys(weights).length === ids.length) {
    throw new UsageError('The weights in --weights cannot all be 0.', [HELP_HINT]);
  }
  return weights;
}

async function questionOf(deps: CliDeps, positionals: readonly string[]): Promise<string> {
  let question = positionals.join(' ');
  if (positionals.length === 1 && positionals[0] === '-') {
    if (deps.stdin.isTTY)
      throw new UsageError('Type the question as an argument, or pipe it in with "-".', [HELP_HINT]);
    question = new TextDecoder().decode(await deps.stdin.read(MAX_STDIN_BYTES));
  }
  if (question.trim() === '') {
    throw new UsageError('Ask a question, e.g. ingress-advisor ask "ingress or lb for 3 web apps?".', [
      HELP_HINT,
    ]);
  }
  return question;
}

function wrap(text: string, indent: number, width: number): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && indent + line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines.join(`\n${' '.repeat(indent)}`);
}

/** `ingress-advisor analyze`: manifests in, a report out (text, JSON, Markdown or SARIF). */
import { resolve } from 'node:path';
import {
  analyze,
  CONFIG_FILE_NAME,
  type Config,
  FAIL_ON_LEVELS,
  type FailOn,
  failOnReasons,
  planRendering,
  type Report,
  renderMarkdown,
  renderSarif,
  renderText,
  renderUnits,
  shouldUseColor,
} from '@ingress-advisor/core';
import type { CliDeps } from '../deps.js';
import { describeFileError, UsageError } from '../errors.js';
import { collectSources, readKustomizeInputs, STDIN_PATH } from '../input/collect-sources.js';
import { loadConfig } from '../input/config-file.js';
import { jsonPieces } from '../output/json-pieces.js';
import { defineCommand, EXIT, type ExitCode, helpHint } from './definitions.js';
import type { OptionSpecs, ParsedOptions } from './internal/parse-options.js';

/** Report formats of `--format`. */
export const FORMATS = ['text', 'json', 'markdown', 'sarif'] as const;
export type Format = (typeof FORMATS)[number];

const OPTIONS = {
  format: { type: 'string', short: 'f' },
  config: { type: 'string', short: 'c' },
  'fail-on': { type: 'string' },
  output: { type: 'string', short: 'o' },
  verbose: { type: 'boolean', short: 'v' },
  'no-color': { type: 'boolean' },
  render: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} satisfies OptionSpecs;

/** Values of `--render`: real tools when found on PATH (default), or the built-in readers only. */
export const RENDER_MODES = ['auto', 'builtin'] as const;
export type RenderMode = (typeof RENDER_MODES)[number];

const HELP_HINT = helpHint('analyze');

/** The `--help` text of `analyze`. */
export function analyzeHelp(): string {
  return `Usage: ingress-advisor analyze [PATH... | -] [options]

Reads Kubernetes manifests and reports every LoadBalancer Service (HTTP or L4, public or
internal), Ingress and Gateway API object, the findings about them, and whether Ingress,
LoadBalancer Services or Gateway API suit the set.

Arguments:
  PATH                 A file or a directory (default: the current directory). Directories are
                       searched recursively for *.yaml, *.yml, *.json and Kustomization files.
  -                    Read a multi-document YAML stream from standard input, reported as
                       ${STDIN_PATH}.

Options:
  -f, --format FORMAT  Report format: text (default), json, markdown or sarif.
  -c, --config FILE    Configuration file. Default: ${CONFIG_FILE_NAME} in the current
                       directory, when there is one.
      --fail-on LEVEL  Exit with 1 when there is a finding at LEVEL or above: warning, error,
                       or never (default). A file that cannot be parsed counts as an error.
  -o, --output FILE    Write the report to FILE instead of standard output.
      --render MODE    auto (default): render Kustomize roots with kustomize or kubectl kustomize,
                       and Helm charts with helm template, when they are on PATH (never with
                       plugins or exec functions); builtin: never run a tool, read them with the
                       built-in readers, which say on each unit what they cannot do.
  -v, --verbose        Text format: list every file, including quietly skipped ones.
      --no-color       No colours. Text output is coloured only when standard output is a
                       terminal and NO_COLOR is unset; FORCE_COLOR=1 forces colours.
  -h, --help           Show this help.

What is read:
  In directories, hidden files and directories (names starting with ".") and node_modules are
  skipped; a path named on the command line is always read. Symbolic links to files are read,
  symbolic links to directories are not followed. Files over 8 MiB are not read and are reported
  as skipped. Report paths, and the include/exclude globs of the configuration, are relative to
  the current directory (files outside it given by an absolute path keep that path); standard
  input is always analysed.
  The tree is read as deployment units, each analysed on its own: every Kustomize root (a
  kustomization no other one refers to), every Helm chart once with its values.yaml and once per
  sibling values-*.yaml or values.*.yaml, and plain manifests by folder (folders whose objects
  refer to each other, or name the same namespace, are one unit). Standard input is one unit.

Examples:
  ingress-advisor analyze k8s/
  helm template my-chart ./chart | ingress-advisor analyze -
  kubectl kustomize overlays/prod | ingress-advisor analyze -
  ingress-advisor analyze . --format sarif --output results.sarif
  ingress-advisor analyze deploy/ --format json --fail-on warning

Exit status: 0 on success, 1 when --fail-on trips, 2 on a usage error (unknown option or
value, a missing or unreadable path, an invalid configuration file).
`;
}

/** The options of one run, validated. */
interface AnalyzeArgs {
  paths: string[];
  format: Format;
  configFile: string | undefined;
  failOn: FailOn;
  output: string | undefined;
  verbose: boolean;
  noColor: boolean;
  render: RenderMode;
}

/** `analyze`: see `analyzeHelp`. */
export const analyzeCommand = defineCommand({
  name: 'analyze',
  synopsis: '[PATH... | -]',
  summary: 'Analyse manifests: load balancers, Ingresses, Gateway API, findings and advice.',
  available: true,
  help: analyzeHelp,
  options: OPTIONS,
  run: analyzeWith,
});

/** Runs `analyze` with the arguments after the command name. */
export const runAnalyze = analyzeCommand.run;

/** `analyze` once its options are parsed (see `defineCommand` for `--help` and usage errors). */
async function analyzeWith(deps: CliDeps, { values, positionals }: ParsedOptions): Promise<ExitCode> {
  const options = validate(values, positionals);
  const config = await loadConfig(deps, options.configFile);
  const collected = await collectSources(options.paths, deps);
  if (collected.problems.length > 0) {
    for (const problem of collected.problems) deps.stderr.write(`${problem}\n`);
    deps.stderr.write('Check the paths and run again; no report was written.\n');
    return EXIT.usage;
  }
  for (const directory of collected.emptyDirectories) {
    deps.stderr.write(`No *.yaml, *.yml, *.json or Kustomization files found in ${directory}.\n`);
  }

  const analyzeConfig = withStdinIncluded(config, collected.usedStdin);
  const plan = planRendering(collected.sources, analyzeConfig);
  // Generator inputs (`.env`, `.properties`) a walk for YAML does not collect, for the built-in reader.
  collected.sources.push(...readKustomizeInputs(plan.missingInputs, deps));
  const rendered =
    options.render === 'auto'
      ? await renderUnits(plan.units, collected.sources, deps.tools, deps.cwd)
      : new Map();
  const report = analyze(collected.sources, { config: analyzeConfig, rendered });
  const output = render(report, options, deps);
  if (options.output === undefined) writeInBatches(output, (text) => deps.stdout.write(text));
  else {
    try {
      await deps.fs.writeFile(resolve(deps.cwd, options.output), [...output].join(''));
    } catch (error) {
      throw new UsageError(`Cannot write the report to ${options.output}: ${describeFileError(error)}.`);
    }
  }
  return checkFailOn(report, options.failOn, deps);
}

function validate(values: Record<string, string | boolean | undefined>, positionals: string[]): AnalyzeArgs {
  const format = oneOf(values.format, FORMATS, '--format', 'text');
  const failOn = oneOf(values['fail-on'], FAIL_ON_LEVELS, '--fail-on', 'never');
  const text = (value: string | boolean | undefined, flag: string): string | undefined => {
    if (value === '') throw new UsageError(`Option ${flag} needs a value.`, [HELP_HINT]);
    return typeof value === 'string' ? value : undefined;
  };
  return {
    paths: positionals,
    format,
    failOn,
    configFile: text(values.config, '--config'),
    output: text(values.output, '--output'),
    verbose: values.verbose === true,
    noColor: values['no-color'] === true,
    render: oneOf(values.render, RENDER_MODES, '--render', 'auto'),
  };
}

function oneOf<T extends string>(
  value: string | boolean | undefined,
  allowed: readonly T[],
  flag: string,
  fallback: T,
): T {
  if (value === undefined) return fallback;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`Unknown value "${String(value)}" for ${flag}; use one of ${allowed.join(', ')}.`, [
    HELP_HINT,
  ]);
}

/**
 * include/exclude globs select repository files; piped input is always analysed, so `<stdin>` is
 * added to a non-empty include list (an empty one already includes everything).
 */
function withStdinIncluded(config: Config, usedStdin: boolean): Config {
  if (!usedStdin || config.include.length === 0) return config;
  return { ...config, include: [...config.include, STDIN_PATH] };
}

/** The report in the chosen format, ending with a line break: the text, or JSON in pieces (see jsonPieces). */
function render(report: Report, options: AnalyzeArgs, deps: CliDeps): Iterable<string> {
  let text: string;
  switch (options.format) {
    case 'json':
      return jsonPieces(report);
    case 'markdown':
      text = renderMarkdown(report);
      break;
    case 'sarif':
      text = renderSarif(report, { toolVersion: deps.version });
      break;
    case 'text': {
      const color = shouldUseColor({
        noColorFlag: options.noColor,
        toFile: options.output !== undefined,
        isTTY: deps.stdout.isTTY,
        env: deps.env,
      });
      text = renderText(report, { color, verbose: options.verbose });
      break;
    }
  }
  return [text.endsWith('\n') ? text : `${text}\n`];
}

/** Pieces shorter than this are written together, rather than a system call each; longer ones alone. */
const BATCH_LENGTH = 2 ** 16;

function writeInBatches(pieces: Iterable<string>, write: (text: string) => void): void {
  let batch: string[] = [];
  let length = 0;
  const flush = (): void => {
    if (batch.length > 0) write(batch.join(''));
    batch = [];
    length = 0;
  };
  for (const piece of pieces) {
    if (piece.length >= BATCH_LENGTH) {
      flush();
      write(piece);
      continue;
    }
    batch.push(piece);
    length += piece.length;
    if (length >= BATCH_LENGTH) flush();
  }
  flush();
}

/** Exit 1 when the report trips `--fail-on` (see core's `failOnReasons`), saying why on stderr. */
function checkFailOn(report: Report, failOn: FailOn, deps: CliDeps): ExitCode {
  const reasons = failOnReasons(report.summary, failOn);
  if (reasons === null) return EXIT.ok;
  deps.stderr.write(`Failing because of --fail-on ${failOn}: ${reasons.join(', ')}.\n`);
  return EXIT.failOn;
}

/**
 * The repository configuration file, `.ingress-advisor.yml`. Strict: an unknown key or a bad value is
 * reported with its path and what is allowed, never silently ignored.
 */
import * as z from 'zod';
import { CRITERIA } from '../advice/criteria.js';
import type { CriterionId } from '../advice/types.js';
import { parseYamlStream } from '../manifests/parse-yaml.js';
import { RULE_IDS } from '../rules/index.js';

/** The file name the CLI and the Action look for at the repository root. */
export const CONFIG_FILE_NAME = '.ingress-advisor.yml';

const severitySetting = z.enum(['error', 'warning', 'notice', 'off']);

const ruleIdSchema = z.string().refine((id) => (RULE_IDS as readonly string[]).includes(id), {
  message: `unknown rule id; allowed: ${RULE_IDS.join(', ')}`,
});

/** Criterion weights in percentage points; criteria not named keep the article's. */
const weightsSchema = z
  .strictObject(
    Object.fromEntries(CRITERIA.map(({ id }) => [id, z.number().nonnegative().optional()])) as Record<
      CriterionId,
      z.ZodOptional<z.ZodNumber>
    >,
  )
  .refine((weights) => CRITERIA.some(({ id }) => weights[id] !== 0), {
    message: 'the weights cannot all be 0',
  });

export const configSchema = z
  .strictObject({
    /** Per rule: a severity, or `off`. */
    rules: z
      .record(ruleIdSchema, z.union([severitySetting, z.strictObject({ severity: severitySetting })]))
      .default({}),
    /** Globs of paths to analyse; empty means everything given. */
    include: z.array(z.string().min(1)).default([]),
    /** Globs of paths to leave out. */
    exclude: z.array(z.string().min(1)).default([]),
    /** Monthly price of one load balancer; unset uses the built-in table (USD) per cloud provider. */
    pricePerLoadBalancer: z.number().nonnegative().optional(),
    /** Weights of the advice criteria (routing, simplicity, performance, security, portability). */
    weights: weightsSchema.default({}),
    /**
     * More Helm values sets, by chart folder (relative to the working directory): each set is the
     * values files, relative to the chart, applied in order (`helm template -f a -f b`).
     */
    helmValues: z.record(z.string().min(1), z.array(z.array(z.string().min(1)).min(1))).default({}),
    /** ISO 4217 code of `pricePerLoadBalancer`. */
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, 'expected a three-letter ISO 4217 currency code such as USD or EUR')
      .default('USD'),
  })
  .superRefine((config, context) => {
    if (config.currency !== 'USD' && config.pricePerLoadBalancer === undefined) {
      context.addIssue({
        code: 'custom',
        path: ['pricePerLoadBalancer'],
        message: `set pricePerLoadBalancer when currency is ${config.currency}: the built-in prices are in USD`,
      });
    }
  });

/** The configuration as written. */
export type ConfigInput = z.input<typeof configSchema>;
/** The configuration after defaults. */
export type Config = z.output<typeof configSchema>;

/** The defaults: every rule at its own severity, everything included, built-in USD prices. */
export const DEFAULT_CONFIG: Config = configSchema.parse({});

/** A problem in a configuration file, with the path of the bad key. */
export interface ConfigProblem {
  /** Dotted path, e.g. `rules.lb-http-consolidate`; empty for the whole file. */
  path: string;
  message: string;
}

export type ConfigResult = { ok: true; config: Config } | { ok: false; problems: ConfigProblem[] };

/** Parses configuration text (YAML or JSON). Never throws. */
export function parseConfig(text: string): ConfigResult {
  const { documents, problem } = parseYamlStream(text);
  if (problem) {
    return {
      ok: false,
      problems: [
        { path: '', message: `${problem.message} (line ${problem.line}, column ${problem.column})` },
      ],
    };
  }
  const value = documents[0]?.value ?? {};
  const result = configSchema.safeParse(value);
  if (result.success) return { ok: true, config: result.data };
  return {
    ok: false,
    problems: result.error.issues.map((issue) => ({
      path: issue.path.map(String).join('.'),
      message: describeIssue(issue),
    })),
  };
}

function allowedKeysAt(path: readonly PropertyKey[]): string {
  if (path.length === 0) return 'rules, include, exclude, weights, pricePerLoadBalancer, currency';
  return path[0] === 'weights' ? CRITERIA.map(({ id }) => id).join(', ') : 'severity';
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') {
    return `unknown key(s) ${issue.keys.map((key) => `"${key}"`).join(', ')}; allowed: ${allowedKeysAt(issue.path)}`;
  }
  if (issue.code === 'invalid_value') {
    return `expected one of ${issue.values.map((value) => String(value)).join(', ')}`;
  }
  if (issue.code === 'invalid_key') {
    return `unknown rule id; allowed: ${RULE_IDS.join(', ')}`;
  }
  if (issue.code === 'invalid_union') {
    return 'expected a severity (error, warning, notice) or off, or { severity: ... }';
  }
  return issue.message;
}

/** The severity a rule runs at, or null when the configuration turns it off. */
export function configuredSeverity(
  config: Config,
  ruleId: string,
  defaultSeverity: 'error' | 'warning' | 'notice',
): 'error' | 'warning' | 'notice' | null {
  const setting = config.rules[ruleId];
  const severity = typeof setting === 'object' ? setting.severity : setting;
  if (severity === undefined) return defaultSeverity;
  return severity === 'off' ? null : severity;
}

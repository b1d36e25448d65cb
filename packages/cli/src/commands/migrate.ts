/**
 * `ingress-advisor migrate`: manifests in, the YAML that replaces LoadBalancer Services (and, for
 * Gateway API, Ingresses) out, on standard output or as one file per object in `--out DIR`;
 * warnings to standard error.
 */
import { join, resolve } from 'node:path';
import { escapeTerminal, type Migration, type MigrationOptions, migrate } from '@ingress-advisor/core';
import type { CliDeps } from '../deps.js';
import { describeFileError, UsageError } from '../errors.js';
import { collectSources, STDIN_PATH } from '../input/collect-sources.js';
import { defineCommand, EXIT, type ExitCode, helpHint } from './definitions.js';
import type { OptionSpecs, ParsedOptions } from './internal/parse-options.js';

const TARGETS = ['ingress', 'gateway'] as const;
const GATEWAY_API_VERSIONS = ['1.5', '1.6'] as const;
const EMITTERS = ['standard', 'envoy-gateway', 'kgateway'] as const;

const OPTIONS = {
  to: { type: 'string', short: 't' },
  class: { type: 'string' },
  host: { type: 'string' },
  namespace: { type: 'string', short: 'n' },
  'tls-secret': { type: 'string' },
  'cert-manager-issuer': { type: 'string' },
  'gateway-api-version': { type: 'string' },
  emit: { type: 'string' },
  out: { type: 'string', short: 'o' },
  help: { type: 'boolean', short: 'h' },
} satisfies OptionSpecs;

const HELP_HINT = helpHint('migrate');

/** A DNS-1123 label (namespaces) and subdomain (Secret and class names), as Kubernetes checks them. */
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** The `--help` text of `migrate`. */
export function migrateHelp(): string {
  return `Usage: ingress-advisor migrate PATH... --to ingress|gateway [options]

Writes the manifests that replace LoadBalancer Services with one shared entry point:
  --to ingress   HTTP(S) LoadBalancer Services become rules of one Ingress per namespace, and
                 the Services become ClusterIP. L4 Services stay LoadBalancers, and the output
                 says so.
  --to gateway   LoadBalancer Services become HTTPRoutes (GRPCRoutes for gRPC) on one Gateway,
                 and TCPRoutes/UDPRoutes on a separate L4 Gateway; existing Ingresses become
                 HTTPRoutes too, with the common ingress-nginx annotations carried over.
The YAML goes to standard output, starting with comments on what it replaces, what the cluster
needs and what to check; every warning (an annotation not carried over, a guessed host) also
goes to standard error.

Arguments:
  PATH                       Files or directories, read as \`analyze\` reads them; - reads
                             standard input.

Options:
  -t, --to TARGET            ingress or gateway (required).
      --class NAME           IngressClass or GatewayClass of the generated objects. Default:
                             what the manifests use; never the retired nginx class unannounced.
      --host TEMPLATE        Host for Services whose manifests name none, e.g.
                             '{name}.example.com' ({name} and {namespace} are replaced).
                             Default: {name}.{namespace}.example.com, with a warning.
  -n, --namespace NS         Namespace for objects whose sources set none, and for the Gateway.
      --tls-secret NAME      TLS Secret for every generated host (e.g. a wildcard certificate).
      --cert-manager-issuer NAME
                             cert-manager ClusterIssuer for the generated hosts.
      --gateway-api-version 1.5|1.6
                             Gateway API CRDs the cluster runs (default 1.6). With 1.5, TCPRoute
                             and UDPRoute are written as v1alpha2 (experimental channel).
      --emit standard|envoy-gateway|kgateway
                             With --to gateway: also write that implementation's policies for
                             what standard Gateway API cannot say (body size, source address
                             lists, timeouts, session affinity). Default: standard (none). The
                             outcome of every annotation: docs/migrate-annotations.md.
  -o, --out DIR              Write one file per object into DIR (created if missing), numbered in
                             apply order, and the header to DIR/MIGRATION.txt.
  -h, --help                 Show this help.

Examples:
  ingress-advisor migrate k8s/ --to gateway --class eg --namespace gateway-system
  ingress-advisor migrate k8s/ --to ingress --class traefik --host '{name}.example.com'
  kubectl kustomize overlays/prod | ingress-advisor migrate - --to gateway --out migrated/

Exit status: 0 on success (also when there is nothing to migrate), 2 on a usage error.
`;
}

/** `migrate`: see `migrateHelp`. */
export const migrateCommand = defineCommand({
  name: 'migrate',
  synopsis: 'PATH... --to ingress|gateway',
  summary: 'Write Ingress or Gateway API YAML that replaces LoadBalancer Services.',
  available: true,
  help: migrateHelp,
  options: OPTIONS,
  run: migrateWith,
});

/** Runs `migrate` with the arguments after the command name. */
export const runMigrate = migrateCommand.run;

/** `migrate` once its options are parsed (see `defineCommand` for `--help` and usage errors). */
async function migrateWith(deps: CliDeps, { values, positionals }: ParsedOptions): Promise<ExitCode> {
  const { options, out } = validate(values, positionals);
  const collected = await collectSources(positionals, deps);
  if (collected.problems.length > 0) {
    for (const problem of collected.problems) deps.stderr.write(`${problem}\n`);
    deps.stderr.write('Check the paths and run again; nothing was written.\n');
    return EXIT.usage;
  }
  for (const directory of collected.emptyDirectories) {
    deps.stderr.write(`No *.yaml, *.yml, *.json or Kustomization files found in ${directory}.\n`);
  }
  const migration = migrate(collected.sources, options);
  reportToStderr(migration, deps);
  if (migration.yaml === '') return EXIT.ok;
  if (out === undefined) deps.stdout.write(migration.yaml);
  else await writeFiles(migration, out, deps);
  return EXIT.ok;
}

function validate(
  values: Record<string, string | boolean | undefined>,
  positionals: string[],
): { options: MigrationOptions; out: string | undefined } {
  if (positionals.length === 0) {
    throw new UsageError(`Name the manifests to migrate: files, directories, or - for ${STDIN_PATH}.`, [
      HELP_HINT,
    ]);
  }
  const text = (flag: keyof typeof OPTIONS, pattern?: RegExp, what?: string): string | undefined => {
    const value = values[flag];
    if (value === undefined || typeof value === 'boolean') return undefined;
    if (value === '') throw new UsageError(`Option --${flag} needs a value.`, [HELP_HINT]);
    if (pattern && !pattern.test(value)) {
      throw new UsageError(`"${escapeTerminal(value)}" for --${flag} is not ${what}.`, [HELP_HINT]);
    }
    return value;
  };
  const to = text('to');
  if (to === undefined)
    throw new UsageError('Say what to migrate to: --to ingress or --to gateway.', [HELP_HINT]);
  if (!(TARGETS as readonly string[]).includes(to)) {
    throw new UsageError(
      `Unknown value "${escapeTerminal(to)}" for --to; use one of ${TARGETS.join(', ')}.`,
      [HELP_HINT],
    );
  }
  const version = text('gateway-api-version');
  if (version !== undefined && !(GATEWAY_API_VERSIONS as readonly string[]).includes(version)) {
    throw new UsageError(
      `Unknown value "${escapeTerminal(version)}" for --gateway-api-version; use one of ${GATEWAY_API_VERSIONS.join(', ')}.`,
      [HELP_HINT],
    );
  }
  const emit = text('emit');
  if (emit !== undefined && !(EMITTERS as readonly string[]).includes(emit)) {
    throw new UsageError(
      `Unknown value "${escapeTerminal(emit)}" for --emit; use one of ${EMITTERS.join(', ')}.`,
      [HELP_HINT],
    );
  }
  if (emit !== undefined && to !== 'gateway')
    throw new UsageError('--emit applies to --to gateway only.', [HELP_HINT]);
  const host = text('host', /^[^\s]+$/, 'a host template (no spaces)');
  const subdomain = 'a valid Kubernetes name (lowercase letters, digits, "-" and ".")';
  const options: MigrationOptions = {
    to: to as MigrationOptions['to'],
    ...optional('className', text('class', DNS_SUBDOMAIN, subdomain)),
    ...optional('hostTemplate', host),
    ...optional(
      'namespace',
      text('namespace', DNS_LABEL, 'a valid namespace name (lowercase letters, digits and "-")'),
    ),
    ...optional('tlsSecret', text('tls-secret', DNS_SUBDOMAIN, subdomain)),
    ...optional('certManagerIssuer', text('cert-manager-issuer', DNS_SUBDOMAIN, subdomain)),
    ...optional('gatewayApiVersion', version as MigrationOptions['gatewayApiVersion']),
    ...optional('emit', emit as MigrationOptions['emit']),
  };
  return { options, out: text('out') };
}

function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}

/** Warnings and what was left, one line each; manifest text escaped for the terminal. */
function reportToStderr(migration: Migration, deps: CliDeps): void {
  for (const warning of migration.warnings) {
    const where = warning.file ? `${warning.file}${warning.line ? `:${warning.line}` : ''}: ` : '';
    deps.stderr.write(`warning: ${escapeTerminal(where + warning.message)}\n`);
  }
  for (const { resource, reason } of migration.kept) {
    const name = resource.namespace ? `${resource.namespace}/${resource.name}` : resource.name;
    deps.stderr.write(`kept: ${escapeTerminal(`${resource.kind} ${name}: ${reason}`)}\n`);
  }
  if (migration.yaml === '') {
    deps.stderr.write(
      migration.to === 'ingress'
        ? 'Nothing to migrate: no HTTP(S) LoadBalancer Service that an Ingress can carry.\n'
        : 'Nothing to migrate: no LoadBalancer Service or Ingress that Gateway API can carry.\n',
    );
    return;
  }
  deps.stderr.write(
    `Migrated ${plural(migration.converted.length, 'object')} into ${plural(migration.objects.length, 'generated or changed object')}; read the comments at the top before applying.\n`,
  );
}

/**
 * One file per object, numbered in the order of the YAML (entry points first, the changed
 * Services last, so `kubectl apply -f DIR` applies them in that order), and the header apart.
 */
async function writeFiles(migration: Migration, out: string, deps: CliDeps): Promise<void> {
  const directory = resolve(deps.cwd, out);
  const stat = await deps.fs.stat(directory).catch(() => undefined);
  if (stat !== undefined && stat.kind !== 'directory') {
    throw new UsageError(`--out ${out} is a file, not a directory. Nothing was written.`);
  }
  if (stat === undefined) {
    try {
      await deps.fs.makeDirectory(directory);
    } catch (error) {
      throw new UsageError(`Cannot create --out ${out}: ${describeFileError(error)}. Nothing was written.`);
    }
  }
  const [header = '', ...documents] = migration.yaml.split(/^---\n/m);
  const files: Array<[string, string]> = [['MIGRATION.txt', header]];
  // Each document starts at a `---` line; should a value ever hold one, keep the stream whole.
  if (documents.length !== migration.objects.length) documents.splice(0, documents.length);
  if (documents.length === 0) files.push(['migration.yaml', migration.yaml]);
  const width = String(documents.length).length;
  documents.forEach((document, index) => {
    const object = migration.objects[index] ?? {};
    const metadata = (object.metadata ?? {}) as { name?: string; namespace?: string };
    const name = [String(index + 1).padStart(width, '0'), object.kind, metadata.namespace, metadata.name]
      .filter((part) => typeof part === 'string' && part !== '')
      .join('-')
      .toLowerCase()
      .replace(/[^a-z0-9.-]+/g, '-');
    files.push([`${name}.yaml`, document]);
  });
  for (const [file, text] of files) {
    try {
      await deps.fs.writeFile(join(directory, file), text);
    } catch (error) {
      throw new UsageError(`Cannot write ${join(out, file)}: ${describeFileError(error)}.`);
    }
  }
  deps.stderr.write(`Wrote ${plural(files.length, 'file')} to ${out}.\n`);
}

function plural(count: number, one: string): string {
  return `${count} ${count === 1 ? one : `${one}s`}`;
}

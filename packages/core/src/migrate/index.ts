/**
 * Migrations that write the YAML: LoadBalancer Services to one Ingress per namespace, or
 * LoadBalancer Services and Ingresses to Gateway API. Pure, like `analyze`: text in, YAML out.
 */
import { posix } from 'node:path';
import { buildInventory, type Inventory } from '../inventory/inventory.js';
import type { GatewayView } from '../inventory/views.js';
import { loadManifests, type SourceFile } from '../manifests/load.js';
import { displayName } from '../manifests/objects.js';
import { discoverUnits } from '../units/discover.js';
import { groupFiles, withoutCopies } from '../units/group-files.js';
import { buildKustomization } from '../units/kustomize/index.js';
import { loadRendered } from '../units/load-rendered.js';
import {
  ingressGroup,
  migrateIngressesToGateway,
  readIngresses,
  registerIngressCertificates,
} from './ingress-to-gateway.js';
import { gatewayClassFor } from './internal/classes.js';
import { addRequirement, createContext, type MigrationContext, warn } from './internal/context.js';
import { GatewaySet } from './internal/gateways.js';
import { finishService, planServices, selectLoadBalancers } from './internal/load-balancers.js';
import { checkGatewayApiRules } from './internal/rules.js';
import { type EmittedDocument, renderDocuments } from './internal/yaml.js';
import { migrateLoadBalancersToGateway, registerServiceCertificates } from './lb-to-gateway.js';
import { migrateLoadBalancersToIngress } from './lb-to-ingress.js';
import type { Migration, MigrationOptions, MigrationWarning } from './types.js';

export type { AnnotationEntry, EmitterId, Outcome, ProviderId } from './annotations/catalog.js';
export { ANNOTATIONS, EMITTERS, PROVIDERS } from './annotations/catalog.js';
export { renderAnnotationTable } from './annotations/table.js';
export type {
  Migration,
  MigrationEmitter,
  MigrationOptions,
  MigrationTarget,
  MigrationWarning,
} from './types.js';

/**
 * Never throws on input; input files are the same `SourceFile`s `analyze` takes. Each deployment
 * unit is migrated on its own (see units/discover.ts), as `analyze` advises it: one unit's load
 * balancers never share an entry point with another's.
 */
export function migrate(files: readonly SourceFile[], options: MigrationOptions): Migration {
  const byPath = new Map(files.map((file) => [posix.normalize(file.path.replace(/\\/g, '/')), file]));
  const sourcesOf = (paths: readonly string[]): SourceFile[] =>
    paths.flatMap((path) => byPath.get(path) ?? []);
  const texts = new Map([...byPath].map(([path, file]) => [path, file.text]));
  const { units, looseFiles } = discoverUnits(files);
  const inventories: Inventory[] = groupFiles(withoutCopies(loadManifests(sourcesOf(looseFiles)))).map(
    ({ inventory }) => inventory,
  );
  const skipped: MigrationWarning[] = [];
  for (const unit of units) {
    if (unit.kind === 'helm') {
      // Templates are not YAML until rendered: what helm renders is what can be migrated.
      if (unit.values.length === 0) {
        skipped.push({
          message: `Helm chart ${unit.path} is not migrated from its templates: migrate what it renders, \`helm template NAME ${unit.path} | ingress-advisor migrate - --to ${options.to}\`, and carry the changes into the chart's values and templates.`,
          file: posix.join(unit.path, 'Chart.yaml'),
        });
      }
      continue;
    }
    const loaded =
      unit.kind === 'kustomize'
        ? loadRendered(unit, buildKustomization(unit.path, texts), 'the built-in Kustomize reader', {})
        : loadManifests(sourcesOf(unit.files));
    inventories.push(buildInventory(loaded));
  }
  if (inventories.length === 0) inventories.push(buildInventory(loadManifests([])));
  const migrations = inventories.map((inventory) => migrateInventory(inventory, options));
  // Units with nothing to migrate and nothing to say would only repeat the header.
  const telling = migrations.filter(
    (migration) => migration.yaml !== '' || migration.warnings.length > 0 || migration.kept.length > 0,
  );
  return combine(telling.length > 0 ? telling : migrations.slice(0, 1), skipped, options);
}

/** Several units' migrations as one: their YAML one after another, each with its own header. */
function combine(
  migrations: readonly Migration[],
  skipped: readonly MigrationWarning[],
  options: MigrationOptions,
): Migration {
  if (migrations.length === 1 && skipped.length === 0) return migrations[0] as Migration;
  return {
    to: options.to,
    yaml: migrations
      .map((migration) => migration.yaml)
      .filter((yaml) => yaml !== '')
      .join('---\n'),
    objects: migrations.flatMap((migration) => migration.objects),
    converted: migrations.flatMap((migration) => migration.converted),
    kept: migrations.flatMap((migration) => migration.kept),
    warnings: [...skipped, ...migrations.flatMap((migration) => migration.warnings)],
    requirements: [...new Set(migrations.flatMap((migration) => migration.requirements))],
  };
}

/** The migration of one unit's objects. */
function migrateInventory(inventory: Inventory, options: MigrationOptions): Migration {
  const context = createContext(inventory, options);
  for (const file of inventory.files) {
    if (file.status !== 'error') continue;
    context.warnings.push({
      message: `${file.path} could not be fully read (${file.reason ?? 'a YAML error'}): objects in the unreadable part are not migrated.`,
      file: file.path,
      ...(file.line === undefined ? {} : { line: file.line }),
    });
  }
  // An object the API server would reject is not in the views: say so rather than skip it silently.
  const read = new Set<unknown>(inventory.ingresses.map((view) => view.object));
  for (const { object, issues } of inventory.invalid) {
    if (object.kind !== 'Ingress' || read.has(object) || options.to !== 'gateway') continue;
    const first = issues[0];
    warn(
      context,
      `Ingress ${displayName(object)} is not migrated: it fails the Ingress schema${first ? ` (${first.path.join('.') || 'object'}: ${first.message})` : ''}, so the API server rejects it; fix it and migrate again.`,
      object,
      first?.path ?? [],
    );
  }
  if (options.to === 'ingress') {
    migrateLoadBalancersToIngress(context, selectLoadBalancers(context));
  } else {
    migrateToGateway(context);
  }
  return finish(context);
}

function migrateToGateway(context: MigrationContext): void {
  const plans = planServices(context, selectLoadBalancers(context), 'gateway');
  const moving = plans.filter((plan) => plan.web.length > 0 || plan.layer4.length > 0);
  let className: string | undefined;
  const classFor = (): string => {
    className ??= gatewayClassFor(context);
    return className;
  };
  // A PR's new Services (`services`) are migrated alone: the repository's Ingresses are not the PR's.
  const ingresses =
    context.options.services === undefined
      ? readIngresses(context, (ingressClass) => ingressGroup(context, ingressClass, classFor))
      : [];
  if (moving.length === 0 && ingresses.length === 0) {
    for (const plan of plans) finishService(context, plan, 'a Gateway');
    return;
  }
  const gateways = new GatewaySet(
    context,
    gatewayNamespace(context, [
      ...moving.map((plan) => plan.namespace),
      ...ingresses.map((ingress) => ingress.namespace),
    ]),
    joinableGateway(context),
  );
  addRequirement(
    context,
    'Gateway API CRDs (standard channel, v1.5 or later) for Gateway and HTTPRoute v1, and an implementation that serves the GatewayClass',
  );
  if (context.options.certManagerIssuer !== undefined) {
    addRequirement(
      context,
      `cert-manager with its Gateway API support turned on, and the ClusterIssuer ${context.options.certManagerIssuer}`,
    );
  }
  const serviceClass = moving.length > 0 ? classFor() : '';
  registerServiceCertificates(context, gateways, plans, serviceClass);
  registerIngressCertificates(context, gateways, ingresses);
  const serviceRoutes = migrateLoadBalancersToGateway(context, gateways, plans, serviceClass);
  const ingressRoutes = migrateIngressesToGateway(context, gateways, ingresses);
  // The changed Services last: applied before the routes, they would drop traffic (see the header).
  const routes = [...serviceRoutes, ...ingressRoutes];
  const isService = (document: EmittedDocument): boolean => document.object.kind === 'Service';
  context.documents.push(
    ...gateways.render(),
    ...routes.filter((document) => !isService(document)),
    ...routes.filter(isService),
  );
}

/**
 * The Gateway of the set that public HTTP routes join, as lb-http-consolidate suggests: the first
 * one with an HTTP or HTTPS listener, unless `--class` asks for another class.
 */
function joinableGateway(context: MigrationContext): GatewayView | null {
  const { className } = context.options;
  return (
    context.inventory.gateways.find(
      (gateway) =>
        (className === undefined || gateway.className === className) &&
        gateway.listeners.some((listener) => listener.protocol === 'HTTP' || listener.protocol === 'HTTPS'),
    ) ?? null
  );
}

/** `--namespace`, else the one namespace every source shares, else `default` (with a warning). */
function gatewayNamespace(
  context: MigrationContext,
  namespaces: ReadonlyArray<string | null>,
): string | null {
  if (context.options.namespace !== undefined) return context.options.namespace;
  const distinct = [...new Set(namespaces)];
  if (distinct.length === 1) return distinct[0] ?? null;
  warn(
    context,
    'The converted objects span several namespaces, so the shared Gateways go in namespace default: pass --namespace to put them where your platform team keeps them.',
  );
  return 'default';
}

function finish(context: MigrationContext): Migration {
  const { options } = context;
  for (const document of context.documents) {
    for (const problem of checkGatewayApiRules(document.object)) {
      warn(context, `Generated ${String(document.object.kind)} ${nameOf(document)}: ${problem}.`);
    }
  }
  const documents = context.documents;
  return {
    to: options.to,
    yaml: renderDocuments(header(context), documents),
    objects: documents.map((document) => document.object),
    converted: context.converted,
    kept: context.kept,
    warnings: inReadingOrder(context.warnings),
    requirements: context.requirements,
  };
}

/** Warnings about the set first, then by file and line, as a reader goes through the manifests. */
function inReadingOrder(warnings: readonly MigrationWarning[]): MigrationWarning[] {
  return [...warnings].sort(
    (a, b) =>
      Number(a.file !== undefined) - Number(b.file !== undefined) ||
      (a.file ?? '').localeCompare(b.file ?? '') ||
      (a.line ?? 0) - (b.line ?? 0),
  );
}

function nameOf(document: EmittedDocument): string {
  const metadata = (document.object.metadata ?? {}) as { name?: string; namespace?: string };
  return displayName({ name: metadata.name ?? '(unnamed)', namespace: metadata.namespace ?? null });
}

/** The comments at the top: what was generated from what, what the cluster needs, what to check. */
function header(context: MigrationContext): string[] {
  const { options } = context;
  const target = options.to === 'ingress' ? 'Ingress' : 'Gateway API';
  const lines = [`Generated by ingress-advisor migrate --to ${options.to}: ${target} manifests replacing:`];
  for (const ref of context.converted) lines.push(`  - ${ref.kind} ${displayName(ref)}`);
  if (context.kept.length > 0) {
    lines.push('', 'Left as they are:');
    for (const { resource, reason } of context.kept)
      lines.push(`  - ${resource.kind} ${displayName(resource)}: ${reason}`);
  }
  if (context.requirements.length > 0) {
    lines.push('', 'The cluster needs:');
    for (const requirement of context.requirements) lines.push(`  - ${requirement}`);
  }
  lines.push('', 'Check before applying:');
  for (const warning of context.warnings) {
    const where = warning.resource ? ` (${warning.file ?? ''}${warning.line ? `:${warning.line}` : ''})` : '';
    lines.push(`  - ${warning.message}${where}`);
  }
  lines.push(
    '  - Apply the new entry point first, move DNS to it, and only then apply the changed Services: a Service',
    '    turned ClusterIP releases its load balancer and its address.',
  );
  return lines;
}

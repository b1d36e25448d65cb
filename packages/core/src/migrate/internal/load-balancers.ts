/**
 * The LoadBalancer Services a migration converts, their plans with every host claimed once, and
 * what becomes of each Service afterwards (ClusterIP, or kept with a reason).
 */
import { controllerNoun } from '../../inventory/entry-points.js';
import type { LoadBalancerView } from '../../inventory/views.js';
import { displayName, effectiveNamespace } from '../../manifests/objects.js';
import { toClusterIp } from './cluster-ip.js';
import { keep, type MigrationContext, markConverted, namespacedKey, warn } from './context.js';
import { planService, portLabel, type ServicePlan } from './service-plan.js';
import type { EmittedDocument } from './yaml.js';

/**
 * The LoadBalancer Services to convert: all of the set, or those `options.services` names. A Service
 * that fronts an ingress or gateway controller is never one: it is the cluster's entry point, and
 * routing the controller through an Ingress or Gateway it serves itself, then making it ClusterIP,
 * would take every route down. It is listed as kept, with what recognised it.
 */
export function selectLoadBalancers(context: MigrationContext): LoadBalancerView[] {
  const wanted = context.options.services;
  const keys = wanted === undefined ? null : new Set(wanted.map((service) => namespacedKey(service)));
  const selected = context.inventory.loadBalancers.filter(
    (lb) => keys === null || keys.has(namespacedKey(lb.object)),
  );
  for (const lb of selected) {
    if (lb.role !== 'entry-point') continue;
    keep(context, lb.object, keptEntryPoint(lb));
    if (keys !== null) {
      warn(
        context,
        `Service ${displayName(lb.object)} was asked for, but it fronts the ${controllerNoun(lb)}: it is kept as the cluster's entry point, and the other Services can be routed through it.`,
        lb.object,
      );
    }
  }
  const found = new Set(selected.map((lb) => namespacedKey(lb.object)));
  for (const service of wanted ?? []) {
    if (found.has(namespacedKey(service))) continue;
    warn(
      context,
      `Service ${displayName(service)} was asked for, but the files hold no LoadBalancer Service of that name.`,
    );
  }
  return selected.filter((lb) => lb.role !== 'entry-point');
}

/** Why an entry point is left as it is, for the header of the output. */
function keptEntryPoint(lb: LoadBalancerView): string {
  return `kept as the cluster's entry point: it fronts the ${controllerNoun(lb)} (${lb.roleReason ?? 'recognised'}); converting it would route the controller through itself and take every route down`;
}

/**
 * Plans every Service for a target. A host serves one Service: when two claim the same host (two
 * Services with the same external-dns name, say), the later one keeps its load balancer for those
 * ports rather than making routing ambiguous.
 */
export function planServices(
  context: MigrationContext,
  loadBalancers: readonly LoadBalancerView[],
  target: 'ingress' | 'gateway',
): ServicePlan[] {
  const owners = new Map<string, string>();
  return loadBalancers.map((lb) => {
    const plan = planService(context, lb, target);
    const owner = displayName(lb.object);
    plan.web = plan.web.filter((web) => {
      const taken = web.hosts.find((host) => owners.has(`${web.kind === 'grpc' ? 'grpc' : 'http'}:${host}`));
      if (taken !== undefined) {
        plan.left.push({
          port: web.port,
          reason: `host ${taken} of port ${portLabel(web.port)} already routes to Service ${owners.get(`${web.kind === 'grpc' ? 'grpc' : 'http'}:${taken}`)}`,
        });
        return false;
      }
      for (const host of web.hosts) owners.set(`${web.kind === 'grpc' ? 'grpc' : 'http'}:${host}`, owner);
      return true;
    });
    return plan;
  });
}

/**
 * The changed Service when every port moved (ClusterIP), else nothing: the Service keeps its load
 * balancer, and `kept` says for which ports.
 */
export function finishService(
  context: MigrationContext,
  plan: ServicePlan,
  entryPoint: string,
): EmittedDocument | null {
  const { lb } = plan;
  const moved = plan.web.length + plan.layer4.length;
  if (moved === 0) {
    keep(context, lb.object, reasons(plan) || 'no port to move');
    return null;
  }
  markConverted(context, lb.object);
  if (plan.left.length > 0) {
    keep(
      context,
      lb.object,
      `keeps its load balancer: ${reasons(plan)}; its other ports are routed through ${entryPoint} as well, so remove them from the Service once clients use the new hosts`,
    );
    return null;
  }
  const { object, droppedAnnotations } = toClusterIp(lb, plan.namespace);
  if (droppedAnnotations.length > 0) {
    warn(
      context,
      `Service ${lb.object.name}: dropped ${droppedAnnotations.join(', ')}, which configured its load balancer; carry over to ${entryPoint} what still matters (DNS names move to its hosts).`,
      lb.object,
      ['metadata', 'annotations'],
    );
  }
  const restricted = lb.sourceRanges.filter((range) => range !== '0.0.0.0/0' && range !== '::/0');
  if (restricted.length > 0) {
    warn(
      context,
      `Service ${lb.object.name} allowed only ${restricted.join(', ')}: that allow-list is not carried over; restrict the source addresses at ${entryPoint}'s controller before you apply.`,
      lb.object,
      ['spec', 'loadBalancerSourceRanges'],
    );
  }
  return {
    comments: [
      `Service ${displayName(lb.object)} from ${lb.object.file}: type LoadBalancer -> ClusterIP, now reached through ${entryPoint}.`,
      ...(effectiveNamespace(lb.object) !== (plan.namespace ?? 'default')
        ? ['Namespace set by --namespace.']
        : []),
    ],
    object,
  };
}

/** A Service the set's Ingresses already route to: its load balancer was a second way in. */
export function warnAlreadyRouted(context: MigrationContext, plan: ServicePlan): void {
  warn(
    context,
    `Service ${plan.lb.object.name} is already routed by ${plan.routedBy.join(', ')} (${plan.web.flatMap((web) => web.hosts).join(', ')}), so no new rule is written for it: check those rules cover every path its load balancer served.`,
    plan.lb.object,
  );
}

function reasons(plan: ServicePlan): string {
  return plan.left.map((entry) => entry.reason).join('; ');
}

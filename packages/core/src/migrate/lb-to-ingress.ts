/**
 * LoadBalancer Services → one Ingress per namespace (and exposure): each HTTP(S) port becomes a
 * rule for its hosts, the Services become ClusterIP, and L4 Services keep their load balancers.
 */
import type { LoadBalancerView } from '../inventory/views.js';
import { displayName } from '../manifests/objects.js';
import { ingressClassFor } from './internal/classes.js';
import { addRequirement, claimName, type MigrationContext, metadataOf, warn } from './internal/context.js';
import { finishService, planServices, warnAlreadyRouted } from './internal/load-balancers.js';
import type { ServicePlan } from './internal/service-plan.js';
import { CERT_MANAGER_CLUSTER_ISSUER, tlsSecretFor } from './internal/tls.js';
import type { EmittedDocument } from './internal/yaml.js';

/** Converts the HTTP(S) ports of `loadBalancers` into Ingresses; appends the documents to the context. */
export function migrateLoadBalancersToIngress(
  context: MigrationContext,
  loadBalancers: readonly LoadBalancerView[],
): void {
  const plans = planServices(context, loadBalancers, 'ingress');
  const groups = new Map<string, ServicePlan[]>();
  for (const plan of plans) {
    if (plan.web.length === 0 || plan.routedBy.length > 0) continue;
    const key = `${plan.namespace ?? ''}\u0000${plan.lb.exposure === 'internal' ? 'internal' : 'public'}`;
    groups.set(key, [...(groups.get(key) ?? []), plan]);
  }
  const className = groups.size > 0 ? ingressClassFor(context) : null;
  if (groups.size > 0) {
    addRequirement(
      context,
      className === null
        ? 'An Ingress controller whose IngressClass is the cluster default'
        : `An Ingress controller serving IngressClass ${className}`,
    );
  }
  if (groups.size > 0 && context.options.certManagerIssuer !== undefined) {
    addRequirement(context, `cert-manager, with the ClusterIssuer ${context.options.certManagerIssuer}`);
  }
  const ingressNames = new Map<ServicePlan, string>();
  const documents: EmittedDocument[] = [];
  for (const group of groups.values()) {
    const document = buildIngress(context, group, className);
    documents.push(document);
    for (const plan of group)
      ingressNames.set(plan, String((document.object.metadata as { name: string }).name));
  }
  for (const plan of plans) {
    const name = ingressNames.get(plan);
    if (plan.routedBy.length > 0) warnAlreadyRouted(context, plan);
    const entryPoint =
      plan.routedBy.length > 0
        ? plan.routedBy.join(', ')
        : name === undefined
          ? 'an Ingress'
          : `Ingress ${plan.namespace ? `${plan.namespace}/` : ''}${name}`;
    const changed = finishService(context, plan, entryPoint);
    if (changed) documents.push(changed);
  }
  context.documents.push(...documents);
}

function buildIngress(
  context: MigrationContext,
  group: ServicePlan[],
  className: string | null,
): EmittedDocument {
  const first = group[0] as ServicePlan;
  const namespace = first.namespace;
  const internal = first.lb.exposure === 'internal';
  const name = claimName(context, 'Ingress', namespace, internal ? 'web-internal' : 'web');
  const rules: Array<Record<string, unknown>> = [];
  const tls: Array<{ hosts: string[]; secretName: string }> = [];
  for (const plan of group) {
    const secret = tlsSecretFor(context, plan);
    const hosts: string[] = [];
    for (const web of plan.web) {
      if (web.kind !== 'http') {
        warn(
          context,
          web.kind === 'grpc'
            ? `Service ${plan.lb.object.name} port ${web.port.port} speaks gRPC: the Ingress controller must forward HTTP/2 to it (ingress-nginx-style controllers need a backend-protocol annotation; Gateway API has GRPCRoute).`
            : `Service ${plan.lb.object.name} port ${web.port.port} expects TLS from its clients: the Ingress controller must re-encrypt to it, which needs a controller-specific annotation.`,
          plan.lb.object,
          ['spec', 'ports', web.port.index],
        );
      }
      for (const host of web.hosts) {
        hosts.push(host);
        rules.push({
          host,
          http: {
            paths: [
              {
                path: '/',
                pathType: 'Prefix',
                backend: { service: { name: plan.lb.object.name, port: { number: web.port.port } } },
              },
            ],
          },
        });
      }
    }
    if (secret !== null) {
      const existing = tls.find((entry) => entry.secretName === secret);
      if (existing) existing.hosts.push(...hosts.filter((host) => !existing.hosts.includes(host)));
      else tls.push({ hosts, secretName: secret });
    }
  }
  if (internal) {
    warn(
      context,
      `Ingress ${name}${namespace ? ` in ${namespace}` : ''} replaces internal load balancers: give it an IngressClass whose controller sits behind an internal load balancer, or these Services become reachable from the internet.`,
    );
  }
  const annotations =
    context.options.certManagerIssuer !== undefined && tls.length > 0
      ? { annotations: { [CERT_MANAGER_CLUSTER_ISSUER]: context.options.certManagerIssuer } }
      : {};
  const object: Record<string, unknown> = {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: metadataOf(name, namespace, annotations),
    spec: {
      ...(className === null ? {} : { ingressClassName: className }),
      ...(tls.length > 0 ? { tls } : {}),
      rules,
    },
  };
  return {
    comments: [
      `Ingress ${namespace ? `${namespace}/` : ''}${name}, replacing the ${internal ? 'internal ' : ''}LoadBalancer Service${group.length > 1 ? 's' : ''} ${group.map((plan) => displayName(plan.lb.object)).join(', ')}.`,
      ...group.map((plan) => `Hosts of ${plan.lb.object.name} come from ${plan.hostSource}.`),
    ],
    object,
  };
}

/**
 * LoadBalancer Services → Gateway API: an HTTPRoute per HTTP port and its hosts, a GRPCRoute per
 * gRPC port, and a TCPRoute or UDPRoute per L4 port on the separate L4 Gateway. A Service whose
 * every port moved becomes ClusterIP.
 */
import { displayName } from '../manifests/objects.js';
import { addRequirement, claimName, type MigrationContext, metadataOf, warn } from './internal/context.js';
import { GATEWAY_API_V1, type GatewayGroup, type GatewaySet } from './internal/gateways.js';
import { finishService, warnAlreadyRouted } from './internal/load-balancers.js';
import { toDnsLabel } from './internal/names.js';
import { portLabel, type ServicePlan } from './internal/service-plan.js';
import { tlsSecretFor } from './internal/tls.js';
import type { EmittedDocument } from './internal/yaml.js';

/** Most hostnames one route may list (HTTPRoute and GRPCRoute CRD limit). */
export const MAX_ROUTE_HOSTNAMES = 16;

/** Whether the Ingresses that already route the Service are converted in this run, carrying its hosts. */
function isRoutedByConvertedIngress(context: MigrationContext, plan: ServicePlan): boolean {
  return plan.routedBy.length > 0 && context.options.services === undefined;
}

/** The Gateway group of a LoadBalancer Service: by exposure, since one load balancer cannot be both. */
export function serviceGroup(plan: ServicePlan, className: string): GatewayGroup {
  const internal = plan.lb.exposure === 'internal';
  return internal
    ? { key: 'services-internal', name: 'web-internal', internal, className }
    : { key: 'public', name: 'web', internal, className };
}

/** First pass: the HTTPS listeners the Services' hosts need, before any route attaches. */
export function registerServiceCertificates(
  context: MigrationContext,
  gateways: GatewaySet,
  plans: readonly ServicePlan[],
  className: string,
): void {
  for (const plan of plans) {
    if (plan.web.length === 0 || isRoutedByConvertedIngress(context, plan)) continue;
    const secret = tlsSecretFor(context, plan);
    if (secret === null) continue;
    const group = serviceGroup(plan, className);
    const about = `Service ${displayName(plan.lb.object)}`;
    if (context.options.tlsSecret !== undefined) {
      gateways.addHttps(null, { name: secret, namespace: null }, group, about);
      continue;
    }
    for (const web of plan.web) {
      for (const host of web.hosts) gateways.addHttps(host, { name: secret, namespace: null }, group, about);
    }
  }
}

/** Second pass: the routes of each Service, then the changed Service. */
export function migrateLoadBalancersToGateway(
  context: MigrationContext,
  gateways: GatewaySet,
  plans: readonly ServicePlan[],
  className: string,
): EmittedDocument[] {
  const documents: EmittedDocument[] = [];
  const version = context.options.gatewayApiVersion ?? '1.6';
  for (const plan of plans) {
    const { lb, namespace } = plan;
    const service = lb.object.name;
    const source = `Service ${displayName(lb.object)}`;
    const group = serviceGroup(plan, className);
    const routedByIngress = isRoutedByConvertedIngress(context, plan);
    if (routedByIngress) warnAlreadyRouted(context, plan);
    plan.web.forEach((web, index) => {
      if (routedByIngress) return;
      const kind = web.kind === 'grpc' ? 'GRPCRoute' : 'HTTPRoute';
      if (web.kind === 'https') {
        warn(
          context,
          `Service ${service} port ${web.port.port} expects TLS from its clients: add a BackendTLSPolicy for it (Gateway API ≥1.4 standard channel), or route to a plain HTTP port.`,
          lb.object,
          ['spec', 'ports', web.port.index],
        );
      }
      for (let start = 0; start < web.hosts.length; start += MAX_ROUTE_HOSTNAMES) {
        const hostnames = web.hosts.slice(start, start + MAX_ROUTE_HOSTNAMES);
        const base =
          index === 0 ? service : `${service}-${toDnsLabel(web.port.name ?? String(web.port.port))}`;
        const parentRefs = gateways.attachHttp({ namespace, kind, sources: [source], group }, hostnames);
        const backendRefs = [{ name: service, port: web.port.port }];
        documents.push({
          comments: [`${kind} for ${source} port ${portLabel(web.port)}; hosts from ${plan.hostSource}.`],
          object: {
            apiVersion: GATEWAY_API_V1,
            kind,
            metadata: metadataOf(claimName(context, kind, namespace, base), namespace),
            spec: {
              parentRefs,
              hostnames,
              rules:
                kind === 'HTTPRoute'
                  ? [{ matches: [{ path: { type: 'PathPrefix', value: '/' } }], backendRefs }]
                  : [{ backendRefs }],
            },
          },
        });
      }
      if (kind === 'GRPCRoute') addRequirement(context, 'GRPCRoute v1 (Gateway API ≥1.1 standard channel)');
    });
    for (const port of plan.layer4) {
      const kind = port.protocol === 'UDP' ? 'UDPRoute' : 'TCPRoute';
      const name = `${service}-${toDnsLabel(port.name ?? String(port.port))}`;
      const parentRef = gateways.attachLayer4(
        { namespace, kind, sources: [source], group },
        toDnsLabel(name),
        port.port,
      );
      if (parentRef === null) {
        plan.left.push({
          port,
          reason: `port ${portLabel(port)} is already taken on the L4 Gateway by another Service, or the Gateway has the most listeners it may have`,
        });
        continue;
      }
      documents.push({
        comments: [
          `${kind} for ${source} port ${portLabel(port)} (${port.classification.what}), on ${gateways.nameOf('l4', group)}.`,
          ...(version === '1.5'
            ? ['v1alpha2: Gateway API ≤1.5 serves TCPRoute and UDPRoute only in the experimental channel.']
            : [
                'v1 needs Gateway API v1.6 CRDs; use --gateway-api-version 1.5 for v1alpha2 on older experimental installs.',
              ]),
        ],
        object: {
          apiVersion: version === '1.5' ? 'gateway.networking.k8s.io/v1alpha2' : GATEWAY_API_V1,
          kind,
          metadata: metadataOf(claimName(context, kind, namespace, name), namespace),
          spec: { parentRefs: [parentRef], rules: [{ backendRefs: [{ name: service, port: port.port }] }] },
        },
      });
      addRequirement(
        context,
        version === '1.5'
          ? 'Gateway API v1.5 experimental-channel CRDs for TCPRoute and UDPRoute v1alpha2 (deprecated; v1.6 serves v1 in the standard channel)'
          : "Gateway API v1.6 CRDs (standard channel) for TCPRoute and UDPRoute v1; check with `kubectl get crd tcproutes.gateway.networking.k8s.io -o jsonpath='{.spec.versions[?(@.served==true)].name}'`",
      );
      addRequirement(
        context,
        'A GatewayClass for the L4 Gateway whose implementation supports TCPRoute/UDPRoute (GKE classes are L7 only; the AWS Load Balancer Controller needs its NLB class)',
      );
    }
    const entryPoints = [
      ...(routedByIngress ? [`the routes of ${plan.routedBy.join(', ')}`] : []),
      ...(!routedByIngress && plan.web.length > 0 ? [gateways.nameOf('l7', group)] : []),
      ...(plan.layer4.length > 0 ? [gateways.nameOf('l4', group)] : []),
    ];
    const entryPoint = entryPoints.length > 0 ? entryPoints.join(' and ') : 'a Gateway';
    const changed = finishService(context, plan, entryPoint);
    if (changed) documents.push(changed);
  }
  return documents;
}

/**
 * `--emit envoy-gateway|kgateway`: the implementation policies for what standard Gateway API cannot
 * say (PolicyNeeds), attached to the generated routes (or route rules) by targetRefs. Field names
 * follow the CRDs vendored in ../test-support/crds/ (Envoy Gateway v1.9.0, kgateway v2.1.2).
 */
import { GATEWAY_API_GROUP } from '../../known/api-versions.js';
import type { ManifestObject } from '../../manifests/objects.js';
import { type PolicyNeeds, toDuration } from '../annotations/features.js';
import { addRequirement, claimName, type MigrationContext, metadataOf, warn } from '../internal/context.js';
import { toDnsLabel } from '../internal/names.js';
import type { EmittedDocument } from '../internal/yaml.js';

export const ENVOY_GATEWAY_API = 'gateway.envoyproxy.io/v1alpha1';
export const KGATEWAY_API = 'gateway.kgateway.dev/v1alpha1';

/** A generated route (or one rule of it) whose source Ingress asked for policies. */
export interface PolicyTarget {
  namespace: string | null;
  routeKind: 'HTTPRoute' | 'GRPCRoute';
  routeName: string;
  /** The rule's name, or null for the whole route. */
  sectionName: string | null;
  policy: PolicyNeeds;
  /** The Services the rules send to (kgateway's backend policies attach to Services). */
  services: string[];
  source: ManifestObject;
}

/** The policy documents of the chosen emitter; none for `standard`. */
export function policyDocuments(
  context: MigrationContext,
  targets: readonly PolicyTarget[],
): EmittedDocument[] {
  const emit = context.options.emit ?? 'standard';
  if (emit === 'standard' || targets.length === 0) return [];
  return emit === 'envoy-gateway' ? envoyGateway(context, targets) : kgateway(context, targets);
}

function targetRef(target: PolicyTarget): Record<string, unknown> {
  return {
    group: GATEWAY_API_GROUP,
    kind: target.routeKind,
    name: target.routeName,
    ...(target.sectionName === null ? {} : { sectionName: target.sectionName }),
  };
}

function policyName(target: PolicyTarget): string {
  return toDnsLabel(`${target.routeName}${target.sectionName === null ? '' : `-${target.sectionName}`}`, 240);
}

function comment(kind: string, target: PolicyTarget): string {
  const what =
    target.sectionName === null ? target.routeName : `${target.routeName} rule ${target.sectionName}`;
  return `${kind} for ${target.routeKind} ${what}, from the annotations of Ingress ${target.source.name} (${target.source.file}).`;
}

/** A policy of `kind` attached to the route (or route rule) of `target`, named after it. */
function routePolicy(
  context: MigrationContext,
  apiVersion: string,
  kind: string,
  target: PolicyTarget,
  spec: Record<string, unknown>,
  notes: readonly string[] = [],
): EmittedDocument {
  return {
    comments: [comment(kind, target), ...notes],
    object: {
      apiVersion,
      kind,
      metadata: metadataOf(claimName(context, kind, target.namespace, policyName(target)), target.namespace),
      spec: { targetRefs: [targetRef(target)], ...spec },
    },
  };
}

function envoyGateway(context: MigrationContext, targets: readonly PolicyTarget[]): EmittedDocument[] {
  const documents: EmittedDocument[] = [];
  for (const target of targets) {
    const { policy } = target;
    const traffic: Record<string, unknown> = {};
    if (policy.bodySize !== undefined) traffic.requestBuffer = { limit: policy.bodySize };
    if (policy.connectTimeout !== undefined || policy.idleTimeout !== undefined) {
      traffic.timeout = {
        ...(policy.connectTimeout === undefined
          ? {}
          : { tcp: { connectTimeout: toDuration(policy.connectTimeout) } }),
        ...(policy.idleTimeout === undefined
          ? {}
          : { http: { streamIdleTimeout: toDuration(policy.idleTimeout) } }),
      };
    }
    if (policy.affinity !== undefined) {
      traffic.loadBalancer = {
        type: 'ConsistentHash',
        consistentHash: {
          type: 'Cookie',
          // A ttl makes Envoy set the cookie when the request has none; 0s is a session cookie.
          cookie: { name: policy.affinity.cookie, ttl: toDuration(policy.affinity.ttlSeconds ?? 0) },
        },
      };
    }
    if (Object.keys(traffic).length > 0) {
      documents.push(routePolicy(context, ENVOY_GATEWAY_API, 'BackendTrafficPolicy', target, traffic));
    }
    if (policy.allowCidrs !== undefined || policy.denyCidrs !== undefined) {
      // ingress-nginx checks the deny list first, then allows the allow list and denies the rest.
      const rules = [
        ...(policy.denyCidrs
          ? [{ name: 'denylist', action: 'Deny', principal: { clientCIDRs: policy.denyCidrs } }]
          : []),
        ...(policy.allowCidrs
          ? [{ name: 'allowlist', action: 'Allow', principal: { clientCIDRs: policy.allowCidrs } }]
          : []),
      ];
      documents.push(
        routePolicy(
          context,
          ENVOY_GATEWAY_API,
          'SecurityPolicy',
          target,
          { authorization: { defaultAction: policy.allowCidrs ? 'Deny' : 'Allow', rules } },
          [
            'Client addresses are the ones Envoy sees: behind another proxy, set ClientTrafficPolicy clientIPDetection.',
          ],
        ),
      );
    }
  }
  if (documents.length > 0) {
    addRequirement(
      context,
      'Envoy Gateway v1.6 or later (BackendTrafficPolicy requestBuffer, SecurityPolicy authorization) for the policies',
    );
  }
  return documents;
}

function kgateway(context: MigrationContext, targets: readonly PolicyTarget[]): EmittedDocument[] {
  const documents: EmittedDocument[] = [];
  const servicePolicies = new Map<
    string,
    { namespace: string | null; service: string; policy: PolicyNeeds; source: ManifestObject }
  >();
  for (const target of targets) {
    const { policy } = target;
    const traffic: Record<string, unknown> = {};
    if (policy.bodySize !== undefined) traffic.buffer = { maxRequestSize: policy.bodySize };
    if (policy.idleTimeout !== undefined) traffic.timeouts = { streamIdle: toDuration(policy.idleTimeout) };
    if (Object.keys(traffic).length > 0) {
      if (target.routeKind !== 'HTTPRoute') {
        warn(
          context,
          `${target.routeKind} ${target.routeName}: kgateway's TrafficPolicy attaches to HTTPRoutes only; the body size and timeouts of Ingress ${target.source.name} are not carried over.`,
          target.source,
          ['metadata', 'annotations'],
        );
      } else {
        documents.push(routePolicy(context, KGATEWAY_API, 'TrafficPolicy', target, traffic));
      }
    }
    if (policy.connectTimeout !== undefined || policy.affinity !== undefined) {
      for (const service of target.services) {
        const key = `${target.namespace ?? ''}/${service}`;
        const known = servicePolicies.get(key);
        if (known !== undefined && JSON.stringify(known.policy) !== JSON.stringify(policy)) {
          warn(
            context,
            `Service ${service}: Ingresses ${known.source.name} and ${target.source.name} ask for different connect timeouts or affinity, and kgateway's BackendConfigPolicy is per Service: the first one is written.`,
            target.source,
            ['metadata', 'annotations'],
          );
          continue;
        }
        servicePolicies.set(key, { namespace: target.namespace, service, policy, source: target.source });
      }
    }
  }
  for (const { namespace, service, policy, source } of servicePolicies.values()) {
    documents.push({
      comments: [
        `BackendConfigPolicy for Service ${service}, from the annotations of Ingress ${source.name} (${source.file}); it applies to every route to the Service.`,
      ],
      object: {
        apiVersion: KGATEWAY_API,
        kind: 'BackendConfigPolicy',
        metadata: metadataOf(
          claimName(context, 'BackendConfigPolicy', namespace, toDnsLabel(service, 240)),
          namespace,
        ),
        spec: {
          targetRefs: [{ group: '', kind: 'Service', name: service }],
          ...(policy.connectTimeout === undefined
            ? {}
            : { connectTimeout: toDuration(policy.connectTimeout) }),
          ...(policy.affinity === undefined
            ? {}
            : {
                loadBalancer: {
                  ringHash: {
                    hashPolicies: [
                      {
                        cookie: {
                          name: policy.affinity.cookie,
                          ...(policy.affinity.ttlSeconds === null
                            ? {}
                            : { ttl: toDuration(policy.affinity.ttlSeconds) }),
                          ...(policy.affinity.path === null ? {} : { path: policy.affinity.path }),
                        },
                      },
                    ],
                  },
                },
              }),
        },
      },
    });
  }
  if (documents.length > 0)
    addRequirement(context, 'kgateway v2.1 or later (TrafficPolicy, BackendConfigPolicy) for the policies');
  return documents;
}

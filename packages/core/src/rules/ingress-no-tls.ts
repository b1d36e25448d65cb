import { INGRESSES } from '../inventory/shapes.js';
import type { IngressView } from '../inventory/views.js';
import { AWS, GKE_INTERNAL_INGRESS_CLASS, INGRESS_CLOUD_TLS } from '../known/annotations.js';
import { displayName, type ManifestObject } from '../manifests/objects.js';
import type { NodePath } from '../manifests/positions.js';
import { defineRule } from './define-rule.js';

/**
 * Ingresses that route named hosts over plain HTTP: host rules and no `spec.tls`. Also, as notices,
 * TLS entries that do not match the rules: a rule host no TLS entry covers, and a TLS host no rule
 * routes (usually a typo on one side).
 *
 * Quiet when annotations show the cloud load balancer terminates TLS with its own certificate
 * (AWS ALB certificate ARN or certificate discovery, GKE pre-shared or Google-managed
 * certificates), and when the Ingress is explicitly internal (`alb.ingress.kubernetes.io/scheme:
 * internal`, GKE class `gce-internal`). An ALB without a scheme is not skipped: the controller's
 * internal default is not visible in the manifest and is often overridden by IngressClassParams.
 */
export default defineRule({
  id: 'ingress-no-tls',
  reads: [INGRESSES],
  severity: 'warning',
  summary: 'Ingresses that serve named hosts over plain HTTP, or whose TLS hosts do not match their rules.',
  why: 'Without `spec.tls` the controller serves the hosts over plain HTTP: credentials and cookies cross the network readable, and browsers mark the site as not secure. A rule host missing from `spec.tls` gets the controller’s default certificate (a browser error) or plain HTTP only.',
  fix: 'Add a `spec.tls` entry to Ingress {{ingress}} listing every rule host with the `secretName` of its certificate (cert-manager can issue it from an annotation), or terminate TLS at the cloud load balancer with its certificate annotation.',
  messages: {
    plainHttp: 'Ingress {{ingress}} has no spec.tls, so it serves {{hosts}} over plain HTTP.',
    hostWithoutTls:
      'Ingress {{ingress}} routes host {{host}}, which no spec.tls entry covers; it gets plain HTTP only or the controller’s default certificate.',
    tlsHostUnused:
      'Ingress {{ingress}} lists {{host}} in spec.tls, but no rule of the Ingress routes that host.',
  },
  check(inventory, context) {
    for (const ingress of inventory.ingresses) {
      const object = ingress.object;
      if (hasCloudCertificate(object)) continue;
      const hosts = hostsOf(ingress);
      const data = { ingress: displayName(object) };
      const ruleHosts = hosts.rules.filter(
        (rule): rule is { host: string; at: NodePath } => rule.host !== null,
      );

      if (hosts.tls.length === 0) {
        if (ruleHosts.length === 0 || isExplicitlyInternal(ingress)) continue;
        const names = [...new Set(ruleHosts.map((rule) => rule.host))];
        context.report({
          messageId: 'plainHttp',
          data: { ...data, hosts: listHosts(names), hostCount: names.length },
          object,
          path: ['spec', 'rules'],
        });
        continue;
      }

      // A TLS entry without hosts uses the controller's default for every host.
      const coversAll = hosts.tls.some((entry) => entry.hosts.length === 0);
      const tlsHosts = hosts.tls.flatMap((entry) => entry.hosts);
      if (!coversAll) {
        const reported = new Set<string>();
        for (const rule of ruleHosts) {
          if (reported.has(rule.host)) continue;
          if (tlsHosts.some((tls) => hostCovers(tls.host, rule.host))) continue;
          reported.add(rule.host);
          context.report({
            messageId: 'hostWithoutTls',
            data: { ...data, host: rule.host },
            object,
            path: [...rule.at, 'host'],
            severity: 'notice',
          });
        }
      }
      // A rule without a host (or a default backend) serves every host, so every TLS host is used.
      if (hosts.catchAll) continue;
      for (const tls of tlsHosts) {
        if (ruleHosts.some((rule) => hostCovers(tls.host, rule.host) || hostCovers(rule.host, tls.host)))
          continue;
        context.report({
          messageId: 'tlsHostUnused',
          data: { ...data, host: tls.host },
          object,
          path: tls.at,
          severity: 'notice',
        });
      }
    }
  },
});

interface IngressHosts {
  rules: Array<{ host: string | null; at: NodePath }>;
  tls: Array<{ hosts: Array<{ host: string; at: NodePath }> }>;
  /** A rule without a host, or a default backend: the Ingress answers for any host. */
  catchAll: boolean;
}

/** Rule hosts and TLS entries with where they are written. */
function hostsOf(ingress: IngressView): IngressHosts {
  const rules = ingress.ruleHosts.map((host, r) => ({
    host: host ? host.toLowerCase() : null,
    at: ['spec', 'rules', r] as NodePath,
  }));
  const tls = ingress.tlsHosts.map((hosts, t) => ({
    hosts: hosts.map((host, h) => ({
      host: host.toLowerCase(),
      at: ['spec', 'tls', t, 'hosts', h] as NodePath,
    })),
  }));
  const hasDefaultBackend = ingress.backends.some(
    (backend) => backend.at[1] === 'defaultBackend' || backend.at[1] === 'backend',
  );
  return { rules, tls, catchAll: hasDefaultBackend || rules.some((rule) => rule.host === null) };
}

/**
 * Whether `pattern` covers `host`: equal, or a `*.` wildcard matching exactly one more label, as
 * Ingress host wildcards and certificate wildcards both do.
 */
function hostCovers(pattern: string, host: string): boolean {
  if (pattern === host) return true;
  if (!pattern.startsWith('*.') || host.startsWith('*.')) return false;
  const suffix = pattern.slice(1);
  return host.endsWith(suffix) && !host.slice(0, -suffix.length).includes('.');
}

function hasCloudCertificate(object: ManifestObject): boolean {
  const annotations = object.annotations;
  if (annotations[INGRESS_CLOUD_TLS.awsCertificateArn]) return true;
  if (annotations[INGRESS_CLOUD_TLS.gkePreSharedCert]) return true;
  if (annotations[INGRESS_CLOUD_TLS.gkePreSharedCertNetworking]) return true;
  if (annotations[INGRESS_CLOUD_TLS.gkeManagedCertificates]) return true;
  // `[{"HTTPS":443}]`: the ALB controller then discovers ACM certificates for the hosts.
  return /"HTTPS"/i.test(annotations[INGRESS_CLOUD_TLS.awsListenPorts] ?? '');
}

function isExplicitlyInternal(ingress: IngressView): boolean {
  if (ingress.object.annotations[AWS.albScheme]?.trim().toLowerCase() === 'internal') return true;
  return ingress.className === GKE_INTERNAL_INGRESS_CLASS;
}

function listHosts(hosts: readonly string[], shown = 3): string {
  if (hosts.length <= shown) return hosts.join(', ');
  return `${hosts.slice(0, shown).join(', ')} and ${hosts.length - shown} more`;
}

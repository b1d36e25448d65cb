/**
 * Sources a recommendation cites: the pages the reference article and facts.md rely on (facts.md
 * sections 1, 2 and 5; the article's Kubernetes, Gateway API and Cloudflare references).
 */
import type { Requirements } from '../requirements.js';
import type { Source } from '../topics/types.js';
import type { OptionId } from '../types.js';

export const SOURCES = {
  ingress: {
    title: 'Kubernetes docs: Ingress',
    url: 'https://kubernetes.io/docs/concepts/services-networking/ingress/',
  },
  ingressControllers: {
    title: 'Kubernetes docs: Ingress controllers',
    url: 'https://kubernetes.io/docs/concepts/services-networking/ingress-controllers/',
  },
  service: {
    title: 'Kubernetes docs: Service type LoadBalancer',
    url: 'https://kubernetes.io/docs/concepts/services-networking/service/#loadbalancer',
  },
  gatewayApi: { title: 'Gateway API', url: 'https://gateway-api.sigs.k8s.io/' },
  gatewayApi16: {
    title: 'Gateway API v1.6 release (TCPRoute and UDPRoute GA)',
    url: 'https://kubernetes.io/blog/2026/08/03/gateway-api-v1-6-release/',
  },
  ingressNginxRetirement: {
    title: 'Ingress NGINX Retirement: What You Need to Know',
    url: 'https://kubernetes.io/blog/2025/11/11/ingress-nginx-retirement/',
  },
  cloudflareTunnel: {
    title: 'Cloudflare docs: Cloudflare Tunnel',
    url: 'https://developers.cloudflare.com/cloudflare-one/connections/connect-networks/',
  },
  gcpPricing: {
    title: 'Google Cloud load balancing pricing',
    url: 'https://cloud.google.com/load-balancing/pricing',
  },
  awsElb: { title: 'AWS Elastic Load Balancing', url: 'https://aws.amazon.com/elasticloadbalancing/' },
} as const satisfies Record<string, Source>;

/** The sources for a recommendation of `option` under these requirements, without duplicates. */
export function sourcesFor(option: OptionId, requirements: Requirements, runnerUp?: OptionId): Source[] {
  const list: Source[] = [];
  const add = (source: Source) => {
    if (!list.some((s) => s.url === source.url)) list.push(source);
  };
  const forOption = (id: OptionId) => {
    if (id === 'ingress') {
      add(SOURCES.ingress);
      add(SOURCES.ingressControllers);
    } else if (id === 'loadbalancer') add(SOURCES.service);
    else if (id === 'gateway-api') add(SOURCES.gatewayApi);
    else add(SOURCES.cloudflareTunnel);
  };
  forOption(option);
  if (runnerUp !== undefined) forOption(runnerUp);
  const l4 = (requirements.protocols ?? []).some((p) => p === 'tcp' || p === 'udp');
  if (option === 'gateway-api' && l4) add(SOURCES.gatewayApi16);
  if (requirements.existing?.ingressNginx || option === 'ingress') add(SOURCES.ingressNginxRetirement);
  if (requirements.costSensitive || requirements.existing?.manyLoadBalancers) {
    if (requirements.cloud === 'gcp') add(SOURCES.gcpPricing);
    else add(SOURCES.awsElb);
  }
  return list;
}

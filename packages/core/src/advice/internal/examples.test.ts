import { loadAll } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { sensitivePort } from '../../known/ports.js';
import { answer } from '../answer.js';
import type { Requirements } from '../requirements.js';
import type { OptionId } from '../types.js';
import { exampleFor } from './examples.js';

/**
 * The YAML examples must agree with the prose around them (answer.ts): when the answer says Kafka
 * brokers each need their own route or load balancer, the example shows one per broker; when it
 * says to restrict `loadBalancerSourceRanges`, the example has the allow-list; when it says GKE's
 * Gateway classes are L7 only, the example does not put TCP/UDP on a GKE Gateway.
 */

interface K8sObject {
  apiVersion?: string;
  kind?: string;
  metadata?: { name?: string; annotations?: Record<string, string> };
  spec?: {
    type?: string;
    selector?: Record<string, string>;
    loadBalancerSourceRanges?: string[];
    ports?: Array<{ port?: number }>;
    listeners?: Array<{ name?: string; protocol?: string; port?: number }>;
    rules?: Array<{ backendRefs?: Array<{ name?: string; port?: number }> }>;
  };
}

const POD_NAME = 'statefulset.kubernetes.io/pod-name';
const OPTIONS: readonly OptionId[] = ['loadbalancer', 'gateway-api', 'ingress', 'edge-tunnel'];

function objectsOf(yaml: string): K8sObject[] {
  return loadAll(yaml).filter((doc): doc is K8sObject => doc !== null && typeof doc === 'object');
}

const loadBalancers = (objects: K8sObject[]) =>
  objects.filter((o) => o.kind === 'Service' && o.spec?.type === 'LoadBalancer');

/** The broker pods that get an address of their own: one LoadBalancer, or one TCPRoute, each. */
function brokersWithOwnAddress(objects: K8sObject[]): Set<string> {
  const pods = new Set<string>();
  for (const service of loadBalancers(objects)) {
    const pod = service.spec?.selector?.[POD_NAME];
    if (pod !== undefined) pods.add(pod);
  }
  const services = new Map(
    objects.filter((o) => o.kind === 'Service').map((o) => [o.metadata?.name ?? '', o] as const),
  );
  for (const route of objects.filter((o) => o.kind === 'TCPRoute')) {
    const backends = (route.spec?.rules ?? []).flatMap((rule) => rule.backendRefs ?? []);
    if (backends.length !== 1) continue;
    const pod = services.get(backends[0]?.name ?? '')?.spec?.selector?.[POD_NAME];
    if (pod !== undefined) pods.add(pod);
  }
  return pods;
}

/** The data and admin ports the answer warns about (answer.ts: notesFor). */
function exposedSensitive(requirements: Requirements): boolean {
  return (
    requirements.internalOnly !== true &&
    (requirements.ports ?? []).some((port) => sensitivePort(port.port) !== undefined)
  );
}

const KAFKA = { port: 9092, transport: 'tcp', what: 'Kafka' } as const;
const POSTGRES = { port: 5432, transport: 'tcp', what: 'PostgreSQL' } as const;
const MQTT = { port: 1883, transport: 'tcp', what: 'MQTT' } as const;
const DNS = { port: 53, transport: 'udp', what: 'DNS' } as const;
const ELASTIC = { port: 9200, what: 'Elasticsearch REST API' } as const;

/** A grid of situations: ports, clouds, internal or not, with and without HTTP. */
const SITUATIONS: Requirements[] = (() => {
  const portSets: Array<Requirements['ports']> = [
    [KAFKA],
    [KAFKA, POSTGRES],
    [POSTGRES],
    [MQTT],
    [DNS, { ...DNS, transport: 'tcp' }],
    [ELASTIC],
    [{ port: 443 }, MQTT],
    [{ port: 443 }, KAFKA],
  ];
  const out: Requirements[] = [];
  for (const ports of portSets) {
    const http = ports?.some((p) => p.transport === undefined) === true;
    for (const cloud of [undefined, 'aws', 'gcp', 'azure'] as const) {
      for (const internalOnly of [undefined, true]) {
        const r: Requirements = { ports: ports?.map((p) => ({ ...p })) };
        r.protocols = http ? ['http', 'tcp'] : ['tcp'];
        if (http) r.multiProtocolStandard = true;
        if (cloud !== undefined) r.cloud = cloud;
        if (internalOnly) r.internalOnly = true;
        out.push(r);
      }
    }
  }
  return out;
})();

describe('exampleFor', () => {
  describe.each(OPTIONS.map((option) => [option] as const))('%s', (option) => {
    it.each(SITUATIONS.map((r) => [JSON.stringify(r), r] as const))('parses, for %s', (_name, r) => {
      const objects = objectsOf(exampleFor(option, r).yaml);
      expect(objects.length).toBeGreaterThan(0);
      for (const object of objects) {
        expect(typeof object.apiVersion).toBe('string');
        expect(typeof object.kind).toBe('string');
        if (object.apiVersion?.startsWith('gateway.networking.k8s.io/'))
          expect(object.apiVersion).toBe('gateway.networking.k8s.io/v1');
      }
    });
  });

  it('shows one load balancer per Kafka broker plus a bootstrap Service', () => {
    const { yaml, caption } = exampleFor('loadbalancer', { ports: [KAFKA], protocols: ['tcp'] });
    const objects = objectsOf(yaml);
    const services = loadBalancers(objects);
    expect(brokersWithOwnAddress(objects).size).toBeGreaterThanOrEqual(2);
    // Each broker's Service selects exactly that broker, and one more Service bootstraps.
    const perBroker = services.filter((s) => s.spec?.selector?.[POD_NAME] !== undefined);
    expect(new Set(perBroker.map((s) => s.spec?.selector?.[POD_NAME])).size).toBe(perBroker.length);
    expect(services.some((s) => s.spec?.selector?.[POD_NAME] === undefined)).toBe(true);
    expect(caption).toMatch(/per broker/);
  });

  it('shows a listener and TCPRoute per Kafka broker on a Gateway', () => {
    const objects = objectsOf(exampleFor('gateway-api', { ports: [KAFKA], protocols: ['tcp'] }).yaml);
    expect(brokersWithOwnAddress(objects).size).toBeGreaterThanOrEqual(2);
    const listeners = objects.filter((o) => o.kind === 'Gateway').flatMap((g) => g.spec?.listeners ?? []);
    const ports = listeners.map((l) => l.port);
    expect(new Set(ports).size).toBe(ports.length);
    for (const route of objects.filter((o) => o.kind === 'TCPRoute')) {
      for (const ref of (route.spec?.rules ?? []).flatMap((rule) => rule.backendRefs ?? [])) {
        expect(
          objects.some((o) => o.kind === 'Service' && o.metadata?.name === ref.name),
          `${ref.name} is defined`,
        ).toBe(true);
      }
    }
  });

  it.each(
    SITUATIONS.filter((r) => r.ports?.some((p) => p.port === 9092)).map(
      (r) => [JSON.stringify(r), r] as const,
    ),
  )('gives every Kafka broker its own address wherever the answer says it needs one, for %s', (_name, r) => {
    for (const option of ['loadbalancer', 'gateway-api'] as const) {
      const objects = objectsOf(exampleFor(option, r).yaml);
      expect(brokersWithOwnAddress(objects).size, option).toBeGreaterThanOrEqual(2);
    }
  });

  it.each(SITUATIONS.filter(exposedSensitive).map((r) => [JSON.stringify(r), r] as const))(
    'puts the allow-list the answer asks for into every example, for %s',
    (_name, r) => {
      for (const option of OPTIONS) {
        const { yaml } = exampleFor(option, r);
        expect(yaml, option).toContain('loadBalancerSourceRanges');
        // Every load balancer carrying one of the ports the answer warns about has the allow-list.
        const guarded = loadBalancers(objectsOf(yaml)).filter((service) =>
          (service.spec?.ports ?? []).some((port) => sensitivePort(port.port ?? 0) !== undefined),
        );
        for (const service of guarded) {
          expect(
            service.spec?.loadBalancerSourceRanges ?? [],
            `${option}: ${service.metadata?.name}`,
          ).not.toEqual([]);
        }
      }
    },
  );

  it.each(SITUATIONS.filter((r) => r.internalOnly === true).map((r) => [JSON.stringify(r), r] as const))(
    'makes internal load balancers instead when internal only is asked, for %s',
    (_name, r) => {
      for (const service of loadBalancers(objectsOf(exampleFor('loadbalancer', r).yaml))) {
        const annotations = Object.entries(service.metadata?.annotations ?? {});
        if (r.cloud === 'aws')
          expect(annotations).toContainEqual([
            'service.beta.kubernetes.io/aws-load-balancer-scheme',
            'internal',
          ]);
        if (r.cloud === 'gcp')
          expect(annotations).toContainEqual(['networking.gke.io/load-balancer-type', 'Internal']);
        if (r.cloud === 'azure')
          expect(annotations).toContainEqual([
            'service.beta.kubernetes.io/azure-load-balancer-internal',
            'true',
          ]);
      }
    },
  );

  it.each(SITUATIONS.filter((r) => r.cloud === 'gcp').map((r) => [JSON.stringify(r), r] as const))(
    "keeps TCP/UDP off GKE's L7-only Gateway classes, for %s",
    (_name, r) => {
      const objects = objectsOf(exampleFor('gateway-api', r).yaml);
      expect(objects.some((o) => o.kind === 'TCPRoute' || o.kind === 'UDPRoute')).toBe(false);
      for (const gateway of objects.filter((o) => o.kind === 'Gateway')) {
        for (const listener of gateway.spec?.listeners ?? [])
          expect(listener.protocol).not.toMatch(/^(?:TCP|UDP)$/);
      }
      expect(loadBalancers(objects).length).toBeGreaterThan(0);
    },
  );

  it('does not put HTTP ports on the L4 Gateway', () => {
    const objects = objectsOf(
      exampleFor('gateway-api', {
        ports: [{ port: 443 }, { ...MQTT }],
        protocols: ['https', 'tcp'],
        multiProtocolStandard: true,
      }).yaml,
    );
    const tcpPorts = objects
      .filter((o) => o.kind === 'Gateway')
      .flatMap((g) => g.spec?.listeners ?? [])
      .filter((l) => l.protocol === 'TCP')
      .map((l) => l.port);
    expect(tcpPorts).toEqual([1883]);
  });
});

/** The prose and the YAML blocks of an answer's Markdown. */
function split(markdown: string): { prose: string; yaml: string[] } {
  const yaml: string[] = [];
  const prose = markdown.replace(/(`{3,})yaml\n([\s\S]*?)\n\1/g, (_all, _fence, code: string) => {
    yaml.push(code);
    return '';
  });
  return { prose, yaml };
}

describe('answers: the YAML agrees with the prose', () => {
  const QUESTIONS = [
    'kafka brokers must be reachable from our on-prem data centre',
    'expose our kafka cluster on 9092 to external consumers on eks',
    'a postgres database on 5432 that a partner needs to reach',
    'redis 6379 for an external service, and a web app, on gke',
    'mysql on port 3306 for our BI tool, what should we use?',
    'mqtt broker 1883 and three web apps, one standard for everything, on gke',
    'kafka on aks for producers outside the cluster, plus a dashboard',
    'we need elasticsearch 9200 reachable from another vpc',
  ];

  it.each(QUESTIONS.map((q) => [q] as const))('%s', (question) => {
    const result = answer(question);
    if (result.kind !== 'recommendation') return;
    const { prose, yaml } = split(result.markdown);
    const objects = yaml.flatMap(objectsOf);
    if (/\bKafka brokers?\b[^.]*\b(?:own|each)\b/i.test(prose)) {
      expect(brokersWithOwnAddress(objects).size).toBeGreaterThanOrEqual(2);
    }
    if (/loadBalancerSourceRanges/.test(prose)) {
      expect(yaml.join('\n')).toContain('loadBalancerSourceRanges');
    }
    if (/GKE's managed Gateway classes are L7 only/.test(prose)) {
      expect(objects.some((o) => o.kind === 'TCPRoute' || o.kind === 'UDPRoute')).toBe(false);
    }
  });

  it('exercises the Kafka and allow-list rules at least once', () => {
    const proses = QUESTIONS.map((q) => split(answer(q).markdown).prose).join('\n');
    expect(proses).toMatch(/\bKafka brokers?\b/);
    expect(proses).toMatch(/loadBalancerSourceRanges/);
  });
});

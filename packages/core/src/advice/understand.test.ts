import { describe, expect, it } from 'vitest';
import { editDistance } from './internal/vocabulary.js';
import { understand } from './understand.js';

const req = (question: string) => understand(question).requirements;

describe('understand: ports and protocols', () => {
  it('reads port/transport, transport port, :port and "port N"', () => {
    expect(req('mosquitto 1883/udp').ports).toEqual([{ port: 1883, transport: 'udp', what: 'MQTT' }]);
    expect(req('needs udp 53').ports).toEqual([{ port: 53, transport: 'udp', what: 'DNS' }]);
    expect(req('a db on :5432').ports).toEqual([{ port: 5432, transport: 'tcp', what: 'PostgreSQL' }]);
    expect(req('open ports 7000 and 7001').ports?.map((p) => p.port)).toEqual([7000, 7001]);
  });

  it('maps product names to their usual port and transport', () => {
    const cases: Array<[string, number, 'tcp' | 'udp']> = [
      ['kafka', 9092, 'tcp'],
      ['PostgreSQL', 5432, 'tcp'],
      ['mysql', 3306, 'tcp'],
      ['Redis', 6379, 'tcp'],
      ['mongodb', 27017, 'tcp'],
      ['RabbitMQ', 5672, 'tcp'],
      ['minecraft', 25565, 'tcp'],
      ['WireGuard', 51820, 'udp'],
      ['openvpn', 1194, 'udp'],
      ['NATS', 4222, 'tcp'],
    ];
    for (const [name, port, transport] of cases) {
      expect(req(`expose ${name} please`).ports, name).toContainEqual(
        expect.objectContaining({ port, transport }),
      );
    }
  });

  it('takes a port said beside a product name over its default', () => {
    expect(req('postgres on 5433').ports).toEqual([{ port: 5433, transport: 'tcp', what: 'PostgreSQL' }]);
  });

  it('reads HTTP-family protocols without making them L4 ports', () => {
    expect(req('grpc and websocket apis').protocols).toEqual(['http', 'grpc', 'websocket']);
    expect(req('a site on 443').ports).toEqual([{ port: 443, what: 'HTTPS' }]);
    expect(req('a site on 443').protocols).toContain('https');
  });

  it('reads VoIP as TCP and UDP, and "non-HTTP" as TCP', () => {
    expect(req('voip service').protocols).toEqual(['tcp', 'udp']);
    expect(req('a non-http protocol').protocols).toEqual(['tcp']);
  });
});

describe('understand: services, hosts and paths', () => {
  it('counts services in digits, words and lists', () => {
    expect(req('6 microservices').serviceCount).toBe(6);
    expect(req('three services').serviceCount).toBe(3);
    expect(req('frontend, api and admin apps').serviceCount).toBe(3);
    expect(req('a single tcp service').serviceCount).toBe(1);
    expect(req('two versions of a service').serviceCount).toBe(1);
  });

  it('reads vague plurals as several services without inventing a number', () => {
    const r = req('several services behind one ip');
    expect(r.serviceCount).toBeUndefined();
    expect(r.manyServices).toBe(true);
  });

  it('lifts host names and paths out before the rewrites', () => {
    const r = req('lb.example.com and shop.example.com, /api to api and / to web');
    expect(r.hosts).toEqual(['lb.example.com', 'shop.example.com']);
    expect(r.hostRouting).toBe(true);
    expect(r.paths).toEqual(['/api', '/']);
    expect(r.pathRouting).toBe(true);
  });

  it('does not take API groups for host names', () => {
    expect(req('HTTPRoute in gateway.networking.k8s.io').hosts).toBeUndefined();
  });

  it('reads several apps on one domain as path routing', () => {
    expect(req('3 apps on one domain').pathRouting).toBe(true);
  });
});

describe('understand: abbreviations and typos', () => {
  it('folds lb, ing, gw, svc and k8s', () => {
    expect(understand('ing or lb?').asksForChoice).toBe(true);
    expect(understand('gw vs ing').topic).toBe('gateway-vs-ingress');
    expect(req('each svc has its own lb').existing).toEqual({ manyLoadBalancers: true });
  });

  it('corrects typos against the vocabulary', () => {
    expect(understand('ingres rules are not picked up').topic).toBe('troubleshoot-ingress-rules-ignored');
    expect(understand('whats the diffrence between ingress and loadbalancr').topic).toBe('difference');
    expect(req('certficate renewal').certificateManagement).toBe(true);
  });

  it('leaves ordinary words alone', () => {
    expect(req('reachable from the internet').internalOnly).toBe(false);
  });

  it('measures edit distance with transpositions', () => {
    expect(editDistance('servcie', 'service', 2)).toBe(1);
    expect(editDistance('ingres', 'ingress', 2)).toBe(1);
    expect(editDistance('kafka', 'redis', 1)).toBe(2);
  });
});

describe('understand: flags and negation', () => {
  it('reads TLS, certificates and their negation', () => {
    expect(req('https with letsencrypt')).toMatchObject({
      tlsTermination: true,
      certificateManagement: true,
    });
    expect(req('no TLS needed').tlsTermination).toBe(false);
    expect(req('without tls').tlsTermination).toBe(false);
  });

  it('reads latency and cost, and "does not matter"', () => {
    expect(req('low latency please').latencySensitive).toBe(true);
    expect(req("latency doesn't matter").latencySensitive).toBe(false);
    expect(req('the bill is growing').costSensitive).toBe(true);
    expect(req('cost is not a concern').costSensitive).toBe(false);
  });

  it('reads the cloud or bare metal', () => {
    expect(req('on eks')).toMatchObject({ cloud: 'aws', environment: 'cloud' });
    expect(req('gke autopilot').cloud).toBe('gcp');
    expect(req('aks cluster').cloud).toBe('azure');
    expect(req('doks').cloud).toBe('digitalocean');
    expect(req('bare-metal k8s').environment).toBe('bare-metal');
    expect(req('raspberry pi homelab').environment).toBe('home-lab');
  });

  it('reads constraints: no inbound ports, roles, internal, splitting', () => {
    expect(req('behind cgnat').noInboundPorts).toBe(true);
    expect(req('cloudflare tunnel').noInboundPorts).toBe(true);
    expect(req("can't open ports on the firewall").noInboundPorts).toBe(true);
    expect(req('platform team and app teams').roleSeparation).toBe(true);
    expect(req('multi-tenant').roleSeparation).toBe(true);
    expect(req('internal only, in our vpc').internalOnly).toBe(true);
    expect(req('canary releases').trafficSplitting).toBe(true);
    expect(req('no canary').trafficSplitting).toBe(false);
    expect(req('blue-green').trafficSplitting).toBe(true);
  });

  it('reads the existing setup', () => {
    expect(req('we run ingress-nginx').existing).toEqual({ ingressNginx: true });
    expect(req('we already have an ingress').existing).toEqual({ ingress: true });
    expect(req('every service has its own LB').existing?.manyLoadBalancers).toBe(true);
    expect(req('should we use ingress?').existing).toBeUndefined();
  });
});

describe('understand: what was understood, in words', () => {
  it('says it plainly', () => {
    expect(understand('3 http services on aws, dns on udp 53, no tls').mentioned).toEqual([
      '3 HTTP services',
      'UDP 53 (DNS)',
      'no TLS',
      'AWS',
    ]);
  });
});

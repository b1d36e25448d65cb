import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Answer, answer } from './answer.js';

/** The id an accept list is compared with: the recommended option, or the topic. */
const idOf = (result: Answer) =>
  result.kind === 'topic' || result.kind === 'direct' ? result.topic : result.recommended;

const QUESTIONS = new URL('./__fixtures__/questions.json', import.meta.url);

describe('answer: the development questions', () => {
  const questions = JSON.parse(readFileSync(QUESTIONS, 'utf8')) as {
    cases: Array<{ q: string; accept: string[] }>;
    newTopicCases: Array<{ q: string; accept: string[] }>;
  };
  const cases = [...questions.cases, ...questions.newTopicCases];

  it('has cases to run', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  it.each(cases)('$q → $accept', ({ q, accept }) => {
    const result = answer(q);
    expect(result.kind).not.toBe('clarification');
    expect(accept).toContain(idOf(result));
  });
});

/** Phrasings not in the development file: typos, abbreviations, ports, products, negations. */
const OWN_CASES: Array<[string, string[]]> = [
  // Choices, said other ways.
  ['ingres or lb for 5 microservices behind one domain w/ https?', ['ingress', 'gateway-api']],
  [
    'we got like six micro-services on eks and each one has its own loadbalancer, $$$',
    ['ingress', 'gateway-api'],
  ],
  ['need to expose mosquitto to iot devices outside the cluster', ['loadbalancer']],
  ['mqtt broker on 1883/tcp, public', ['loadbalancer']],
  ['expose postgres :5432 to a BI tool in another vpc', ['loadbalancer']],
  ['our minecraft server on gke, what do i use?', ['loadbalancer']],
  ['wireguard vpn endpoint for the office, 51820/udp', ['loadbalancer']],
  ['udp 27015 for a game server, players worldwide', ['loadbalancer']],
  ['coredns for external clients', ['loadbalancer']],
  ['expose redis 6379 with the least overhead possible', ['loadbalancer']],
  ['mongodb for an external analytics vendor', ['loadbalancer']],
  ['SIP trunk for our asterisk pbx', ['loadbalancer']],
  ['openvpn server in k8s', ['loadbalancer']],
  ['kafka brokers need to be reachable from on-prem producers', ['loadbalancer', 'gateway-api']],
  ['three webapps, one ip, tls via cert-manager', ['ingress', 'gateway-api']],
  ['app.example.com, api.example.com and admin.example.com on one IP', ['ingress', 'gateway-api']],
  ['route /shop and /blog to different services on the same host', ['ingress', 'gateway-api']],
  ['canary 10% of traffic to v2 of our checkout api', ['gateway-api', 'ingress']],
  ['header based routing for beta users', ['gateway-api', 'ingress']],
  ['blue/green deploys with weighted routing', ['gateway-api', 'ingress']],
  ['multi-tenant cluster where every team owns its own routes in its namespace', ['gateway-api']],
  ['platform team runs the gw, app teams attach their own HTTPRoutes', ['gateway-api']],
  ['raspberry pi k3s at home, isp uses cgnat, want home assistant reachable', ['edge-tunnel']],
  ['zero-trust access to grafana without opening any inbound ports', ['edge-tunnel']],
  ['we cannot open ports in the corporate firewall but need a public web app', ['edge-tunnel']],
  ['single grpc service, latency critical, nothing to route', ['loadbalancer']],
  [
    'we run ingress-nginx for 20 http services, what should we move to?',
    ['gateway-api', 'controller-choice', 'migration-ingress-to-gateway'],
  ],
  ['one tcp service, no tls, cost does not matter', ['loadbalancer']],
  ['http, grpc and tcp through one api for all teams', ['gateway-api']],
  // Topics, said other ways.
  ['whats the diff between an ingress and a loadbalancer svc', ['difference']],
  ['ingress vs load balancer?', ['difference']],
  ['is an ingress really needed to expose an app publicly?', ['ingress-required']],
  ['can I expose my app without an ingress?', ['ingress-required']],
  ['which ingress controller should we pick?', ['controller-choice']],
  ['traefik vs haproxy vs contour', ['controller-choice']],
  ['is ingress deprecated now?', ['gateway-vs-ingress']],
  ['gateway api vs ingress', ['gateway-vs-ingress']],
  ['how much does a LB cost on AWS compared to an ingress?', ['cost']],
  ['which is cheaper, 10 LBs or one ingress?', ['cost', 'ingress', 'gateway-api']],
  ['does an ingress controller add a lot of overhead?', ['performance']],
  ['how do I set up letsencrypt certificates with an ingress?', ['tls']],
  ['how to consolidate our load balancers into one ingress', ['migration-lb-to-ingress']],
  ['migrating from ingress-nginx to gateway api, where do I start?', ['migration-ingress-to-gateway']],
  ['convert my ingresses to httproutes', ['migration-ingress-to-gateway']],
  ['service has no endpoints, pods are running', ['troubleshoot-service-no-pods']],
  ['my ingress returns 404 for every path', ['troubleshoot-ingress-rules-ignored']],
  ['EKS gave me a classic ELB instead of an NLB', ['troubleshoot-aws-wrong-lb']],
  ['kuberentes ingres rules are ignored by the controller', ['troubleshoot-ingress-rules-ignored']], // A second round, written after the engine, to catch what it had not seen.
  ['should i put my 3 node apps behind an ingress or give each a load balancer', ['ingress', 'gateway-api']],
  ["we're on gke with a dozen microservices, what's cheapest way to expose them", ['ingress', 'gateway-api']],
  ['game server using udp 7777, players connect from internet', ['loadbalancer']],
  ['home lab k3s behind cgnat, want to reach my nextcloud', ['edge-tunnel']],
  ['is ingress-nginx still a good choice in 2026', ['controller-choice', 'gateway-vs-ingress', 'ingress']],
  ['whats the diff between a loadbalancer service and an ingress', ['difference']],
  ['do i really need an ingress controller to expose a web app', ['ingress-required']],
  ['how much does each LB cost on aws vs one ingress', ['cost']],
  ['my ingress resource is ignored, no address assigned', ['troubleshoot-ingress-rules-ignored']],
  ['service has endpoints none, curl times out', ['troubleshoot-service-no-pods']],
  ['aws gave me a classic elb instead of an nlb', ['troubleshoot-aws-wrong-lb']],
  ['how do i move from ingress to gateway api', ['migration-ingress-to-gateway']],
  [
    'we have 8 LoadBalancer services and the bill is crazy, how to consolidate',
    ['migration-lb-to-ingress', 'cost', 'ingress', 'gateway-api'],
  ],
  ['canary releases with 10% traffic to the new version for our api', ['gateway-api']],
  ['expose postgres to our office network only', ['loadbalancer']],
  ['redis for an external app', ['loadbalancer']],
  ['smtp server for incoming mail', ['loadbalancer']],
  ['wireguard vpn endpoint in k8s', ['loadbalancer']],
  ['where should tls terminate, at the lb or the ingress', ['tls']],
  ['is an ingress slower than a load balancer', ['performance']],
  ['rtmp streaming ingest on 1935', ['loadbalancer']],
  ['multi tenant platform where app teams own their routes', ['gateway-api']],
  ['path based routing /api and /web to two services', ['ingress', 'gateway-api']],
  ['sftp on 22 for customers', ['loadbalancer']],
  ['grpc microservices with header based routing', ['gateway-api']],
  ['single tcp service minimal config', ['loadbalancer']],
  ['Ingres or LB for 2 websites?', ['ingress', 'gateway-api']],
  ['mqtt over websockets for browser clients plus plain mqtt for devices', ['loadbalancer', 'gateway-api']],
  ['zero trust, no open ports, three internal dashboards', ['edge-tunnel']],
  ['exposing a syslog collector on udp 514', ['loadbalancer']],
  ['which is better for websockets, ingress or a load balancer', ['ingress', 'gateway-api', 'loadbalancer']],
  ['bare metal cluster, 4 web apps, no cloud lb', ['ingress', 'gateway-api']],
  ['TURN server for webrtc', ['loadbalancer']],
  ['blog + api + admin panel on one domain with lets encrypt certs', ['ingress', 'gateway-api']],
  ['k8s svc type lb vs ing for a single static site', ['loadbalancer', 'ingress', 'gateway-api']],
  [
    'our ingress-nginx controller is retired what now',
    ['controller-choice', 'migration-ingress-to-gateway', 'gateway-vs-ingress', 'gateway-api'],
  ],
  ['minecraft bedrock server', ['loadbalancer']],
  [
    'should i use nodeport instead of a load balancer for my api',
    ['difference', 'loadbalancer', 'ingress', 'ingress-required'],
  ],
];

describe('answer: phrasings of our own', () => {
  it.each(OWN_CASES)('%s → %j', (question, accept) => {
    const result = answer(question);
    expect(result.kind).not.toBe('clarification');
    expect(accept).toContain(idOf(result));
  });
});

describe('answer: clarification', () => {
  it.each(['ingress or lb?', 'what should I use?', 'Ingress oder LoadBalancer?', 'hmm'])(
    'asks back on "%s" with fixed choices and a provisional answer',
    (question) => {
      const result = answer(question);
      expect(result.kind).toBe('clarification');
      expect(result.followUps.length).toBeGreaterThanOrEqual(1);
      expect(result.followUps.length).toBeLessThanOrEqual(3);
      for (const followUp of result.followUps) expect(followUp.choices.length).toBeGreaterThanOrEqual(2);
      expect(result.followUps.map((f) => f.id)).toContain('protocol');
      expect(result.markdown).toMatch(/\*\*Provisional answer: .+\*\*/);
      expect(result.recommended).toBeDefined();
    },
  );

  it('offers the protocol choices HTTP(S), TCP, UDP and mixed', () => {
    const protocol = answer('ingress or lb?').followUps.find((f) => f.id === 'protocol');
    expect(protocol?.choices.map((c) => c.value)).toEqual(['http', 'tcp', 'udp', 'mixed']);
  });
});

describe('answer: follow-up answers refine the previous question', () => {
  it('UDP makes it a LoadBalancer and stops asking about the protocol', () => {
    const first = answer('ingress or lb?');
    const second = answer('UDP', { previous: first, followUp: { id: 'protocol', choice: 'udp' } });
    expect(second.kind).toBe('recommendation');
    expect(second.recommended).toBe('loadbalancer');
    expect(second.requirements.protocols).toEqual(['udp']);
    expect(second.followUps.map((f) => f.id)).not.toContain('protocol');
    expect(second.answeredFollowUps).toEqual(['protocol']);
  });

  it('HTTP then "more than 5" services gives an HTTP entry point', () => {
    const first = answer('what should I use?');
    const second = answer('', { previous: first, followUp: { id: 'protocol', choice: 'http' } });
    const third = answer('', { previous: second, followUp: { id: 'services', choice: 'more' } });
    expect(['ingress', 'gateway-api']).toContain(third.recommended);
    expect(third.requirements).toMatchObject({ protocols: ['http'], manyServices: true });
    expect(third.answeredFollowUps).toEqual(['protocol', 'services']);
  });

  it('"no inbound ports" makes it an edge tunnel', () => {
    const first = answer('how should I expose my web app?');
    const second = answer('', { previous: first, followUp: { id: 'constraint', choice: 'no-inbound' } });
    expect(second.recommended).toBe('edge-tunnel');
  });

  it('a reply in words to a clarification adds to what was understood', () => {
    const first = answer('ingress or lb?');
    const second = answer('it is a postgres database', { previous: first });
    expect(second.kind).toBe('recommendation');
    expect(second.recommended).toBe('loadbalancer');
  });

  it('ignores an unknown follow-up and answers the question itself', () => {
    const first = answer('ingress or lb?');
    const second = answer('NGINX or Traefik?', {
      previous: first,
      followUp: { id: 'colour', choice: 'blue' },
    });
    expect(second.topic).toBe('controller-choice');
  });
});

describe('answer: the recommendation text', () => {
  it('leads with the recommendation, then what was understood, the ranking, YAML and sources', () => {
    const { markdown, sources, ranking } = answer('6 http microservices on eks, tls via letsencrypt');
    const order = ['**Recommendation:', '**What I understood**', '**Ranking**', '```yaml', '**Sources**'].map(
      (marker) => markdown.indexOf(marker),
    );
    expect(order.every((index) => index >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(markdown.startsWith('**Recommendation:')).toBe(true);
    expect(markdown).toContain('- 6 HTTP services');
    expect(markdown).toContain('- AWS');
    expect(ranking).toHaveLength(4);
    for (const option of ranking ?? []) expect(markdown).toContain(`${option.score}/100`);
    expect(sources.length).toBeGreaterThan(0);
  });

  it('never suggests the retired nginx IngressClass', () => {
    for (const question of [
      '3 web apps on one domain',
      'ingress for two sites with tls',
      'we run ingress-nginx',
    ]) {
      const { markdown } = answer(question, { weights: { routing: 1, simplicity: 1 } });
      expect(markdown).not.toMatch(/ingressClassName: nginx\b/);
    }
  });

  it('writes a LoadBalancer Service with the ports and protocols asked for', () => {
    const { markdown, recommended } = answer('SIP on 5060 udp and tcp for our asterisk');
    expect(recommended).toBe('loadbalancer');
    expect(markdown).toContain('type: LoadBalancer');
    expect(markdown).toMatch(/port: 5060\n {4}targetPort: 5060\n {4}protocol: UDP/);
  });

  it('writes a Gateway and an HTTPRoute in gateway.networking.k8s.io/v1', () => {
    const { markdown, recommended } = answer('route ownership per namespace for 10 http apis with tls');
    expect(recommended).toBe('gateway-api');
    expect(markdown).toContain('apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway');
    expect(markdown).toContain('kind: HTTPRoute');
    expect(markdown).toContain('mode: Terminate');
  });

  it('writes a cloudflared Deployment for an edge tunnel', () => {
    const { markdown, recommended } = answer('behind cgnat at home, want my blog reachable');
    expect(recommended).toBe('edge-tunnel');
    expect(markdown).toContain('name: cloudflared');
  });

  it('decides mixed HTTP and TCP/UDP traffic in two parts', () => {
    const mixed = answer('we run 5 web apps and one mqtt broker on eks, what should we use?');
    expect(mixed.kind).toBe('recommendation');
    expect(['gateway-api', 'ingress']).toContain(mixed.recommended);
    // The HTTP ranking is not spoiled by MQTT: Ingress stays in it.
    expect(mixed.ranking?.find((r) => r.option === 'ingress')?.excludedBecause).toBeUndefined();
    expect(mixed.layer4).toMatchObject({ recommended: 'loadbalancer', traffic: ['TCP 1883 (MQTT)'] });
    expect(mixed.layer4?.ranking.find((r) => r.option === 'ingress')?.excludedBecause).toMatch(
      /HTTP\(S\) only/,
    );
    expect(mixed.markdown).toMatch(
      /^\*\*Recommendation: .+ for the HTTP services; Service type LoadBalancer for TCP 1883 \(MQTT\)\*\*/,
    );
    expect(mixed.markdown).toContain('**Ranking for TCP 1883 (MQTT)**');
    expect(mixed.markdown).toContain('type: LoadBalancer');
    expect(mixed.understood).toEqual(['5 HTTP services', 'TCP 1883 (MQTT)', 'AWS']);

    const udp = answer('3 http apis plus a wireguard vpn');
    expect(udp.layer4?.recommended).toBe('loadbalancer');
    expect(udp.layer4?.traffic.join(' ')).toMatch(/UDP 51820/);
  });

  it('keeps one decision when one standard for every protocol is asked for, or nothing is mixed', () => {
    const standard = answer(
      'one standard for HTTP, gRPC and TCP routing with separate platform and app teams',
    );
    expect(standard.layer4).toBeUndefined();
    expect(standard.recommended).toBe('gateway-api');
    expect(answer('4 web apps with https').layer4).toBeUndefined();
    expect(answer('a DNS server that needs UDP 53').layer4).toBeUndefined();
  });

  it('uses the weights it is given', () => {
    const routing = answer('4 web apps with https', {
      weights: { routing: 100, simplicity: 0, performance: 0, security: 0, portability: 0 },
    });
    expect(routing.markdown).toContain('Routing & protocol flexibility 100%');
  });

  it('escapes what it repeats from the question', () => {
    const { markdown, understood } = answer('3 apps on *.example.com and api.example.com');
    expect(understood).toContain('hosts *.example.com, api.example.com');
    expect(markdown).toContain('- hosts \\*.example.com, api.example.com');
  });
});

describe('answer: topics', () => {
  it('renders the topic with what was understood and its sources', () => {
    const result = answer('what does each option cost on aws?');
    expect(result.kind).toBe('topic');
    expect(result.topic).toBe('cost');
    expect(result.understood).toContain('AWS');
    expect(result.markdown).toContain('**What I understood**');
    expect(result.sources.length).toBeGreaterThan(0);
    expect(result.followUps).toEqual([]);
    expect(result.recommended).toBeUndefined();
  });
});

describe('answer: robustness', () => {
  it('never throws and always answers, whatever the text', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ maxLength: 300 }), fc.string({ maxLength: 300, unit: 'binary' })),
        (text) => {
          const result = answer(text);
          expect(['recommendation', 'topic', 'clarification']).toContain(result.kind);
          expect(result.markdown.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never throws on word salad from its own vocabulary', () => {
    const words = fc.constantFrom(
      'ingress',
      'lb',
      'udp',
      '53',
      '/api',
      'no',
      'tls',
      'or',
      'vs',
      'how',
      'cost',
      'aws',
      'x.example.com',
      'canary',
      'kafka',
      ':5432',
      '1883/udp',
      'three',
      'services',
      'not',
      'without',
      'gateway',
      '?',
      ',',
    );
    fc.assert(
      fc.property(fc.array(words, { maxLength: 40 }), (parts) => {
        expect(() => answer(parts.join(' '))).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });

  it('answers a very long question quickly', () => {
    const started = performance.now();
    answer('ingress or lb for 3 web apps? '.repeat(2000));
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('answer: yes/no capability questions', () => {
  it('opens with the answer from the fact, says what to do instead, and cites the fact first', () => {
    const result = answer('Can the AWS Load Balancer Controller serve TCP and HTTPS on one Gateway?');
    expect(result.kind).toBe('direct');
    expect(result.topic).toBe('mixed-protocols');
    expect(result.direct).toMatchObject({
      answer: 'no',
      implementation: 'aws-load-balancer-controller',
      capability: 'mixed-l4-l7-gateway',
    });
    expect(result.short.startsWith('**No.** ')).toBe(true);
    expect(result.short).toContain('Checked against');
    expect(result.sources[0]?.url).toMatch(/aws-load-balancer-controller/);
  });

  it('answers for the product named, not the specification it implements', () => {
    const result = answer('does cilium support gateway api tcproute?');
    expect(result.direct).toMatchObject({ implementation: 'cilium', capability: 'tcp-route', answer: 'yes' });
  });

  it('says when no checked fact exists, and explains the topic instead of guessing', () => {
    const result = answer('does haproxy support grpcroute?');
    expect(result.kind).toBe('topic');
    expect(result.topic).toBe('grpc');
    expect(result.direct).toBeUndefined();
    expect(result.short).toMatch(/no checked fact|names none I have checked facts for/);
  });
});

describe('answer: what kind of question it is', () => {
  it.each([
    'our LoadBalancer has been pending for an hour on kubeadm',
    'ingress returns 502 bad gateway although the pods are ready',
    'websocket connections drop after 60 seconds on AKS',
    'logs show the node IP instead of the client IP',
  ])('answers trouble with a diagnosis, never a ranking: %s', (question) => {
    expect(answer(question).kind).not.toBe('recommendation');
  });

  it('asks which topic an unclear question is about, and answers the one chosen', () => {
    const unclear = answer('annotations?');
    const question = 'is this about that thing with the load balancer annotations';
    const result =
      unclear.kind === 'clarification' && unclear.recommended === undefined ? unclear : answer(question);
    expect(result.kind).toBe('clarification');
    const asked = result.followUps.find((followUp) => followUp.id === 'topic');
    expect(asked?.choices.at(-1)?.value).toBe('choose');
    const topic = asked?.choices[0]?.value as string;
    const chosen = answer('', { previous: result, followUp: { id: 'topic', choice: topic } });
    expect(chosen).toMatchObject({ kind: 'topic', topic });
    const choose = answer('', { previous: result, followUp: { id: 'topic', choice: 'choose' } });
    expect(['recommendation', 'clarification']).toContain(choose.kind);
    expect(choose.recommended).toBeDefined();
  });

  it('says so when a follow-up choice leaves the ranking as it was', () => {
    const first = answer('expose 4 web apps on eks');
    const constraint = first.followUps.find((followUp) => followUp.id === 'constraint');
    expect(constraint).toBeDefined();
    const outcomes = (constraint?.choices ?? []).map((choice) =>
      answer('', { previous: first, followUp: { id: 'constraint', choice: choice.value } }),
    );
    const kept = outcomes.filter((outcome) => outcome.recommended === first.recommended);
    expect(kept.length).toBeGreaterThan(0);
    for (const outcome of kept.filter((each) => each.unchanged)) {
      expect(outcome.short).toMatch(
        /^\*\*Still .+\*\* \(\d+(\.\d)?\/100\): ".+" does not change the answer\./,
      );
    }
    expect(kept.some((outcome) => outcome.unchanged === true)).toBe(true);
  });
});

describe('answer: short and long forms', () => {
  const { cases } = JSON.parse(readFileSync(QUESTIONS, 'utf8')) as { cases: Array<{ q: string }> };

  it.each(cases.map(({ q }) => q))(
    'gives a short form inside the long one, and every ranked option its reasons: %s',
    (q) => {
      const result = answer(q);
      expect(result.short.length).toBeLessThanOrEqual(result.markdown.length);
      expect(result.short.trim()).not.toBe('');
      if (result.kind === 'recommendation') {
        for (const option of result.ranking ?? []) {
          if (option.excludedBecause === undefined)
            expect(option.reasons.length, option.option).toBeGreaterThan(0);
        }
        // Short: at most one example, and no ranking list.
        expect(result.short.match(/^```yaml$/gm)?.length ?? 0).toBeLessThanOrEqual(1);
        expect(result.short).not.toContain('**Ranking');
      }
    },
  );
});

describe('answer: the questions the advice issue was filed with', () => {
  it('explains that nothing provisions a LoadBalancer on kubeadm', () => {
    expect(answer('LoadBalancer pending on our kubeadm cluster').topic).toMatch(
      /^(?:troubleshoot-pending-external-ip|bare-metal)$/,
    );
  });

  it('names the timeouts when websockets drop on AKS', () => {
    const result = answer('websockets drop after 60 s on AKS');
    expect(result.topic).toBe('timeouts-websockets');
    expect(result.markdown).toMatch(/idle timeout/i);
  });

  it('says no, and what to do instead, to TCP and HTTPS on one Gateway with the AWS controller', () => {
    const result = answer('can one Gateway serve TCP and HTTPS with the AWS Load Balancer Controller?');
    expect(result.direct?.answer).toBe('no');
    expect(result.short).toMatch(/^\*\*No\.\*\* The AWS Load Balancer Controller/);
  });

  it('shows the allowlist its prose recommends for a database reachable from the office only', () => {
    expect(answer('Postgres reachable from the office only').short).toContain('loadBalancerSourceRanges');
  });

  it('gives the saving and the ALB IngressGroup for six NLBs on EKS', () => {
    const result = answer('EKS, 6 NLBs, ALB Ingress or Gateway API?');
    expect(['ingress', 'gateway-api']).toContain(result.recommended);
    expect(result.short).toContain('alb.ingress.kubernetes.io/group.name');
    expect(result.short).toMatch(/saves about \$\d+/);
  });

  it('gives Kafka a load balancer per broker in its example, as its prose says', () => {
    const result = answer('kafka brokers for clients outside the cluster');
    const services = result.short.match(/^kind: Service$/gm) ?? [];
    expect(services.length).toBeGreaterThanOrEqual(2);
    expect(result.short).toMatch(/broker/i);
  });
});

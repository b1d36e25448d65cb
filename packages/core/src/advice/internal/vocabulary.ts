/**
 * The words of questions: abbreviations and spellings folded to one canonical token, the vocabulary
 * typos are corrected against, number words, and product names with their usual port. Port facts
 * (what a port is, TCP or UDP) come from `known/ports.ts`; this file only says which names point to
 * which port.
 */

/**
 * Phrase rewrites applied, in order, to the lower-cased question: spellings of one idea become one
 * token (`load balancer`, `LB`, `lbs` → `loadbalancer`), so the detectors need one pattern each.
 */
export const REWRITES: ReadonlyArray<readonly [RegExp, string]> = [
  [/[\u2018\u2019\u02bc`´]/g, "'"],
  [/[\u2010-\u2015]/g, '-'],
  [/\bw\/o\b/g, 'without'],
  [/\bw\/(?=\s)/g, 'with'],
  [/\b(can't|cant|cannot|can not)\b/g, 'cannot'],
  [/\b(won't|wont)\b/g, 'will not'],
  [/\b(don't|dont)\b/g, 'do not'],
  [/\b(doesn't|doesnt)\b/g, 'does not'],
  [/\b(isn't|isnt)\b/g, 'is not'],
  [/\b(aren't|arent)\b/g, 'are not'],
  [/\b(didn't|didnt)\b/g, 'did not'],
  [/\b(shouldn't|shouldnt)\b/g, 'should not'],
  [/\b(i'm|im)\b/g, 'i am'],
  [/\bwhat's\b|\bwhats\b/g, 'what is'],
  [/\bdiffs?\b/g, 'difference'],
  [/\blet'?s ?encrypt\b/g, 'letsencrypt'],
  [/\bcert[\s-]?manager\b/g, 'certmanager'],
  [/\b(ingress[\s-]?nginx|nginx[\s-]ingress)(?:[\s-]controller)?\b/g, 'ingressnginx'],
  [/\bnginx gateway fabric\b|\bngf\b/g, 'ngf'],
  [/\bgateway[\s-]?apis?\b|\bgapi\b|\bgw[\s-]?api\b/g, 'gatewayapi'],
  [/\bgws?\b/g, 'gateway'],
  [/\bload[\s-]?balancers\b|\bloadbalancers\b|\blbs\b/g, 'loadbalancers'],
  [/\bload[\s-]?balanc(?:er|ing)\b|\bloadbalanc(?:er|ing)\b|\blb\b/g, 'loadbalancer'],
  [/\bsvcs\b/g, 'services'],
  [/\bsvc\b/g, 'service'],
  [/\bings\b/g, 'ingresses'],
  [/\bing\b/g, 'ingress'],
  [/\bk8s\b|\bkube\b/g, 'kubernetes'],
  [/\bmicro[\s-]services?\b|\bmsvcs?\b/g, 'microservices'],
  [/\bweb[\s-]?apps\b/g, 'webapps'],
  [/\bweb[\s-]?app\b/g, 'webapp'],
  [/\bweb[\s-]?sites\b/g, 'websites'],
  [/\bweb[\s-]?site\b/g, 'website'],
  // "or" in a few other languages: "ingress ou loadbalancer?", "Ingress oder LB?". Not Dutch "of":
  // English says "the successor of Ingress" and "instead of a LoadBalancer".
  [/\b(?:ou|oder|o)\b(?=\s+(?:an?\s+)?(?:ingress|lb|load|gateway|gw|service|svc))/g, 'or'],
  [/\bweb[\s-]?sockets?\b|\bwss?\b/g, 'websocket'],
  [/\bhome[\s-]?lab\b/g, 'homelab'],
  [/\bbare[\s-]?metal\b/g, 'baremetal'],
  [/\bon[\s-]?prem(?:ise|ises)?\b/g, 'onprem'],
  [/\braspberry[\s-]?pis?\b|\brpis?\b/g, 'raspberrypi'],
  [/\bdigital[\s-]?ocean\b/g, 'digitalocean'],
  [/\bgoogle cloud\b/g, 'gcp'],
  [/\bcg[\s-]?nat\b|\bcarrier[\s-]grade nat\b/g, 'cgnat'],
  [/\bzero[\s-]?trust\b/g, 'zerotrust'],
  [/\bmulti[\s-]?tenan(?:t|ts|cy)\b/g, 'multitenant'],
  [/\bmulti[\s-]?protocols?\b/g, 'multiprotocol'],
  [/\bpass[\s-]?through\b/g, 'passthrough'],
  [/\bend[\s-]to[\s-]end\b|\be2e\b/g, 'endtoend'],
  [/\bblue[\s/-]?green\b/g, 'bluegreen'],
  [/\ba\/b\b/g, 'abtest'],
  [/\bhttp\/?[23]\b/g, 'http'],
  [/\bh2c?\b/g, 'http'],
  [/\bdbs?\b/g, 'database'],
  [/\bpostgre\s?sql\b|\bpg\b/g, 'postgresql'],
  [/\bsql server\b|\bms[\s-]?sql\b/g, 'mssql'],
  [/\bpi[\s-]hole\b/g, 'pihole'],
  [/\bhome assistant\b/g, 'homeassistant'],
  [/\bcounter[\s-]?strike\b|\bcsgo\b|\bcs2\b/g, 'counterstrike'],
  [/\bgame[\s-]?servers?\b/g, 'gameserver'],
  [/\bvoice over ip\b|\bvoip\b/g, 'voip'],
];

/** Number words, for counts such as "three services". */
export const NUMBER_WORDS: Readonly<Record<string, number>> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  fifty: 50,
  hundred: 100,
  dozen: 12,
  couple: 2,
  pair: 2,
};

/**
 * Words typos are corrected to (5 letters or more: shorter words are too easily another word).
 * "ingres" → ingress, "loadbalancr" → loadbalancer, "kuberentes" → kubernetes.
 */
export const VOCABULARY: readonly string[] = [
  'ingress',
  'ingresses',
  'loadbalancer',
  'loadbalancers',
  'gateway',
  'gatewayapi',
  'service',
  'services',
  'microservices',
  'kubernetes',
  'traefik',
  'haproxy',
  'contour',
  'certificate',
  'certificates',
  'certmanager',
  'letsencrypt',
  'latency',
  'controller',
  'routing',
  'traffic',
  'splitting',
  'canary',
  'terminate',
  'terminated',
  'termination',
  'difference',
  'different',
  'required',
  'necessary',
  'migrate',
  'migration',
  'convert',
  'replace',
  'consolidate',
  'wireguard',
  'minecraft',
  'postgres',
  'postgresql',
  'mosquitto',
  'rabbitmq',
  'elasticsearch',
  'websocket',
  'cloudflare',
  'cloudflared',
  'tunnel',
  'firewall',
  'inbound',
  'performance',
  'expensive',
  'cheaper',
  'cheapest',
  'troubleshoot',
  'selector',
  'endpoints',
  'namespace',
  'namespaces',
  'platform',
  'internal',
  'private',
  'external',
  'expose',
  'exposing',
  'publish',
  'applications',
  'application',
  'websites',
  'webapps',
  'multiple',
  'several',
  'successor',
  'deprecated',
  'httproute',
  'httproutes',
  'grpcroute',
  'tcproute',
  'udproute',
  'kafka',
  'redis',
  'mongodb',
  'mysql',
  'mariadb',
  'nextcloud',
  'homelab',
  'baremetal',
  'digitalocean',
  'passthrough',
  'weighted',
  'weights',
  'header',
  'headers',
  'recommend',
  'recommendation',
  'should',
  'choose',
  'between',
  'versus',
  'secure',
  'security',
  'domain',
  'domains',
  'subdomain',
  'subdomains',
  'protocol',
  'protocols',
];

/**
 * Product and protocol names mapped to their usual port; what the port is and whether it is TCP or
 * UDP is read from `wellKnownPort`. `transports` overrides it when the product uses both.
 */
export const PRODUCT_PORTS: Readonly<Record<string, { port: number; transports?: Array<'tcp' | 'udp'> }>> = {
  mqtt: { port: 1883 },
  mosquitto: { port: 1883 },
  emqx: { port: 1883 },
  hivemq: { port: 1883 },
  mqtts: { port: 8883 },
  kafka: { port: 9092 },
  redpanda: { port: 9092 },
  postgres: { port: 5432 },
  postgresql: { port: 5432 },
  timescaledb: { port: 5432 },
  mysql: { port: 3306 },
  mariadb: { port: 3306 },
  redis: { port: 6379 },
  valkey: { port: 6379 },
  mongo: { port: 27017 },
  mongodb: { port: 27017 },
  rabbitmq: { port: 5672 },
  amqp: { port: 5672 },
  amqps: { port: 5671 },
  minecraft: { port: 25565 },
  wireguard: { port: 51820 },
  openvpn: { port: 1194 },
  dns: { port: 53 },
  coredns: { port: 53 },
  bind9: { port: 53 },
  pihole: { port: 53 },
  sip: { port: 5060, transports: ['udp', 'tcp'] },
  asterisk: { port: 5060, transports: ['udp', 'tcp'] },
  freeswitch: { port: 5060, transports: ['udp', 'tcp'] },
  nats: { port: 4222 },
  ssh: { port: 22 },
  sftp: { port: 22 },
  smtp: { port: 25 },
  ntp: { port: 123 },
  syslog: { port: 514 },
  snmp: { port: 161 },
  memcached: { port: 11211 },
  cassandra: { port: 9042 },
  etcd: { port: 2379 },
  rdp: { port: 3389 },
  vnc: { port: 5900 },
  stun: { port: 3478, transports: ['udp', 'tcp'] },
  coturn: { port: 3478, transports: ['udp', 'tcp'] },
  turnserver: { port: 3478, transports: ['udp', 'tcp'] },
  webrtc: { port: 3478, transports: ['udp', 'tcp'] },
  rtmp: { port: 1935 },
  ldap: { port: 389 },
  openldap: { port: 389 },
  ldaps: { port: 636 },
  zookeeper: { port: 2181 },
  teamspeak: { port: 9987 },
  ftp: { port: 21 },
  mssql: { port: 1433 },
  neo4j: { port: 7687 },
  counterstrike: { port: 27015 },
  elasticsearch: { port: 9200 },
  opensearch: { port: 9200 },
  otlp: { port: 4317 },
};

/** Names that mean "this speaks HTTP": web apps and well-known web products. */
export const HTTP_WORDS: readonly string[] = [
  'http',
  'https',
  'web',
  'webapps',
  'webapp',
  'websites',
  'website',
  'site',
  'sites',
  'frontend',
  'frontends',
  'rest',
  'graphql',
  'api',
  'apis',
  'webhook',
  'webhooks',
  'dashboard',
  'blog',
  'shop',
  'storefront',
  'nextcloud',
  'wordpress',
  'grafana',
  'jenkins',
  'gitlab',
  'gitea',
  'homeassistant',
  'jellyfin',
  'plex',
  'keycloak',
  'argocd',
  'kibana',
  'prometheus',
  'django',
  'flask',
  'rails',
  'nodejs',
  'express',
  'nextjs',
  'react',
  'spa',
];

/** Names of Ingress and Gateway API controllers, for "NGINX or Traefik?". */
export const CONTROLLER_NAMES: readonly string[] = [
  'nginx',
  'ingressnginx',
  'traefik',
  'haproxy',
  'contour',
  'kong',
  'envoy',
  'istio',
  'emissary',
  'ambassador',
  'skipper',
  'caddy',
  'f5',
  'ngf',
  'cilium',
  'kgateway',
  'gloo',
  'apisix',
  'pomerium',
  'alb',
  'agic',
];

/** Damerau–Levenshtein distance (optimal string alignment), stopping early past `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous2: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, (previous2[j - 2] ?? 0) + 1);
      }
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
    previous2 = previous;
    previous = current;
  }
  return previous[b.length] ?? max + 1;
}

/** Ordinary words one edit away from a vocabulary word, which must stay what they are. */
const PROTECTED: readonly string[] = [
  'internet',
  'interval',
  'unbound',
  'terminal',
  'servers',
  'version',
  'versions',
  'network',
  'networks',
  'funnel',
  'routes',
  'router',
  'routers',
  'secret',
  'secrets',
  'choice',
  'domains',
];

const KNOWN = new Set<string>([
  ...VOCABULARY,
  ...PROTECTED,
  ...Object.keys(PRODUCT_PORTS),
  ...HTTP_WORDS,
  ...CONTROLLER_NAMES,
]);

const corrections = new Map<string, string>();

/**
 * The vocabulary word a token was probably meant to be, or the token itself: one edit allowed for
 * words of 5 to 8 letters, two from 9 letters.
 */
export function correctTypo(token: string): string {
  if (token.length < 5 || KNOWN.has(token) || /\d/.test(token)) return token;
  const cached = corrections.get(token);
  if (cached !== undefined) return cached;
  const max = token.length >= 9 ? 2 : 1;
  let best = token;
  let bestDistance = max + 1;
  for (const word of VOCABULARY) {
    if (word.length < 5) continue;
    const distance = editDistance(token, word, max);
    if (distance < bestDistance) {
      best = word;
      bestDistance = distance;
    }
  }
  // Bounded, so a stream of random words cannot grow it without limit.
  if (corrections.size < 5000) corrections.set(token, best);
  return best;
}

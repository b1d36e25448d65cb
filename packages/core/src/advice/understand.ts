/**
 * Free text in, requirements out. A question is lower-cased, its host names, paths and ports are
 * lifted out, spellings and abbreviations are folded to canonical tokens ("LB", "load balancers" →
 * `loadbalancer`), typos are corrected against a vocabulary, and detectors (small patterns, each
 * aware of "no"/"without") fill the requirements. Nothing here knows the example questions.
 */
import { type PortProtocol, PROTOCOL_NAMES, wellKnownPort } from '../known/ports.js';
import { type CapabilityQuestion, readCapabilityQuestion } from './capabilities/question.js';
import { canonicalise } from './internal/canonical.js';
import { asksForChoice, namesAlternatives, scoreTopics } from './internal/intent.js';
import { CHOOSE, retrieveTopics, type TopicMatch } from './internal/retrieval.js';
import { HTTP_WORDS, NUMBER_WORDS, PRODUCT_PORTS } from './internal/vocabulary.js';
import type { Cloud, Requirements } from './requirements.js';

export { canonicalise, MAX_QUESTION_LENGTH } from './internal/canonical.js';

import type { TopicId } from './topics/types.js';

/** What a question was understood to say. */
export interface Understanding {
  requirements: Requirements;
  /** The topic asked about, when the question is not a choice; null otherwise. */
  topic: TopicId | null;
  /**
   * When the question is about a topic but it is not clear which: the likeliest ones, best first,
   * to ask back about instead of guessing. Empty otherwise.
   */
  unsureBetween: TopicId[];
  /** A yes/no question about what an implementation can do; null otherwise. */
  capability: CapabilityQuestion | null;
  /** The question reports something broken (pending, 502, drops, timeouts...): no ranking helps. */
  troubleshooting: boolean;
  /** The question asks which way to expose something. */
  asksForChoice: boolean;
  /** Human phrases of what was understood, e.g. "3 HTTP services", "UDP 53 (DNS)", "AWS". */
  mentioned: string[];
}

type Protocol = NonNullable<Requirements['protocols']>[number];
type Port = NonNullable<Requirements['ports']>[number];

/** Understands a free-text question. Never throws. */
export function understand(question: string): Understanding {
  const { text, hosts, paths } = canonicalise(question);

  const requirements: Requirements = {};
  const mentioned: string[] = [];
  readProtocolsAndPorts(text, requirements);
  readServices(text, requirements, hosts, paths);
  readFlags(text, requirements);
  const choice = asksForChoice(text);
  const troubleshooting = TROUBLE.test(text);
  const { topic, unsureBetween } = pickTopic(
    text,
    scoreTopics(text),
    retrieveTopics(text),
    requirements,
    choice,
    troubleshooting,
  );
  describe(requirements, mentioned);
  return {
    requirements,
    topic,
    unsureBetween,
    capability: readCapabilityQuestion(text),
    troubleshooting,
    asksForChoice: choice,
    mentioned,
  };
}

// ---------------------------------------------------------------------------------------------
// Negation: "no TLS", "without canary", "latency does not matter".

const NEGATED_BEFORE = /\b(?:no|not|without|never|nor|non|neither|zero)\b(?:[\s-]+[a-z]+){0,2}[\s-]*$/;
const NEGATED_AFTER =
  /^[\s,]*(?:is|are|does|do|will)?\s*(?:not|never)\s+(?:a\s+|an\s+|really\s+|that\s+|very\s+)?(?:concern|important|needed|required|issue|matter|relevant|critical|priority|necessary|problem|big deal|requirement)|^[\s,]*(?:does not matter|is irrelevant|irrelevant|is no (?:concern|issue|problem))/;

/**
 * Whether a pattern occurs said positively (true), only negated (false), or not at all
 * (undefined). The pattern must be global.
 */
function polarity(text: string, pattern: RegExp): boolean | undefined {
  let seen: boolean | undefined;
  for (const match of text.matchAll(pattern)) {
    const start = match.index ?? 0;
    const before = text.slice(Math.max(0, start - 30), start);
    const after = text.slice(start + match[0].length, start + match[0].length + 45);
    if (!NEGATED_BEFORE.test(before) && !NEGATED_AFTER.test(after)) return true;
    seen = false;
  }
  return seen;
}

const has = (text: string, pattern: RegExp): boolean => pattern.test(text);

// ---------------------------------------------------------------------------------------------
// Protocols and ports.

const PORT_NUMBER = String.raw`(\d{1,5})`;
const EXPLICIT_PORTS: ReadonlyArray<{ pattern: RegExp; port: number; transport?: number }> = [
  { pattern: new RegExp(String.raw`\b${PORT_NUMBER}\s*/\s*(tcp|udp)\b`, 'g'), port: 1, transport: 2 },
  {
    pattern: new RegExp(String.raw`\b(tcp|udp)\s*(?:/|:|port|ports)?\s*${PORT_NUMBER}\b`, 'g'),
    port: 2,
    transport: 1,
  },
  { pattern: new RegExp(String.raw`\b${PORT_NUMBER}\s+(tcp|udp)\b`, 'g'), port: 1, transport: 2 },
  { pattern: new RegExp(String.raw`(?:^|[\s(,])(?:hostname)?:${PORT_NUMBER}\b`, 'g'), port: 1 },
  // "a site on 443", "listening at 8443"; not "on 20 nodes".
  {
    pattern:
      /\b(?:on|at|via|over|using|listening on|listens on)\s+(?:port\s+)?(\d{2,5})\b(?!\s*(?:%|[a-z]*\s*(?:nodes?|services?|apps?|microservices?|users?|teams?|replicas?|pods?|clusters?|servers?|instances?|machines?|vms?|gb|mb|tb|ms|rps|requests?|connections?|days?|hours?|minutes?|seconds?|times?)\b))/g,
    port: 1,
  },
];
const PORT_LIST =
  /\bports?\s*(?:#|no\.?|number|numbers)?\s*((?:\d{1,5})(?:\s*(?:,|and|&|\+|or)\s*\d{1,5})*)/g;
const NAMED_PORT = /\b([a-z][a-z0-9]*)\s*(?:on |at |port |on port |:)?(\d{2,5})\b/g;

function transportOf(protocol: PortProtocol): 'tcp' | 'udp' | undefined {
  if (protocol === 'udp') return 'udp';
  if (protocol === 'tcp' || protocol === 'tls' || protocol === 'sctp') return 'tcp';
  return undefined;
}

function protocolOf(protocol: PortProtocol): Protocol | undefined {
  switch (protocol) {
    case 'http':
    case 'http2':
      return 'http';
    case 'https':
      return 'https';
    case 'grpc':
      return 'grpc';
    case 'websocket':
      return 'websocket';
    case 'udp':
      return 'udp';
    case 'tcp':
    case 'sctp':
      return 'tcp';
    case 'tls':
      return 'tcp';
    default:
      return undefined;
  }
}

function readProtocolsAndPorts(text: string, requirements: Requirements): void {
  const protocols = new Set<Protocol>();
  const ports: Port[] = [];
  const addPort = (port: number, transport: 'tcp' | 'udp' | undefined, what?: string) => {
    if (!Number.isInteger(port) || port < 1 || port > 65535) return;
    // A port said without transport is covered by the same port said with one.
    if (transport === undefined && ports.some((p) => p.port === port)) return;
    const known = wellKnownPort(port);
    const guessed = known ? transportOf(known.protocol) : undefined;
    const chosen = transport ?? guessed;
    const entry: Port = { port };
    if (chosen !== undefined) entry.transport = chosen;
    const name = what ?? known?.what;
    if (name !== undefined) entry.what = name;
    if (ports.some((p) => p.port === port && p.transport === entry.transport)) return;
    const index = ports.findIndex((p) => p.port === port && p.transport === undefined);
    if (index >= 0) ports.splice(index, 1);
    ports.push(entry);
    if (transport === undefined && known) {
      const protocol = protocolOf(known.protocol);
      if (protocol !== undefined && protocol !== 'tcp' && protocol !== 'udp') protocols.add(protocol);
    }
  };

  for (const { pattern, port, transport } of EXPLICIT_PORTS) {
    for (const match of text.matchAll(pattern)) {
      const wanted = transport === undefined ? undefined : (match[transport] as 'tcp' | 'udp');
      addPort(Number(match[port]), wanted);
    }
  }
  for (const match of text.matchAll(PORT_LIST)) {
    for (const number of (match[1] ?? '').match(/\d{1,5}/g) ?? []) addPort(Number(number), undefined);
  }
  // "AMQP 5672", "postgres on 5433": the number is that product's port, not its default.
  const named = new Set<string>();
  for (const match of text.matchAll(NAMED_PORT)) {
    const word = match[1] ?? '';
    if (!(word in PRODUCT_PORTS) && !(word in PROTOCOL_NAMES)) continue;
    const number = Number(match[2]);
    const known = PROTOCOL_NAMES[word];
    const product = PRODUCT_PORTS[word];
    const transport =
      product?.transports?.length === 1
        ? product.transports[0]
        : known
          ? transportOf(known.protocol)
          : undefined;
    addPort(
      number,
      wellKnownPort(number) ? undefined : transport,
      wellKnownPort(number) ? undefined : known?.what,
    );
    named.add(word);
  }
  for (const token of new Set(text.match(/[a-z][a-z0-9]*/g) ?? [])) {
    const product = PRODUCT_PORTS[token];
    if (product !== undefined && !named.has(token)) {
      if (polarity(text, new RegExp(`\\b${token}\\b`, 'g')) === false) continue;
      const transports = product.transports ?? [undefined];
      for (const transport of transports) addPort(product.port, transport);
      if (product.transports && product.transports.length > 1)
        for (const t of product.transports) protocols.add(t);
      continue;
    }
    const known = PROTOCOL_NAMES[token];
    if (known !== undefined && !GENERIC_PROTOCOL_WORDS.has(token)) {
      if (polarity(text, new RegExp(`\\b${token}\\b`, 'g')) === false) {
        if (token === 'http' || token === 'https') protocols.add('tcp');
        continue;
      }
      const protocol = protocolOf(known.protocol);
      if (protocol !== undefined) protocols.add(protocol);
    }
  }
  if (polarity(text, HTTP_WORD_PATTERN) === true) protocols.add('http');
  if (has(text, /\bnon[\s-]?(?:http|web)\b|\bnot (?:over |via )?http\b|\braw (?:tcp|socket)|\bplain tcp\b/))
    protocols.add('tcp');
  if (has(text, /\bdatabases?\b|\bbrokers?\b/)) protocols.add('tcp');
  if (has(text, /\bvoip\b/)) {
    protocols.add('tcp');
    protocols.add('udp');
  }
  if (has(text, /\bgameserver\b|\bquic\b/) && !ports.some((p) => p.what === 'Minecraft'))
    protocols.add('udp');
  if (has(text, /\bgrpc\b/)) protocols.add('grpc');
  if (has(text, /\bwebsocket\b|\bsocket\.?io\b/)) protocols.add('websocket');
  for (const port of ports) if (port.transport) protocols.add(port.transport);
  if (protocols.has('https')) protocols.add('http');
  if (protocols.size > 0) requirements.protocols = ORDERED_PROTOCOLS.filter((p) => protocols.has(p));
  if (ports.length > 0) requirements.ports = ports.slice(0, 12);
}

/** Protocol words too generic to mean a protocol in prose ("web" is read as HTTP elsewhere). */
const GENERIC_PROTOCOL_WORDS = new Set(['web', 'metrics', 'domain', 'tls', 'http', 'https']);
const HTTP_WORD_PATTERN = new RegExp(`\\b(?:${HTTP_WORDS.join('|')})\\b`, 'g');
const ORDERED_PROTOCOLS: readonly Protocol[] = ['http', 'https', 'grpc', 'websocket', 'tcp', 'udp', 'tls'];

// ---------------------------------------------------------------------------------------------
// How many services, and routing by host or path.

const SERVICE_NOUNS = `(?:services?|microservices?|apps?|applications?|webapps?|websites?|sites?|apis?|backends?|deployments?|frontends?|workloads?|servers?|databases?|endpoints?|containers?|projects?|products?|tools?|dashboards?|portals?|uis?)`;
const COUNT_WORDS = `\\d{1,4}|${Object.keys(NUMBER_WORDS).join('|')}`;
const COUNTED = new RegExp(
  String.raw`(?<!port |ports |:)\b(?:a |an )?(${COUNT_WORDS})(?: of)?\s+(?:[a-z0-9.+/-]+\s+){0,3}?${SERVICE_NOUNS}\b`,
  'g',
);
const VAGUE_MANY =
  /\b(?:several|many|multiple|lots of|a lot of|a bunch of|bunch of|a few|few|various|numerous|dozens of|hundreds of|tons of|all (?:of )?(?:our|my|the)|some|each|every|our|my)\s+(?:[a-z0-9.+/-]+\s+){0,3}?(?:services|microservices|apps|applications|webapps|websites|sites|apis|backends|deployments|frontends|workloads|tools)\b/;
const SINGLE =
  /\b(?:a|an|my|single|a single|just one|only one)\s+(?:[a-z0-9.+/-]+\s+){0,2}?(?:service|app|application|webapp|website|site|api|server|database|microservice|workload|deployment|backend|container|endpoint|tool)\b/;
const LISTED =
  /\b((?:[a-z][a-z0-9-]*,\s*)+[a-z][a-z0-9-]*,?\s+(?:and|&)\s+[a-z][a-z0-9-]*|[a-z][a-z0-9-]*\s+(?:and|&)\s+[a-z][a-z0-9-]*)\s+(?:services|microservices|apps|applications|webapps|websites|sites|backends|frontends|deployments)\b/;
const NOT_A_NAME = new Set([
  ...Object.keys(PROTOCOL_NAMES),
  'http',
  'https',
  'grpc',
  'tcp',
  'udp',
  'rest',
  'web',
  'internal',
  'external',
  'public',
  'private',
  'the',
  'our',
  'my',
  'other',
  'some',
]);

function readServices(text: string, requirements: Requirements, hosts: string[], paths: string[]): void {
  let count: number | undefined;
  for (const match of text.matchAll(COUNTED)) {
    const word = match[1] ?? '';
    const value = /^\d/.test(word) ? Number(word) : NUMBER_WORDS[word];
    // "two versions of a service" is one service: a count above one needs a plural noun.
    const plural = /s$/.test(match[0]);
    if (value === undefined || value <= 0 || value >= 100000 || (value > 1 && !plural)) continue;
    // "through one API" is a standard, not a service.
    if (value === 1 && /\bapi$/.test(match[0])) continue;
    count = Math.max(count ?? 0, value);
  }
  if (count === undefined) {
    const listed = text.match(LISTED)?.[1];
    if (listed !== undefined) {
      const names = listed.split(/\s*(?:,|\band\b|&)\s*/).filter((name) => name !== '');
      if (names.length >= 2 && !names.some((name) => NOT_A_NAME.has(name))) count = names.length;
    }
  }
  if (count === undefined && has(text, SINGLE) && !has(text, VAGUE_MANY)) count = 1;
  if (count !== undefined) requirements.serviceCount = count;
  else if (has(text, VAGUE_MANY) || has(text, /\bmicroservices\b/)) requirements.manyServices = true;

  if (hosts.length > 0) requirements.hosts = hosts;
  const subPaths = paths.filter((path) => path !== '/');
  if (subPaths.length > 0) requirements.paths = paths;
  const sharedEntry = has(
    text,
    /\b(?:single|one|1|same|shared|a shared|common)\s+(?:public\s+|external\s+|static\s+)?(?:ip|ips|ip address|address|entry ?point|entry|endpoint|front ?door|loadbalancer|url|domain name)\b|\bshare (?:one|a|an|the same|a single)\b|\bbehind (?:one|a single|a shared|the same)\b/,
  );
  const multipleHosts =
    hosts.length >= 2 ||
    hosts.some((host) => host.startsWith('*.')) ||
    has(
      text,
      /\bsubdomains?\b|\bhost[\s-]?(?:name[\s-]?)?based\b|\bby host(?:name)?s?\b|\bvirtual hosts?\b|\bvhosts?\b|\bname[\s-]based\b|\bbased on (?:the )?host(?:name)?\b|\b(?:multiple|several|many|different|various|\d+|two|three|four|five) (?:domains|hostnames|host names|hosts)\b|\bper[\s-](?:sub)?domain\b/,
    );
  const sameDomain = has(
    text,
    /\b(?:one|single|same|1|a single|under one|on one) (?:domain|hostname|host name|host|url|dns name)\b/,
  );
  const pathWords = has(
    text,
    /\bpath[\s-]?based\b|\bby (?:url )?paths?\b|\bbased on (?:the )?(?:url )?paths?\b|\burl paths?\b|\bpath prefix(?:es)?\b|\bsub[\s-]?paths?\b|\bdifferent paths\b|\bpath routing\b|\broute (?:by|on) path/,
  );
  const several = (requirements.serviceCount ?? 0) >= 2 || requirements.manyServices === true;
  const hostRouting = polarity(text, /\b(?:host|hostname|subdomain|domain)s?[\s-]?(?:based )?routing\b/g);
  if (multipleHosts || hostRouting === true) requirements.hostRouting = true;
  else if (hostRouting === false) requirements.hostRouting = false;
  if (subPaths.length > 0 || pathWords || (sameDomain && several)) requirements.pathRouting = true;
  if (sharedEntry && requirements.serviceCount !== 1 && requirements.serviceCount === undefined)
    requirements.manyServices = true;
  if (/\bno (?:routing|host or path routing|path routing)\b|\bnothing to route\b/.test(text)) {
    requirements.hostRouting = false;
    requirements.pathRouting = false;
  }
}

// ---------------------------------------------------------------------------------------------
// Everything else: TLS, latency, cost, where it runs, constraints, teams, splitting, today's setup.

const CLOUDS: ReadonlyArray<readonly [Cloud, RegExp]> = [
  ['aws', /\b(?:aws|eks|amazon|nlb|alb|elb|clb|ec2)\b/],
  ['gcp', /\b(?:gke|gcp|gce|google)\b/],
  ['azure', /\b(?:aks|azure|microsoft cloud)\b/],
  ['digitalocean', /\b(?:digitalocean|doks)\b/],
  [
    'other',
    /\b(?:linode|lke|akamai|hetzner|ovh|ovhcloud|scaleway|vultr|civo|oci|oracle cloud|ibm cloud|alibaba|exoscale|upcloud|ionos|openshift)\b/,
  ],
];

function readFlags(text: string, r: Requirements): void {
  const tls = polarity(text, /\b(?:tls|ssl|https|encrypt(?:ed|ion)?|sni)\b/g);
  const certificates = polarity(
    text,
    /\b(?:certificates?|certmanager|letsencrypt|acme|auto(?:matic|mated)?[\s-]?(?:https|tls|ssl|certificates?)|auto[\s-]?renew\w*)\b/g,
  );
  if (tls !== undefined) r.tlsTermination = tls;
  if (certificates === true) {
    r.certificateManagement = true;
    if (r.tlsTermination === undefined) r.tlsTermination = true;
  } else if (certificates === false && r.certificateManagement === undefined) r.certificateManagement = false;
  if (
    has(
      text,
      /\bpassthrough\b|\bendtoend\b|\b(?:client|source|real|original) ip\b|\bpreserve (?:the )?(?:client|source)\b|\bterminat\w* (?:tls |ssl |https )?(?:in|at|inside|on) the (?:app|pod|pods|application|backend|service)\b|\bmtls\b/,
    )
  )
    r.passthrough = true;

  const latency = polarity(
    text,
    /\b(?:latency|low[\s-]?latency|real[\s-]?time|realtime|throughput|high[\s-]?performance|performance|fast|fastest|speed|jitter|lag|overhead)\b/g,
  );
  if (latency !== undefined) r.latencySensitive = latency;
  const cost = polarity(
    text,
    /\b(?:cost|costs|costly|cheap|cheaper|cheapest|budget|bill|bills|billing|expensive|price|prices|pricing|money|save|saving|savings|spend|spending|afford|affordable|invoice|frugal)\b|\$\s?\d/g,
  );
  if (cost !== undefined) r.costSensitive = cost;

  for (const [cloud, pattern] of CLOUDS) {
    if (pattern.test(text)) {
      r.cloud = cloud;
      r.environment = 'cloud';
      break;
    }
  }
  if (
    has(
      text,
      /\b(?:homelab|raspberrypi|at home|home server|home network|my house|my basement|nas|synology|minikube|kind cluster|docker desktop)\b/,
    )
  )
    r.environment = 'home-lab';
  else if (
    has(
      text,
      /\b(?:baremetal|onprem|on premises|datacenter|data center|datacentre|own hardware|own servers|self[\s-]?hosted|metallb|vsphere|proxmox|k3s|microk8s|rke2?|talos)\b/,
    )
  )
    r.environment = 'bare-metal';
  else if (
    r.environment === undefined &&
    has(text, /\bcloud (?:loadbalancer|provider|lb)\b|\bmanaged kubernetes\b/)
  )
    r.environment = 'cloud';

  if (
    has(
      text,
      /\bno (?:open )?(?:inbound|incoming)\b|\bno open(?:ed)? ports?\b|\bwithout (?:opening |exposing |any |open |an? )*(?:inbound |incoming |public |firewall |open )*(?:ports?|connections?|traffic)\b|\b(?:cannot|not allowed to|unable to|no way to|do not want to|never|will not) (?:open|expose|forward)\b[^.?!]{0,25}\bports?\b|\bcgnat\b|\bbehind (?:a |the |an |my |our )?(?:nat|isp|router)\b|\bzerotrust\b|\bcloudflared?\b|\btunnel(?:s|ing|ed)?\b|\bngrok\b|\b(?:no|without a?) public (?:ip|address)\b|\boutbound[\s-]only\b|\bno port[\s-]?forward\w*\b|\bport[\s-]?forward\w* (?:is )?(?:not|impossible|blocked)\b|\bfirewall (?:blocks|does not allow|will not allow|is closed)\b|\bclosed firewall\b|\b(?:inbound|incoming) (?:traffic |connections |ports )?(?:is |are )?(?:blocked|not allowed|forbidden|closed)\b|\bno (?:incoming|ingress) (?:traffic|connections)\b/,
    )
  )
    r.noInboundPorts = true;

  if (
    has(
      text,
      /\b(?:platform|infra|infrastructure|ops|sre|cluster) teams?\b|\b(?:app|application|dev|development|product|feature) teams\b|\b(?:many|multiple|several|different|other|separate|all|all the|\d+) teams\b|\bseparate roles\b|\broles? (?:separation|based|oriented)\b|\bseparation of (?:duties|concerns)\b|\bmultitenant\b|\btenants\b|\bper[\s-]namespace\b|\b(?:each|every|own|their|per) namespaces?\b|\broute ownership\b|\bown (?:their )?(?:own )?routes\b|\bself[\s-]service\b|\bdelegat\w*\b/,
    )
  )
    r.roleSeparation = true;

  const internal = polarity(
    text,
    /\binternal(?:[\s-]only)?\b|\bonly internal(?:ly)?\b|\bprivate (?:network|subnet|vpc|endpoint|service|services|cluster|ip|loadbalancer|access|only)\b|\bvpc\b|\bintranet\b|\binside (?:the|our) (?:network|vpc|company)\b|\bwithin the (?:vpc|network|company)\b|\bvpn only\b|\bcorporate network\b|\beast[\s-]west\b/g,
  );
  const publicWords = has(
    text,
    /\bfrom outside\b|\binternet\b|\bpublic(?:ly)?\b|\bexternal(?:ly)? (?:users|clients|producers|consumers|access|customers|traffic|listeners)\b|\boutside (?:the )?(?:cluster|world|network)\b|\bthe world\b/,
  );
  if (internal === true && (!publicWords || has(text, /\binternal[\s-]only\b|\bonly internal/)))
    r.internalOnly = true;
  else if (internal === false || publicWords) r.internalOnly = false;

  const splitting = polarity(
    text,
    /\btraffic split\w*|\bsplit\w* (?:the )?traffic\b|\bcanar(?:y|ies)\b|\bweight(?:s|ed|ing)?\b|\bbluegreen\b|\babtest\b|\ba-b test\w*|\bheader[\s-]?(?:based|routing|match\w*)\b|\bby headers?\b|\bbased on (?:a |the )?headers?\b|\bmirror\w*\b|\bshadow traffic\b|\bprogressive delivery\b|\bflagger\b|\bargo rollouts\b|\b\d{1,3}\s?%(?: of (?:the )?(?:traffic|requests|users))?/g,
  );
  if (splitting !== undefined) r.trafficSplitting = splitting;

  const families = new Set(
    (r.protocols ?? []).map((p) => (p === 'https' || p === 'websocket' ? 'http' : p === 'tls' ? 'tcp' : p)),
  );
  if (
    has(text, /\bmultiprotocol\b/) ||
    (families.size >= 2 &&
      families.has('http') &&
      has(
        text,
        /\b(?:standard|standardi[sz]e|unif(?:y|ied)|one api|single api|same api|one way|consistent|common|one (?:tool|solution|system|approach|model)|all (?:of )?(?:them|these|protocols))\b/,
      ))
  )
    r.multiProtocolStandard = true;

  const existing: NonNullable<Requirements['existing']> = {};
  if (has(text, /\bingressnginx\b/)) existing.ingressNginx = true;
  if (
    has(
      text,
      /\b(?:every|each|all)\b[^.?!]{0,40}\b(?:has|have|gets?|with|uses?|got)\b[^.?!]{0,10}\b(?:its|their|a|an|one) (?:own )?(?:(?:cloud|public|separate|dedicated) )?loadbalancers?\b|\b(?:one|a|an|1) (?:cloud |separate )?loadbalancers? (?:per|for each|for every) (?:service|app|microservice|application)\b|\b(?:many|lots of|dozens of|too many|several|multiple|\d{2,}|[2-9]) (?:cloud |public |separate )?(?:loadbalancers|nlbs|albs|elbs|clbs)\b|\bloadbalancers? for (?:each|every)\b|\b(?:each|every)\b[^.?!]{0,30}\b(?:with|has|have|gets?) (?:a|an|its own|their own|one) (?:public |external |separate )?(?:ip|ip address|address)\b|\b(?:own|separate|dedicated) loadbalancers? (?:each|per)\b/,
    )
  )
    existing.manyLoadBalancers = true;
  const current = String.raw`(?<!\b(?:should|could|would|can|do|shall|must|to|will)\s)\b(?:we|i)\s(?:already\s|currently\s)?(?:use|have|run|are using|are running|got|rely on|are on)\b`;
  if (
    has(
      text,
      new RegExp(
        `${current}[^.?!]{0,25}\\bingress(?:es)?\\b|\\b(?:existing|current|our|my) ingress(?:es)?\\b`,
      ),
    )
  )
    existing.ingress = true;
  if (
    has(
      text,
      new RegExp(
        `${current}[^.?!]{0,25}\\bgatewayapi\\b|\\b(?:existing|current|our|my) (?:gatewayapi|gateways?)\\b`,
      ),
    )
  )
    existing.gatewayApi = true;
  if (Object.keys(existing).length > 0) r.existing = existing;
  // "6 NLBs" today: six Services, each with its load balancer.
  const counted = /\b(\d{1,3}) (?:cloud |public |separate )?(?:loadbalancers|nlbs|albs|elbs|clbs)\b/.exec(
    text,
  );
  if (existing.manyLoadBalancers && counted !== null && r.serviceCount === undefined) {
    r.serviceCount = Number(counted[1]);
  }
  if (existing.manyLoadBalancers && r.serviceCount === undefined) r.manyServices = true;
}

// ---------------------------------------------------------------------------------------------
// Topic or choice.

/** Requirement fields that belong to a topic's own subject, so they do not count as a situation. */
const OWN_FIELDS: Partial<Record<TopicId, ReadonlyArray<keyof Requirements>>> = {
  cost: ['costSensitive', 'existing', 'serviceCount', 'manyServices'],
  performance: ['latencySensitive'],
  tls: ['tlsTermination', 'certificateManagement', 'passthrough'],
  'migration-lb-to-ingress': ['existing', 'serviceCount', 'manyServices', 'costSensitive'],
  'migration-ingress-to-gateway': ['existing'],
  'controller-choice': ['existing'],
  'gateway-vs-ingress': ['existing'],
  'troubleshoot-aws-wrong-lb': ['cloud', 'environment'],
  'internal-lb': ['internalOnly', 'cloud'],
  // "Do I need an Ingress for one site?" asks about the single Service it names.
  'ingress-required': ['serviceCount'],
  mtls: ['tlsTermination', 'certificateManagement', 'passthrough'],
  'share-load-balancer': ['existing', 'serviceCount', 'manyServices', 'costSensitive'],
};

/** Topics a question is not about when it says their subject does not matter ("no TLS needed"). */
const SAID_AWAY: Partial<Record<TopicId, ReadonlyArray<keyof Requirements>>> = {
  cost: ['costSensitive'],
  performance: ['latencySensitive'],
  tls: ['tlsTermination', 'certificateManagement', 'passthrough'],
};

/** What a question must say for a topic to be its subject, where examples alone mislead. */
const PRECONDITIONS: Partial<Record<TopicId, (requirements: Requirements, text: string) => boolean>> = {
  // One UDP port is a workload to expose, not a question about mixing protocols.
  'mixed-protocols': (requirements, text) =>
    (requirements.protocols?.length ?? 0) >= 2 ||
    /\b(?:mix|mixed|mixing|both|same|one|single|together|tcproutes?|udproutes?|l4 and l7)\b/.test(text),
};

/** Fields that describe a workload to expose; each present one counts once. */
const SITUATION_FIELDS: ReadonlyArray<keyof Requirements> = [
  'protocols',
  'ports',
  'serviceCount',
  'manyServices',
  'hostRouting',
  'pathRouting',
  'tlsTermination',
  'certificateManagement',
  'passthrough',
  'latencySensitive',
  'costSensitive',
  'noInboundPorts',
  'roleSeparation',
  'internalOnly',
  'trafficSplitting',
  'multiProtocolStandard',
  'existing',
];

/** How much of a workload the requirements describe, leaving out the given fields. */
export function situationSize(
  requirements: Requirements,
  leaveOut: ReadonlyArray<keyof Requirements> = [],
): number {
  let size = 0;
  for (const field of SITUATION_FIELDS) {
    // A load balancer per Service today is the size of the workload, not the Ingress it may run.
    const sprawl = field === 'existing' && requirements.existing?.manyLoadBalancers === true;
    if (leaveOut.includes(field) && !(sprawl && !leaveOut.includes('manyServices'))) continue;
    const value = requirements[field];
    if (value === undefined || value === false) continue;
    if (field === 'serviceCount' && leaveOut.includes('manyServices')) continue;
    if (field === 'certificateManagement' && requirements.tlsTermination === true) continue;
    if (field === 'ports' && requirements.protocols !== undefined) continue;
    size++;
  }
  return size;
}

/** Words of something broken: such a question wants a diagnosis, not a ranking. */
const TROUBLE =
  /\b(?:pending|stuck|50[234]|bad gateway|gateway timeout|unhealthy|health ?checks? fail\w*|drops?|dropp(?:ed|ing)|disconnect\w*|reset by peer|time(?:s|d)? ?out|timeouts?|timing out|not reachable|unreachable|(?:cannot|can ?not|can't|unable to) (?:reach|connect|access)|connection refused|refused|not working|does not work|doesn't work|stopped working|broken|fails?|failing|failed|errors?|never (?:gets?|assigned|shows?)|instead of (?:the )?(?:real |actual )?(?:client|visitor|user)s?)\b/;

/**
 * Retrieval scores at which a topic is taken without a cue, tuned on the tune part of the own
 * questions and on the development questions (never on the held-out part).
 */
const RETRIEVAL = {
  /** The best topic's score must reach this... */
  confident: 4,
  /** ...and beat the second by this factor... */
  margin: 1.2,
  /** ...or by this one, to win over a question that also asks which option to use... */
  strongMargin: 1.6,
  /** ...or by this one, to win even over a described workload that asks which to use. */
  dominant: 5,
  /** To win over a workload described without a question, a topic must reach this score... */
  clear: 8,
  /** ...and be this much nearer than the situations. */
  overChoose: 2.5,
  /** A question leaning this much more to one topic than the next gets that topic. */
  lean: 1.1,
  /** Below this the question is not near any topic at all. */
  near: 1.5,
} as const;

/** Whether the text asks something (a question mark, or a question word first), not only describes. */
function asksSomething(text: string): boolean {
  return (
    /\?\s*$/.test(text) ||
    /^(?:how|why|what|when|where|which|who|is|are|does|do|can|could|should|will|would)\b/.test(text)
  );
}

function pickTopic(
  text: string,
  scored: ReadonlyArray<{ topic: TopicId; score: number }>,
  retrieved: readonly TopicMatch[],
  requirements: Requirements,
  choice: boolean,
  troubleshooting: boolean,
): { topic: TopicId | null; unsureBetween: TopicId[] } {
  const decided = (topic: TopicId | null) => ({ topic, unsureBetween: [] });
  const topics = (matches: readonly TopicMatch[]) =>
    matches.flatMap(({ topic }) => (topic === CHOOSE ? [] : [topic]));
  const unsure = () => ({ topic: null, unsureBetween: topics(retrieved).slice(0, 3) });
  // "Latency does not matter" is a requirement, not a question about latency.
  const fits = ({ topic }: { topic: TopicId | typeof CHOOSE }) =>
    topic === CHOOSE ||
    ((SAID_AWAY[topic] ?? []).every((field) => requirements[field] !== false) &&
      (PRECONDITIONS[topic]?.(requirements, text) ?? true));
  const cue = scored.find(fits);
  const [first, second] = retrieved.filter(fits);
  const nearest = first?.topic === CHOOSE || first === undefined ? null : first.topic;
  // The topic the question leans to: a real cue's, else the nearest by retrieval.
  const lead = cue !== undefined && cue.score >= 2 ? cue.topic : (nearest ?? cue?.topic);
  // How much of a workload the question describes, beyond the subject of the topic it leans to.
  const situation = situationSize(requirements, lead === undefined ? [] : (OWN_FIELDS[lead] ?? []));
  const ratio =
    first === undefined ? 0 : second === undefined ? Number.POSITIVE_INFINITY : first.score / second.score;
  const confident = first !== undefined && first.score >= RETRIEVAL.confident && ratio >= RETRIEVAL.margin;
  const agreed = cue !== undefined && cue.topic === nearest;
  const chooseScore = retrieved.find((match) => match.topic === CHOOSE)?.score ?? 0;
  const clearly =
    confident &&
    ratio >= RETRIEVAL.strongMargin &&
    (first?.score ?? 0) >= Math.max(RETRIEVAL.clear, RETRIEVAL.overChoose * chooseScore);

  // Settled phrasings win unless the question also describes a workload and asks what to use
  // ("EKS, 6 NLBs: ALB Ingress or Gateway API?" wants the ranking for those six).
  if (cue !== undefined && cue.score >= 4) {
    const workload = situation >= 3 || (situation >= 2 && namesAlternatives(text));
    return decided(choice && workload && !troubleshooting ? null : cue.topic);
  }
  if (troubleshooting) {
    if (cue !== undefined && (cue.score >= 3 || agreed)) return decided(cue.topic);
    if (confident && nearest !== null) return decided(nearest);
    return first !== undefined && first.score >= RETRIEVAL.near ? unsure() : decided(null);
  }
  // Nearest to the situations that want a ranking, or a workload described close to them.
  if (confident && nearest === null) return decided(null);
  if (situation >= 1 && first !== undefined && chooseScore * RETRIEVAL.strongMargin >= first.score) {
    return decided(null);
  }
  if (choice) {
    // A question that describes a workload and asks what to use wants the ranking, unless it is
    // overwhelmingly about one topic ("reachable only from inside our VNet"); one that names the
    // options to pick from ("Ingress or LB for 2 websites?") wants it all the more.
    const cueDisagrees = cue !== undefined && cue.score >= 3 && cue.topic !== nearest;
    if (nearest !== null && confident && ratio >= RETRIEVAL.dominant && !cueDisagrees)
      return decided(nearest);
    if (situation >= 2) return decided(null);
    if (cue !== undefined && cue.score >= 3) return decided(cue.topic);
    if (namesAlternatives(text) || situation >= 1) return decided(null);
    if (clearly && nearest !== null) return decided(nearest);
    return decided(null);
  }
  // A workload described, not asked about, gets the ranking unless it is clearly about one topic.
  if (!asksSomething(text) && situation >= 1 && !clearly) return decided(null);
  if (cue !== undefined && cue.score >= 3) return decided(cue.topic);
  if (nearest !== null && (confident || (agreed && situation <= 1))) return decided(nearest);
  if (cue !== undefined && cue.score >= 2 && situation === 0) return decided(cue.topic);
  // A question (not a choice) nearest to a topic gets the topic, or is asked back about when the
  // next topic is as near.
  if (asksSomething(text) && nearest !== null && first !== undefined && first.score >= RETRIEVAL.near) {
    return ratio >= RETRIEVAL.lean ? decided(nearest) : unsure();
  }
  if (situation >= 1 || first?.topic === CHOOSE) return decided(null);
  // Near topics but none clearly: ask which, rather than rank options nobody asked about.
  return first !== undefined && first.score >= RETRIEVAL.near ? unsure() : decided(null);
}

// ---------------------------------------------------------------------------------------------
// What was understood, in words.

const PROTOCOL_LABELS: Record<Protocol, string> = {
  http: 'HTTP',
  https: 'HTTPS',
  grpc: 'gRPC',
  websocket: 'WebSocket',
  tcp: 'TCP',
  udp: 'UDP',
  tls: 'TLS',
};
const CLOUD_LABELS: Record<Cloud, string> = {
  aws: 'AWS',
  gcp: 'Google Cloud (GKE)',
  azure: 'Azure (AKS)',
  digitalocean: 'DigitalOcean',
  other: 'another cloud provider',
};

/** Human phrases for requirements, e.g. "3 HTTP services", "UDP 53 (DNS)". */
export function describeRequirements(r: Requirements): string[] {
  const out: string[] = [];
  describe(r, out);
  return out;
}

function describe(r: Requirements, out: string[]): void {
  const httpFamily = (r.protocols ?? []).filter((p) => p !== 'tcp' && p !== 'udp' && p !== 'https');
  const portTransports = new Set((r.ports ?? []).map((p) => p.transport));
  const bareL4 = (r.protocols ?? []).filter(
    (p): p is 'tcp' | 'udp' => (p === 'tcp' || p === 'udp') && !portTransports.has(p),
  );
  const counted = r.serviceCount !== undefined || r.manyServices === true;
  const kind =
    counted && httpFamily.length === 1 && bareL4.length === 0
      ? `${PROTOCOL_LABELS[httpFamily[0] as Protocol]} `
      : '';
  if (r.serviceCount !== undefined)
    out.push(`${r.serviceCount} ${kind}service${r.serviceCount === 1 ? '' : 's'}`);
  else if (r.manyServices) out.push(`several ${kind}services`);
  const shownProtocols = [...(kind === '' ? httpFamily : []), ...bareL4];
  if (shownProtocols.length > 0) out.push(listOf(shownProtocols.map((p) => PROTOCOL_LABELS[p])));
  for (const port of r.ports ?? []) {
    const transport = port.transport ? `${port.transport.toUpperCase()} ` : 'port ';
    const what = port.what ? ` (${port.what.replace(/ \(([^)]*)\)/, ', $1')})` : '';
    out.push(`${transport}${port.port}${what}`);
  }
  if (r.hosts && r.hosts.length > 0) out.push(`host${r.hosts.length === 1 ? '' : 's'} ${r.hosts.join(', ')}`);
  if (r.hostRouting) out.push('routing by host name');
  if (r.pathRouting)
    out.push(`routing by path${r.paths && r.paths.length > 0 ? ` (${r.paths.join(', ')})` : ''}`);
  if (r.hostRouting === false && r.pathRouting === false) out.push('no host or path routing');
  if (r.tlsTermination === true) out.push('TLS');
  if (r.tlsTermination === false) out.push('no TLS');
  if (r.certificateManagement === true) out.push('automatic certificates (cert-manager / ACME)');
  if (r.passthrough) out.push('traffic must reach the pods untouched (passthrough, client IP)');
  if (r.latencySensitive === true) out.push('latency matters');
  if (r.latencySensitive === false) out.push('latency is not a concern');
  if (r.costSensitive === true) out.push('cost matters');
  if (r.costSensitive === false) out.push('cost is not a concern');
  if (r.cloud) out.push(CLOUD_LABELS[r.cloud]);
  else if (r.environment === 'cloud') out.push('a cloud provider');
  if (r.environment === 'bare-metal') out.push('bare metal / on-premises');
  if (r.environment === 'home-lab') out.push('home lab');
  if (r.noInboundPorts) out.push('no inbound ports can be opened');
  if (r.roleSeparation) out.push('separate platform and application teams');
  if (r.internalOnly === true) out.push('internal only');
  if (r.trafficSplitting === true) out.push('traffic splitting (weights, canary or headers)');
  if (r.trafficSplitting === false) out.push('no traffic splitting');
  if (r.multiProtocolStandard) out.push('one standard for several protocols');
  if (r.existing?.ingressNginx) out.push('ingress-nginx today');
  if (r.existing?.manyLoadBalancers) out.push('one load balancer per service today');
  if (r.existing?.ingress && !r.existing.ingressNginx) out.push('existing Ingress resources');
  if (r.existing?.gatewayApi) out.push('Gateway API in use');
}

/** `a`, `a and b`, `a, b and c`. */
export function listOf(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

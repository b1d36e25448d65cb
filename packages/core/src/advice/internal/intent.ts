/**
 * Which topic a question is about, scored from cues over the canonical text (see `understand.ts`):
 * a cue is a pattern and a weight; 4 is a phrasing that settles it ("difference between", "rules
 * are not picked up"), 3 a strong hint, 1 or 2 a word that only leans.
 */
import type { TopicId } from '../topics/types.js';
import { CONTROLLER_NAMES } from './vocabulary.js';

type Cue = readonly [RegExp, number];

const OPTION = `(?:ingress(?:es)?|loadbalancers?|service type loadbalancer|type loadbalancer|gateways?|gatewayapi|nodeport|tunnel)`;

const TOPIC_CUES: ReadonlyArray<{ topic: TopicId; cues: readonly Cue[] }> = [
  {
    topic: 'difference',
    cues: [
      [/\bdifferen(?:ce|ces|t)\b[^.?!]{0,20}\bbetween\b/, 4],
      [/\bhow (?:does|do|is|are)\b[^.?!]{0,40}\bdiffer/, 4],
      [/\b(?:differ|differs|difference|differences)\b/, 2],
      [
        new RegExp(
          String.raw`\b${OPTION}\s+(?:vs\.?|versus|compared (?:to|with)|against)\s+(?:an?\s+)?${OPTION}\b`,
        ),
        3,
      ],
      [/\b(?:compare|comparison|pros and cons|trade-?offs?)\b/, 2],
      [
        /^\s*(?:so\s+)?what(?: is| are)\s+(?:an?\s+|the\s+)?(?:ingress(?:es)?|loadbalancers?|service type loadbalancer|ingress controllers?)\s*\??\s*$/,
        4,
      ],
      [/\bexplain\b/, 2],
      [/\bwhen (?:should (?:i|we)|to|do (?:i|we)) use (?:each|which|what)\b/, 3],
    ],
  },
  {
    topic: 'ingress-required',
    cues: [
      [
        /\b(?:bother|bothering) (?:with|about) (?:an? |the )?ingress\b|\bingress\b[^?!]{0,60}\b(?:actually|really) (?:needed|necessary|required)\b|\bcargo cult\b/,
        4,
      ],
      [
        /\b(?:do|does|will) (?:i|we|you|one|it) (?:really |actually |even |always )?(?:need|require|have to use|have to have|must have) (?:an? |the )?ingress\b/,
        4,
      ],
      [
        /\bis (?:an? |the )?ingress (?:controller )?(?:really |always )?(?:required|necessary|needed|mandatory|a must)\b/,
        4,
      ],
      [
        /\b(?:need|require|must use|have to use) (?:an? )?ingress (?:to|for) (?:expose|publish|reach|access|make)\b/,
        4,
      ],
      [/\b(?:can|could) (?:i|we|you)\b[^.?!]{0,40}\bwithout (?:an? |any )?ingress\b/, 4],
      [/\bwithout (?:an? |any )?ingress\b/, 2],
      [/\bis (?:a |an )?(?:service type )?loadbalancer (?:service )?enough\b/, 3],
      [/\b(?:required|necessary|mandatory)\b/, 1],
    ],
  },
  {
    topic: 'controller-choice',
    cues: [
      [/\bwhich (?:ingress |gateway |gatewayapi )?(?:controller|implementation)s?\b/, 4],
      [
        /\b(?:best|good|recommended|popular|favou?rite|what) (?:ingress |gateway |gatewayapi )?(?:controller|implementation)s?\b/,
        3,
      ],
      [/\b(?:alternatives?|replacements?|successor) (?:to|for|of) ingressnginx\b/, 3],
      [/\b(?:replace|instead of|swap out|drop|leave|leaving) ingressnginx\b/, 3],
      [
        /\bingressnginx\b[^.?!]{0,60}\b(?:move|migrate|switch|go)\b[^.?!]{0,10}\bto\b|\b(?:move|moving|migrate|migrating|switch|switching)\b[^.?!]{0,10}\b(?:off|away from|from) ingressnginx\b/,
        3,
      ],
      [
        /\bingressnginx\b[^.?!]{0,20}\b(?:retired|retirement|deprecated|dead|eol|end of life|archived|unmaintained)\b/,
        3,
      ],
    ],
  },
  {
    topic: 'gateway-vs-ingress',
    cues: [
      [
        /\b(?:gatewayapi|gateway)\b[^.?!]{0,40}\b(?:successor|replacement|replace|replaces|replacing|the future|future|the new)\b/,
        3,
      ],
      [/\b(?:successor|replacement|future) (?:of|to|for) (?:the )?ingress\b/, 3],
      [
        /\b(?:remove|removing|removed|deprecate|deprecating|deprecated|kill|killing|drop|dropping|retire|retiring)\b[^.?!]{0,20}\bingress(?: api| resources?)?\b(?! ?nginx)/,
        4,
      ],
      [
        /\bingress(?: api)?\b[^.?!]{0,25}\b(?:deprecated|dead|obsolete|frozen|legacy|going away|removed|end of life|eol|retired)\b/,
        4,
      ],
      [
        /\b(?:gatewayapi|gateway)\s+(?:vs\.?|versus|or|compared (?:to|with)|against|instead of)\s+(?:an?\s+|the\s+)?ingress\b/,
        4,
      ],
      [
        /\bingress\s+(?:vs\.?|versus|or|compared (?:to|with)|against|instead of)\s+(?:the\s+)?(?:gatewayapi|gateway)\b/,
        4,
      ],
      [/\bdifferen(?:ce|ces|t)\b[^.?!]{0,40}\b(?:gatewayapi|gateway)\b[^.?!]{0,20}\bingress\b/, 5],
      [/\bdifferen(?:ce|ces|t)\b[^.?!]{0,40}\bingress\b[^.?!]{0,20}\b(?:gatewayapi|gateway)\b/, 5],
      [/^\s*what(?: is| are)\s+(?:the\s+)?gatewayapi\s*\??\s*$/, 4],
      [/\b(?:still|should (?:i|we)) (?:use|be using|learn|bother with) ingress\b/, 3],
      [/\bwhy (?:use |switch to |move to )?gatewayapi\b/, 3],
    ],
  },
  {
    topic: 'cost',
    cues: [
      [/\bhow much\b[^.?!]{0,50}\b(?:cost|costs|pay|charge|charged|money|bill)\b/, 4],
      [/\bwhat (?:does|do|will|would)\b[^.?!]{0,50}\bcost\b/, 4],
      [/\b(?:cost|price|pricing|costs|prices) (?:of|for|per|comparison|difference|differences)\b/, 3],
      [/\bis\b[^.?!]{0,40}\b(?:expensive|cheaper|cheap|costly)\b/, 3],
      // "What is the cheapest way to expose them" asks for an option, cost being what decides.
      [
        /\b(?:which|what)(?: one| option)? is (?:the )?(?:cheaper|cheapest|less expensive|more expensive)\b(?! (?:way|option|approach|setup|solution)s?\b)/,
        4,
      ],
      [/\bcheaper\b[^.?!]{0,30}\bor\b|\bor\b[^.?!]{0,40}\bcheaper\b/, 4],
      [/\b(?:cost|costs|pricing|price|expensive|cheaper|cheapest|bill|billing)\b/, 1],
    ],
  },
  {
    topic: 'performance',
    cues: [
      [/\bhow much (?:latency|overhead|slower|faster|delay)\b/, 4],
      [
        /\b(?:double|extra|additional|second) (?:network )?hop\b|\bperf(?:ormance)? (?:hit|penalty|impact)\b/,
        4,
      ],
      [/\b\d+(?:\.\d+)? ?ms\b[^.?!]{0,80}\b(?:ingress|gateway|proxy|loadbalancer|controller|envoy)\b/, 3],
      [/\b(?:slower|faster|quicker) than\b/, 4],
      [/\bis\b[^.?!]{0,40}\b(?:slower|faster|slow|fast)\b/, 3],
      [
        /\b(?:latency|overhead|performance|throughput) (?:of|added|penalty|hit|impact|cost|difference|comparison)\b/,
        3,
      ],
      [
        /\b(?:does|do|will|would) (?:an? |the )?[a-z]+(?: [a-z]+)? add (?:[a-z]+ ){0,3}?(?:latency|overhead|delay|hops?)\b/,
        4,
      ],
      [/\badds? (?:[a-z]+ ){0,3}?(?:latency|overhead|delay|hops?)\b/, 3],
      [/\bbenchmarks?\b/, 3],
      [/\b(?:latency|performance|overhead|throughput)\b/, 1],
    ],
  },
  {
    topic: 'tls',
    cues: [
      [/\bwhere (?:should|do|does|to|is|are|can)\b[^.?!]{0,40}\b(?:tls|ssl|https|certificates?)\b/, 4],
      [/\b(?:tls|ssl|https)\b[^.?!]{0,15}\bterminat/, 3],
      [/\bterminat\w*\b[^.?!]{0,15}\b(?:tls|ssl|https)\b/, 3],
      [
        /\bwho (?:should |will |does |would )?(?:manages?|handles?|renews?|owns?|issues?)\b[^.?!]{0,30}\b(?:certificates?|tls|ssl)\b/,
        4,
      ],
      [
        /\bhow (?:do|to|can|should) (?:i |we )?(?:set up |setup |configure |add |get |manage |renew |handle |use )?(?:tls|ssl|https|certificates?|letsencrypt|certmanager)\b/,
        4,
      ],
      [/\bcertmanager (?:with|for|and|on)\b/, 2],
      [/\b(?:tls|ssl) passthrough\b|\bpassthrough\b[^.?!]{0,20}\b(?:tls|ssl)\b/, 2],
      [/\bwildcard certificates?\b/, 2],
      [/\b(?:tls|ssl|certificates?)\b/, 1],
    ],
  },
  {
    topic: 'migration-lb-to-ingress',
    cues: [
      [
        /\b(?:replace|convert|migrate|move|consolidate|switch|turn|merge|combine|collapse|reduce|go)\b[^.?!]{0,50}\bloadbalancers?\b[^.?!]{0,60}\b(?:to|into|with|behind|onto|under|by)\b[^.?!]{0,25}\b(?:ingress(?:es)?|(?:one|1|single|a shared|shared) (?:entry ?point|ip|address|loadbalancer))\b/,
        5,
      ],
      [
        /\bfrom (?:many |multiple |several |\d+ )?(?:\w+ )?loadbalancers?\b[^.?!]{0,30}\bto (?:an? |one |a single )?ingress\b/,
        5,
      ],
      [/\bloadbalancers? to (?:an? |one |a single )?ingress\b/, 4],
      [/\bconsolidat\w*\b[^.?!]{0,40}\bloadbalancers?\b|\bloadbalancers?\b[^.?!]{0,40}\bconsolidat/, 3],
      [/\b(?:steps|how)\b[^.?!]{0,30}\b(?:migrate|migration|move|switch)\b[^.?!]{0,30}\bto ingress\b/, 3],
    ],
  },
  {
    topic: 'migration-ingress-to-gateway',
    cues: [
      [
        /\b(?:convert|migrate|move|translate|port|switch|transition|go|upgrade|rewrite|turn)\b[^.?!]{0,50}\b(?:ingress(?:es)?|ingressnginx)\b[^.?!]{0,60}\b(?:to|into|with|onto|for)\b[^.?!]{0,20}\b(?:gateway|gatewayapi|httproutes?)\b/,
        5,
      ],
      [/\bingress2gateway\b/, 5],
      [
        /\b(?:ingress(?:es)?|ingress resources?|ingressnginx) (?:to|into) (?:an? )?(?:httproutes?|gatewayapi|gateway)\b/,
        5,
      ],
      [
        /\bfrom (?:an? )?(?:ingress(?:es)?|ingressnginx)\b[^.?!]{0,20}\bto\b[^.?!]{0,10}\b(?:gatewayapi|gateway|httproutes?)\b/,
        5,
      ],
      [/\bmigrat\w*\b[^.?!]{0,30}\b(?:to|towards|onto) (?:the )?(?:gatewayapi|gateway|httproutes?)\b/, 4],
      [/\b(?:migrat|convert|mov)\w*\b[^.?!]{0,20}\b(?:off|away from) (?:of )?(?:ingressnginx|ingress)\b/, 4],
      [/\bhttproutes?\b/, 1],
    ],
  },
  {
    topic: 'internal-lb',
    cues: [
      [
        /\b(?:internal|private|internal-only|vpc-only) (?:loadbalancers?|lbs?|albs?|nlbs?|elbs?|ingress(?:es)?|gateways?)\b/,
        4,
      ],
      [
        /\b(?:only|just) (?:from |reachable from |inside |within )+(?:the |our |a )?(?:vpc|vnet|vpn|private network|internal network)\b/,
        3,
      ],
    ],
  },
  {
    topic: 'troubleshoot-service-no-pods',
    cues: [
      [
        /\b(?:reach|reaches|reached|hits|hit|gets to|arrives? at|comes? to)\b[^.?!]{0,30}\bservice\b[^.?!]{0,40}\b(?:not|never|no)\b[^.?!]{0,20}\bpods?\b/,
        5,
      ],
      [/\bbut not (?:to )?the pods?\b/, 4],
      [
        /\bno endpoints?\b|\bendpoints? (?:is |are )?(?:empty|missing|none)\b|\bendpointslices? (?:is |are )?empty\b/,
        4,
      ],
      [
        /\bselectors? (?:does not|do not|did not|not|never) match\b|\b(?:wrong|mismatched|bad) (?:selector|labels?|targetport|target port)\b/,
        4,
      ],
      [/\btargetport\b|\btarget port\b/, 2],
      [/\b(?:pods?) (?:are |is )?(?:not|never) (?:receiv|getting|get|reach)\w*\b/, 4],
      [
        /\bservice (?:does not|is not|not|never) (?:route|routing|forward|forwarding|send|sending|reach|reaching)\w*\b[^.?!]{0,20}\bpods?\b/,
        4,
      ],
      [/\bno healthy upstream\b|\bconnection refused\b|\b503\b/, 2],
    ],
  },
  {
    topic: 'troubleshoot-ingress-rules-ignored',
    cues: [
      [
        /\bingress(?:es|nginx)?\b[^.?!]{0,30}\b(?:rules?|resources?|objects?|paths?|hosts?)?\b[^.?!]{0,10}\b(?:not|never) (?:being )?(?:picked up|applied|working|taking effect|used|recogni[sz]ed|respected|honou?red|effective|loaded|seen|processed)\b/,
        5,
      ],
      [
        /\brules? (?:are |is )?(?:not|never) (?:being )?(?:picked up|applied|taking effect|recogni[sz]ed|honou?red|respected)\b/,
        4,
      ],
      [
        /\bingress(?:es|nginx)?\b[^.?!]{0,40}\b(?:ignored|ignores|ignoring|no effect|does not work|not work|is not working|returns? 404|404|default backend|has no address|no address|no ip)\b/,
        4,
      ],
      [/\bingress ?class(?:name)?\b|\bingressclass(?:name)?\b/, 2],
      [/\bcontroller (?:ignores|does not see|is not seeing|does not pick)\b/, 4],
    ],
  },
  {
    topic: 'troubleshoot-aws-wrong-lb',
    cues: [
      [
        /\b(?:aws|eks|amazon)\b[^.?!]{0,60}\b(?:wrong|unexpected|classic|clb|different|instead)\b[^.?!]{0,40}\b(?:loadbalancer|type|lb|nlb|alb|elb)\b/,
        5,
      ],
      [
        /\b(?:aws|eks|amazon)\b[^.?!]{0,40}\b(?:created|creates|provisioned|gave|made|gives)\b[^.?!]{0,30}\b(?:wrong|classic|clb|elb)\b/,
        5,
      ],
      [
        /\b(?:nlb|alb|clb|elb|classic loadbalancer)\b[^.?!]{0,30}\binstead of\b[^.?!]{0,20}\b(?:nlb|alb|clb|elb|an? nlb|an? alb)\b/,
        5,
      ],
      [/\b(?:got|get|getting|created) an? (?:classic|clb|elb)\b/, 4],
      [/\bwrong (?:loadbalancer|lb) type\b|\bwrong type of loadbalancer\b/, 3],
    ],
  },
];

const CONTROLLER_WORDS = new RegExp(`\\b(?:${CONTROLLER_NAMES.join('|')})\\b`, 'g');

/** Scores each topic for the canonical text; only topics with a cue are listed. */
export function scoreTopics(text: string): Array<{ topic: TopicId; score: number }> {
  const scores: Array<{ topic: TopicId; score: number }> = [];
  for (const { topic, cues } of TOPIC_CUES) {
    // The strongest cue counts fully, the others add a little: two weak words are not a strong one.
    let best = 0;
    let extra = 0;
    for (const [pattern, weight] of cues) {
      if (!pattern.test(text)) continue;
      if (weight > best) {
        extra += best > 0 ? 0.5 : 0;
        best = weight;
      } else extra += 0.5;
    }
    if (topic === 'controller-choice') {
      const names = new Set(text.match(CONTROLLER_WORDS) ?? []);
      if (names.size >= 2)
        best = Math.max(best, /\b(?:or|vs\.?|versus|and|compared|better|between)\b/.test(text) ? 4 : 2);
      else if (
        names.size === 1 &&
        best === 0 &&
        /\b(?:should (?:i|we) use|recommend|good choice|worth)\b/.test(text)
      )
        best = 2;
    }
    if (best > 0) scores.push({ topic, score: best + Math.min(extra, 1) });
  }
  return scores.sort((a, b) => b.score - a.score);
}

/**
 * Whether the question asks to choose between ways to expose something. A yes/no question ("does
 * cert-manager work with a Gateway?", "is ALB pricier than NLB?") does not, unless it names
 * alternatives to pick from ("do I need an Ingress or a LoadBalancer?").
 */
export function asksForChoice(text: string): boolean {
  if (YES_NO_QUESTION.test(text) && !ALTERNATIVES.test(text)) return false;
  return CHOICE.some((pattern) => pattern.test(text));
}

/** Whether the question names options to pick from: "Ingress or a LoadBalancer", "LB vs Gateway". */
export function namesAlternatives(text: string): boolean {
  return OPTION_ALTERNATIVES.test(text);
}

const OPTION_ALTERNATIVES = new RegExp(
  String.raw`\b${OPTION}\b[^.?!]{0,40}\b(?:or|vs\.?|versus)\b[^.?!]{0,40}\b${OPTION}\b`,
);

/**
 * The opening of a yes/no question ("does ...", "so can we ..."): one definition for telling a
 * choice from a yes/no question and for the capability questions.
 */
export const YES_NO_QUESTION =
  /^(?:(?:so|and|ok|okay|hey|hi|quick question)[\s,:]+)*(?:can|could|does|do|did|is|are|will|would|has|have)\b/;
const ALTERNATIVES = new RegExp(
  String.raw`\b(?:which|better|should)\b|\b${OPTION}\b[^.?!]{0,40}\b(?:or|vs\.?|versus)\b`,
);

const CHOICE: readonly RegExp[] = [
  new RegExp(String.raw`\b${OPTION}\b[^.?!]{0,40}\b(?:or|vs\.?|versus)\b[^.?!]{0,40}\b${OPTION}\b`),
  /\b(?:should|shall|would|could) (?:i|we) (?:use|go|pick|choose|take|prefer|do|move|switch|migrate)\b/,
  /\bwhich (?:one|option|approach|is better|should|to use|do (?:i|we)|would you|way)\b/,
  /\bwhat (?:should|do|would|to|can) (?:i |we |you )?(?:use|pick|choose|recommend|suggest)\b/,
  /\brecommend\w*\b|\bsuggest\w*\b|\badvi[cs]e\b/,
  /\bbest (?:way|option|choice|approach|practice|solution)\b/,
  /\bhow (?:should|do|can|to|would) (?:i |we )?(?:expose|publish|serve|route|make|get|reach)\b/,
  /\b(?:expose|exposing|publish|publishing|reachable|accessible|access from)\b/,
  /\b(?:options?|ways?) (?:for|to)\b/,
];

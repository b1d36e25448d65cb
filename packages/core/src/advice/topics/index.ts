/** Every topic, in one list, in TOPIC_IDS order. */
import controllerChoice from './controller-choice.js';
import cost from './cost.js';
import difference from './difference.js';
import gatewayVsIngress from './gateway-vs-ingress.js';
import ingressRequired from './ingress-required.js';
import migrationIngressToGateway from './migration-ingress-to-gateway.js';
import migrationLbToIngress from './migration-lb-to-ingress.js';
import performanceTopic from './performance.js';
import tls from './tls.js';
import troubleshootAwsWrongLb from './troubleshoot-aws-wrong-lb.js';
import troubleshootIngressRulesIgnored from './troubleshoot-ingress-rules-ignored.js';
import troubleshootServiceNoPods from './troubleshoot-service-no-pods.js';
import type { Topic, TopicId } from './types.js';

export const TOPICS: readonly Topic[] = [
  difference,
  ingressRequired,
  controllerChoice,
  gatewayVsIngress,
  cost,
  performanceTopic,
  tls,
  migrationLbToIngress,
  migrationIngressToGateway,
  troubleshootServiceNoPods,
  troubleshootIngressRulesIgnored,
  troubleshootAwsWrongLb,
];

/** Looks a topic up by id. */
export function topicById(id: TopicId): Topic | undefined {
  return TOPICS.find((topic) => topic.id === id);
}

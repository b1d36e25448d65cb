/** Every topic, in one list, in TOPIC_IDS order. */
import bareMetal from './bare-metal.js';
import clientSourceIp from './client-source-ip.js';
import controllerChoice from './controller-choice.js';
import cost from './cost.js';
import difference from './difference.js';
import gatewayVsIngress from './gateway-vs-ingress.js';
import grpc from './grpc.js';
import ingressRequired from './ingress-required.js';
import internalLb from './internal-lb.js';
import migrationIngressToGateway from './migration-ingress-to-gateway.js';
import migrationLbToIngress from './migration-lb-to-ingress.js';
import mixedProtocols from './mixed-protocols.js';
import mtls from './mtls.js';
import performanceTopic from './performance.js';
import shareLoadBalancer from './share-load-balancer.js';
import timeoutsWebsockets from './timeouts-websockets.js';
import tls from './tls.js';
import troubleshoot502HealthChecks from './troubleshoot-502-health-checks.js';
import troubleshootAwsWrongLb from './troubleshoot-aws-wrong-lb.js';
import troubleshootIngressRulesIgnored from './troubleshoot-ingress-rules-ignored.js';
import troubleshootPendingExternalIp from './troubleshoot-pending-external-ip.js';
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
  troubleshootPendingExternalIp,
  bareMetal,
  clientSourceIp,
  timeoutsWebsockets,
  grpc,
  mtls,
  mixedProtocols,
  internalLb,
  troubleshoot502HealthChecks,
  shareLoadBalancer,
];

const BY_ID = new Map(TOPICS.map((topic) => [topic.id, topic]));

/** Looks a topic up by id; every TopicId has one (checked by the topic tests). */
export function topicById(id: TopicId): Topic {
  const topic = BY_ID.get(id);
  if (topic === undefined) throw new Error(`No topic with id ${id}`);
  return topic;
}

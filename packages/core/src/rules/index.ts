/** Every rule, in one list: a new rule is one file plus one line here. */

import apiRemoved from './api-removed.js';
import type { Rule } from './define-rule.js';
import gatewayRouteUnresolved from './gateway-route-unresolved.js';
import helmValuesLoadbalancer from './helm-values-loadbalancer.js';
import ingressBackendUnknownService from './ingress-backend-unknown-service.js';
import ingressNginxRetired from './ingress-nginx-retired.js';
import ingressNoClass from './ingress-no-class.js';
import ingressNoTls from './ingress-no-tls.js';
import lbDeprecatedLoadbalancerip from './lb-deprecated-loadbalancerip.js';
import lbHttpConsolidate from './lb-http-consolidate.js';
import lbL4Appropriate from './lb-l4-appropriate.js';
import lbSensitivePortPublic from './lb-sensitive-port-public.js';
import manifestInvalid from './manifest-invalid.js';
import serviceSelectorNoMatch from './service-selector-no-match.js';
import serviceTargetPortMismatch from './service-target-port-mismatch.js';
import yamlDuplicateKey from './yaml-duplicate-key.js';

/** All rules, in id order. */
export const RULES: readonly Rule[] = [
  apiRemoved,
  gatewayRouteUnresolved,
  helmValuesLoadbalancer,
  ingressBackendUnknownService,
  ingressNginxRetired,
  ingressNoClass,
  ingressNoTls,
  lbDeprecatedLoadbalancerip,
  lbHttpConsolidate,
  lbL4Appropriate,
  lbSensitivePortPublic,
  manifestInvalid,
  serviceSelectorNoMatch,
  serviceTargetPortMismatch,
  yamlDuplicateKey,
] as readonly Rule[];

/** Every rule id; ids are permanent. */
export const RULE_IDS: readonly string[] = RULES.map((rule) => rule.id);

/** Looks a rule up by id. */
export function ruleById(id: string): Rule | undefined {
  return RULES.find((rule) => rule.id === id);
}

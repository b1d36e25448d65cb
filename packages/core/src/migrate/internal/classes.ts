/**
 * Which IngressClass or GatewayClass generated objects name: the one asked for, else what the set
 * already uses, else none (Ingress: the cluster's default class) or a placeholder (Gateway API
 * requires one). Never the retired ingress-nginx class without saying so.
 */

import { controllerNoun, knownControllerOf } from '../../inventory/entry-points.js';
import {
  INGRESS_NGINX_DEFAULT_CLASS,
  ingressClassIndex,
  isIngressNginxClass,
} from '../../inventory/ingress-class.js';
import type { LoadBalancerView } from '../../inventory/views.js';
import { displayName } from '../../manifests/objects.js';
import { type MigrationContext, warn } from './context.js';

/** GatewayClass written when neither `--class` nor the set names one. */
export const PLACEHOLDER_GATEWAY_CLASS = 'example';

/** The IngressClass for generated Ingresses; null to leave `ingressClassName` out. */
export function ingressClassFor(context: MigrationContext): string | null {
  const { inventory, options } = context;
  const { byName, defaultNames } = ingressClassIndex(inventory);
  let name: string | null = options.className ?? null;
  let source = 'as asked';
  if (name === null) {
    const used = [...new Set(inventory.ingresses.map((ingress) => ingress.className))];
    if (used.length === 1 && used[0] !== null && used[0] !== undefined) {
      name = used[0];
      source = 'the class the Ingresses of the set use';
    } else if (defaultNames.length === 1) {
      name = defaultNames[0] ?? null;
      source = 'the default IngressClass of the set';
    } else {
      const served = entryPointClass(context);
      if (served !== null) ({ name, source } = served);
    }
  }
  if (name === null) {
    warn(
      context,
      'No IngressClass was given (--class), so the generated Ingresses name none and the cluster default IngressClass serves them; a cluster without one ignores them.',
    );
    return null;
  }
  const view = byName.get(name);
  if ((view && isIngressNginxClass(view)) || (!view?.controller && name === INGRESS_NGINX_DEFAULT_CLASS)) {
    warn(
      context,
      `The generated Ingresses use class ${name} (${source}), the class of the community ingress-nginx controller, which was retired in March 2026 and gets no security fixes: prefer --class with a maintained controller, or --to gateway.`,
    );
  }
  return name;
}

/**
 * The IngressClass of the one Ingress controller whose entry point the set holds (the ingress-nginx
 * deploy manifest installs the controller, its LoadBalancer and IngressClass nginx together), so the
 * generated Ingresses are served by the controller the Services now share.
 */
function entryPointClass(context: MigrationContext): { name: string; source: string } | null {
  const { inventory } = context;
  const found = new Map<string, LoadBalancerView>();
  for (const lb of inventory.loadBalancers) {
    const controllers = knownControllerOf(lb)?.ingressClassControllers ?? [];
    if (lb.role !== 'entry-point' || controllers.length === 0) continue;
    for (const view of inventory.ingressClasses) {
      if (view.controller !== null && controllers.includes(view.controller) && !found.has(view.object.name)) {
        found.set(view.object.name, lb);
      }
    }
  }
  if (found.size !== 1) return null;
  const [[name, lb]] = [...found] as [[string, LoadBalancerView]];
  return {
    name,
    source: `served by the ${controllerNoun(lb)} of the set, Service ${displayName(lb.object)}`,
  };
}

/** The GatewayClass for generated Gateways. */
export function gatewayClassFor(context: MigrationContext): string {
  const { inventory, options } = context;
  if (options.className !== undefined) return options.className;
  const classes = [...new Set(inventory.gatewayClasses.map((object) => object.name))];
  if (classes.length === 1 && classes[0] !== undefined) return classes[0];
  const used = [...new Set(inventory.gateways.map((gateway) => gateway.className))];
  if (used.length === 1 && used[0] !== undefined) return used[0];
  warn(
    context,
    `No GatewayClass was given (--class), so the Gateways name the placeholder class "${PLACEHOLDER_GATEWAY_CLASS}": replace it with your implementation's (e.g. eg, istio, cilium, nginx, traefik, gke-l7-global-external-managed).`,
  );
  return PLACEHOLDER_GATEWAY_CLASS;
}

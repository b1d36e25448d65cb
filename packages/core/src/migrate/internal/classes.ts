/**
 * Which IngressClass or GatewayClass generated objects name: the one asked for, else what the set
 * already uses, else none (Ingress: the cluster's default class) or a placeholder (Gateway API
 * requires one). Never the retired ingress-nginx class without saying so.
 */
import {
  INGRESS_NGINX_DEFAULT_CLASS,
  ingressClassIndex,
  isIngressNginxClass,
} from '../../inventory/ingress-class.js';
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

import type { HelmValuesFile } from '../manifests/load.js';
import { lineAt, type NodePath } from '../manifests/positions.js';
import { defineRule } from './define-rule.js';

/** Deepest mapping we look into; values files nest a handful of levels, a rare CRD-like one a few dozen. */
const MAX_DEPTH = 50;
/** Findings per file, so a generated values file cannot flood a PR comment. */
const MAX_FINDINGS_PER_FILE = 100;

/**
 * Helm values that set a Service type to LoadBalancer. The templates are not YAML until rendered, so
 * the values are where the choice is visible in a repository; each release of the chart then gets
 * its own cloud load balancer.
 */
export default defineRule({
  id: 'helm-values-loadbalancer',
  reads: [],
  severity: 'warning',
  summary: 'Helm values that make a chart render a Service of type LoadBalancer.',
  why: 'Every release of the chart provisions its own cloud load balancer, billed by the hour, and every environment multiplies the count. HTTP services can share one Ingress or Gateway instead.',
  fix: 'Install with `--set {{path}}=ClusterIP` (or change it in {{file}}) and expose the chart through an Ingress or a Gateway route. Keep LoadBalancer where the Service is itself the entry point (an Ingress or Gateway controller) or carries TCP or UDP.',
  messages: {
    loadBalancer:
      'Helm values set `{{path}}: LoadBalancer`: the chart will render a LoadBalancer Service, one cloud load balancer, for every release installed with these values.',
  },
  check(inventory, context) {
    const reported = new Map<string, number>();
    for (const values of inventory.helmValues) {
      const budget = MAX_FINDINGS_PER_FILE - (reported.get(values.file) ?? 0);
      if (budget <= 0) continue;
      const found = findLoadBalancerTypes(values.value, budget);
      reported.set(values.file, (reported.get(values.file) ?? 0) + found.length);
      for (const path of found) {
        context.report({
          messageId: 'loadBalancer',
          data: { path: setPath(path), file: values.file },
          file: values.file,
          line: lineIn(values, path),
        });
      }
    }
  },
});

/**
 * Paths of every Service type set to LoadBalancer, depth-first in document order, at most `limit`:
 * a `type` under a key naming a Service (`service`, `controller.service`, `services[1]`, `my.svc`) or a
 * `serviceType` key. A block switched off with `enabled: false` renders nothing and is skipped.
 */
function findLoadBalancerTypes(root: unknown, limit: number): NodePath[] {
  const found: NodePath[] = [];
  const walk = (node: unknown, path: NodePath): void => {
    if (found.length >= limit || path.length > MAX_DEPTH) return;
    if (Array.isArray(node)) {
      for (const [index, item] of node.entries()) {
        if (found.length >= limit) return;
        walk(item, [...path, index]);
      }
    } else if (typeof node === 'object' && node !== null) {
      if ((node as Record<string, unknown>).enabled === false) return;
      // The nearest key above, list indexes skipped: `services[1].type` is a Service's type.
      const parent = path.findLast((step) => typeof step === 'string');
      const underService = parent !== undefined && /service|svc/i.test(parent);
      for (const [key, value] of Object.entries(node)) {
        if (found.length >= limit) return;
        // Case-sensitive, as Kubernetes reads it: `loadbalancer` would be rejected, not provisioned.
        const serviceType = (key === 'type' && underService) || /^serviceType$/i.test(key);
        if (serviceType && value === 'LoadBalancer') found.push([...path, key]);
        else walk(value, [...path, key]);
      }
    }
  };
  walk(root, []);
  return found;
}

/** The path as `helm --set` reads it: `a.b[0].c`, with `.`, `,`, `=` and `\` inside keys escaped. */
function setPath(path: NodePath): string {
  return path
    .map((step, index) =>
      typeof step === 'number'
        ? `[${step}]`
        : `${index === 0 ? '' : '.'}${step.replace(/([.,=\\])/g, '\\$1')}`,
    )
    .join('');
}

function lineIn(values: HelmValuesFile, path: NodePath): number {
  return values.position === null ? 1 : lineAt(values.position, path);
}

/**
 * The controller annotations of one Ingress, read by every provider whose prefix they carry; an
 * annotation of a known controller that no reader recognises is reported as unknown.
 */

import { readAwsAlb } from './aws-alb.js';
import { annotationEntry, PROVIDERS, providerOf } from './catalog.js';
import { emptyFeatures, type RouteFeatures, reportInto } from './features.js';
import { readIngressNginx } from './ingress-nginx.js';
import { readNginxInc } from './nginx-inc.js';
import { readTraefik } from './traefik.js';

export type { RouteFeatures } from './features.js';

/** Reads every controller annotation; `servedByIngressNginx` turns on ingress-nginx's TLS redirect. */
export function readAnnotations(
  annotations: Readonly<Record<string, string>>,
  paths: ReadonlyArray<{ path: string }>,
  servedByIngressNginx: boolean,
): RouteFeatures {
  const features = emptyFeatures();
  const report = reportInto(features);
  readIngressNginx(annotations, paths, servedByIngressNginx, features, report);
  readNginxInc(annotations, features, report);
  readTraefik(annotations, features, report);
  readAwsAlb(annotations, features, report);
  const handled = new Set([
    ...features.carried,
    ...features.needsPolicy,
    ...features.notCarried.map((entry) => entry.key),
  ]);
  for (const key of Object.keys(annotations).sort()) {
    if (handled.has(key)) continue;
    const provider = providerOf(key);
    if (provider === undefined) continue;
    const entry = annotationEntry(key);
    if (entry !== undefined) {
      // Recognised, set to a value nothing is written for: its catalogue outcome says what to do.
      if (
        entry.outcomes.standard.outcome === 'converted' &&
        entry.outcomes['envoy-gateway'].outcome === 'converted'
      )
        report.carry(key);
      else report.refuse(key);
      continue;
    }
    const name = PROVIDERS.find((candidate) => candidate.id === provider)?.name ?? provider;
    report.refuse(
      key,
      `an unknown ${name} annotation: check what it does and re-create it with Gateway API or your implementation`,
    );
  }
  return features;
}

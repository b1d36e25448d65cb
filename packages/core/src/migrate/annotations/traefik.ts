/** Traefik's Ingress annotations (`traefik.ingress.kubernetes.io/*`). */
import { type AnnotationReport, commaList, type RouteFeatures } from './features.js';

const PREFIX = 'traefik.ingress.kubernetes.io/';

export function readTraefik(
  annotations: Readonly<Record<string, string>>,
  features: RouteFeatures,
  report: AnnotationReport,
): void {
  const value = (name: string): string | undefined => annotations[`${PREFIX}${name}`];

  const entryPoints = value('router.entrypoints');
  if (entryPoints !== undefined) {
    const names = commaList(entryPoints);
    const unknown = names.filter((name) => name !== 'web' && name !== 'websecure');
    const web = names.includes('web');
    const secure = names.includes('websecure');
    if (unknown.length > 0 || (!web && !secure)) {
      report.refuse(
        `${PREFIX}router.entrypoints`,
        `entry points ${unknown.join(', ') || '(none)'} are not the default web and websecure: add a Gateway listener for each and attach the routes to it`,
      );
    }
    if (web !== secure) features.listeners = web ? 'http' : 'https';
    if (unknown.length === 0 && (web || secure)) report.carry(`${PREFIX}router.entrypoints`);
  }
  const tls = value('router.tls');
  if (tls !== undefined) {
    if (tls.trim().toLowerCase() === 'true') features.listeners = 'https';
    report.carry(`${PREFIX}router.tls`);
  }
  const matcher = value('router.pathmatcher')?.trim();
  if (matcher !== undefined) {
    if (matcher === 'Path') features.pathType = 'Exact';
    else if (matcher === 'PathPrefix') features.pathType = 'PathPrefix';
    else if (matcher === 'PathRegexp') features.useRegex = true;
    if (['Path', 'PathPrefix', 'PathRegexp'].includes(matcher)) report.carry(`${PREFIX}router.pathmatcher`);
    else report.refuse(`${PREFIX}router.pathmatcher`, `"${matcher}" is not Path, PathPrefix or PathRegexp`);
  }
}

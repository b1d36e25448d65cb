/**
 * What makes a file a Kustomize kustomization: its name, as `kustomize build` looks for it, or its
 * kind. Building one is the job of the Kustomize units (units/kustomize/); the loader only needs
 * to know one when it sees one, to say so instead of reading it as objects.
 */
import { posix } from 'node:path';

/** Kustomization file names, as `kustomize build` looks for them in a folder. */
export const KUSTOMIZATION_FILE_NAMES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'] as const;

/** Whether a file's name makes it a kustomization, whatever it holds. */
export function isKustomizationFileName(path: string): boolean {
  return (KUSTOMIZATION_FILE_NAMES as readonly string[]).includes(posix.basename(path));
}

/** Whether a parsed document is a kustomization (or a Component) by its kind. */
export function isKustomizationObject(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const { apiVersion, kind } = value as { apiVersion?: unknown; kind?: unknown };
  return (
    (kind === 'Kustomization' || kind === 'Component') &&
    String(apiVersion).startsWith('kustomize.config.k8s.io/')
  );
}

/**
 * Patch targets (`target:` of `patches` and `patchesJson6902`), selected as kustomize selects them:
 * group, version, kind, name and namespace are regular expressions matched whole (kustomize anchors
 * them), name and namespace against the original or the current id; labelSelector and
 * annotationSelector are Kubernetes label selectors.
 */
import { effectiveNamespace } from './ids.js';
import {
  annotationsOf,
  currentId,
  isMap,
  labelsOf,
  originalId,
  type Resource,
  scalarText,
} from './resource.js';

export class SelectorError extends Error {}

export interface Target {
  group: string;
  version: string;
  kind: string;
  name: string;
  namespace: string;
  labelSelector: string;
  annotationSelector: string;
}

export function readTarget(value: unknown): Target | undefined {
  if (!isMap(value)) return undefined;
  const text = (key: string): string => {
    const field = value[key];
    return field === undefined || field === null ? '' : scalarText(field);
  };
  return {
    group: text('group'),
    version: text('version'),
    kind: text('kind'),
    name: text('name'),
    namespace: text('namespace'),
    labelSelector: text('labelSelector'),
    annotationSelector: text('annotationSelector'),
  };
}

export function describeTarget(target: Target): string {
  const parts = (
    ['group', 'version', 'kind', 'name', 'namespace', 'labelSelector', 'annotationSelector'] as const
  )
    .filter((key) => target[key] !== '')
    .map((key) => `${key}=${target[key]}`);
  return parts.join(', ') || 'everything';
}

/** A repetition of a group that itself repeats: JavaScript's backtracking could take forever on it. */
export const NESTED_REPETITION = /\((?:[^()\\]|\\.)*[+*}](?:[^()\\]|\\.)*\)\s*(?:[+*]|\{\d+,)/;

function anchored(pattern: string, what: string): RegExp | undefined {
  if (pattern === '') return undefined;
  if (NESTED_REPETITION.test(pattern)) {
    throw new SelectorError(
      `the target's ${what} '${pattern}' repeats a repeated group; the built-in renderer does not run such expressions (kustomize's Go engine can)`,
    );
  }
  try {
    return new RegExp(`^(?:${pattern})$`);
  } catch (error) {
    throw new SelectorError(
      `the target's ${what} '${pattern}' is not a valid regular expression: ${String(error)}`,
    );
  }
}

export function selectResources(resources: Resource[], target: Target): Resource[] {
  const group = anchored(target.group, 'group');
  const version = anchored(target.version, 'version');
  const kind = anchored(target.kind, 'kind');
  const name = anchored(target.name, 'name');
  const namespace = anchored(target.namespace, 'namespace');
  const labels = target.labelSelector === '' ? undefined : parseLabelSelector(target.labelSelector);
  const annotations =
    target.annotationSelector === '' ? undefined : parseLabelSelector(target.annotationSelector);
  return resources.filter((resource) => {
    const current = currentId(resource);
    const original = originalId(resource);
    if (
      namespace &&
      !namespace.test(effectiveNamespace(original)) &&
      !namespace.test(effectiveNamespace(current))
    ) {
      return false;
    }
    if (name && !name.test(original.name) && !name.test(current.name)) return false;
    if (group && !group.test(current.group)) return false;
    if (version && !version.test(current.version)) return false;
    if (kind && !kind.test(current.kind)) return false;
    if (labels && !labels(labelsOf(resource.value))) return false;
    if (annotations && !annotations(annotationsOf(resource.value))) return false;
    return true;
  });
}

type Matcher = (labels: Record<string, string>) => boolean;

/** A Kubernetes label selector: `a=b,c!=d,e in (x,y),f notin (z),g,!h`. */
export function parseLabelSelector(selector: string): Matcher {
  const requirements: Matcher[] = [];
  for (const raw of splitRequirements(selector)) {
    const text = raw.trim();
    if (text === '') continue;
    let match = /^!\s*([^\s=!(),]+)$/.exec(text);
    if (match) {
      const key = match[1] as string;
      requirements.push((labels) => !Object.hasOwn(labels, key));
      continue;
    }
    match = /^([^\s=!(),]+)\s+(in|notin)\s+\(([^)]*)\)$/.exec(text);
    if (match) {
      const key = match[1] as string;
      const values = new Set((match[3] as string).split(',').map((value) => value.trim()));
      requirements.push(
        match[2] === 'in'
          ? (labels) => Object.hasOwn(labels, key) && values.has(labels[key] as string)
          : (labels) => !Object.hasOwn(labels, key) || !values.has(labels[key] as string),
      );
      continue;
    }
    match = /^([^\s=!(),<>]+)\s*(==|=|!=|>|<)\s*([^\s,()]*)$/.exec(text);
    if (match) {
      const [, key, op, value] = match as unknown as [string, string, string, string];
      if (op === '!=') requirements.push((labels) => labels[key] !== value);
      else if (op === '>' || op === '<') {
        const bound = Number(value);
        requirements.push((labels) => {
          if (!Object.hasOwn(labels, key)) return false;
          const actual = Number(labels[key]);
          return Number.isFinite(actual) && (op === '>' ? actual > bound : actual < bound);
        });
      } else requirements.push((labels) => Object.hasOwn(labels, key) && labels[key] === value);
      continue;
    }
    match = /^([^\s=!(),]+)$/.exec(text);
    if (match) {
      const key = match[1] as string;
      requirements.push((labels) => Object.hasOwn(labels, key));
      continue;
    }
    throw new SelectorError(`unable to parse requirement '${text}' of the selector '${selector}'`);
  }
  return (labels) => requirements.every((requirement) => requirement(labels));
}

function splitRequirements(selector: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of selector) {
    if (char === '(') depth++;
    if (char === ')') depth--;
    if (char === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else current += char;
  }
  parts.push(current);
  return parts;
}

/**
 * Validates generated objects as the API server would: Gateway API kinds against the official
 * v1.6.1 CRD schemas (copied into ./crds from kubernetes-sigs/gateway-api, Apache-2.0) with ajv,
 * the `--emit` policies against Envoy Gateway v1.9.0 (./crds/envoy-gateway) and kgateway v2.1.2
 * (./crds/kgateway) CRDs (Apache-2.0, see their SOURCE files; their CEL rules are not run),
 * plus their CEL rules (../internal/rules.ts); Ingress and Service with kubernetes-models, built
 * from Kubernetes' own OpenAPI schemas. Test-only: the build leaves test-support out.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import ajvFormats from 'ajv-formats';
import { load } from 'js-yaml';
import { Ingress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import { Service } from 'kubernetes-models/v1/Service';
import { checkGatewayApiRules } from '../internal/rules.js';

const CRD_DIR = join(dirname(fileURLToPath(import.meta.url)), 'crds');

type Json = Record<string, unknown>;

/**
 * Unknown fields are pruned by the API server, or rejected with `kubectl apply --validate=strict`:
 * closing every object schema that lists its properties turns a misspelt field into an error here.
 */
function closeObjects(schema: unknown, path: string[] = []): unknown {
  if (Array.isArray(schema)) return schema.map((item) => closeObjects(item, path));
  if (typeof schema !== 'object' || schema === null) return schema;
  const copy: Json = {};
  for (const [key, value] of Object.entries(schema)) {
    copy[key] =
      key === 'properties'
        ? mapValues(value as Json, (v, k) => closeObjects(v, [...path, k]))
        : closeObjects(value, path);
  }
  const isMetadata = path.length === 1 && path[0] === 'metadata';
  if (
    copy.type === 'object' &&
    copy.properties !== undefined &&
    copy.additionalProperties === undefined &&
    !isMetadata
  ) {
    copy.additionalProperties = false;
  }
  return copy;
}

function mapValues(object: Json, map: (value: unknown, key: string) => unknown): Json {
  return Object.fromEntries(Object.entries(object).map(([key, value]) => [key, map(value, key)]));
}

let validators: Map<string, ValidateFunction> | undefined;

/** The groups whose objects are checked against copied CRDs, and the folders of those CRDs. */
const CRD_FOLDERS = ['', 'envoy-gateway', 'kgateway'];

/** `group/version/Kind` → a compiled validator for every version the copied CRDs define. */
function crdValidators(): Map<string, ValidateFunction> {
  if (validators) return validators;
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajvFormats.default(ajv);
  validators = new Map();
  const files = CRD_FOLDERS.flatMap((folder) =>
    readdirSync(join(CRD_DIR, folder))
      .filter((name) => name.endsWith('.yaml'))
      .map((name) => join(CRD_DIR, folder, name)),
  );
  for (const file of files) {
    const crd = load(readFileSync(file, 'utf8')) as {
      spec: {
        group: string;
        names: { kind: string };
        versions: Array<{ name: string; schema: { openAPIV3Schema: unknown } }>;
      };
    };
    for (const version of crd.spec.versions) {
      validators.set(
        `${crd.spec.group}/${version.name}/${crd.spec.names.kind}`,
        ajv.compile(closeObjects(version.schema.openAPIV3Schema) as object),
      );
    }
  }
  return validators;
}

const CRD_GROUPS = ['gateway.networking.k8s.io', 'gateway.envoyproxy.io', 'gateway.kgateway.dev'];

/** Every problem the API server would report for `object`; empty when it would accept it. */
export function validateObject(object: Json): string[] {
  const apiVersion = String(object.apiVersion);
  const kind = String(object.kind);
  if (CRD_GROUPS.some((group) => apiVersion.startsWith(`${group}/`))) {
    const validate = crdValidators().get(`${apiVersion}/${kind}`);
    if (!validate) return [`no CRD schema for ${kind} ${apiVersion}`];
    const problems = validate(object)
      ? []
      : (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? ''}`.trim());
    return [...problems, ...checkGatewayApiRules(object)];
  }
  try {
    if (apiVersion === 'networking.k8s.io/v1' && kind === 'Ingress') new Ingress(object as never).validate();
    else if (apiVersion === 'v1' && kind === 'Service') new Service(object as never).validate();
    else return [`no schema for ${kind} ${apiVersion}`];
  } catch (error) {
    return [error instanceof Error ? error.message : String(error)];
  }
  return [];
}

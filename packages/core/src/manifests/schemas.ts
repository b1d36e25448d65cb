/**
 * zod schemas for the Kubernetes and Gateway API objects the rules read. Lenient where Kubernetes
 * is lenient (unknown fields are allowed, most fields are optional); strict on the types of the
 * fields we use, so a wrong type becomes a `manifest-invalid` finding instead of a crash.
 *
 * Objects use zod's default "strip" mode rather than `looseObject`: unknown fields are accepted
 * either way, but stripping keeps only what the rules read, instead of copying every env var and
 * probe of every pod template (a third of `analyze`'s time on a large repository, measured).
 */
import * as z from 'zod';

const str = z.string();
const intOrString = z.union([z.number().int(), z.string()]);
const stringMap = z.record(z.string(), z.string());

export const objectMetaSchema = z.object({
  name: str.optional(),
  generateName: str.optional(),
  namespace: str.optional(),
  labels: stringMap.nullish(),
  annotations: stringMap.nullish(),
});

// --- core/v1 Service ---------------------------------------------------------------------------

export const servicePortSchema = z.object({
  name: str.optional(),
  port: z.number().int(),
  targetPort: intOrString.optional(),
  nodePort: z.number().int().optional(),
  protocol: z.enum(['TCP', 'UDP', 'SCTP']).optional(),
  appProtocol: str.optional(),
});
export type ServicePort = z.infer<typeof servicePortSchema>;

export const serviceSchema = z.object({
  metadata: objectMetaSchema,
  spec: z
    .object({
      type: z.enum(['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName']).optional(),
      selector: stringMap.nullish(),
      ports: z.array(servicePortSchema).nullish(),
      clusterIP: str.optional(),
      externalName: str.optional(),
      loadBalancerClass: str.optional(),
      loadBalancerIP: str.optional(),
      loadBalancerSourceRanges: z.array(str).nullish(),
      externalTrafficPolicy: str.optional(),
      allocateLoadBalancerNodePorts: z.boolean().optional(),
    })
    .optional(),
});
export type ServiceManifest = z.infer<typeof serviceSchema>;

// --- networking.k8s.io Ingress and IngressClass --------------------------------------------------

const ingressBackendV1 = z.object({
  service: z
    .object({
      name: str,
      port: z.object({ number: z.number().int().optional(), name: str.optional() }).optional(),
    })
    .optional(),
  resource: z.object({ kind: str, name: str, apiGroup: str.nullish() }).optional(),
});

const ingressBackendV1beta1 = z.object({
  serviceName: str.optional(),
  servicePort: intOrString.optional(),
  resource: z.object({ kind: str, name: str, apiGroup: str.nullish() }).optional(),
});

const ingressTls = z.array(z.object({ hosts: z.array(str).nullish(), secretName: str.optional() })).nullish();

const ingressPath = <B extends z.ZodType>(backend: B) =>
  z.object({ path: str.optional(), pathType: str.optional(), backend });

export const ingressV1Schema = z.object({
  metadata: objectMetaSchema,
  spec: z
    .object({
      ingressClassName: str.optional(),
      defaultBackend: ingressBackendV1.optional(),
      tls: ingressTls,
      rules: z
        .array(
          z.object({
            host: str.optional(),
            http: z.object({ paths: z.array(ingressPath(ingressBackendV1)) }).optional(),
          }),
        )
        .nullish(),
    })
    .optional(),
});

/** The removed `extensions/v1beta1` and `networking.k8s.io/v1beta1` Ingress shapes. */
export const ingressV1beta1Schema = z.object({
  metadata: objectMetaSchema,
  spec: z
    .object({
      ingressClassName: str.optional(),
      backend: ingressBackendV1beta1.optional(),
      tls: ingressTls,
      rules: z
        .array(
          z.object({
            host: str.optional(),
            http: z.object({ paths: z.array(ingressPath(ingressBackendV1beta1)) }).optional(),
          }),
        )
        .nullish(),
    })
    .optional(),
});

export const ingressClassSchema = z.object({
  metadata: objectMetaSchema,
  spec: z.object({ controller: str.optional() }).optional(),
});

// --- Workloads with pod templates ----------------------------------------------------------------

const containerSchema = z.object({
  name: str.optional(),
  image: str.optional(),
  restartPolicy: str.optional(),
  ports: z
    .array(
      z.object({
        name: str.optional(),
        containerPort: z.number().int(),
        protocol: z.enum(['TCP', 'UDP', 'SCTP']).optional(),
      }),
    )
    .nullish(),
});
export type ContainerManifest = z.infer<typeof containerSchema>;

export const podSpecSchema = z.object({
  containers: z.array(containerSchema).nullish(),
  initContainers: z.array(containerSchema).nullish(),
});

const podTemplateSchema = z.object({
  metadata: objectMetaSchema.optional(),
  spec: podSpecSchema.optional(),
});

/** Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController and Job. */
export const templatedWorkloadSchema = z.object({
  metadata: objectMetaSchema,
  spec: z.object({ template: podTemplateSchema.optional() }).optional(),
});

export const cronJobSchema = z.object({
  metadata: objectMetaSchema,
  spec: z
    .object({
      jobTemplate: z.object({
        spec: z.object({ template: podTemplateSchema.optional() }).optional(),
      }),
    })
    .optional(),
});

export const podSchema = z.object({ metadata: objectMetaSchema, spec: podSpecSchema.optional() });

// --- Gateway API -----------------------------------------------------------------------------------

export const parentRefSchema = z.object({
  group: str.optional(),
  kind: str.optional(),
  namespace: str.optional(),
  name: str,
  sectionName: str.optional(),
  port: z.number().int().optional(),
});
export type ParentRef = z.infer<typeof parentRefSchema>;

export const backendRefSchema = z.object({
  group: str.optional(),
  kind: str.optional(),
  name: str,
  namespace: str.optional(),
  port: z.number().int().optional(),
  weight: z.number().int().optional(),
});
export type BackendRef = z.infer<typeof backendRefSchema>;

const listenerSchema = z.object({
  name: str,
  port: z.number().int(),
  protocol: str,
  hostname: str.optional(),
  tls: z.object({ mode: str.optional() }).optional(),
  allowedRoutes: z
    .object({
      namespaces: z.object({ from: str.optional() }).optional(),
      kinds: z.array(z.object({ group: str.optional(), kind: str })).nullish(),
    })
    .optional(),
});
export type ListenerManifest = z.infer<typeof listenerSchema>;

export const gatewaySchema = z.object({
  metadata: objectMetaSchema,
  spec: z.object({ gatewayClassName: str, listeners: z.array(listenerSchema).nullish() }),
});

export const gatewayClassSchema = z.object({
  metadata: objectMetaSchema,
  spec: z.object({ controllerName: str }).optional(),
});

export const listenerSetSchema = z.object({
  metadata: objectMetaSchema,
  spec: z.object({ parentRef: parentRefSchema, listeners: z.array(listenerSchema).nullish() }),
});

export const routeSchema = z.object({
  metadata: objectMetaSchema,
  spec: z
    .object({
      parentRefs: z.array(parentRefSchema).nullish(),
      hostnames: z.array(str).nullish(),
      rules: z.array(z.object({ backendRefs: z.array(backendRefSchema).nullish() })).nullish(),
    })
    .optional(),
});

export const referenceGrantSchema = z.object({
  metadata: objectMetaSchema,
  spec: z.object({
    from: z.array(z.object({ group: str, kind: str, namespace: str })),
    to: z.array(z.object({ group: str, kind: str, name: str.optional() })),
  }),
});

export const backendTlsPolicySchema = z.object({
  metadata: objectMetaSchema,
  spec: z.object({
    targetRefs: z.array(z.object({ group: str, kind: str, name: str, sectionName: str.optional() })),
  }),
});

/** Any object: the shape every Kubernetes object shares. */
export const anyObjectSchema = z.object({ metadata: objectMetaSchema.optional() });

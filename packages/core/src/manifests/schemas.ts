/**
 * zod schemas for the Kubernetes and Gateway API objects the rules read. Lenient where Kubernetes
 * is lenient (unknown fields pass through, most fields are optional); strict on the types of the
 * fields we use, so a wrong type becomes a `manifest-invalid` finding instead of a crash.
 */
import { z } from 'zod';

const str = z.string();
const intOrString = z.union([z.number().int(), z.string()]);
const stringMap = z.record(z.string(), z.string());

export const objectMetaSchema = z.looseObject({
  name: str.optional(),
  generateName: str.optional(),
  namespace: str.optional(),
  labels: stringMap.nullish(),
  annotations: stringMap.nullish(),
});

// --- core/v1 Service ---------------------------------------------------------------------------

export const servicePortSchema = z.looseObject({
  name: str.optional(),
  port: z.number().int(),
  targetPort: intOrString.optional(),
  nodePort: z.number().int().optional(),
  protocol: z.enum(['TCP', 'UDP', 'SCTP']).optional(),
  appProtocol: str.optional(),
});
export type ServicePort = z.infer<typeof servicePortSchema>;

export const serviceSchema = z.looseObject({
  metadata: objectMetaSchema,
  spec: z
    .looseObject({
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

const ingressBackendV1 = z.looseObject({
  service: z
    .looseObject({
      name: str,
      port: z.looseObject({ number: z.number().int().optional(), name: str.optional() }).optional(),
    })
    .optional(),
  resource: z.looseObject({ kind: str, name: str, apiGroup: str.nullish() }).optional(),
});

const ingressBackendV1beta1 = z.looseObject({
  serviceName: str.optional(),
  servicePort: intOrString.optional(),
  resource: z.looseObject({ kind: str, name: str, apiGroup: str.nullish() }).optional(),
});

const ingressTls = z
  .array(z.looseObject({ hosts: z.array(str).nullish(), secretName: str.optional() }))
  .nullish();

const ingressPath = <B extends z.ZodType>(backend: B) =>
  z.looseObject({ path: str.optional(), pathType: str.optional(), backend });

export const ingressV1Schema = z.looseObject({
  metadata: objectMetaSchema,
  spec: z
    .looseObject({
      ingressClassName: str.optional(),
      defaultBackend: ingressBackendV1.optional(),
      tls: ingressTls,
      rules: z
        .array(
          z.looseObject({
            host: str.optional(),
            http: z.looseObject({ paths: z.array(ingressPath(ingressBackendV1)) }).optional(),
          }),
        )
        .nullish(),
    })
    .optional(),
});

/** The removed `extensions/v1beta1` and `networking.k8s.io/v1beta1` Ingress shapes. */
export const ingressV1beta1Schema = z.looseObject({
  metadata: objectMetaSchema,
  spec: z
    .looseObject({
      ingressClassName: str.optional(),
      backend: ingressBackendV1beta1.optional(),
      tls: ingressTls,
      rules: z
        .array(
          z.looseObject({
            host: str.optional(),
            http: z.looseObject({ paths: z.array(ingressPath(ingressBackendV1beta1)) }).optional(),
          }),
        )
        .nullish(),
    })
    .optional(),
});

export const ingressClassSchema = z.looseObject({
  metadata: objectMetaSchema,
  spec: z.looseObject({ controller: str.optional() }).optional(),
});

// --- Workloads with pod templates ----------------------------------------------------------------

const containerSchema = z.looseObject({
  name: str.optional(),
  restartPolicy: str.optional(),
  ports: z
    .array(
      z.looseObject({
        name: str.optional(),
        containerPort: z.number().int(),
        protocol: z.enum(['TCP', 'UDP', 'SCTP']).optional(),
      }),
    )
    .nullish(),
});
export type ContainerManifest = z.infer<typeof containerSchema>;

export const podSpecSchema = z.looseObject({
  containers: z.array(containerSchema).nullish(),
  initContainers: z.array(containerSchema).nullish(),
});

const podTemplateSchema = z.looseObject({
  metadata: objectMetaSchema.optional(),
  spec: podSpecSchema.optional(),
});

/** Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController and Job. */
export const templatedWorkloadSchema = z.looseObject({
  metadata: objectMetaSchema,
  spec: z.looseObject({ template: podTemplateSchema.optional() }).optional(),
});

export const cronJobSchema = z.looseObject({
  metadata: objectMetaSchema,
  spec: z
    .looseObject({
      jobTemplate: z.looseObject({
        spec: z.looseObject({ template: podTemplateSchema.optional() }).optional(),
      }),
    })
    .optional(),
});

export const podSchema = z.looseObject({ metadata: objectMetaSchema, spec: podSpecSchema.optional() });

// --- Gateway API -----------------------------------------------------------------------------------

export const parentRefSchema = z.looseObject({
  group: str.optional(),
  kind: str.optional(),
  namespace: str.optional(),
  name: str,
  sectionName: str.optional(),
  port: z.number().int().optional(),
});
export type ParentRef = z.infer<typeof parentRefSchema>;

export const backendRefSchema = z.looseObject({
  group: str.optional(),
  kind: str.optional(),
  name: str,
  namespace: str.optional(),
  port: z.number().int().optional(),
  weight: z.number().int().optional(),
});
export type BackendRef = z.infer<typeof backendRefSchema>;

const listenerSchema = z.looseObject({
  name: str,
  port: z.number().int(),
  protocol: str,
  hostname: str.optional(),
  tls: z.looseObject({ mode: str.optional() }).optional(),
  allowedRoutes: z
    .looseObject({
      namespaces: z.looseObject({ from: str.optional() }).optional(),
      kinds: z.array(z.looseObject({ group: str.optional(), kind: str })).nullish(),
    })
    .optional(),
});
export type ListenerManifest = z.infer<typeof listenerSchema>;

export const gatewaySchema = z.looseObject({
  metadata: objectMetaSchema,
  spec: z.looseObject({ gatewayClassName: str, listeners: z.array(listenerSchema).nullish() }),
});

export const gatewayClassSchema = z.looseObject({
  metadata: objectMetaSchema,
  spec: z.looseObject({ controllerName: str }).optional(),
});

export const listenerSetSchema = z.looseObject({
  metadata: objectMetaSchema,
  spec: z.looseObject({ parentRef: parentRefSchema, listeners: z.array(listenerSchema).nullish() }),
});

export const routeSchema = z.looseObject({
  metadata: objectMetaSchema,
  spec: z
    .looseObject({
      parentRefs: z.array(parentRefSchema).nullish(),
      hostnames: z.array(str).nullish(),
      rules: z.array(z.looseObject({ backendRefs: z.array(backendRefSchema).nullish() })).nullish(),
    })
    .optional(),
});

export const referenceGrantSchema = z.looseObject({
  metadata: objectMetaSchema,
  spec: z.looseObject({
    from: z.array(z.looseObject({ group: str, kind: str, namespace: str })),
    to: z.array(z.looseObject({ group: str, kind: str, name: str.optional() })),
  }),
});

export const backendTlsPolicySchema = z.looseObject({
  metadata: objectMetaSchema,
  spec: z.looseObject({
    targetRefs: z.array(z.looseObject({ group: str, kind: str, name: str, sectionName: str.optional() })),
  }),
});

/** Any object: the shape every Kubernetes object shares. */
export const anyObjectSchema = z.looseObject({ metadata: objectMetaSchema.optional() });

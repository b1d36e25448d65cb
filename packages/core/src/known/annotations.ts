/**
 * Annotation keys and load balancer classes that decide who provisions a load balancer and whether
 * it faces the internet (facts.md section 4). One place, so a typo fails to compile.
 */

export const AWS = {
  /** AWS Load Balancer Controller: `internal` or `internet-facing`; the controller defaults to internal. */
  scheme: 'service.beta.kubernetes.io/aws-load-balancer-scheme',
  /** Legacy in-tree and LBC: `"true"` makes the load balancer internal. */
  internal: 'service.beta.kubernetes.io/aws-load-balancer-internal',
  /** `external` / `nlb-ip` hand the Service to the LBC; `nlb` asks the in-tree provider for an NLB. */
  type: 'service.beta.kubernetes.io/aws-load-balancer-type',
  annotationPrefix: 'service.beta.kubernetes.io/aws-',
  /** `spec.loadBalancerClass` of the AWS Load Balancer Controller. */
  nlbClass: 'service.k8s.aws/nlb',
  /** Ingress (ALB) scheme under the AWS Load Balancer Controller; defaults to internal. */
  albScheme: 'alb.ingress.kubernetes.io/scheme',
} as const;

export const GKE = {
  loadBalancerType: 'networking.gke.io/load-balancer-type',
  legacyLoadBalancerType: 'cloud.google.com/load-balancer-type',
  backendServiceBased: 'cloud.google.com/l4-rbs',
  internalClass: 'networking.gke.io/l4-regional-internal',
  externalClass: 'networking.gke.io/l4-regional-external',
} as const;

export const AZURE = {
  internal: 'service.beta.kubernetes.io/azure-load-balancer-internal',
  annotationPrefix: 'service.beta.kubernetes.io/azure-',
} as const;

export const DIGITALOCEAN = {
  network: 'service.beta.kubernetes.io/do-loadbalancer-network',
  annotationPrefix: 'service.beta.kubernetes.io/do-loadbalancer-',
} as const;

export const METALLB = {
  prefixes: ['metallb.io/', 'metallb.universe.tf/'],
  addresses: ['metallb.io/loadBalancerIPs', 'metallb.universe.tf/loadBalancerIPs'],
} as const;

/** Other providers listed in the Kubernetes docs: annotation, and the value that means internal. */
export const OTHER_INTERNAL: ReadonlyArray<{
  provider: string;
  key: string;
  internalWhen: (v: string) => boolean;
}> = [
  {
    provider: 'IBM Cloud',
    key: 'service.kubernetes.io/ibm-load-balancer-cloud-provider-ip-type',
    internalWhen: (v) => v.toLowerCase() === 'private',
  },
  {
    provider: 'OpenStack',
    key: 'service.beta.kubernetes.io/openstack-internal-load-balancer',
    internalWhen: (v) => v.toLowerCase() === 'true',
  },
  {
    provider: 'Alibaba Cloud',
    key: 'service.beta.kubernetes.io/alibaba-cloud-loadbalancer-address-type',
    internalWhen: (v) => v.toLowerCase() === 'intranet',
  },
  {
    provider: 'Oracle Cloud',
    key: 'service.beta.kubernetes.io/oci-load-balancer-internal',
    internalWhen: (v) => v.toLowerCase() === 'true',
  },
  {
    provider: 'Tencent Cloud',
    key: 'service.kubernetes.io/qcloud-loadbalancer-internal-subnetid',
    internalWhen: (v) => v.length > 0,
  },
  {
    provider: 'Baidu Cloud',
    key: 'service.beta.kubernetes.io/cce-load-balancer-internal-vpc',
    internalWhen: (v) => v.toLowerCase() === 'true',
  },
];

/** Ingress class selection. */
export const INGRESS = {
  /** Deprecated since Kubernetes 1.18 in favour of `spec.ingressClassName`, still honoured by controllers. */
  classAnnotation: 'kubernetes.io/ingress.class',
  /** Marks the IngressClass used for Ingresses that name none. */
  defaultClassAnnotation: 'ingressclass.kubernetes.io/is-default-class',
  /** Annotation prefix of the retired community ingress-nginx controller. */
  ingressNginxPrefix: 'nginx.ingress.kubernetes.io/',
  /** Controller name of the community ingress-nginx controller in IngressClass objects. */
  ingressNginxController: 'k8s.io/ingress-nginx',
} as const;

/** Our own per-resource suppression annotation: a comma-separated list of rule ids, or `all`. */
export const IGNORE_ANNOTATION = 'ingress-advisor.io/ignore';

/** external-dns hostnames: a hint for the host an HTTP Service is served under. */
export const EXTERNAL_DNS_HOSTNAME = 'external-dns.alpha.kubernetes.io/hostname';

/**
 * Core Kubernetes annotation listing client CIDRs (comma-separated), read by cloud providers only
 * when `spec.loadBalancerSourceRanges` is empty (k8s.io/api core/v1 `AnnotationLoadBalancerSourceRangesKey`).
 */
export const LOAD_BALANCER_SOURCE_RANGES = 'service.beta.kubernetes.io/load-balancer-source-ranges';

/**
 * Annotations that pin a load balancer's address, replacing the deprecated `spec.loadBalancerIP`
 * (facts.md sections 3 and 4).
 */
export const LOAD_BALANCER_ADDRESS = {
  /** MetalLB: one address, or one per IP family, comma-separated. */
  metallb: 'metallb.io/loadBalancerIPs',
  /** GKE: the names (not the IPs) of reserved static addresses. */
  gke: 'networking.gke.io/load-balancer-ip-addresses',
  /** Azure (cloud-provider-azure): the IPv4 address; `-ipv6` is its twin. */
  azure: 'service.beta.kubernetes.io/azure-load-balancer-ipv4',
  /** AWS Load Balancer Controller: Elastic IP allocation ids, one per subnet, internet-facing NLBs only. */
  awsEipAllocations: 'service.beta.kubernetes.io/aws-load-balancer-eip-allocations',
} as const;

/** MetalLB's annotation prefixes: the current one and the deprecated one it replaces. */
export const METALLB_PREFIX = { current: 'metallb.io/', deprecated: 'metallb.universe.tf/' } as const;

/**
 * Ingress annotations showing that TLS is terminated at the cloud load balancer with a certificate
 * the cloud holds, so the Ingress needs no `spec.tls` (AWS Load Balancer Controller, GKE Ingress).
 */
export const INGRESS_CLOUD_TLS = {
  /** AWS LBC: ACM certificate ARNs for the ALB's HTTPS listener. */
  awsCertificateArn: 'alb.ingress.kubernetes.io/certificate-arn',
  /**
   * AWS LBC: listener ports as JSON. An `HTTPS` entry without `certificate-arn` makes the controller
   * discover ACM certificates from the Ingress hosts (LBC docs, guide/ingress/cert_discovery).
   */
  awsListenPorts: 'alb.ingress.kubernetes.io/listen-ports',
  /** GKE Ingress: names of pre-shared Compute Engine SSL certificates. */
  gkePreSharedCert: 'ingress.gcp.kubernetes.io/pre-shared-cert',
  /** The same under the `networking.gke.io` prefix, as some manifests write it. */
  gkePreSharedCertNetworking: 'networking.gke.io/pre-shared-cert',
  /** GKE Ingress: ManagedCertificate objects (Google-managed certificates), comma-separated. */
  gkeManagedCertificates: 'networking.gke.io/managed-certificates',
} as const;

/** GKE: the Ingress class (annotation) of an internal Application Load Balancer. */
export const GKE_INTERNAL_INGRESS_CLASS = 'gce-internal';

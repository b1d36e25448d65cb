import type { Topic } from './types.js';

/** AWS created a Classic ELB, an internal NLB, or otherwise not the load balancer you wanted. */
const topic: Topic = {
  id: 'troubleshoot-aws-wrong-lb',
  title: 'AWS created the wrong kind of load balancer',
  short:
    'On AWS the load balancer you get depends on which controller claims the object: the legacy in-tree provider makes a Classic ELB (an NLB only with `aws-load-balancer-type: nlb`), while the AWS Load Balancer Controller makes NLBs for Services and ALBs for Ingresses. With that controller installed, its webhook turns each new `type: LoadBalancer` Service into an internal NLB unless you set `aws-load-balancer-scheme: internet-facing`, and its ALBs are internal by default too.',
  details: [
    '**Who claims a Service:**',
    '',
    '- **AWS Load Balancer Controller (LBC)**, giving an NLB: `spec.loadBalancerClass: service.k8s.aws/nlb`, or the annotation `service.beta.kubernetes.io/aws-load-balancer-type: external`. The old value `nlb-ip` is deprecated and means `external` with `nlb-target-type: ip`.',
    '- **The LBC by default:** its Helm value `enableServiceMutatorWebhook` is `true`, so since v2.5.0 a webhook sets `loadBalancerClass` on every *new* LoadBalancer Service. A plain `type: LoadBalancer` on EKS with the LBC therefore becomes an internal NLB.',
    '- **Legacy in-tree provider**, when nothing above applies: no annotation gives a public Classic ELB ($0.025/h, more than an NLB at $0.0225/h), and `aws-load-balancer-type: nlb` gives an NLB.',
    '',
    '**Settings that decide the result under the LBC:**',
    '',
    '- `service.beta.kubernetes.io/aws-load-balancer-scheme`: `internal` (the default since v2.2.0) or `internet-facing`. If the annotation is absent on an existing NLB, its scheme stays as it is.',
    '- `service.beta.kubernetes.io/aws-load-balancer-nlb-target-type`: `instance` (the default when `loadBalancerClass` is set; needs node ports, so it fails with `allocateLoadBalancerNodePorts: false`) or `ip` (targets pod IPs; needs the Amazon VPC CNI, and is what Fargate needs).',
    '- Ingress: IngressClass `alb` gives an ALB; `alb.ingress.kubernetes.io/scheme` defaults to `internal`, and `alb.ingress.kubernetes.io/target-type` picks `instance` or `ip`. An ALB is HTTP only; for TCP or UDP use a Service (NLB).',
    '- Gateway API with the LBC: HTTPRoute and GRPCRoute give an ALB, TCPRoute, UDPRoute and TLSRoute an NLB (TCPRoute and UDPRoute need Gateway API 1.6 CRDs); the two layers cannot be mixed on one Gateway, and the default scheme is internal.',
    '- Subnets come from the `kubernetes.io/role/elb` (public) and `kubernetes.io/role/internal-elb` (private) subnet tags, or from an explicit subnets annotation; check them when the load balancer lands in the wrong subnets or fails to provision.',
    '',
    '**Fixing it safely.**',
    '',
    '- `loadBalancerClass` is immutable once set, and the LBC docs warn not to add or change `aws-load-balancer-type` on an existing Service: it can leak AWS resources or expose the NLB to the internet.',
    '- Create a new Service with the right class and annotations, move DNS to its address, then delete the old Service.',
    '- Changing the scheme gives a new load balancer with a new DNS name, so plan that as a cutover too.',
    '',
    '**Diagnose:** `kubectl get svc <name> -o yaml` (class and annotations); `kubectl describe svc <name>` (`EnsuringLoadBalancer` events come from the in-tree service controller, `SuccessfullyReconciled` from the LBC); the LBC logs; and `aws elbv2 describe-load-balancers` (NLB/ALB) or `aws elb describe-load-balancers` (Classic).',
  ].join('\n'),
  example: {
    language: 'yaml',
    caption:
      'A public NLB with pod-IP targets, created by the AWS Load Balancer Controller (use a new Service, not an edit of an existing one).',
    code: `apiVersion: v1
kind: Service
metadata:
  name: mqtt-public
  annotations:
    service.beta.kubernetes.io/aws-load-balancer-scheme: internet-facing   # the default is internal
    service.beta.kubernetes.io/aws-load-balancer-nlb-target-type: ip       # pod IPs; needs the VPC CNI
spec:
  type: LoadBalancer
  loadBalancerClass: service.k8s.aws/nlb   # immutable: hands the Service to the LBC
  selector:
    app: mqtt
  ports:
    - name: mqtt
      port: 1883
      targetPort: 1883
      protocol: TCP
`,
  },
  sources: [
    {
      title: 'AWS Load Balancer Controller: Network Load Balancer',
      url: 'https://kubernetes-sigs.github.io/aws-load-balancer-controller/latest/guide/service/nlb/',
    },
    {
      title: 'AWS Load Balancer Controller: Service annotations',
      url: 'https://kubernetes-sigs.github.io/aws-load-balancer-controller/latest/guide/service/annotations/',
    },
    {
      title: 'AWS Load Balancer Controller: Ingress annotations',
      url: 'https://kubernetes-sigs.github.io/aws-load-balancer-controller/latest/guide/ingress/annotations/',
    },
    {
      title: 'Kubernetes docs: Service (loadBalancerClass)',
      url: 'https://kubernetes.io/docs/concepts/services-networking/service/',
    },
  ],
  examples: [
    'kubernetes on EKS made a classic ELB, I wanted an NLB',
    'why is my LoadBalancer service internal on EKS?',
    "aws-load-balancer-type nlb vs external, what's the difference",
    'got a CLB instead of an NLB after creating a service',
    'EKS LB not reachable from the internet, scheme is internal',
    'the in-tree provider created an ELB although the load balancer controller is installed',
    'wrong lb type on aws, can I change loadBalancerClass afterwards',
  ],
  terms: [
    'Classic Load Balancer',
    'CLB',
    'ELB',
    'NLB',
    'ALB',
    'aws-load-balancer-type',
    'aws-load-balancer-scheme',
    'internet-facing',
    'service.k8s.aws/nlb',
    'loadBalancerClass',
    'AWS Load Balancer Controller',
    'in-tree',
  ],
  troubleshooting: true,
};

export default topic;

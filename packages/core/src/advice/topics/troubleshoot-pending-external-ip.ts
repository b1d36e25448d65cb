import type { Topic } from './types.js';

/** A LoadBalancer Service whose EXTERNAL-IP stays `<pending>`. */
const topic: Topic = {
  id: 'troubleshoot-pending-external-ip',
  title: 'My LoadBalancer Service is stuck at EXTERNAL-IP <pending>',
  short:
    '`<pending>` means no controller has given the Service an address yet: Kubernetes itself never creates load balancers, a cloud controller or an add-on such as MetalLB, Cilium LB IPAM or kube-vip does. On kubeadm, bare metal, minikube (run `minikube tunnel`) or kind (run cloud-provider-kind on the host) install or start one; on a cloud, the events of `kubectl describe svc` name what failed, such as untagged subnets on EKS, a quota, or a `loadBalancerClass` nobody serves.',
  details: [
    '**1. Is anything there to serve the Service?** A `type: LoadBalancer` Service only gets an address when a load balancer implementation claims it:',
    '',
    '- **Managed clouds** (EKS, GKE, AKS and others): the cloud controller manager does it, or on EKS the AWS Load Balancer Controller (LBC) when it is installed.',
    '- **kubeadm, bare metal, VMs you run yourself:** nothing does it by default, so the Service waits forever. Install MetalLB, Cilium LB IPAM with L2 announcements or BGP, or kube-vip with kube-vip-cloud-provider (see the bare-metal topic), or expose the Service as a NodePort instead.',
    '- **minikube:** `minikube tunnel` routes to LoadBalancer Services and fills in their address while it runs; stop it and the address goes away.',
    '- **kind:** run cloud-provider-kind on the host; it watches LoadBalancer Services and gives them reachable addresses.',
    '',
    '**2. Is the right controller asked?** A Service with `spec.loadBalancerClass` is ignored by the default cloud implementation and waits for the controller of that class; if it is not installed or not running, nothing happens. On EKS, the LBC webhook sets `loadBalancerClass: service.k8s.aws/nlb` on new Services, so a stopped controller or missing IAM permissions leave them pending: read its logs.',
    '',
    '**3. What do the events say?** `kubectl describe svc <name>` lists the events of whoever tried: the in-tree service controller reports `EnsuringLoadBalancer` and, on failure, `SyncLoadBalancerFailed` with the cloud error. Typical causes:',
    '',
    '- **Subnets (EKS):** internet-facing load balancers go to subnets tagged `kubernetes.io/role/elb`, internal ones to `kubernetes.io/role/internal-elb`. Subnets with fewer than 8 free IP addresses are skipped. From LBC v2.12.1 untagged subnets can be picked by reachability, but explicit tags remain the reliable setup.',
    '- **Quotas:** the account or project may have run out of load balancers, forwarding rules or public IPs (on AWS, an error such as `TooManyLoadBalancers`).',
    '- **Invalid combinations:** a protocol mix, a port or an annotation value the provider rejects, or a requested address (`loadBalancerIP`, deprecated since v1.24, or an implementation annotation) that is not available.',
    '',
    '**4. Still nothing?** No events at all usually means no controller is watching: check that the cloud controller manager (or the LBC, MetalLB speaker and controller, Cilium operator...) runs and that its logs mention the Service.',
  ].join('\n'),
  example: {
    language: 'sh',
    caption: 'Find out who should serve a pending Service named web and what went wrong.',
    code: `# Class, annotations and the events of whoever tried
kubectl -n shop get svc web -o jsonpath='{.spec.loadBalancerClass}{"\\n"}{.metadata.annotations}{"\\n"}'
kubectl -n shop describe svc web | sed -n '/Events:/,$p'
kubectl -n shop get events --field-selector involvedObject.name=web --sort-by=.lastTimestamp

# Is a load balancer implementation running at all?
kubectl get pods -A | grep -Ei 'cloud-controller|aws-load-balancer|metallb|cilium-operator|kube-vip'

# EKS: subnets tagged for internet-facing (elb) and internal (internal-elb) load balancers
aws ec2 describe-subnets --filters Name=tag-key,Values=kubernetes.io/role/elb \\
  --query 'Subnets[].{id:SubnetId,az:AvailabilityZone,free:AvailableIpAddressCount}'

# minikube: keep this running in its own terminal
minikube tunnel
`,
  },
  providers: {
    aws: 'With the AWS Load Balancer Controller, check its logs and the subnet tags `kubernetes.io/role/elb` (internet-facing) and `kubernetes.io/role/internal-elb` (internal); the LBC makes internal NLBs by default since v2.2.0, which is an address you may not be able to reach rather than a pending one.',
    gke: 'GKE provisions the load balancer itself; a pending Service usually has an event naming a quota (forwarding rules, IP addresses), an invalid annotation or a `loadBalancerClass` the cluster version does not support.',
    aks: 'AKS creates or updates the Standard load balancer in the node resource group; events point at a missing permission of the cluster identity, an unavailable static IP or a subnet named in an annotation that does not exist.',
    'bare-metal':
      'Nothing provisions addresses until you install MetalLB, Cilium LB IPAM or kube-vip and give it a pool of addresses from your network; minikube needs `minikube tunnel`, kind needs cloud-provider-kind.',
  },
  sources: [
    {
      title: 'Kubernetes docs: Service, type LoadBalancer',
      url: 'https://kubernetes.io/docs/concepts/services-networking/service/#loadbalancer',
    },
    { title: 'minikube: tunnel', url: 'https://minikube.sigs.k8s.io/docs/commands/tunnel/' },
    { title: 'kind: LoadBalancer', url: 'https://kind.sigs.k8s.io/docs/user/loadbalancer/' },
    {
      title: 'AWS Load Balancer Controller: subnet auto-discovery (v3.5.0)',
      url: 'https://github.com/kubernetes-sigs/aws-load-balancer-controller/blob/v3.5.0/docs/deploy/subnet_discovery.md',
    },
    {
      title: 'AWS Load Balancer Controller: Network Load Balancer',
      url: 'https://kubernetes-sigs.github.io/aws-load-balancer-controller/latest/guide/service/nlb/',
    },
  ],
  examples: [
    'EXTERNAL-IP stuck on <pending> for my LoadBalancer service',
    'kubectl get svc shows <pending> forever, kubeadm cluster on VMs',
    'why does my service of type loadbalancer never get an ip on minikube?',
    'kind cluster: LoadBalancer service has no external address',
    "EKS service pending, the events complain it couldn't auto-discover subnets",
    'SyncLoadBalancerFailed on my Service, what does it mean',
    'lb service pending since an hour, how do i debug',
    'external ip pendng forever on our bare metal cluster',
    'we set loadBalancerClass and now the Service never gets an address',
    'TooManyLoadBalancers error when creating a service on aws',
  ],
  terms: [
    'EXTERNAL-IP <pending>',
    'pending',
    'SyncLoadBalancerFailed',
    'EnsuringLoadBalancer',
    'minikube tunnel',
    'cloud-provider-kind',
    'role/elb subnet tag',
    'role/internal-elb subnet tag',
    'TooManyLoadBalancers',
    'stuck pending',
  ],
  troubleshooting: true,
};

export default topic;

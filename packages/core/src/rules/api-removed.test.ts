import rule from './api-removed.js';
import { testRule } from './test-support/rule-tester.js';

/** An object of `kind` in `apiVersion`, with its apiVersion on line 2. */
const object = (apiVersion: string, kind: string, name = 'web', extra = ''): string => `---
apiVersion: ${apiVersion}
kind: ${kind}
metadata:
  name: ${name}
  namespace: shop${extra}
`;

/** The smallest spec each kind's schema accepts, so cases test versions and nothing else. */
const MINIMAL_SPEC: Record<string, string> = {
  Gateway: '\nspec:\n  gatewayClassName: example\n  listeners: []',
  ReferenceGrant: '\nspec:\n  from: []\n  to: []',
  ListenerSet: '\nspec:\n  parentRef:\n    name: web',
  BackendTLSPolicy: '\nspec:\n  targetRefs: []',
};

const gatewayApi = (version: string, kind: string, name = 'web'): string =>
  object(`gateway.networking.k8s.io/${version}`, kind, name, MINIMAL_SPEC[kind] ?? '');

testRule(rule, {
  valid: [
    {
      name: 'served Kubernetes versions',
      files:
        object('networking.k8s.io/v1', 'Ingress') +
        object('networking.k8s.io/v1', 'IngressClass') +
        object('apps/v1', 'Deployment') +
        object('batch/v1', 'CronJob'),
    },
    {
      name: 'versions the standard channel of Gateway API v1.6.1 serves',
      files:
        gatewayApi('v1', 'Gateway') +
        gatewayApi('v1beta1', 'HTTPRoute') +
        gatewayApi('v1beta1', 'ReferenceGrant') +
        gatewayApi('v1', 'TCPRoute') +
        gatewayApi('v1', 'UDPRoute') +
        gatewayApi('v1', 'TLSRoute') +
        gatewayApi('v1', 'ListenerSet'),
    },
    {
      name: 'kinds we do not know the versions of, and the experimental X group',
      files:
        gatewayApi('v1alpha2', 'BackendLBPolicy') +
        object('gateway.networking.x-k8s.io/v1alpha1', 'XBackendTrafficPolicy'),
    },
    {
      // kustomize refuses the build (the patch matches no object of its version); api-removed says nothing.
      name: 'a removed version in a Kustomize patch, which is not an object of its own',
      brokenInput: true,
      files: {
        'base/ingress.yaml': object('networking.k8s.io/v1', 'Ingress'),
        'base/kustomization.yaml': 'resources:\n- ingress.yaml\n',
        'overlay/kustomization.yaml': 'resources:\n- ../base\npatches:\n- path: ingress-patch.yaml\n',
        'overlay/ingress-patch.yaml': object('extensions/v1beta1', 'Ingress'),
      },
    },
    {
      name: 'ignored by annotation',
      files: object(
        'extensions/v1beta1',
        'Ingress',
        'legacy',
        '\n  annotations:\n    ingress-advisor.io/ignore: api-removed',
      ),
    },
  ],
  invalid: [
    {
      name: 'an extensions/v1beta1 Ingress, on the apiVersion line',
      files: object('v1', 'Service') + object('extensions/v1beta1', 'Ingress'),
      errors: [
        {
          messageId: 'removedIngress',
          line: 8,
          severity: 'error',
          data: {
            kind: 'Ingress',
            name: 'shop/web',
            apiVersion: 'extensions/v1beta1',
            removedIn: '1.22',
            use: 'networking.k8s.io/v1',
          },
        },
      ],
    },
    {
      name: 'a networking.k8s.io/v1beta1 Ingress and IngressClass',
      files:
        object('networking.k8s.io/v1beta1', 'Ingress') + object('networking.k8s.io/v1beta1', 'IngressClass'),
      errors: [
        { messageId: 'removedIngress', line: 2, data: { apiVersion: 'networking.k8s.io/v1beta1' } },
        { messageId: 'removedKubernetes', line: 8, data: { kind: 'IngressClass', removedIn: '1.22' } },
      ],
    },
    {
      name: 'removed workload versions',
      files: object('apps/v1beta2', 'Deployment') + object('batch/v1beta1', 'CronJob', 'nightly'),
      errors: [
        {
          messageId: 'removedKubernetes',
          line: 2,
          data: { kind: 'Deployment', removedIn: '1.16', use: 'apps/v1' },
        },
        {
          messageId: 'removedKubernetes',
          line: 8,
          data: { name: 'shop/nightly', removedIn: '1.25', use: 'batch/v1' },
        },
      ],
    },
    {
      name: 'an item of a List',
      files: `apiVersion: v1
kind: List
items:
- apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: ok
- apiVersion: extensions/v1beta1
  kind: DaemonSet
  metadata:
    name: agent
`,
      errors: [{ messageId: 'removedKubernetes', line: 8, data: { kind: 'DaemonSet', name: 'agent' } }],
    },
    {
      name: 'L4 routes in versions only the experimental channel still serves, as warnings',
      files: gatewayApi('v1alpha2', 'TCPRoute', 'mqtt') + gatewayApi('v1alpha3', 'TLSRoute', 'mqtts'),
      errors: [
        {
          messageId: 'experimentalOnly',
          line: 2,
          severity: 'warning',
          data: {
            kind: 'TCPRoute',
            apiVersion: 'gateway.networking.k8s.io/v1alpha2',
            use: 'gateway.networking.k8s.io/v1',
          },
        },
        { messageId: 'experimentalOnly', line: 8, severity: 'warning', data: { kind: 'TLSRoute' } },
      ],
    },
    {
      name: 'ListenerSet before it was standard, and XListenerSet itself',
      files:
        gatewayApi('v1alpha1', 'ListenerSet') +
        object('gateway.networking.x-k8s.io/v1alpha1', 'XListenerSet', 'old'),
      errors: [
        {
          messageId: 'xListenerSet',
          line: 2,
          severity: 'error',
          data: { use: 'gateway.networking.k8s.io/v1' },
        },
        { messageId: 'xListenerSet', line: 11, data: { kind: 'XListenerSet', name: 'shop/old' } },
      ],
    },
    {
      name: 'Gateway API versions no longer served',
      files: gatewayApi('v1alpha2', 'Gateway') + gatewayApi('v1alpha3', 'BackendTLSPolicy', 'tls'),
      errors: [
        {
          messageId: 'notServed',
          line: 2,
          data: { served: 'v1 and v1beta1', use: 'gateway.networking.k8s.io/v1' },
        },
        { messageId: 'notServed', line: 11, data: { kind: 'BackendTLSPolicy', served: 'v1' } },
      ],
    },
  ],
});

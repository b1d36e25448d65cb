import rule from './lb-l4-appropriate.js';
import { testRule } from './test-support/rule-tester.js';

/** A LoadBalancer Service named `name` with the given `ports:` items (indented as list entries). */
const lb = (name: string, ports: string, extra = '', type = 'LoadBalancer'): string => `---
apiVersion: v1
kind: Service
metadata:
  name: ${name}
  namespace: iot${extra}
spec:
  type: ${type}
  selector:
    app: ${name}
  ports:
${ports}`;

const mqtt = '  - name: mqtt\n    port: 1883\n';

testRule(rule, {
  valid: [
    {
      name: 'an HTTP(S) LoadBalancer',
      files: lb('web', '  - port: 80\n  - port: 443\n'),
    },
    {
      name: 'a LoadBalancer whose traffic is unknown (an unnamed, unregistered port)',
      files: lb('game', '  - port: 31337\n'),
    },
    {
      name: 'a LoadBalancer with an L4 port next to an unknown one',
      files: lb('odd', `${mqtt}  - port: 31337\n`),
    },
    {
      name: 'an L4 Service that is not a LoadBalancer',
      files: lb('broker', mqtt, '', 'ClusterIP'),
    },
    {
      name: 'ignored by annotation',
      files: lb('broker', mqtt, '\n  annotations:\n    ingress-advisor.io/ignore: lb-l4-appropriate'),
    },
  ],
  invalid: [
    {
      name: 'an MQTT broker, on the line of type: LoadBalancer',
      files: lb('broker', mqtt),
      errors: [
        {
          messageId: 'l4',
          line: 8,
          severity: 'notice',
          data: { service: 'iot/broker', ports: '1883/TCP (MQTT)', routes: 'TCPRoute' },
        },
      ],
    },
    {
      name: 'DNS over UDP and TCP, which needs a controller with UDPRoute',
      files: lb('dns', '  - name: dns\n    port: 53\n    protocol: UDP\n  - name: dns-tcp\n    port: 53\n'),
      errors: [
        {
          messageId: 'l4',
          data: {
            ports: '53/UDP (DNS), 53/TCP (DNS over TCP)',
            routes: 'TCPRoute and UDPRoute (needs a controller that supports UDPRoute)',
          },
        },
      ],
    },
    {
      name: 'an unnamed UDP port described without repeating the transport',
      files: lb('vpn', '  - port: 51820\n    protocol: UDP\n'),
      errors: [{ messageId: 'l4', data: { ports: '51820/UDP (WireGuard)' } }],
    },
    {
      name: 'MQTT over TLS next to HTTPS: the HTTP port could move behind an Ingress',
      files: lb('broker', '  - port: 443\n  - port: 8883\n'),
      errors: [
        {
          messageId: 'mixed',
          line: 8,
          data: {
            ports: '8883/TCP (MQTT over TLS)',
            httpPorts: '443/TCP (HTTPS)',
            routes: 'TLSRoute (TLS passthrough)',
          },
        },
      ],
    },
    {
      name: 'SCTP, which no Gateway API route carries',
      files: lb('diameter', '  - port: 3868\n    protocol: SCTP\n'),
      errors: [{ messageId: 'l4NoRoute', data: { service: 'iot/diameter', ports: '3868/SCTP' } }],
    },
    {
      name: 'SCTP next to HTTP',
      files: lb('diameter', '  - port: 3868\n    protocol: SCTP\n  - name: http\n    port: 8080\n'),
      errors: [{ messageId: 'mixedNoRoute', data: { ports: '3868/SCTP', httpPorts: '8080/TCP (HTTP)' } }],
    },
    {
      // ingress-nginx exposes TCP services (its tcp-services ConfigMap) on its own LoadBalancer: its
      // HTTP ports cannot move behind an Ingress, they are the Ingress controller.
      name: 'an ingress controller that also carries a TCP port stays the entry point, HTTP ports and all',
      files: `${lb(
        'ingress-nginx-controller',
        '  - {name: http, port: 80, appProtocol: http}\n  - {name: https, port: 443, appProtocol: https}\n  - {name: mqtt, port: 1883}\n',
      )}---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: ingress-nginx-controller
  namespace: iot
spec:
  selector:
    matchLabels: {app: ingress-nginx-controller}
  template:
    metadata:
      labels: {app: ingress-nginx-controller}
    spec:
      containers:
      - name: controller
        image: registry.k8s.io/ingress-nginx/controller:v1.15.1
`,
      errors: [
        {
          messageId: 'entryPoint',
          line: 8,
          data: {
            service: 'iot/ingress-nginx-controller',
            controller: 'ingress-nginx controller',
            reason:
              'Deployment iot/ingress-nginx-controller runs image registry.k8s.io/ingress-nginx/controller',
            ports: '1883/TCP (MQTT)',
            httpPortsAdvice:
              'it is the entry point of an ingress or gateway controller, so its HTTP ports stay on it too',
          },
        },
      ],
    },
  ],
});

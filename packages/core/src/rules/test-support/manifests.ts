/** Manifest builders shared by rule tests, so a case reads as the one thing it varies. */

/** An Ingress routing `<name>.example.com/` to Service `<name>` port 80 in namespace shop. */
export function ingressManifest(
  name: string,
  specLines = '',
  annotations: Record<string, string> = {},
): string {
  const annotationLines = Object.entries(annotations)
    .map(([key, value]) => `\n    ${key}: "${value}"`)
    .join('');
  return `---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: ${name}
  namespace: shop${annotationLines ? `\n  annotations:${annotationLines}` : ''}
spec:${specLines ? `\n  ${specLines}` : ''}
  rules:
  - host: ${name}.example.com
    http:
      paths:
      - path: /
        pathType: Prefix
        backend:
          service:
            name: ${name}
            port:
              number: 80
`;
}

/** An IngressClass, optionally marked as the cluster default. */
export function ingressClassManifest(name: string, controller: string, isDefault = false): string {
  return `---
apiVersion: networking.k8s.io/v1
kind: IngressClass
metadata:
  name: ${name}${isDefault ? '\n  annotations:\n    ingressclass.kubernetes.io/is-default-class: "true"' : ''}
spec:
  controller: ${controller}
`;
}

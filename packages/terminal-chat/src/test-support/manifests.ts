/** A pasted manifest the chat tests share: one public LoadBalancer Service. */
export const LOAD_BALANCER_MANIFEST = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: LoadBalancer
  selector:
    app: web
  ports:
    - port: 443
      targetPort: 8443
`;

import { describe, expect, it } from 'vitest';
import { loadManifests } from '../manifests/load.js';
import { analyze } from '../report/analyze.js';
import { buildInventory, findObjects, holdsKindIn } from './inventory.js';

const inventoryOf = (text: string) => buildInventory(loadManifests([{ path: 'set.yaml', text }]));

describe('buildInventory', () => {
  it('resolves names across files, defaulting a missing namespace to default', () => {
    const inventory = buildInventory(
      loadManifests([
        { path: 'a/svc.yaml', text: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: api\n' },
        {
          path: 'b/deploy.yaml',
          text: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\n  namespace: default\n',
        },
      ]),
    );
    expect(findObjects(inventory, 'Service', 'default', 'api')).toHaveLength(1);
    expect(holdsKindIn(inventory, 'Deployment', 'default')).toBe(true);
    expect(inventory.workloadsByNamespace.get('default')).toHaveLength(1);
  });

  it('does not mistake a kind of another API group for the Kubernetes one', () => {
    const inventory = inventoryOf(`apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: public, namespace: infra}
---
apiVersion: serving.knative.dev/v1
kind: Service
metadata: {name: hello, namespace: apps}
`);
    expect(findObjects(inventory, 'Gateway', 'infra', 'public')).toEqual([]);
    expect(findObjects(inventory, 'Service', 'apps', 'hello')).toEqual([]);
    expect(holdsKindIn(inventory, 'Service', 'apps')).toBe(false);
    expect(inventory.gateways).toEqual([]);
    expect(inventory.services).toEqual([]);
  });

  it('judges a LoadBalancer by its Kustomize overlay when a patch changes it', () => {
    // The overlay is a unit of its own, built with the patch applied (units/), then inventoried.
    const report = analyze([
      {
        path: 'base/db.yaml',
        text: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: db\nspec:\n  type: LoadBalancer\n  ports:\n  - port: 5432\n',
      },
      { path: 'base/kustomization.yaml', text: 'resources:\n- db.yaml\n' },
      { path: 'prod/kustomization.yaml', text: 'resources:\n- ../base\npatches:\n- path: internal.yaml\n' },
      {
        path: 'prod/internal.yaml',
        text: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: db\n  annotations:\n    service.beta.kubernetes.io/azure-load-balancer-internal: "true"\n',
      },
    ]);
    expect(report.loadBalancers.map((lb) => [lb.unit, lb.exposure])).toEqual([
      ['kustomize:prod', 'internal'],
    ]);
  });

  it('records an object with wrong field types as invalid instead of throwing', () => {
    const inventory = inventoryOf(
      'apiVersion: v1\nkind: Service\nmetadata: {name: x}\nspec:\n  ports: "80"\n',
    );
    expect(inventory.invalid).toHaveLength(1);
    expect(inventory.invalid[0]?.issues[0]?.path).toEqual(['spec', 'ports']);
  });
});

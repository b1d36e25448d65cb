/**
 * Objects as a deployment unit deploys them, each placed at the source it came from. What a
 * renderer gives (kustomize, helm, or our built-in approximation of Kustomize), before the
 * inventory reads it.
 */
import type { PlacedField } from '../manifests/objects.js';
import type { Position } from '../manifests/positions.js';

/** A Kubernetes object as deployed, placed in its source. */
export interface PlacedObject {
  /** The object as deployed: names, namespaces and fields after every transformer and patch. */
  value: Record<string, unknown> & { apiVersion: string; kind: string };
  /** The file the object comes from (its base resource, or its Helm template), relative, posix. */
  file: string;
  /** The 0-based document index of the object in that file. */
  doc: number;
  /** The 1-based line where the object starts in that file. */
  line: number;
  /**
   * Positions of the object's nodes in that file (paths are those of the deployed object, which a
   * patch rarely moves); null when unknown.
   */
  position: Position | null;
  /**
   * Fields a patch (or a Helm values file) set, and where: a finding about such a field points
   * there. The LoadBalancer made by a patch points at the patch's `type: LoadBalancer`.
   */
  setBy?: PlacedField[];
}

export type { PlacedField };

/** What became of rendering a unit. */
export interface RenderResult {
  objects: PlacedObject[];
  /** `approximated` when the renderer could not do all the unit asks; `error` when nothing came out. */
  status: 'rendered' | 'approximated' | 'error';
  /** Why it is approximated or failed, and what to do; one sentence each. */
  messages: string[];
}

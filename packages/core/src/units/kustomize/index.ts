/**
 * The built-in approximation of `kustomize build`: pure, text in, placed objects out. The CLI uses
 * it when neither kustomize nor kubectl is on PATH, or with `--render builtin`.
 */
export { type BuildOptions, buildKustomization } from './build.js';
export { KUSTOMIZATION_FILE_NAMES } from './kustomization.js';

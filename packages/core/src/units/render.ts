/**
 * Renders Kustomize and Helm units with the real tools, when they are on PATH: `kustomize build`
 * (or `kubectl kustomize`) and `helm template`. Never with plugins or exec functions enabled, each
 * run bounded by a timeout, and a unit that fails says why and what to do without stopping the
 * others. What the tools print is placed back in the sources by the core.
 */
import { posix, relative, resolve, sep } from 'node:path';
import type { SourceFile } from '../manifests/load.js';
import type { RenderedUnit } from '../report/analyze.js';
import type { UnitPlan } from './discover.js';
import { placeHelmOutput, placeKustomizeOutput } from './place.js';

/** The tools a unit can be rendered with, as absolute paths; absent when not found. */
export interface RenderTools {
  kustomize?: string;
  kubectl?: string;
  helm?: string;
}

export interface ToolResult {
  code: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

/**
 * The edges rendering touches, which an adapter provides (the core runs nothing itself): finding and
 * running a tool, and a scratch folder for kustomize.
 */
export interface ToolRunner {
  find(name: 'kustomize' | 'kubectl' | 'helm'): string | undefined;
  run(
    command: string,
    args: readonly string[],
    options: { cwd: string; timeoutMs: number },
  ): Promise<ToolResult>;
  /** A new empty folder, removed with `dispose`. */
  scratch(): Promise<{
    path: string;
    write(name: string, text: string): Promise<void>;
    dispose(): Promise<void>;
  }>;
}

/** How long one unit may take to render. */
export const RENDER_TIMEOUT_MS = 60_000;
/** Units rendered at once: the tools are processes of their own. */
const PARALLEL_RENDERS = 4;

/** The tools found on PATH. */
export function findTools(runner: ToolRunner): RenderTools {
  const tools: RenderTools = {};
  for (const name of ['kustomize', 'kubectl', 'helm'] as const) {
    const path = runner.find(name);
    if (path !== undefined) tools[name] = path;
  }
  return tools;
}

/** Renders every unit a tool is there for; the others are left to the core's built-in readers. */
export async function renderUnits(
  plans: readonly UnitPlan[],
  sources: readonly SourceFile[],
  runner: ToolRunner,
  cwd: string,
): Promise<Map<string, RenderedUnit>> {
  const tools = findTools(runner);
  const byPath = new Map(sources.map((source) => [posix.normalize(source.path), source]));
  const rendered = new Map<string, RenderedUnit>();
  const queue = plans.filter((plan) =>
    plan.kind === 'helm'
      ? tools.helm !== undefined
      : tools.kustomize !== undefined || tools.kubectl !== undefined,
  );
  const work = async (): Promise<void> => {
    for (let plan = queue.shift(); plan !== undefined; plan = queue.shift()) {
      const result =
        plan.kind === 'helm'
          ? await renderHelm(plan, tools.helm as string, byPath, runner, cwd)
          : await renderKustomize(plan, tools, byPath, runner, cwd);
      rendered.set(plan.id, result);
    }
  };
  await Promise.all(Array.from({ length: PARALLEL_RENDERS }, work));
  return rendered;
}

async function renderKustomize(
  plan: UnitPlan,
  tools: RenderTools,
  sources: ReadonlyMap<string, SourceFile>,
  runner: ToolRunner,
  cwd: string,
): Promise<RenderedUnit> {
  const renderer = tools.kustomize !== undefined ? 'kustomize' : 'kubectl';
  const scratch = await runner.scratch();
  try {
    // A kustomization of our own around the root asks for origin annotations without touching the
    // user's files; a relative path, as kustomize refuses absolute ones.
    const root = toPosix(relative(scratch.path, resolve(cwd, plan.path)));
    await scratch.write(
      'kustomization.yaml',
      `resources:\n- ${JSON.stringify(root)}\nbuildMetadata: [originAnnotations]\n`,
    );
    const args = renderer === 'kustomize' ? ['build', scratch.path] : ['kustomize', scratch.path];
    const result = await runner.run(tools[renderer] as string, args, { cwd, timeoutMs: RENDER_TIMEOUT_MS });
    if (result.code !== 0) return failed(renderer, explainKustomizeFailure(plan, result));
    const resolveOrigin = (origin: string) => toPosix(relative(cwd, resolve(scratch.path, origin)));
    return { renderer, ...placeKustomizeOutput(result.stdout, { plan, sources, resolveOrigin }) };
  } finally {
    await scratch.dispose();
  }
}

async function renderHelm(
  plan: UnitPlan,
  helm: string,
  sources: ReadonlyMap<string, SourceFile>,
  runner: ToolRunner,
  cwd: string,
): Promise<RenderedUnit> {
  const release =
    chartName(sources.get(posix.join(plan.path, 'Chart.yaml'))?.text) ?? posix.basename(plan.path);
  const args = [
    'template',
    release,
    plan.path,
    ...plan.values.flatMap((file) => ['-f', posix.join(plan.path, file)]),
    // `helm test` Pods are never part of a release, and their names are often random.
    '--skip-tests',
  ];
  let result = await runner.run(helm, args, { cwd, timeoutMs: RENDER_TIMEOUT_MS });
  const messages: string[] = [];
  // A values.schema.json that points at a remote schema cannot be checked offline.
  if (result.code !== 0 && /schema/i.test(result.stderr) && !result.timedOut) {
    result = await runner.run(helm, [...args, '--skip-schema-validation'], {
      cwd,
      timeoutMs: RENDER_TIMEOUT_MS,
    });
    if (result.code === 0) {
      messages.push(
        'Rendered without validating the values against values.schema.json, which could not be checked offline.',
      );
    }
  }
  if (result.code !== 0) return failed('helm', explainHelmFailure(plan, result));
  const placed = placeHelmOutput(result.stdout, { plan, sources });
  return { renderer: 'helm', ...placed, messages: [...messages, ...placed.messages] };
}

function failed(renderer: RenderedUnit['renderer'], message: string): RenderedUnit {
  return { renderer, objects: [], status: 'error', messages: [message] };
}

function explainKustomizeFailure(plan: UnitPlan, result: ToolResult): string {
  if (result.timedOut)
    return `kustomize took more than ${RENDER_TIMEOUT_MS / 1000} s on ${plan.path} and was stopped.`;
  const said = firstLines(result.stderr);
  if (/helmCharts|enable-helm/i.test(result.stderr)) {
    return `${said} The kustomization inflates Helm charts (helmCharts), which ingress-advisor does not enable: render it with \`kustomize build --enable-helm ${plan.path}\` and pipe the output in with \`-\`.`;
  }
  if (/plugin|exec/i.test(result.stderr)) {
    return `${said} The kustomization uses plugins or exec functions, which ingress-advisor never enables: render it yourself and pipe the output in with \`-\`.`;
  }
  return `${said} Check that \`kubectl kustomize ${plan.path}\` works, then run again.`;
}

function explainHelmFailure(plan: UnitPlan, result: ToolResult): string {
  if (result.timedOut)
    return `helm took more than ${RENDER_TIMEOUT_MS / 1000} s on ${plan.path} and was stopped.`;
  const said = firstLines(result.stderr);
  if (/missing in charts\/ directory|dependencies|dependency/i.test(result.stderr)) {
    return `${said} Run \`helm dependency build ${plan.path}\` to fetch the chart's dependencies, then run again.`;
  }
  return `${said} Check that \`helm template ${plan.path}\` works, then run again.`;
}

/** What a tool said, in at most three lines, without our scratch folder's path. */
function firstLines(text: string): string {
  const lines = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .slice(0, 3)
    .join(' ');
  const said = lines.length > 600 ? `${lines.slice(0, 600)}…` : lines;
  return said === '' ? 'The renderer failed without a message.' : `${said.replace(/\.?$/, '.')}`;
}

/** The chart's `name:` from Chart.yaml: the release name the unit is rendered with. */
function chartName(text: string | undefined): string | undefined {
  const match = text === undefined ? null : /^name:\s*["']?([A-Za-z0-9][\w.-]*)["']?\s*$/m.exec(text);
  return match?.[1];
}

function toPosix(path: string): string {
  return path.split(sep).join('/');
}

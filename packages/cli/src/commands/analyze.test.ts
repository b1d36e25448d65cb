import { MAX_FILE_BYTES, type Report } from '@ingress-advisor/core';
import { describe, expect, it } from 'vitest';
import { createFakeDeps, type FakeDepsOptions } from '../test-support/fake-deps.js';
import { analyzeHelp, runAnalyze } from './analyze.js';

const lb = (name: string, port = 80): string => `---
apiVersion: v1
kind: Service
metadata:
  name: ${name}
spec:
  type: LoadBalancer
  selector:
    app: ${name}
  ports:
  - name: http
    port: ${port}
    targetPort: 8080
`;

/** Two public HTTP LoadBalancers: lb-http-consolidate reports both (a warning by default). */
const twoHttpLoadBalancers = lb('web') + lb('api', 443);

async function run(args: string[], options: FakeDepsOptions = {}) {
  const deps = createFakeDeps(options);
  const code = await runAnalyze(deps, args);
  return { code, deps, out: deps.out(), err: deps.err() };
}

function parseReport(text: string): Report {
  return JSON.parse(text) as Report;
}

describe('analyze', () => {
  it('analyses the current directory and prints a JSON report that parses', async () => {
    const { code, out, err } = await run(['--format', 'json'], {
      files: { '/repo/k8s/services.yaml': twoHttpLoadBalancers, '/repo/README.md': '# app' },
    });
    expect(err).toBe('');
    expect(code).toBe(0);
    const report = parseReport(out);
    expect(report.schemaVersion).toBe(2);
    expect(report.files).toEqual([{ path: 'k8s/services.yaml', status: 'analyzed', documents: 2 }]);
    expect(report.loadBalancers.map((entry) => [entry.name, entry.traffic, entry.exposure])).toEqual([
      ['web', 'http', 'public'],
      ['api', 'http', 'public'],
    ]);
  });

  it('analyses standard input as <stdin>', async () => {
    const { code, out } = await run(['-', '--format=json'], { stdin: lb('web') });
    expect(code).toBe(0);
    const report = parseReport(out);
    expect(report.files.map((file) => [file.path, file.status])).toEqual([['<stdin>', 'analyzed']]);
    expect(report.loadBalancers[0]).toMatchObject({ name: 'web', file: '<stdin>', line: 7 });
  });

  it('reports an oversized file as skipped without reading past the cap', async () => {
    const { code, out, deps } = await run(['big.yaml', 'web.yaml', '-f', 'json'], {
      files: {
        '/repo/big.yaml': new Uint8Array(MAX_FILE_BYTES + 100).fill(0x61),
        '/repo/web.yaml': lb('web'),
      },
    });
    expect(code).toBe(0);
    expect(deps.fs.reads.every((read) => read.maxBytes === MAX_FILE_BYTES + 1)).toBe(true);
    const report = parseReport(out);
    expect(report.files.map((file) => [file.path, file.status])).toEqual([
      ['big.yaml', 'skipped'],
      ['web.yaml', 'analyzed'],
    ]);
    expect(report.files[0]?.reason).toContain('8 MiB');
  });

  it('exits 2 on an unknown option, naming it', async () => {
    const { code, out, err } = await run(['k8s', '--formt', 'json']);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toBe('Unknown option --formt.\nRun `ingress-advisor analyze --help` for usage.\n');
  });

  it('exits 2 on an unknown format, listing the allowed ones', async () => {
    const { code, err } = await run(['--format', 'yaml']);
    expect(code).toBe(2);
    expect(err).toContain('Unknown value "yaml" for --format; use one of text, json, markdown, sarif.');
  });

  it('exits 2 on an option without its value', async () => {
    const { code, err } = await run(['--output']);
    expect(code).toBe(2);
    expect(err).toContain('Option --output needs a value.');
  });

  it('exits 2 on a missing path, naming it, and writes no report', async () => {
    const { code, out, err } = await run(['k8s', 'nope.yaml'], {
      files: { '/repo/k8s/web.yaml': lb('web') },
    });
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain('Cannot read nope.yaml: no such file or directory.');
  });

  it('exits 2 on an unreadable file, naming it', async () => {
    const { code, err } = await run(['.'], { files: { '/repo/secret.yaml': { unreadable: true } } });
    expect(code).toBe(2);
    expect(err).toContain('Cannot read secret.yaml: permission denied.');
  });

  describe('--fail-on', () => {
    const files = { '/repo/services.yaml': twoHttpLoadBalancers };

    it('never fails by default', async () => {
      expect((await run([], { files })).code).toBe(0);
    });

    it('exits 1 on a warning with --fail-on warning, saying why on stderr', async () => {
      const { code, err } = await run(['--fail-on', 'warning'], { files });
      expect(code).toBe(1);
      expect(err).toBe('Failing because of --fail-on warning: 2 warning findings.\n');
    });

    it('ignores warnings with --fail-on error', async () => {
      expect((await run(['--fail-on', 'error'], { files })).code).toBe(0);
    });

    it('exits 1 with --fail-on error when the configuration raises a rule to error', async () => {
      const { code, err } = await run(['--fail-on', 'error'], {
        files: { ...files, '/repo/.ingress-advisor.yml': 'rules:\n  lb-http-consolidate: error\n' },
      });
      expect(code).toBe(1);
      expect(err).toContain('2 error findings');
    });

    it('counts a file that cannot be parsed as an error', async () => {
      const { code, err } = await run(['--fail-on', 'error'], {
        files: { '/repo/broken.yaml': `${lb('web')}---\nkind: [unclosed\n` },
      });
      expect(code).toBe(1);
      expect(err).toContain('1 file that could not be parsed');
    });

    it('exits 2 on an unknown level', async () => {
      const { code, err } = await run(['--fail-on', 'notice']);
      expect(code).toBe(2);
      expect(err).toContain('use one of never, warning, error');
    });
  });

  describe('configuration', () => {
    it('reads .ingress-advisor.yml from the working directory', async () => {
      const { out } = await run(['--format', 'json'], {
        files: {
          '/repo/services.yaml': twoHttpLoadBalancers,
          '/repo/.ingress-advisor.yml': 'rules:\n  lb-http-consolidate: off\n',
        },
      });
      expect(parseReport(out).findings.filter((finding) => finding.ruleId === 'lb-http-consolidate')).toEqual(
        [],
      );
    });

    it('prints every problem of a bad configuration with its path, and exits 2', async () => {
      const { code, out, err } = await run(['--config', 'ci/advisor.yml'], {
        files: {
          '/repo/ci/advisor.yml': 'rules:\n  lb-http-consolidate: loud\nfailOn: warning\n',
          '/repo/services.yaml': twoHttpLoadBalancers,
        },
      });
      expect(code).toBe(2);
      expect(out).toBe('');
      const lines = err.split('\n');
      expect(lines[0]).toBe('The configuration file ci/advisor.yml is not valid:');
      expect(lines).toContainEqual(expect.stringMatching(/^ {2}rules\.lb-http-consolidate: expected /));
      expect(lines).toContainEqual(expect.stringMatching(/^ {2}\(file\): unknown key\(s\) "failOn"/));
    });

    it('exits 2 when the --config file does not exist', async () => {
      const { code, err } = await run(['--config', 'missing.yml']);
      expect(code).toBe(2);
      expect(err).toContain('Cannot read the configuration file missing.yml: no such file or directory.');
    });

    it('applies include globs to files but always analyses standard input', async () => {
      const { out } = await run(['.', '-', '--format', 'json'], {
        files: {
          '/repo/deploy/web.yaml': lb('web'),
          '/repo/examples/demo.yaml': lb('demo'),
          '/repo/.ingress-advisor.yml': 'include: ["deploy/**"]\n',
        },
        stdin: lb('piped'),
      });
      const report = parseReport(out);
      expect(report.files.map((file) => [file.path, file.status])).toEqual([
        ['<stdin>', 'analyzed'],
        ['deploy/web.yaml', 'analyzed'],
        ['examples/demo.yaml', 'skipped'],
      ]);
    });
  });

  describe('output', () => {
    it('writes the report to --output and nothing to stdout', async () => {
      const { code, out, deps } = await run(['-f', 'sarif', '-o', 'results.sarif'], {
        files: { '/repo/services.yaml': twoHttpLoadBalancers },
      });
      expect(code).toBe(0);
      expect(out).toBe('');
      const sarif = JSON.parse(deps.fs.written.get('/repo/results.sarif') ?? '') as { version: string };
      expect(sarif.version).toBe('2.1.0');
    });

    it('exits 2 when the output file cannot be written', async () => {
      const { code, err } = await run(['-o', 'no/such/dir/report.txt']);
      expect(code).toBe(2);
      expect(err).toContain('Cannot write the report to no/such/dir/report.txt: no such file or directory.');
    });

    it('renders every format with a final newline', async () => {
      for (const format of ['text', 'json', 'markdown', 'sarif']) {
        const { code, out } = await run(['--format', format], { files: { '/repo/web.yaml': lb('web') } });
        expect(code).toBe(0);
        expect(out.endsWith('\n')).toBe(true);
      }
    });

    it('warns about a directory without manifests and still prints the report', async () => {
      const { code, out, err } = await run(['docs', '-f', 'json'], { files: { '/repo/docs/a.md': '#' } });
      expect(code).toBe(0);
      expect(err).toBe('No *.yaml, *.yml, *.json or Kustomization files found in docs.\n');
      expect(parseReport(out).files).toEqual([]);
    });
  });

  it('prints its help on --help and exits 0', async () => {
    const { code, out, err } = await run(['--help']);
    expect(code).toBe(0);
    expect(err).toBe('');
    expect(out).toBe(analyzeHelp());
    expect(out).toContain('helm template my-chart ./chart | ingress-advisor analyze -');
    expect(out).toContain('kubectl kustomize overlays/prod | ingress-advisor analyze -');
    expect(out).toContain('--format sarif --output results.sarif');
  });
});

import { describe, expect, it } from 'vitest';
import { REDACTED, redactManifest, redactTokens } from './redact.js';

const SECRET_YAML = `apiVersion: v1
kind: Secret
metadata:
  name: db
type: Opaque
data:
  password: aHVudGVyMg==
  cert: |
    LS0tLS1CRUdJTi
    more-base64
stringData:
  url: postgres://user:hunter2@db:5432/app
---
apiVersion: v1
kind: ConfigMap
metadata: {name: plain}
data:
  mode: production
`;

describe('redactManifest', () => {
  it('blanks every value of a Secret and keeps its keys and line count', () => {
    const out = redactManifest(SECRET_YAML);
    expect(out).not.toContain('aHVudGVyMg==');
    expect(out).not.toContain('LS0tLS1CRUdJTi');
    expect(out).not.toContain('more-base64');
    expect(out).not.toContain('hunter2');
    expect(out).toContain(`password: ${REDACTED}`);
    expect(out).toContain('url: ');
    expect(out.split('\n')).toHaveLength(SECRET_YAML.split('\n').length);
  });

  it('leaves the data of other kinds alone', () => {
    expect(redactManifest(SECRET_YAML)).toContain('mode: production');
  });

  it('redacts an inline or JSON Secret map', () => {
    expect(redactManifest('kind: Secret\ndata: {token: c2VjcmV0}\n')).not.toContain('c2VjcmV0');
    const json = '{\n"kind": "Secret",\n"data": {"k": "c2VjcmV0"}\n}';
    expect(redactManifest(json)).not.toContain('c2VjcmV0');
  });
});

describe('redactTokens', () => {
  it.each([
    ['Slack bot token', 'xoxb-1234567890-0987654321-abcdefABCDEF'],
    ['Slack app token', 'xapp-1-A0123-456-abcdef0123'],
    ['GitHub token', 'ghp_abcdefghijklmnopqrstuvwxyz0123456789'],
    ['AWS access key', 'AKIAIOSFODNN7EXAMPLE'],
    ['JWT', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTYifQ.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U'],
  ])('redacts a %s', (_what, token) => {
    expect(redactTokens(`value: ${token} end`)).toBe(`value: ${REDACTED} end`);
  });

  it('redacts secret-named assignments and bearer tokens', () => {
    expect(redactTokens('aws_secret_access_key = wJalrXUtnFEMI/K7MDENG')).not.toContain('wJalrXUtnFEMI');
    expect(redactTokens('Authorization: Bearer abc.def.ghi-123456')).not.toContain('abc.def.ghi-123456');
  });

  it('blanks PEM private keys line by line', () => {
    const pem = '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA\nabc\n-----END RSA PRIVATE KEY-----';
    const out = redactTokens(pem);
    expect(out).not.toContain('MIIEowIBAAKCAQEA');
    expect(out.split('\n')).toHaveLength(4);
  });

  it('leaves ordinary text alone', () => {
    const text = 'ingress or lb for 3 services on port 443?';
    expect(redactTokens(text)).toBe(text);
  });
});

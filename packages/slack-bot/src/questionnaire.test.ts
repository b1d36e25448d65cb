import { understand } from '@ingress-advisor/core';
import { describe, expect, it } from 'vitest';
import type { ViewValues } from './payloads.js';
import { questionFromAnswers } from './questionnaire.js';

const text = (value: string) => ({ value: { value } });
const checked = (...values: string[]) => ({
  value: { selected_options: values.map((value) => ({ value })) },
});
const selected = (value: string) => ({ value: { selected_option: { value } } });

describe('questionFromAnswers', () => {
  it('asks a question the engine understands field by field', () => {
    const values: ViewValues = {
      protocols: checked('http', 'udp'),
      ports: text('443, 53/udp'),
      services: selected('3'),
      routing: checked('host', 'path', 'split'),
      tls: selected('terminate'),
      priorities: checked('latency', 'cost', 'teams', 'internal'),
      inbound: selected('no'),
      cloud: selected('aws'),
    };
    const { requirements } = understand(questionFromAnswers(values));
    expect(requirements).toMatchObject({
      serviceCount: 3,
      hostRouting: true,
      pathRouting: true,
      trafficSplitting: true,
      tlsTermination: true,
      latencySensitive: true,
      costSensitive: true,
      roleSeparation: true,
      internalOnly: true,
      noInboundPorts: true,
      cloud: 'aws',
    });
    expect(requirements.protocols).toEqual(expect.arrayContaining(['http', 'udp']));
    expect(requirements.ports?.map((p) => p.port)).toEqual(expect.arrayContaining([53, 443]));
  });

  it.each([
    ['gcp', { cloud: 'gcp' }],
    ['azure', { cloud: 'azure' }],
    ['digitalocean', { cloud: 'digitalocean' }],
    ['bare-metal', { environment: 'bare-metal' }],
    ['home-lab', { environment: 'home-lab' }],
  ])('understands the cloud choice %s', (cloud, expected) => {
    expect(
      understand(
        questionFromAnswers({ protocols: checked('tcp'), services: selected('10'), cloud: selected(cloud) }),
      ).requirements,
    ).toMatchObject(expected);
  });

  it('keeps only digits, protocols and separators of the free-text ports', () => {
    expect(questionFromAnswers({ ports: text('<!channel> 80; drop table') })).not.toMatch(/[<>!;]/);
  });
});

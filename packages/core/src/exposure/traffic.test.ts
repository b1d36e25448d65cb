import { describe, expect, it } from 'vitest';
import { classifyPort, trafficOf } from './traffic.js';

describe('classifyPort', () => {
  it.each([
    // appProtocol wins over everything else
    [{ port: 5432, appProtocol: 'http' }, 'http', 'appProtocol'],
    [{ port: 80, appProtocol: 'kubernetes.io/h2c' }, 'http2', 'appProtocol'],
    [{ port: 80, appProtocol: 'kubernetes.io/ws' }, 'websocket', 'appProtocol'],
    [{ port: 443, appProtocol: 'kubernetes.io/wss' }, 'websocket', 'appProtocol'],
    [{ port: 8080, appProtocol: 'postgresql' }, 'tcp', 'appProtocol'],
    // then the port-name convention, with suffixes
    [{ port: 9999, name: 'http-api' }, 'http', 'port-name'],
    [{ port: 9999, name: 'grpc' }, 'grpc', 'port-name'],
    [{ port: 9999, name: 'grpc-web' }, 'grpc', 'port-name'],
    [{ port: 9999, name: 'tcp-game' }, 'tcp', 'port-name'],
    [{ port: 9999, name: 'https' }, 'https', 'port-name'],
    // then protocol: UDP / SCTP
    [{ port: 9999, protocol: 'UDP' }, 'udp', 'protocol'],
    [{ port: 80, name: 'http', protocol: 'UDP' }, 'udp', 'protocol'],
    [{ port: 3868, protocol: 'SCTP' }, 'sctp', 'protocol'],
    // then well-known ports
    [{ port: 443 }, 'https', 'port-number'],
    [{ port: 1883 }, 'tcp', 'port-number'],
    [{ port: 53 }, 'tcp', 'port-number'],
    [{ port: 53, protocol: 'UDP' }, 'udp', 'protocol'],
    [{ port: 8883 }, 'tls', 'port-number'],
    [{ port: 5432 }, 'tcp', 'port-number'],
    [{ port: 50051 }, 'grpc', 'port-number'],
    // honest unknowns
    [{ port: 9000 }, 'unknown', 'port-number'],
    [{ port: 31337 }, 'unknown', 'none'],
    [{ port: 31337, name: 'main' }, 'unknown', 'none'],
  ])('%o is %s (from %s)', (port, protocol, source) => {
    const result = classifyPort(port);
    expect(result.protocol).toBe(protocol);
    expect(result.source).toBe(source);
  });

  it('marks database and admin ports as sensitive', () => {
    expect(classifyPort({ port: 5432 }).sensitive).toBe(true);
    expect(classifyPort({ port: 6379 }).sensitive).toBe(true);
    expect(classifyPort({ port: 22 }).sensitive).toBe(true);
    expect(classifyPort({ port: 9999, name: 'redis' }).sensitive).toBe(true);
    expect(classifyPort({ port: 443 }).sensitive).toBe(false);
  });
});

describe('trafficOf', () => {
  const http = classifyPort({ port: 80 });
  const mqtt = classifyPort({ port: 1883 });
  const unknown = classifyPort({ port: 31337 });
  it.each([
    [[http, http], 'http'],
    [[mqtt], 'l4'],
    [[http, mqtt], 'mixed'],
    [[http, unknown], 'unknown'],
    [[], 'unknown'],
  ])('%# sums up as %s', (ports, expected) => {
    expect(trafficOf(ports)).toBe(expected);
  });
});

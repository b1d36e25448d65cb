/**
 * The questionnaire's answers become a question in words, which goes through the same engine as a
 * typed question (and so can be refined and shared like one).
 */
import type { ViewValues } from './payloads.js';
import { QUESTIONNAIRE_FIELDS } from './render/views.js';

function selected(values: ViewValues, block: string): string[] {
  const state = values[block]?.value;
  if (state === undefined) return [];
  if (Array.isArray(state.selected_options)) return state.selected_options.map((o) => o.value);
  if (state.selected_option) return [state.selected_option.value];
  return typeof state.value === 'string' && state.value.trim() !== '' ? [state.value.trim()] : [];
}

const PROTOCOL_WORDS: Record<string, string> = {
  http: 'HTTP',
  grpc: 'gRPC',
  websocket: 'WebSocket',
  tcp: 'TCP',
  udp: 'UDP',
};
const CLOUD_WORDS: Record<string, string> = {
  aws: 'on AWS',
  gcp: 'on GKE in Google Cloud',
  azure: 'on Azure AKS',
  digitalocean: 'on DigitalOcean',
  'bare-metal': 'on bare metal',
  'home-lab': 'in a home lab',
};

/** The question the questionnaire's answers ask. */
export function questionFromAnswers(values: ViewValues): string {
  const f = QUESTIONNAIRE_FIELDS;
  const protocols = selected(values, f.protocols).filter((p) => p in PROTOCOL_WORDS);
  const count = selected(values, f.services)[0] ?? '1';
  const services = count === '1' ? '1 service' : count === '3' ? '3 services' : 'more than 10 services';
  const parts = [
    `Which way to expose ${services} speaking ${protocols.map((p) => PROTOCOL_WORDS[p]).join(' and ') || 'HTTP'}`,
  ];
  const ports = (selected(values, f.ports)[0] ?? '').replace(/[^0-9a-z/, ]/gi, '').slice(0, 120);
  if (ports !== '') parts.push(`on ports ${ports}`);
  const routing = selected(values, f.routing);
  if (routing.includes('host')) parts.push('with host-based routing');
  if (routing.includes('path')) parts.push('with path-based routing');
  if (routing.includes('split')) parts.push('with canary traffic splitting');
  const tls = selected(values, f.tls)[0];
  if (tls === 'terminate') parts.push('with TLS termination');
  if (tls === 'passthrough') parts.push('with TLS passthrough to the pods');
  if (tls === 'none') parts.push('without TLS');
  const priorities = selected(values, f.priorities);
  if (priorities.includes('latency')) parts.push('latency is critical');
  if (priorities.includes('cost')) parts.push('cost matters');
  if (priorities.includes('teams')) parts.push('separate platform and app teams');
  if (priorities.includes('internal')) parts.push('internal only');
  if (selected(values, f.inbound)[0] === 'no') parts.push('no inbound ports allowed');
  const cloud = selected(values, f.cloud)[0];
  if (cloud !== undefined && cloud in CLOUD_WORDS) parts.push(CLOUD_WORDS[cloud] ?? '');
  return `${parts.join(', ')}?`;
}

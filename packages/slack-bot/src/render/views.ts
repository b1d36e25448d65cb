/** The help message, App Home, the questionnaire modal and the feedback modal. */
import type { types } from '@slack/bolt';
import { actions, type Block, button, context, divider, header, type Message, sections } from './blocks.js';

/** Action and callback ids of these views. */
export const VIEW_IDS = {
  example: 'example_question',
  openQuestionnaire: 'open_questionnaire',
  questionnaire: 'questionnaire',
  feedback: 'feedback',
} as const;

/** Example questions offered as buttons. */
export const EXAMPLE_QUESTIONS = [
  'Ingress or LoadBalancer for 4 web apps on one domain with TLS on AWS?',
  'Mosquitto on 1883 for devices outside the cluster',
  'Do I need an Ingress to expose my app?',
  'What replaces ingress-nginx?',
] as const;

function exampleButtons(): Block {
  return actions([
    ...EXAMPLE_QUESTIONS.map((question, index) => button(question, `${VIEW_IDS.example}:${index}`, question)),
    button('Start the questionnaire', VIEW_IDS.openQuestionnaire, 'start', 'primary'),
  ]);
}

const WHAT_I_DO = [
  'I answer *"Ingress, LoadBalancer Service, Gateway API or a tunnel?"* with a weighted ranking, the reasons, a YAML example and sources.',
  '• `/ingress-or-lb your question` answers privately, with a button to share it.',
  '• Mention me in a channel: I answer in the thread, and later mentions in that thread refine the answer.',
  '• Send me a direct message, or paste a manifest (in a code block) to have it reviewed.',
  '• On any message with YAML, use the *Review manifest* shortcut (⋮ › More message shortcuts).',
].join('\n');

/** The answer to `help` or an empty mention. */
export function helpMessage(): Message {
  return {
    text: 'I answer "Ingress or LoadBalancer?": ask a question, paste a manifest, or start the questionnaire.',
    blocks: [...sections(WHAT_I_DO), context('Try one of these:'), exampleButtons()],
  };
}

/** The App Home tab. */
export function homeView(): types.HomeView {
  return {
    type: 'home',
    blocks: [
      header('Ingress Advisor'),
      ...sections(WHAT_I_DO),
      divider(),
      ...sections('*Try a question*'),
      exampleButtons(),
      divider(),
      context(
        'Privacy: I keep no conversations; each answer carries its own state in Slack. Pasted manifests are analysed in memory, secrets are redacted, and manifests are never logged.',
      ),
    ],
  };
}

type Option = types.PlainTextOption;
const option = (value: string, text: string): Option => ({ value, text: { type: 'plain_text', text } });

/** Questionnaire fields: block ids, which are also the keys `questionFromAnswers` reads. */
export const QUESTIONNAIRE_FIELDS = {
  protocols: 'protocols',
  ports: 'ports',
  services: 'services',
  routing: 'routing',
  tls: 'tls',
  priorities: 'priorities',
  inbound: 'inbound',
  cloud: 'cloud',
} as const;

function input(
  blockId: string,
  label: string,
  element: types.InputBlockElement,
  optional: boolean,
  hint?: string,
): Block {
  const block: types.InputBlock = {
    type: 'input',
    block_id: blockId,
    label: { type: 'plain_text', text: label },
    element,
    optional,
  };
  if (hint !== undefined) block.hint = { type: 'plain_text', text: hint };
  return block;
}

/** The questionnaire modal; `metadata` says where to post the answer. */
export function questionnaireView(metadata: string): types.ModalView {
  const f = QUESTIONNAIRE_FIELDS;
  return {
    type: 'modal',
    callback_id: VIEW_IDS.questionnaire,
    private_metadata: metadata.slice(0, 3000),
    title: { type: 'plain_text', text: 'Ingress or LB?' },
    submit: { type: 'plain_text', text: 'Recommend' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      input(
        f.protocols,
        'What does the traffic speak?',
        {
          type: 'checkboxes',
          action_id: 'value',
          options: [
            option('http', 'HTTP(S)'),
            option('grpc', 'gRPC'),
            option('websocket', 'WebSocket'),
            option('tcp', 'Other TCP'),
            option('udp', 'UDP'),
          ],
        },
        false,
      ),
      input(
        f.ports,
        'Ports, if you know them',
        {
          type: 'plain_text_input',
          action_id: 'value',
          max_length: 200,
          placeholder: { type: 'plain_text', text: 'e.g. 443, 1883/tcp, 53/udp' },
        },
        true,
      ),
      input(
        f.services,
        'How many services need exposing?',
        {
          type: 'static_select',
          action_id: 'value',
          options: [option('1', '1'), option('3', '2–5'), option('10', 'More than 5')],
        },
        false,
      ),
      input(
        f.routing,
        'Routing',
        {
          type: 'checkboxes',
          action_id: 'value',
          options: [
            option('host', 'By host name'),
            option('path', 'By URL path'),
            option('split', 'Canary / traffic splitting'),
          ],
        },
        true,
      ),
      input(
        f.tls,
        'TLS',
        {
          type: 'radio_buttons',
          action_id: 'value',
          options: [
            option('terminate', 'Terminate TLS at the edge'),
            option('passthrough', 'Pass TLS through to the pods'),
            option('none', 'No TLS'),
          ],
        },
        true,
      ),
      input(
        f.priorities,
        'What matters',
        {
          type: 'checkboxes',
          action_id: 'value',
          options: [
            option('latency', 'Lowest latency'),
            option('cost', 'Lowest cost'),
            option('teams', 'Separate platform and app teams'),
            option('internal', 'Internal only'),
          ],
        },
        true,
      ),
      input(
        f.inbound,
        'Inbound ports allowed?',
        {
          type: 'radio_buttons',
          action_id: 'value',
          options: [option('yes', 'Yes'), option('no', 'No (firewall, CGNAT, zero trust)')],
        },
        true,
      ),
      input(
        f.cloud,
        'Where does the cluster run?',
        {
          type: 'static_select',
          action_id: 'value',
          options: [
            option('aws', 'AWS'),
            option('gcp', 'Google Cloud'),
            option('azure', 'Azure'),
            option('digitalocean', 'DigitalOcean'),
            option('bare-metal', 'Bare metal / on premises'),
            option('home-lab', 'Home lab'),
          ],
        },
        true,
      ),
    ],
  };
}

/** The short "what was wrong?" modal opened by 👎. */
export function feedbackView(metadata: string): types.ModalView {
  return {
    type: 'modal',
    callback_id: VIEW_IDS.feedback,
    private_metadata: metadata.slice(0, 3000),
    title: { type: 'plain_text', text: 'What was wrong?' },
    submit: { type: 'plain_text', text: 'Send' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      input(
        'reason',
        'The answer was…',
        {
          type: 'radio_buttons',
          action_id: 'value',
          options: [
            option('wrong', 'Wrong recommendation'),
            option('misunderstood', 'It misunderstood my question'),
            option('unanswered', 'It did not answer my question'),
            option('other', 'Something else'),
          ],
        },
        false,
      ),
      input(
        'comment',
        'Anything to add? (optional)',
        { type: 'plain_text_input', action_id: 'value', multiline: true, max_length: 1000 },
        true,
      ),
    ],
  };
}

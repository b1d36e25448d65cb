/**
 * The slash command: answers privately (ephemeral, with "Share in channel"), reviews a pasted
 * manifest, shows help, or opens the questionnaire.
 */
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { startConversation } from '../../conversation.js';
import type { Destination } from '../../payloads.js';
import { helpMessage, questionnaireView } from '../../render/views.js';
import { classifyMessage, tooLongMessage } from '../../text/input.js';
import { answerMessage, type BotContext, guarded, reviewManifest, yieldToIo } from '../shared.js';

/** The slash command. */
export const COMMAND = '/ingress-or-lb';

/** Words after the command that open the questionnaire. */
const QUESTIONNAIRE_WORDS = /^(?:quiz|questionnaire|questions|start)$/i;

/** What the command listener reads from Bolt's `app.command` arguments. */
export type CommandArgs = Pick<SlackCommandMiddlewareArgs, 'command' | 'ack' | 'respond'> &
  Pick<AllMiddlewareArgs, 'client'>;

export function ingressOrLbCallback(ctx: BotContext): (args: CommandArgs) => Promise<void> {
  return async ({ command, ack, respond, client }) => {
    await ack();
    await guarded(
      ctx,
      'command',
      async () => {
        if (QUESTIONNAIRE_WORDS.test(command.text.trim())) {
          const destination: Destination = { c: command.channel_id, e: command.user_id };
          await client.views.open({
            trigger_id: command.trigger_id,
            view: questionnaireView(JSON.stringify(destination)),
          });
          return;
        }
        const input = classifyMessage(command.text);
        switch (input.kind) {
          case 'help':
            await respond({ response_type: 'ephemeral', ...helpMessage() });
            return;
          case 'too-long':
            await respond({ response_type: 'ephemeral', text: tooLongMessage(input) });
            return;
          case 'manifest': {
            // The command's text cannot be read again later, so no "Show YAML" here; the shortcut has it.
            const { message } = reviewManifest(input.text, null, ctx);
            await respond({ response_type: 'ephemeral', ...message });
            return;
          }
          case 'question': {
            const message = answerMessage(startConversation(input.text), true, ctx);
            // Sending is CPU work too (serialising, fetch): acks waiting behind it go first.
            await yieldToIo();
            await respond({ response_type: 'ephemeral', ...message });
          }
        }
      },
      (text) => respond({ response_type: 'ephemeral', text }),
    );
  };
}

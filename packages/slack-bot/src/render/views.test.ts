import { answer } from '@ingress-advisor/core';
import { describe, expect, it } from 'vitest';
import { expectWithinLimits } from '../test-support/limits.js';
import type { Block } from './blocks.js';
import { EXAMPLE_QUESTIONS, feedbackView, helpMessage, homeView, questionnaireView } from './views.js';

describe('views', () => {
  it('keeps modal titles and buttons within Slack limits (24 characters)', () => {
    for (const view of [questionnaireView('{}'), feedbackView('{}')]) {
      expect(view.title.text.length).toBeLessThanOrEqual(24);
      expect(view.submit?.text.length ?? 0).toBeLessThanOrEqual(24);
      expect(view.close?.text.length ?? 0).toBeLessThanOrEqual(24);
      expect(view.blocks.length).toBeLessThanOrEqual(100);
    }
  });

  it('caps private_metadata at 3000 characters', () => {
    expect(questionnaireView('x'.repeat(5000)).private_metadata).toHaveLength(3000);
  });

  it('renders App Home and help within the limits, with the questionnaire button', () => {
    expectWithinLimits(homeView().blocks as Block[], 100);
    const help = helpMessage();
    expectWithinLimits(help.blocks);
    expect(JSON.stringify(help.blocks)).toContain('open_questionnaire');
  });

  it('offers example questions the engine answers with a recommendation or a topic', () => {
    for (const question of EXAMPLE_QUESTIONS)
      expect(['recommendation', 'topic']).toContain(answer(question).kind);
  });
});

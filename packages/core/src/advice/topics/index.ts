/** Every topic, in one list. PLACEHOLDER: the topic files are being written. */
import type { Topic, TopicId } from './types.js';

export const TOPICS: readonly Topic[] = [];

/** Looks a topic up by id. */
export function topicById(id: TopicId): Topic | undefined {
  return TOPICS.find((topic) => topic.id === id);
}

/**
 * @ingress-advisor/core: the pure analysis core. Text in, Report out; no files, network, clock or
 * environment. Adapters (CLI, Action, Slack bot) import from here only.
 */

export {
  type Answer,
  type AnswerContext,
  answer,
  type DirectAnswer,
  type FollowUp,
  type Layer4Part,
} from './advice/answer.js';
export {
  answerConversation,
  type Conversation,
  matchChoice,
  startConversation,
  withChoice,
  withMoreText,
} from './advice/conversation.js';
export { CRITERIA, DEFAULT_WEIGHTS, normaliseWeights, OPTION_TITLES } from './advice/criteria.js';
export { rankOptions } from './advice/decide.js';
export type { Requirements } from './advice/requirements.js';
export type { Source, Topic, TopicId } from './advice/topics/types.js';
export type { CriterionId, OptionId, PlanStep, RankedOption, SetAdvice, Weights } from './advice/types.js';
export {
  describeRequirements,
  MAX_QUESTION_LENGTH,
  type Understanding,
  understand,
} from './advice/understand.js';
export {
  CONFIG_FILE_NAME,
  type Config,
  type ConfigInput,
  type ConfigProblem,
  type ConfigResult,
  DEFAULT_CONFIG,
  parseConfig,
} from './config/config.js';
export { formatMoney } from './cost/cost.js';
export { matchesGlob } from './internal/glob.js';
export {
  type FileResult,
  type FileRole,
  type FileStatus,
  MAX_FILE_BYTES,
  type SourceFile,
} from './manifests/load.js';
export type { ObjectRef } from './manifests/objects.js';
export {
  type Migration,
  type MigrationEmitter,
  type MigrationOptions,
  type MigrationTarget,
  type MigrationWarning,
  migrate,
  renderAnnotationTable,
} from './migrate/index.js';
export {
  type AnswerTextOptions,
  plainMarkdown,
  renderAnswerText,
  renderFollowUpsText,
} from './render/answer-text.js';
export { type CodeSpanOptions, escapeCodeSpan, escapeMarkdown, escapeTerminal } from './render/escape.js';
export { plural } from './render/internal/report-facts.js';
export { renderJson } from './render/json.js';
export { DEFAULT_MARKDOWN_MAX_LENGTH, type MarkdownOptions, renderMarkdown } from './render/markdown.js';
export { fingerprintOf, renderSarif, type SarifOptions } from './render/sarif.js';
export {
  type ColorEnvironment,
  type ColorInputs,
  shouldUseColor,
} from './render/terminal-color.js';
export { renderText, type TextOptions } from './render/text.js';
export { type AnalyzeOptions, analyze, planRendering, type RenderedUnit } from './report/analyze.js';
export {
  type DiffOptions,
  diffReports,
  findingKey,
  loadBalancerKey,
  type ReportDiff,
} from './report/diff.js';
export { FAIL_ON_LEVELS, type FailOn, failOnReasons } from './report/fail-on.js';
export type {
  IngressEntry,
  LoadBalancerEntry,
  LoadBalancerPortEntry,
  Report,
  ReportSummary,
  ResourceEntry,
  UnitEntry,
} from './report/model.js';
export { REPORT_SCHEMA_VERSION } from './report/model.js';
export type { Finding, MessageData, Rule, Severity } from './rules/define-rule.js';
export { formatTemplate } from './rules/define-rule.js';
export { RULE_IDS, RULES, ruleById } from './rules/index.js';
export { STDIN_PATH, type UnitKind, type UnitPlan } from './units/discover.js';
export {
  ORIGIN_ANNOTATION,
  type PlaceOptions,
  placeHelmOutput,
  placeKustomizeOutput,
} from './units/place.js';
export type { PlacedObject, RenderResult } from './units/placed.js';
export {
  findTools,
  RENDER_TIMEOUT_MS,
  type RenderTools,
  renderUnits,
  type ToolResult,
  type ToolRunner,
} from './units/render.js';
export { unitsTouchedBy } from './units/touched.js';

/** What a rule is, and how it reports: metadata first, then a pure check over the inventory. */
import type { Inventory } from '../inventory/inventory.js';
import type { ObjectShape } from '../inventory/shapes.js';
import type { ManifestObject, ObjectRef } from '../manifests/objects.js';
import type { NodePath } from '../manifests/positions.js';

export type Severity = 'error' | 'warning' | 'notice';

/** Values substituted into a message template's `{{name}}` placeholders. */
export type MessageData = Readonly<Record<string, string | number>>;

/** Settings rules may read; they come from the configuration file, with defaults. */
export interface RuleSettings {
  /** Monthly price of one load balancer; null means "use the built-in table per provider". */
  pricePerLoadBalancer: number | null;
  /** Currency of prices shown to users. */
  currency: string;
}

/** What a rule reports: a message template id and its data, and where. */
export interface RuleReport<MessageId extends string> {
  messageId: MessageId;
  data: MessageData;
  /** The object the finding is about; its file and line are used unless given below. */
  object?: ManifestObject;
  /** Path inside the object to point at, e.g. `['spec', 'type']`. */
  path?: NodePath;
  file?: string;
  line?: number;
  /** Overrides the rule's default severity for this finding (e.g. a numeric port is only a notice). */
  severity?: Severity;
}

export interface RuleContext<MessageId extends string> {
  settings: RuleSettings;
  report(finding: RuleReport<MessageId>): void;
}

/** A rule: metadata (which feeds SARIF help, docs and `--help`) and a pure check. */
export interface Rule<MessageId extends string = string> {
  /** Permanent id, equal to the file name. */
  id: string;
  severity: Severity;
  /** One line: what the rule finds. */
  summary: string;
  /** Why it matters: what it costs or risks. */
  why: string;
  /** What to do, as a template over the finding's data. */
  fix: string;
  /**
   * The kinds of objects the rule reads beyond their identity (names, labels, annotations), with
   * their schemas: the loader keeps what those schemas read of them, and nothing else.
   */
  reads: readonly ObjectShape[];
  /** Message templates; `{{name}}` is replaced with the finding's data, escaped for each medium. */
  messages: Record<MessageId, string>;
  check(inventory: Inventory, context: RuleContext<MessageId>): void;
}

/** Declares a rule; the identity function, there for the types. */
export function defineRule<MessageId extends string>(rule: Rule<MessageId>): Rule<MessageId> {
  return rule;
}

/** A finding, as every renderer receives it. */
export interface Finding {
  ruleId: string;
  severity: Severity;
  messageId: string;
  data: MessageData;
  /** The message with its data filled in, unescaped (plain text). */
  message: string;
  /** The fix with its data filled in, unescaped. */
  fix: string;
  file: string;
  line: number;
  resource?: ObjectRef;
  /** The id of the unit whose analysis found it. */
  unit?: string;
}

/** Fills `{{name}}` placeholders; `escapeValue` is applied to the data only, never to the template. */
export function formatTemplate(
  template: string,
  data: MessageData,
  escapeValue: (value: string) => string = (value) => value,
): string {
  const { texts, names, placeholders } = compiledTemplate(template);
  const parts: string[] = [texts[0] as string];
  for (let i = 0; i < names.length; i++) {
    const name = names[i] as string;
    // A placeholder without data stays as written.
    parts.push(
      Object.hasOwn(data, name) ? escapeValue(String(data[name])) : (placeholders[i] as string),
      texts[i + 1] as string,
    );
  }
  return parts.join('');
}

/** A template cut at its placeholders: `texts` around them, their `names`, and each as written. */
interface CompiledTemplate {
  texts: string[];
  names: string[];
  placeholders: string[];
}

const PLACEHOLDER = /\{\{\s*(\w+)\s*\}\}/g;
/** Templates are few (a rule's messages and fix), and filled once per finding: each is cut once. */
const compiledTemplates = new Map<string, CompiledTemplate>();
const MAX_COMPILED_TEMPLATES = 512;

function compiledTemplate(template: string): CompiledTemplate {
  let compiled = compiledTemplates.get(template);
  if (compiled === undefined) {
    compiled = { texts: [], names: [], placeholders: [] };
    let end = 0;
    for (const match of template.matchAll(PLACEHOLDER)) {
      compiled.texts.push(template.slice(end, match.index));
      compiled.names.push(match[1] as string);
      compiled.placeholders.push(match[0]);
      end = match.index + match[0].length;
    }
    compiled.texts.push(template.slice(end));
    // Renderers also fill texts of their own (Markdown segments): the cache stays bounded.
    if (compiledTemplates.size >= MAX_COMPILED_TEMPLATES) compiledTemplates.clear();
    compiledTemplates.set(template, compiled);
  }
  return compiled;
}

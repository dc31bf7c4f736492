/**
 * The rewrite step: applied to a composed letter model, after the rules and before rendering, so the
 * composer knows nothing of models. For each competency section it sends the section's own answer and the
 * rule-based text (section-inputs.ts), reads the reply, and runs the fact guard; the rule-based section
 * stays unless the guard accepts every sentence. Each section gets a comment for the writer: what the model
 * proposed and that the writer may take the rule text back, or why the rule text stayed.
 *
 * Nothing is sent without the team's switch (a Rewriter given) and the candidate's consent. A model that
 * times out, is over quota, refuses or answers in the wrong shape never fails the letter.
 */
import type { CompetencyId } from '../competencies';
import {
  createDocumentModel,
  type LetterModel,
  type LetterSectionId,
  type OpenQuestionDraft,
  type Paragraph,
} from '../letter/model';
import { errorMessage, isTransientError, type Rewriter } from '../ports';
import type { Answers } from '../questionnaire';
import { guardSection, type Refusal, refusalComment, wordBudgetFor } from './fact-guard';
import { type RewriteReply, rewriteRequest } from './generate-content';
import { PROMPT_VERSION } from './prompt';
import { planSections, type SectionInput, type SectionPlan } from './section-inputs';

export type RewriteStatus = 'rewritten' | 'refused' | 'failed';

/** What happened to one section: ids and CEAD's own words only, so it may go to the Log. */
export interface SectionRewrite {
  readonly sectionId: CompetencyId;
  readonly status: RewriteStatus;
  readonly model: string;
  readonly promptVersion: string;
  /** Calls made, retries included. */
  readonly calls: number;
  /** For `failed`: time-out, quota, refusal, malformed or error; for `refused`: how many sentences. */
  readonly detail: string;
  /** The rule-based text and the proposal, for the sidebar's accept/reject (never logged). */
  readonly ruleText: string;
  readonly proposal: string;
  readonly refusals: readonly Refusal[];
}

export interface RewriteOptions {
  /** The team's switch: absent means off, and nothing is sent. */
  readonly rewriter?: Rewriter;
  /** Only these sections (the sidebar's "Suggest rewrite"); default every competency section. */
  readonly sections?: readonly CompetencyId[];
  /** Calls per section at most, retries included (default 2). */
  readonly maxAttempts?: number;
  /** Backoff between attempts (Clock.sleep). */
  readonly sleep?: (ms: number) => void;
}

export interface LetterRewrite {
  readonly model: LetterModel;
  readonly sections: readonly SectionRewrite[];
}

/** "No answer means no": only an explicit Yes lets a model see the candidate's words. */
export function consentsToModel(answers: Answers): boolean {
  return (answers['consent.modelAssist'] ?? '').trim().toLowerCase() === 'yes';
}

export function rewriteLetter(letter: LetterModel, answers: Answers, options: RewriteOptions): LetterRewrite {
  const rewriter = options.rewriter;
  if (!rewriter || !consentsToModel(answers)) return { model: letter, sections: [] };
  const results = rewriteSections(planSections(letter, answers), rewriter, options);
  return { model: withRewrites(letter, results), sections: results };
}

/** Each planned section sent, guarded and judged; sections that cannot be sent are left out. */
export function rewriteSections(
  plans: readonly SectionPlan[],
  rewriter: Rewriter,
  options: RewriteOptions,
): SectionRewrite[] {
  const wanted = options.sections;
  return plans.flatMap((plan) =>
    !plan.ok || (wanted && !wanted.includes(plan.input.sectionId))
      ? []
      : [rewriteSection(plan.input, rewriter, options)],
  );
}

/** The requests a letter's rewrite sends, for an adapter that calls ahead (see node/model-rewriter.ts). */
export function plannedRequests(
  plans: readonly SectionPlan[],
  options: Pick<RewriteOptions, 'sections'> = {},
) {
  return plans.flatMap((p) =>
    p.ok && (!options.sections || options.sections.includes(p.input.sectionId))
      ? [rewriteRequest(p.input, wordBudgetFor(p.input.ruleText))]
      : [],
  );
}

function rewriteSection(input: SectionInput, rewriter: Rewriter, options: RewriteOptions): SectionRewrite {
  const wordBudget = wordBudgetFor(input.ruleText);
  const base = {
    sectionId: input.sectionId,
    model: rewriter.model,
    promptVersion: PROMPT_VERSION,
    ruleText: input.ruleText,
  };
  const { reply, calls } = callWithRetries(rewriter, rewriteRequest(input, wordBudget), options);
  if (reply.kind !== 'text') {
    const detail =
      reply.kind === 'refused' ? 'refusal' : reply.kind === 'malformed' ? 'malformed' : reply.why;
    return { ...base, status: 'failed', calls, detail, proposal: '', refusals: [] };
  }
  const guarded = guardSection({
    proposal: reply.text,
    ruleText: input.ruleText,
    source: input.source,
    facts: input.facts,
    wordBudget,
  });
  return guarded.accepted
    ? { ...base, status: 'rewritten', calls, detail: '', proposal: guarded.text, refusals: [] }
    : {
        ...base,
        status: 'refused',
        calls,
        detail: `${guarded.refusals.length} refused`,
        proposal: reply.text,
        refusals: guarded.refusals,
      };
}

/**
 * Whether a failed call is tried again: a transient failure (time-out, 429, 5xx) while calls remain. An
 * adapter that calls ahead of this step (the Node one, whose client is asynchronous) uses the same rule, so
 * both make the same calls.
 */
export function shouldRetry(error: unknown, calls: number, maxAttempts: number): boolean {
  return calls < maxAttempts && (isTransientError(error) || failureOf(errorMessage(error)) !== 'error');
}

export const backoffMs = (calls: number): number => 1000 * 2 ** (calls - 1);

export const DEFAULT_MAX_ATTEMPTS = 2;

function failureOf(message: string): Failure['why'] {
  if (/\b429\b|quota|rate ?limit|resource.?exhausted/i.test(message)) return 'quota';
  return /time.?out|timed out|deadline/i.test(message) ? 'time-out' : 'error';
}

type Failure = { readonly kind: 'failed'; readonly why: 'time-out' | 'quota' | 'error' };

/** At most `maxAttempts` calls; only a transient failure (time-out, 429, 5xx) is tried again. */
function callWithRetries(
  rewriter: Rewriter,
  request: ReturnType<typeof rewriteRequest>,
  options: RewriteOptions,
): { reply: RewriteReply | Failure; calls: number } {
  const max = Math.max(1, options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS);
  let last: Failure = { kind: 'failed', why: 'error' };
  for (let calls = 1; calls <= max; calls++) {
    try {
      return { reply: rewriter.rewrite(request), calls };
    } catch (e) {
      last = { kind: 'failed', why: failureOf(errorMessage(e)) };
      if (!shouldRetry(e, calls, max)) return { reply: last, calls };
      options.sleep?.(backoffMs(calls));
    }
  }
  return { reply: last, calls: max };
}

const FAILED: Readonly<Record<string, string>> = {
  'time-out': 'the model did not answer in time',
  quota: 'the model’s quota is used up for now (HTTP 429)',
  refusal: 'the model declined to answer',
  malformed: 'the model’s answer was not in the expected shape',
  error: 'the model could not be reached',
};

/**
 * What a rewrite of one section did, for the Log: ids, the status, the model, the prompt version and the
 * calls, in CEAD's own words. Never the proposal or the rule text: the Log is read by the whole team.
 */
export function rewriteRecord(r: SectionRewrite): string {
  const calls = `${r.calls} call${r.calls === 1 ? '' : 's'}`;
  return `${r.sectionId}: ${r.status} (${r.model}, prompt ${r.promptVersion}, ${calls}${r.detail ? `, ${r.detail}` : ''})`;
}

/**
 * The order's "Model rewrite" cell after one drafting pass: the day, the model and prompt, and what became of
 * each section sent, in ids only (the tracker is read by the whole team). '' when no section was sent.
 */
export function modelRewriteSummary(date: string, sections: readonly SectionRewrite[]): string {
  const first = sections[0];
  if (!first) return '';
  const rewritten = sections.filter((r) => r.status === 'rewritten').map((r) => r.sectionId);
  const kept = sections
    .filter((r) => r.status !== 'rewritten')
    .map((r) => `${r.sectionId} (${r.status === 'refused' ? 'refused by the guard' : r.detail || 'failed'})`);
  const parts = [rewritten.length > 0 ? `rewrote ${rewritten.join(', ')}` : 'rewrote nothing'];
  if (kept.length > 0) parts.push(`kept ${kept.join(', ')}`);
  return `${date} ${first.model} (prompt ${first.promptVersion}): ${parts.join('; ')}`;
}

/** The cell after a writer accepted a suggested rewrite in the sidebar: one more pass, appended. */
export function withAcceptedRewrite(cell: string, date: string, model: string, sectionId: string): string {
  const pass = `${date} ${model} (prompt ${PROMPT_VERSION}): ${sectionId} accepted in the sidebar`;
  return cell ? `${cell} | ${pass}` : pass;
}

/** The comment each section gets: the writer must know a model was involved, and what it changed. */
export function rewriteComment(heading: string, r: SectionRewrite): string {
  if (r.status === 'rewritten')
    return `${r.model} rewrote ${heading} (prompt ${r.promptVersion}); the fact guard found every sentence in the candidate’s answers. The rule-based text was: “${r.ruleText}”`;
  if (r.status === 'refused') return refusalComment(heading, r.refusals);
  return `CEAD kept the rule-based ${heading} section: ${FAILED[r.detail] ?? FAILED.error} (${r.calls} call${r.calls === 1 ? '' : 's'}).`;
}

/** The letter with each accepted rewrite in place of its section's body, and one comment per section. */
function withRewrites(letter: LetterModel, results: readonly SectionRewrite[]): LetterModel {
  const byId = new Map(results.map((r) => [r.sectionId as LetterSectionId, r]));
  const questions: OpenQuestionDraft<LetterSectionId>[] = letter.openQuestions.map((q) => ({
    sectionId: q.sectionId,
    quote: q.quote,
    question: q.question,
    kind: q.kind,
  }));
  const blocks = letter.blocks.map((b) => {
    const r = byId.get(b.sectionId);
    const first = b.paragraphs[0];
    const heading = first?.runs[0];
    if (!r || !first || !heading?.bold) return b;
    const title = heading.text.replace(/\.\s*$/, '');
    questions.push({
      sectionId: b.sectionId,
      quote: heading.text.trim(),
      question: rewriteComment(title, r),
      kind: 'check',
    });
    if (r.status !== 'rewritten') return b;
    const paragraph: Paragraph = { role: first.role, runs: [heading, { text: r.proposal }] };
    return { sectionId: b.sectionId, answerIds: b.answerIds, paragraphs: [paragraph] };
  });
  return createDocumentModel('letter', letter.title, blocks, questions);
}

/**
 * "Suggest rewrite" in the sidebar: a model's proposal for one competency section, from the section as it
 * stands in the Doc, through the fact guard, shown to the writer, who accepts or rejects it. Nothing is
 * written until they accept, and Accept writes only the text the guard passed, only if the section has not
 * changed since, and leaves a comment saying which model rewrote it.
 *
 * Available only when the team's switch is on in Settings and the candidate consented; what is sent is
 * what intake's rewrite sends (section-inputs.ts). The Log gets ids only.
 */
import type { Competency } from '../core/competencies';
import type { CommentThread } from '../core/editing-session';
import type { DocsRange } from '../core/letter/docs-requests';
import type { Rewriter } from '../core/ports';
import type { Answers } from '../core/questionnaire';
import { guardSection, refusalComment, wordBudgetFor } from '../core/rewrite/fact-guard';
import {
  consentsToModel,
  rewriteComment,
  rewriteSections,
  type SectionRewrite,
} from '../core/rewrite/rewrite-letter';
import { planSectionBodies, type SectionInput } from '../core/rewrite/section-inputs';
import type { Settings } from '../core/settings';
import type { RewriteSuggestion, SectionView } from './sidebar-api';

/** The team's rewriter for these settings, or why there is none (the sidebar's port). */
export type RewriterFor = (settings: Settings) => Rewriter | { readonly off: string };

/** Why "Suggest rewrite" is not offered, or null when it is. */
export function suggestBlocker(
  settings: Settings,
  answers: Answers | undefined,
  rewriterFor: RewriterFor | undefined,
): string | null {
  if (settings.modelAssist.service === 'off' || !rewriterFor)
    return 'Model assist is off in the Settings sheet; a manager can turn it on.';
  if (!answers) return 'The candidate’s answers cannot be read.';
  if (!consentsToModel(answers))
    return 'The candidate did not agree to a language model helping with the letter.';
  const rewriter = rewriterFor(settings);
  return 'off' in rewriter ? `Model assist cannot run: ${rewriter.off}.` : null;
}

/** A section as it stands in the Doc: its named range, its text, and whether a newline ends it. */
export interface LiveSection {
  readonly range: DocsRange;
  readonly text: string;
  readonly newlineAfter: boolean;
}

export function liveSection(docText: string, range: DocsRange): LiveSection {
  // Docs text index i is text[i - 1]; the body's final newline is not in `text`.
  const newlineAfter = range.endIndex - 1 >= docText.length || docText[range.endIndex - 1] === '\n';
  return { range, text: docText.slice(range.startIndex - 1, range.endIndex - 1), newlineAfter };
}

/** What a rewrite of this section may send and must keep, from its present text; or why it cannot. */
export function sectionInput(
  competency: Competency,
  text: string,
  answers: Answers,
): SectionInput | { readonly problem: string } {
  const paragraph = text.replace(/\n+/g, ' ').trim();
  const plan = planSectionBodies((id) => (id === competency.id ? paragraph : undefined), answers).find(
    (p) => (p.ok ? p.input.sectionId : p.sectionId) === competency.id,
  );
  if (plan?.ok) return plan.input;
  return {
    problem:
      plan?.why === 'marked'
        ? `The ${competency.title} section still has marked text (an open question); settle it first.`
        : `The candidate gave no answer for ${competency.title}; there is nothing to rewrite from.`,
  };
}

/** Calls the model once for the section (retries the core's), and tells the writer what came of it. */
export function suggest(
  competency: Competency,
  live: LiveSection,
  input: SectionInput,
  rewriter: Rewriter,
  sleep: (ms: number) => void,
): { readonly suggestion: RewriteSuggestion; readonly result: SectionRewrite } {
  const [result] = rewriteSections([{ ok: true, input }], rewriter, { sections: [competency.id], sleep });
  if (!result) throw new Error('The rewrite step returned nothing for the section.');
  const section = { sectionId: competency.id, title: competency.title };
  const base = {
    section,
    current: live.text,
    model: result.model,
    promptVersion: result.promptVersion,
  };
  if (result.status === 'rewritten')
    return {
      result,
      suggestion: {
        ...base,
        outcome: 'proposed',
        proposal: result.proposal,
        reasons: [],
        message: `${result.model} proposes this ${competency.title}; every sentence was found in the answers. Accept to put it in the letter.`,
      },
    };
  const why =
    result.status === 'refused'
      ? refusalComment(competency.title, result.refusals).split('\n').slice(1)
      : [rewriteComment(competency.title, result)];
  return {
    result,
    suggestion: {
      ...base,
      outcome: result.status,
      proposal: '',
      reasons: why,
      message:
        result.status === 'refused'
          ? `The fact guard refused the model’s ${competency.title}; the section stays as it is.`
          : `No suggestion for ${competency.title}; the section stays as it is.`,
    },
  };
}

/** Accept checks the proposal again: only text the guard passes for the section as it is now is written. */
export function guardAgain(input: SectionInput, proposal: string): boolean {
  return guardSection({
    proposal,
    ruleText: input.ruleText,
    source: input.source,
    facts: input.facts,
    wordBudget: wordBudgetFor(input.ruleText),
  }).accepted;
}

/** The comment Accept leaves: which model, which prompt, and the text it replaced, to take it back. */
export function acceptedComment(
  title: string,
  model: string,
  promptVersion: string,
  replaced: string,
): string {
  return `${model} rewrote ${title} (prompt ${promptVersion}), accepted in the sidebar. The text it replaced was: “${replaced}”`;
}

const REWROTE = /(\S+) rewrote (.+?) \(prompt ([^)]+)\)/;

/** The section's note: the latest comment saying a model rewrote it, with its model, prompt and day. */
export function modelNote(section: SectionView, threads: readonly CommentThread[]): SectionView {
  const notes = threads
    .map((t) => ({ t, m: REWROTE.exec(t.text) }))
    .filter(({ m }) => m !== null && m[2] === section.title);
  const last = notes.sort((a, b) => a.t.time.localeCompare(b.t.time)).at(-1);
  if (!last?.m) return section;
  return {
    ...section,
    modelNote: `Rewritten by ${last.m[1]} (prompt ${last.m[3]}) on ${last.t.time.slice(0, 10)}`,
  };
}

/**
 * The drafter intake uses in Workspace and in the local command: the composed letter, rendered to one Docs
 * `batchUpdate`, with its open questions for the first editing session.
 */
import { check } from './check';
import type { Draft, DraftChecker, Drafter } from './intake';
import { composeLetter } from './letter/compose';
import { type LetterModel, letterPlainText } from './letter/model';
import { renderDocsRequests } from './letter/render-docs';
import type { Answers } from './questionnaire';
import { type LetterRewrite, modelRewriteSummary } from './rewrite/rewrite-letter';

/**
 * A step between composing and rendering: the model's rewrite when the team turned it on. It gets the
 * order ID only so that what it records can name the order, and says what became of each section sent
 * (none when nothing was sent) for the order's "Model rewrite" cell.
 */
export type LetterStep = (letter: LetterModel, answers: Answers, orderId: string) => LetterRewrite;

/** The composed letter after the step, with its "Model rewrite" cell ('' when no model saw it). */
export function composeWithStep(
  answers: Answers,
  context: { readonly orderId: string; readonly date: string },
  step?: LetterStep,
): { readonly model: LetterModel; readonly modelRewrite: string } {
  const composed = composeLetter(answers, { letterDate: context.date });
  if (!step) return { model: composed, modelRewrite: '' };
  const { model, sections } = step(composed, answers, context.orderId);
  return { model, modelRewrite: modelRewriteSummary(context.date, sections) };
}

export function letterDrafter(step?: LetterStep): Drafter {
  return (answers, context): Draft => {
    const { model, modelRewrite } = composeWithStep(answers, context, step);
    return {
      title: model.title,
      // The model's last newline is the one every Google Doc already ends with.
      text: letterPlainText(model).replace(/\n$/, ''),
      requests: renderDocsRequests(model),
      openQuestions: model.openQuestions.map((q) => ({ id: q.id, question: q.question, passage: q.quote })),
      ...(modelRewrite ? { modelRewrite } : {}),
    };
  };
}

export const draftLetter: Drafter = letterDrafter();

/**
 * The draft checked as the sidebar checks it: against the names of every other order's candidate. Fine for
 * a team's hundreds of orders; the local command, which may hold thousands, indexes the names instead.
 */
export const checkDraftAgainstOrders: DraftChecker = (draft, orders) => {
  const others: string[] = [];
  for (const o of orders.values()) if (o.orderId !== draft.orderId && o.candidate) others.push(o.candidate);
  return check(draft.text, draft.answers, { otherCandidateNames: others, letterDate: draft.date });
};

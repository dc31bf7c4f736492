/**
 * The drafter intake uses in Workspace and in the local command: the composed letter, rendered to one Docs
 * `batchUpdate`, with its open questions for the first editing session.
 */
import type { Draft, Drafter } from './intake';
import { composeLetter } from './letter/compose';
import { letterPlainText } from './letter/model';
import { renderDocsRequests } from './letter/render-docs';

export const draftLetter: Drafter = (answers, { date }): Draft => {
  const model = composeLetter(answers, { letterDate: date });
  return {
    title: model.title,
    // The model's last newline is the one every Google Doc already ends with.
    text: letterPlainText(model).replace(/\n$/, ''),
    requests: renderDocsRequests(model),
    openQuestions: model.openQuestions.map((q) => ({ id: q.id, question: q.question, passage: q.quote })),
  };
};

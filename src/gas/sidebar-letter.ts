/**
 * The letter work behind the sidebar, from the core: the check, the draft's open questions, and one
 * competency section rendered on its own for "Regenerate section". Pure; the answers come from the
 * caller, which reads them through the ports.
 */

import { check } from '../core/check';
import type { CompetencyId } from '../core/competencies';
import { composeLetter } from '../core/letter/compose';
import type { DocsRequest } from '../core/letter/docs-requests';
import { createDocumentModel, type LetterModel, type LetterSectionId } from '../core/letter/model';
import type { Order } from '../core/orders';
import type { Answers } from '../core/questionnaire';
import type { LetterServices } from './sidebar-server';

/** Writes a whole document model into an empty Doc (the letter renderer). */
export type ModelRenderer = (model: LetterModel) => readonly DocsRequest[];

export function sidebarLetter(
  answers: (order: Order) => { readonly answers: Answers } | { readonly problem: string },
  render: ModelRenderer,
): LetterServices {
  return {
    answers,
    check: (text, a, context) =>
      check(text, a, {
        otherCandidateNames: context.otherCandidateNames,
        letterDate: context.letterDate,
      }).map((f) => ({
        code: f.code,
        severity: f.severity,
        message: f.message,
        excerpt: f.excerpt,
        start: f.start,
        end: f.end,
        ...(f.source ? { source: f.source } : {}),
      })),
    openQuestions: (a, letterDate) =>
      composeLetter(a, { letterDate }).openQuestions.map((q) => ({
        id: q.id,
        question: q.question,
        ...(q.quote ? { passage: q.quote } : {}),
      })),
    renderSection: (a, sectionId: CompetencyId, letterDate) => {
      const letter = composeLetter(a, { letterDate });
      const block = letter.blocks.find((b) => b.sectionId === sectionId);
      if (!block) throw new Error(`The letter has no ${sectionId} section.`);
      const model = createDocumentModel<LetterSectionId>('letter', letter.title, [block], []);
      return render(model);
    },
    renderSectionBody: (a, sectionId: CompetencyId, letterDate, body) => {
      const letter = composeLetter(a, { letterDate });
      const block = letter.blocks.find((b) => b.sectionId === sectionId);
      const first = block?.paragraphs[0];
      const heading = first?.runs[0];
      if (!block || !first || !heading?.bold) throw new Error(`The letter has no ${sectionId} section.`);
      // The heading run as the rules wrote it, then the accepted text: one paragraph, as intake's rewrite.
      const paragraph = { role: first.role, runs: [heading, { text: body }] };
      const rewritten = { sectionId: block.sectionId, answerIds: block.answerIds, paragraphs: [paragraph] };
      return render(createDocumentModel<LetterSectionId>('letter', letter.title, [rewritten], []));
    },
  };
}

import { check, docParagraphsToText, paragraphAt } from '../../../src/core/check';
import { answerSets } from './corpus';

describe('docParagraphsToText', () => {
  it('joins paragraphs with line breaks, keeping each paragraph’s characters', () => {
    const paragraphs = [
      'Dear Program Director:\n',
      'Patient Care.\u000bDr. Delgado excelled.\n',
      'Sincerely,',
    ];
    const text = docParagraphsToText(paragraphs);
    expect(text).toBe('Dear Program Director:\nPatient Care.\nDr. Delgado excelled.\nSincerely,');
    const at = text.indexOf('Delgado');
    expect(paragraphAt(paragraphs, at)).toEqual({ index: 1, offset: 'Patient Care.\u000bDr. '.length });
  });

  it('gives the checker offsets that land in the right paragraph', () => {
    const paragraphs = ['Michael Chen, MD', 'I supervised Dr. Delgato on the wards.'];
    const text = docParagraphsToText(paragraphs);
    const delgado = answerSets().get('delgado')!;
    const f = check(text, delgado, { otherCandidateNames: [] }).find((x) => x.code === 'NAME_MISMATCH')!;
    const where = paragraphAt(paragraphs, f.start);
    expect(paragraphs[where.index]!.slice(where.offset, where.offset + f.excerpt.length)).toBe('Delgato');
  });
});

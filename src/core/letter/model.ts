/**
 * The document model shared by the letter and the clinical experience summary: ordered blocks of paragraphs
 * of styled runs, each block tagged with its section and the answers it came from, plus the open questions
 * for the first editing session. Every renderer (Docs requests, .docx, HTML, text) and the checker read this
 * one model, and its plain text is exactly what Google Docs holds after the requests run.
 */
import type { CompetencyId } from '../competencies';
import type { ItemId } from '../questionnaire';

/**
 * Marked text (a placeholder or a choice the writer must resolve) is wrapped in these brackets in the text
 * itself, so it stays visible in every format, including plain text and a Doc whose highlight was removed.
 */
export const MARK_OPEN = '⟦';
export const MARK_CLOSE = '⟧';

export type LetterSectionId =
  | 'letterhead'
  | 'date'
  | 'salutation'
  | 'relationship'
  | CompetencyId
  | 'highlights'
  | 'comparison'
  | 'closing'
  | 'signature';

export type SummarySectionId = 'title' | 'facts' | 'examples' | 'highlights' | 'contact';

export interface Run {
  readonly text: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
  /** A placeholder or choice for the writer; its text includes the ⟦ ⟧ brackets. */
  readonly marked?: boolean;
}

/** What a paragraph is, which each renderer turns into its own styles. */
export type ParagraphRole =
  | 'letterheadName'
  | 'letterhead'
  | 'date'
  | 'body'
  | 'closing'
  | 'signatureName'
  | 'signature'
  | 'title'
  | 'subtitle'
  | 'heading'
  | 'bullet';

export interface Paragraph {
  readonly role: ParagraphRole;
  /** Never contains a newline. */
  readonly runs: readonly Run[];
}

export interface Block<S extends string = string> {
  readonly sectionId: S;
  /** The answers this block was built from. */
  readonly answerIds: readonly ItemId[];
  readonly paragraphs: readonly Paragraph[];
}

export type OpenQuestionKind =
  | 'missing'
  | 'pointOfView'
  | 'recommender'
  | 'comparison'
  | 'date'
  | 'length'
  | 'letterhead'
  | 'style'
  | 'check';

export interface OpenQuestionDraft<S extends string = string> {
  readonly sectionId: S;
  /** A passage that occurs verbatim, within one paragraph, in the block of `sectionId`. */
  readonly quote: string;
  readonly question: string;
  readonly kind: OpenQuestionKind;
}

/** Offsets into the model's plain text, in UTF-16 code units; `end` is exclusive. Docs index = offset + 1. */
export interface TextRange {
  readonly start: number;
  readonly end: number;
}

export interface PlacedBlock<S extends string = string> extends Block<S> {
  /** From the block's first character through its last paragraph's newline. */
  readonly range: TextRange;
  /** Each paragraph's range, without its newline. */
  readonly paragraphRanges: readonly TextRange[];
}

export interface OpenQuestion<S extends string = string> extends OpenQuestionDraft<S> {
  /** Stable within one model: `<sectionId>-<n>`. */
  readonly id: string;
  /** Where the quote is in the plain text (its first occurrence in its block). */
  readonly range: TextRange;
  /** Index of the paragraph (in the whole model) that holds the quote. */
  readonly paragraphIndex: number;
}

export interface DocumentModel<S extends string = string> {
  readonly kind: 'letter' | 'summary';
  readonly title: string;
  readonly blocks: readonly PlacedBlock<S>[];
  readonly openQuestions: readonly OpenQuestion<S>[];
  /** Every paragraph followed by `\n`: the body text of the Google Doc the requests build. */
  readonly text: string;
}

export type LetterModel = DocumentModel<LetterSectionId>;
export type SummaryModel = DocumentModel<SummarySectionId>;

export const paragraphText = (p: Paragraph): string => p.runs.map((r) => r.text).join('');

/**
 * Lays the blocks out as text and places each open question on its quote. A quote that is not in its block
 * is a bug in the composer, not bad input, so it throws.
 */
export function createDocumentModel<S extends string>(
  kind: 'letter' | 'summary',
  title: string,
  blocks: readonly Block<S>[],
  questions: readonly OpenQuestionDraft<S>[],
): DocumentModel<S> {
  let text = '';
  const placed: PlacedBlock<S>[] = [];
  for (const block of blocks) {
    const start = text.length;
    const paragraphRanges: TextRange[] = [];
    for (const p of block.paragraphs) {
      const t = paragraphText(p);
      if (t.includes('\n')) throw new Error(`A paragraph of ${block.sectionId} contains a newline`);
      paragraphRanges.push({ start: text.length, end: text.length + t.length });
      text += `${t}\n`;
    }
    placed.push({ ...block, range: { start, end: text.length }, paragraphRanges });
  }
  const counts = new Map<string, number>();
  const openQuestions = questions.map((q): OpenQuestion<S> => {
    const n = (counts.get(q.sectionId) ?? 0) + 1;
    counts.set(q.sectionId, n);
    let paragraphIndex = 0;
    for (const block of placed) {
      if (block.sectionId === q.sectionId && q.quote !== '') {
        for (const r of block.paragraphRanges) {
          const at = text.slice(r.start, r.end).indexOf(q.quote);
          if (at >= 0) {
            const start = r.start + at;
            return {
              ...q,
              id: `${q.sectionId}-${n}`,
              range: { start, end: start + q.quote.length },
              paragraphIndex,
            };
          }
          paragraphIndex++;
        }
      } else {
        paragraphIndex += block.paragraphRanges.length;
      }
    }
    throw new Error(`Open question quote not found in ${q.sectionId}: ${q.quote}`);
  });
  return { kind, title, blocks: placed, openQuestions, text };
}

/** The letter as plain text: what Docs holds, what the checker reads. */
export function letterPlainText(model: DocumentModel): string {
  return model.text;
}

/** Each paragraph of the model in order, with its block's section and its range in the plain text. */
export function modelParagraphs<S extends string>(
  model: DocumentModel<S>,
): { sectionId: S; paragraph: Paragraph; range: TextRange }[] {
  return model.blocks.flatMap((b) =>
    b.paragraphs.map((paragraph, i) => ({ sectionId: b.sectionId, paragraph, range: b.paragraphRanges[i]! })),
  );
}

export function blockOf<S extends string>(model: DocumentModel<S>, sectionId: S): PlacedBlock<S> | undefined {
  return model.blocks.find((b) => b.sectionId === sectionId);
}

/** Wraps placeholder text in the marks: `marked('phone')` → `⟦phone⟧`. */
export function markedRun(text: string): Run {
  return { text: `${MARK_OPEN}${text}${MARK_CLOSE}`, marked: true };
}

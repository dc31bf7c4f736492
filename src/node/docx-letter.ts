/**
 * The letter (or the clinical experience summary) as a Word `.docx`, from the same document model as the
 * Google Doc: US Letter, 1-inch margins, the same fonts and paragraph looks (ROLE_STYLES), marked runs
 * highlighted, and every open question as a Word comment anchored on its quoted passage. A `.docx` uploaded
 * to Drive and converted keeps those comments anchored, which the Drive API cannot do for a Google Doc.
 * Every text goes through `xmlSafe` (xml-safe.ts): a character XML forbids would make the file unreadable.
 */
import {
  AlignmentType,
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  Document,
  LevelFormat,
  Packer,
  Paragraph,
  type ParagraphChild,
  TextRun,
} from 'docx';
import type { DocumentModel, Run } from '../core/letter/model';
import { modelParagraphs } from '../core/letter/model';
import { LETTER_FONT, PAGE, ROLE_STYLES } from '../core/letter/render-docs';
import { xmlSafe } from './xml-safe';

export interface DocxOptions {
  /** Author shown on the comments. */
  readonly author?: string;
  /** Time stamp of the comments; defaults to now. */
  readonly date?: Date;
}

const TWIPS_PER_POINT = 20;
const BULLETS = 'cead-bullets';

function textRun(run: Run, extra: { size: number; bold?: boolean; italic?: boolean }): TextRun {
  return new TextRun({
    text: xmlSafe(run.text),
    font: LETTER_FONT,
    size: extra.size,
    bold: Boolean(run.bold || extra.bold),
    italics: Boolean(run.italic || extra.italic),
    ...(run.marked ? { highlight: 'yellow' } : {}),
  });
}

/** Builds the `.docx` bytes for a letter or summary model. */
export async function documentDocx(model: DocumentModel, options: DocxOptions = {}): Promise<Buffer> {
  const author = options.author ?? 'CEAD';
  const date = options.date ?? new Date();
  const questions = model.openQuestions.map((q, id) => ({ ...q, id }));
  const children = modelParagraphs(model).map(({ paragraph, range }, index) => {
    const style = ROLE_STYLES[paragraph.role];
    const size = style.fontSize * 2;
    const anchored = questions.filter((q) => q.paragraphIndex === index);
    // Cut the runs at every comment boundary so each comment spans exactly its quote.
    const cuts = new Set<number>();
    for (const q of anchored) {
      cuts.add(q.range.start - range.start);
      cuts.add(q.range.end - range.start);
    }
    const parts: ParagraphChild[] = [];
    let at = 0;
    for (const run of paragraph.runs) {
      const runEnd = at + run.text.length;
      const points = [at, ...[...cuts].filter((c) => c > at && c < runEnd).sort((a, b) => a - b), runEnd];
      for (let k = 0; k + 1 < points.length; k++) {
        const from = points[k]!;
        const to = points[k + 1]!;
        for (const q of anchored)
          if (q.range.start - range.start === from) parts.push(new CommentRangeStart(q.id));
        parts.push(textRun({ ...run, text: run.text.slice(from - at, to - at) }, { size, ...style }));
        for (const q of anchored) {
          if (q.range.end - range.start === to) {
            parts.push(new CommentRangeEnd(q.id));
            parts.push(new TextRun({ children: [new CommentReference(q.id)] }));
          }
        }
      }
      at = runEnd;
    }
    return new Paragraph({
      children: parts,
      spacing: {
        before: style.spaceAbove * TWIPS_PER_POINT,
        after: style.spaceBelow * TWIPS_PER_POINT,
        line: 276,
        lineRule: 'auto',
      },
      ...(style.keepWithNext ? { keepNext: true } : {}),
      ...(paragraph.role === 'bullet' ? { numbering: { reference: BULLETS, level: 0 } } : {}),
    });
  });

  const doc = new Document({
    creator: xmlSafe(author),
    title: xmlSafe(model.title),
    styles: { default: { document: { run: { font: LETTER_FONT, size: 22 } } } },
    numbering: {
      config: [
        {
          reference: BULLETS,
          levels: [
            {
              level: 0,
              format: LevelFormat.BULLET,
              text: '•',
              alignment: AlignmentType.LEFT,
              style: { paragraph: { indent: { left: 360, hanging: 240 } } },
            },
          ],
        },
      ],
    },
    comments: {
      children: questions.map((q) => ({
        id: q.id,
        author: xmlSafe(author),
        initials: xmlSafe(author.slice(0, 4)),
        date,
        children: [new Paragraph({ children: [new TextRun(xmlSafe(q.question))] })],
      })),
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width * TWIPS_PER_POINT, height: PAGE.height * TWIPS_PER_POINT },
            margin: {
              top: PAGE.margin * TWIPS_PER_POINT,
              bottom: PAGE.margin * TWIPS_PER_POINT,
              left: PAGE.margin * TWIPS_PER_POINT,
              right: PAGE.margin * TWIPS_PER_POINT,
            },
          },
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/** The letter as `.docx`, open questions as anchored comments. */
export const letterDocx = documentDocx;
/** The clinical experience summary as `.docx`. */
export const summaryDocx = documentDocx;

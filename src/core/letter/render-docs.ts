/**
 * Renders a document model as ONE list of Docs API `batchUpdate` requests that builds it in a new, empty
 * Google Doc: the text in one insert at index 1, page setup, paragraph and text styles, highlights on marked
 * runs, bullets, and a named range per block (`cead:<sectionId>`) so the sidebar can find and regenerate a
 * section later. The same list is sent by Apps Script (`Docs.Documents.batchUpdate`) and by Node.
 *
 * Indices: the model's text is exactly the body text Docs will hold, so a model offset `o` is Docs index
 * `o + 1` (the body starts at 1, after the section break). All text is inserted first and styled after, so
 * no index ever shifts under a later request.
 */
import type { DocsParagraphStyle, DocsRequest, DocsTextStyle } from './docs-requests';
import { pt } from './docs-requests';
import type { DocumentModel, ParagraphRole, TextRange } from './model';

export const LETTER_FONT = 'Times New Roman';
export const LETTER_FONT_SIZE = 11;
/** US Letter in points, with 1-inch margins. */
export const PAGE = { width: 612, height: 792, margin: 72 } as const;
/** The highlight behind marked runs (a pale yellow that prints legibly). */
export const MARK_COLOR = { red: 1, green: 0.93, blue: 0.55 } as const;

export interface RoleStyle {
  readonly spaceAbove: number;
  readonly spaceBelow: number;
  readonly fontSize: number;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly heading?: 'HEADING_1' | 'HEADING_2';
  readonly keepWithNext?: boolean;
}

/** One table of paragraph looks, shared with the .docx and HTML renderers so every format matches. */
export const ROLE_STYLES: Readonly<Record<ParagraphRole, RoleStyle>> = {
  letterheadName: { spaceAbove: 0, spaceBelow: 0, fontSize: 13, bold: true },
  letterhead: { spaceAbove: 0, spaceBelow: 0, fontSize: 10 },
  date: { spaceAbove: 18, spaceBelow: 12, fontSize: LETTER_FONT_SIZE },
  body: { spaceAbove: 0, spaceBelow: 8, fontSize: LETTER_FONT_SIZE },
  closing: { spaceAbove: 4, spaceBelow: 30, fontSize: LETTER_FONT_SIZE, keepWithNext: true },
  signatureName: { spaceAbove: 0, spaceBelow: 0, fontSize: LETTER_FONT_SIZE, keepWithNext: true },
  signature: { spaceAbove: 0, spaceBelow: 0, fontSize: LETTER_FONT_SIZE },
  title: { spaceAbove: 0, spaceBelow: 4, fontSize: 16, bold: true, heading: 'HEADING_1' },
  subtitle: { spaceAbove: 0, spaceBelow: 10, fontSize: 10, italic: true },
  heading: {
    spaceAbove: 10,
    spaceBelow: 4,
    fontSize: 12,
    bold: true,
    heading: 'HEADING_2',
    keepWithNext: true,
  },
  bullet: { spaceAbove: 0, spaceBelow: 3, fontSize: LETTER_FONT_SIZE },
};

export interface DocsRenderOptions {
  /** Named ranges are `<prefix><sectionId>`; the letter uses `cead:`. */
  readonly namedRangePrefix?: string;
}

export function renderDocsRequests(model: DocumentModel, options: DocsRenderOptions = {}): DocsRequest[] {
  const prefix = options.namedRangePrefix ?? (model.kind === 'letter' ? 'cead:' : 'cead-summary:');
  // No range reaches the body's final newline: the API refuses it for deletions, and a style range does not
  // need it (a paragraph style applies to every paragraph the range touches).
  const lastOffset = model.text.length - 1;
  const toDocs = (r: TextRange) => ({ startIndex: r.start + 1, endIndex: Math.min(r.end, lastOffset) + 1 });
  const requests: DocsRequest[] = [];
  const all = { start: 0, end: lastOffset };
  // The new document already holds the final newline, so the model's last one is not inserted.
  requests.push({ insertText: { text: model.text.slice(0, -1), location: { index: 1 } } });
  requests.push({
    updateDocumentStyle: {
      documentStyle: {
        pageSize: { width: pt(PAGE.width), height: pt(PAGE.height) },
        marginTop: pt(PAGE.margin),
        marginBottom: pt(PAGE.margin),
        marginLeft: pt(PAGE.margin),
        marginRight: pt(PAGE.margin),
      },
      fields: 'pageSize,marginTop,marginBottom,marginLeft,marginRight',
    },
  });
  // Inserted text inherits its neighbour's style, so set a clean base for everything explicitly.
  requests.push({
    updateParagraphStyle: {
      range: toDocs(all),
      paragraphStyle: {
        namedStyleType: 'NORMAL_TEXT',
        alignment: 'START',
        lineSpacing: 115,
        spaceAbove: pt(0),
        spaceBelow: pt(0),
      },
      fields: 'namedStyleType,alignment,lineSpacing,spaceAbove,spaceBelow',
    },
  });
  requests.push({
    updateTextStyle: {
      range: toDocs(all),
      textStyle: {
        weightedFontFamily: { fontFamily: LETTER_FONT },
        fontSize: pt(LETTER_FONT_SIZE),
        bold: false,
        italic: false,
      },
      // backgroundColor is listed without a value: the mask clears any inherited highlight.
      fields: 'weightedFontFamily,fontSize,bold,italic,backgroundColor',
    },
  });

  const paragraphs = model.blocks.flatMap((b) =>
    b.paragraphs.map((p, i) => ({ p, range: b.paragraphRanges[i]! })),
  );
  // Consecutive paragraphs of one role share a request.
  let k = 0;
  while (k < paragraphs.length) {
    const role = paragraphs[k]!.p.role;
    let j = k;
    while (j + 1 < paragraphs.length && paragraphs[j + 1]!.p.role === role) j++;
    const range = { start: paragraphs[k]!.range.start, end: paragraphs[j]!.range.end + 1 };
    const s = ROLE_STYLES[role];
    const paragraphStyle: DocsParagraphStyle = {
      ...(s.heading ? { namedStyleType: s.heading } : {}),
      spaceAbove: pt(s.spaceAbove),
      spaceBelow: pt(s.spaceBelow),
      ...(s.keepWithNext ? { keepWithNext: true } : {}),
    };
    requests.push({
      updateParagraphStyle: {
        range: toDocs(range),
        paragraphStyle,
        fields: Object.keys(paragraphStyle).join(','),
      },
    });
    const textStyle: DocsTextStyle = {
      ...(s.fontSize !== LETTER_FONT_SIZE ? { fontSize: pt(s.fontSize) } : {}),
      ...(s.bold ? { bold: true } : {}),
      ...(s.italic ? { italic: true } : {}),
    };
    const fields = Object.keys(textStyle);
    if (fields.length > 0) {
      // Named heading styles bring their own font, so headings restate the family too.
      const withFont: DocsTextStyle = s.heading
        ? { ...textStyle, weightedFontFamily: { fontFamily: LETTER_FONT } }
        : textStyle;
      requests.push({
        updateTextStyle: {
          range: toDocs(range),
          textStyle: withFont,
          fields: Object.keys(withFont).join(','),
        },
      });
    }
    if (role === 'bullet') {
      requests.push({
        createParagraphBullets: { range: toDocs(range), bulletPreset: 'BULLET_DISC_CIRCLE_SQUARE' },
      });
    }
    k = j + 1;
  }

  for (const { p, range } of paragraphs) {
    let at = range.start;
    for (const run of p.runs) {
      const runRange = { start: at, end: at + run.text.length };
      at = runRange.end;
      if (run.text === '') continue;
      const textStyle: DocsTextStyle = {
        ...(run.bold ? { bold: true } : {}),
        ...(run.italic ? { italic: true } : {}),
        ...(run.marked ? { backgroundColor: { color: { rgbColor: MARK_COLOR } } } : {}),
      };
      const fields = Object.keys(textStyle);
      if (fields.length > 0) {
        requests.push({ updateTextStyle: { range: toDocs(runRange), textStyle, fields: fields.join(',') } });
      }
    }
  }

  for (const block of model.blocks) {
    // Up to, not including, the block's last newline: regenerating the section keeps paragraph breaks.
    const range = { start: block.range.start, end: block.range.end - 1 };
    if (range.end > range.start) {
      requests.push({ createNamedRange: { name: `${prefix}${block.sectionId}`, range: toDocs(range) } });
    }
  }
  return requests;
}

/**
 * The letter (or the clinical experience summary) as a Word `.docx`, from the same document model as the
 * Google Doc: US Letter, 1-inch margins, the same fonts and paragraph looks (ROLE_STYLES), marked runs
 * highlighted, and every open question as a Word comment anchored on its quoted passage. A `.docx` uploaded
 * to Drive and converted keeps those comments anchored, which the Drive API cannot do for a Google Doc.
 * Every text goes through `xmlSafe` (xml-safe.ts): a character XML forbids would make the file unreadable.
 *
 * The package is written directly (wordml.ts) and zipped with fflate; the same bytes for the same model
 * and date, so a file CEAD wrote can be told from one a person saved.
 */
import { zipSync } from 'fflate';
import type { DocumentModel, Paragraph, TextRange } from '../core/letter/model';
import { modelParagraphs } from '../core/letter/model';
import { LETTER_FONT, LETTER_FONT_SIZE, PAGE, ROLE_STYLES } from '../core/letter/render-docs';
import {
  APP_XML,
  CONTENT_TYPES_XML,
  commentEnd,
  commentStart,
  commentsXml,
  corePropertiesXml,
  DOCUMENT_RELS_XML,
  documentXml,
  NUMBERING_XML,
  PACKAGE_RELS_XML,
  paragraphXml,
  runXml,
  SETTINGS_XML,
  stylesXml,
} from './wordml';
import { xmlSafe } from './xml-safe';

export interface DocxOptions {
  /** Author shown on the comments. */
  readonly author?: string;
  /** Time stamp of the comments and of the document's properties; defaults to now. */
  readonly date?: Date;
}

const TWIPS_PER_POINT = 20;
/** Zip entries carry the DOS epoch: the bytes then depend on the letter only, not on the clock. */
const ZIP_TIME = new Date(1980, 0, 1);
const encoder = new TextEncoder();

/** A comment's place in its paragraph, as offsets into the paragraph's text. */
interface Anchor {
  readonly id: number;
  readonly start: number;
  readonly end: number;
}

/** One paragraph's runs, cut at every comment boundary so each comment spans exactly its quote. */
function paragraphContent(paragraph: Paragraph, anchors: readonly Anchor[]): string {
  const style = ROLE_STYLES[paragraph.role];
  const cuts = anchors.flatMap((a) => [a.start, a.end]);
  const starts = (point: number) => anchors.filter((a) => a.start === point).map((a) => commentStart(a.id));
  const ends = (point: number) => anchors.filter((a) => a.end === point).map((a) => commentEnd(a.id));
  let xml = '';
  let at = 0;
  for (const run of paragraph.runs) {
    const runEnd = at + run.text.length;
    const inside = [...new Set(cuts.filter((c) => c > at && c < runEnd))].sort((a, b) => a - b);
    const points = [at, ...inside, runEnd];
    for (let k = 0; k + 1 < points.length; k++) {
      const [from, to] = [points[k]!, points[k + 1]!];
      xml += starts(from).join('');
      xml += runXml(xmlSafe(run.text.slice(from - at, to - at)), {
        font: LETTER_FONT,
        halfPoints: style.fontSize * 2,
        bold: Boolean(run.bold || style.bold),
        italic: Boolean(run.italic || style.italic),
        highlight: Boolean(run.marked),
      });
      xml += ends(to).join('');
    }
    at = runEnd;
  }
  return xml;
}

function bodyXml(model: DocumentModel): string {
  const anchors = (index: number, range: TextRange): Anchor[] =>
    model.openQuestions.flatMap((q, id) =>
      q.paragraphIndex === index
        ? [{ id, start: q.range.start - range.start, end: q.range.end - range.start }]
        : [],
    );
  return modelParagraphs(model)
    .map(({ paragraph, range }, index) => {
      const style = ROLE_STYLES[paragraph.role];
      const look = {
        before: style.spaceAbove * TWIPS_PER_POINT,
        after: style.spaceBelow * TWIPS_PER_POINT,
        keepNext: Boolean(style.keepWithNext),
        bullet: paragraph.role === 'bullet',
      };
      return paragraphXml(look, paragraphContent(paragraph, anchors(index, range)));
    })
    .join('');
}

/** ISO 8601 to the second, as Word writes `w:date` and the document's dates. */
const isoSeconds = (date: Date) => `${date.toISOString().slice(0, 19)}Z`;

/** The page in twips, and the look of a comment's text: the same for every document. */
const PAGE_TWIPS = {
  width: PAGE.width * TWIPS_PER_POINT,
  height: PAGE.height * TWIPS_PER_POINT,
  margin: PAGE.margin * TWIPS_PER_POINT,
};
const COMMENT_LOOK = { font: LETTER_FONT, halfPoints: 20 };

/** The parts no letter changes, encoded once for the whole run rather than once per file. */
const STATIC_PARTS: Readonly<Record<string, Uint8Array>> = Object.fromEntries(
  Object.entries({
    '_rels/.rels': PACKAGE_RELS_XML,
    'docProps/app.xml': APP_XML,
    'word/_rels/document.xml.rels': DOCUMENT_RELS_XML,
    'word/styles.xml': stylesXml(LETTER_FONT, LETTER_FONT_SIZE * 2),
    'word/numbering.xml': NUMBERING_XML,
    'word/settings.xml': SETTINGS_XML,
  }).map(([name, xml]) => [name, encoder.encode(xml)]),
);
const CONTENT_TYPES = encoder.encode(CONTENT_TYPES_XML);

/** Builds the `.docx` bytes for a letter or summary model. */
export function documentDocx(model: DocumentModel, options: DocxOptions = {}): Buffer {
  const author = xmlSafe(options.author ?? 'CEAD');
  const date = isoSeconds(options.date ?? new Date());
  const comments = model.openQuestions.map((q, id) => ({
    id,
    author,
    initials: author.slice(0, 4),
    date,
    text: xmlSafe(q.question),
  }));
  const zipped = zipSync(
    {
      // Readers that sniff the package look for the content types first.
      '[Content_Types].xml': CONTENT_TYPES,
      ...STATIC_PARTS,
      'docProps/core.xml': encoder.encode(corePropertiesXml(xmlSafe(model.title), author, date)),
      'word/document.xml': encoder.encode(documentXml(bodyXml(model), PAGE_TWIPS)),
      'word/comments.xml': encoder.encode(commentsXml(comments, COMMENT_LOOK)),
    },
    { level: 6, mtime: ZIP_TIME },
  );
  return Buffer.from(zipped.buffer, zipped.byteOffset, zipped.byteLength);
}

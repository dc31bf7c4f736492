/**
 * Plain text for previews, email bodies and the terminal: blocks separated by a blank line, the lines of a
 * block (letterhead, signature) kept together, bullets as "• ", marked text in its ⟦ ⟧ brackets. The
 * checker reads `letterPlainText` instead, which is exactly the Google Doc's text.
 */
import type { DocumentModel } from './model';
import { paragraphText } from './model';

export interface TextRenderOptions {
  /** Append the open questions, numbered, after the document. */
  readonly openQuestions?: boolean;
}

export function renderText(model: DocumentModel, options: TextRenderOptions = {}): string {
  const body = model.blocks
    .map((b) =>
      b.paragraphs.map((p) => (p.role === 'bullet' ? `• ${paragraphText(p)}` : paragraphText(p))).join('\n'),
    )
    .join('\n\n');
  if (!options.openQuestions || model.openQuestions.length === 0) return `${body}\n`;
  const questions = model.openQuestions.map(
    (q, i) => `${i + 1}. [${q.sectionId}] “${q.quote}”\n   ${q.question}`,
  );
  return `${body}\n\n---\nOpen questions (${questions.length})\n\n${questions.join('\n\n')}\n`;
}

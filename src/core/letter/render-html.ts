/**
 * A self-contained HTML page for previews (the sidebar, `cead draft`): the document on a US Letter-shaped
 * sheet, marked text highlighted, and the open questions listed with links to their passages. Every string
 * from the answers is escaped; the page loads nothing from elsewhere.
 */
import type { DocumentModel, OpenQuestion, Run } from './model';
import { modelParagraphs } from './model';
import { LETTER_FONT, PAGE, ROLE_STYLES } from './render-docs';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

function runHtml(run: Run, text: string): string {
  let html = escapeHtml(text);
  if (run.bold) html = `<strong>${html}</strong>`;
  if (run.italic) html = `<em>${html}</em>`;
  if (run.marked) html = `<mark class="cead-marked">${html}</mark>`;
  return html;
}

const ROLE_CSS = Object.entries(ROLE_STYLES)
  .map(
    ([role, s]) =>
      `.role-${role}{margin:${s.spaceAbove}pt 0 ${s.spaceBelow}pt;font-size:${s.fontSize}pt;${s.bold ? 'font-weight:bold;' : ''}${s.italic ? 'font-style:italic;' : ''}}`,
  )
  .join('\n');

export interface HtmlRenderOptions {
  /** List the open questions after the document (default true). */
  readonly openQuestions?: boolean;
}

export function renderHtml(model: DocumentModel, options: HtmlRenderOptions = {}): string {
  const showQuestions = options.openQuestions ?? true;
  const byParagraph = new Map<number, OpenQuestion[]>();
  model.openQuestions.forEach((q) => {
    byParagraph.set(q.paragraphIndex, [...(byParagraph.get(q.paragraphIndex) ?? []), q]);
  });
  const paragraphs = modelParagraphs(model);
  const blocks = model.blocks.map((block) => {
    const inner = block.paragraphs.map((p) => {
      const index = paragraphs.findIndex((x) => x.paragraph === p);
      const range = paragraphs[index]!.range;
      const quotes = (byParagraph.get(index) ?? []).map((q) => ({
        id: q.id,
        start: q.range.start - range.start,
        end: q.range.end - range.start,
      }));
      // Cut runs at quote edges so each quoted passage can carry its question's anchor.
      let at = 0;
      let html = '';
      for (const run of p.runs) {
        const cuts = [
          at,
          ...quotes.flatMap((q) => [q.start, q.end]).filter((c) => c > at && c < at + run.text.length),
          at + run.text.length,
        ].sort((a, b) => a - b);
        for (let k = 0; k + 1 < cuts.length; k++) {
          for (const q of quotes)
            if (q.start === cuts[k]) html += `<span class="cead-quote" id="q-${escapeHtml(q.id)}">`;
          html += runHtml(run, run.text.slice(cuts[k]! - at, cuts[k + 1]! - at));
          for (const q of quotes) if (q.end === cuts[k + 1]) html += '</span>';
        }
        at += run.text.length;
      }
      const tag = p.role === 'bullet' ? 'li' : 'p';
      return `<${tag} class="role-${p.role}">${html}</${tag}>`;
    });
    const content = block.paragraphs.some((p) => p.role === 'bullet')
      ? inner.join('\n').replace(/(<li[\s\S]*<\/li>)/, '<ul>$1</ul>')
      : inner.join('\n');
    return `<section class="cead-block" data-section="${escapeHtml(block.sectionId)}">\n${content}\n</section>`;
  });
  const questions =
    showQuestions && model.openQuestions.length > 0
      ? `<aside class="cead-questions"><h2>Open questions (${model.openQuestions.length})</h2><ol>${model.openQuestions
          .map(
            (q) =>
              `<li data-kind="${escapeHtml(q.kind)}"><a href="#q-${escapeHtml(q.id)}">“${escapeHtml(q.quote)}”</a><p>${escapeHtml(q.question)}</p></li>`,
          )
          .join('')}</ol></aside>`
      : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(model.title)}</title>
<style>
body{background:#eee;margin:0;padding:24px;font-family:"${LETTER_FONT}",Times,serif;line-height:1.15}
.cead-page{background:#fff;max-width:${PAGE.width - 2 * PAGE.margin}pt;margin:0 auto;padding:${PAGE.margin}pt;box-shadow:0 1px 4px #0003}
.cead-marked{background:#ffed8c}
.cead-quote{text-decoration:underline dotted #c60}
.cead-questions{max-width:${PAGE.width}pt;margin:24px auto;font-family:system-ui,sans-serif;font-size:10pt}
ul{margin:0;padding-left:18pt}
${ROLE_CSS}
</style>
</head>
<body>
<main class="cead-page">
${blocks.join('\n')}
</main>
${questions}
</body>
</html>
`;
}

/**
 * "Regenerate section": one Docs batch that replaces the text inside a section's named range with a fresh
 * rendering of that section and touches nothing else.
 *
 * The renderer writes a document from scratch: its indices start at 1, in a body that is one empty
 * paragraph, and its text leaves out the last newline because the body already ends with one. Here the
 * section's old text is deleted and the renderer's requests are moved to where it started; the newline that
 * ends the section plays the part of the fresh body's final newline. A section's named range either stops
 * before that newline (the letter renderer's convention, so the paragraph break survives the deletion) or
 * takes it in; in the second case a new newline is written first.
 *
 * Inserted text takes the style of its neighbour in Docs, while in a fresh document it has none, so each
 * insert is followed by a reset of the text style over what it inserted. Document style requests (page
 * size, margins) are left out: a section does not lay out the page. Requests that could change text outside
 * the section (replace-all, deletions) are refused, since "everything else byte for byte" is the promise.
 */
import type { DocsRange, DocsRequest } from './letter/docs-requests';

export type Rewrite =
  | { readonly ok: true; readonly requests: DocsRequest[] }
  | { readonly ok: false; readonly problem: string };

/** The section's named range: `cead:<sectionId>`. */
export function sectionRangeName(sectionId: string): string {
  return `cead:${sectionId}`;
}

/** Every text style field the renderer may set, cleared so inserted text starts plain as in a new document. */
export const TEXT_STYLE_FIELDS =
  'bold,italic,underline,strikethrough,smallCaps,fontSize,weightedFontFamily,foregroundColor,backgroundColor,baselineOffset';

function shiftRange(range: DocsRange, by: number): DocsRange {
  return { ...range, startIndex: range.startIndex + by, endIndex: range.endIndex + by };
}

/**
 * Moves fresh-document requests by `by` indices. `endOfSegmentLocation` inserts become inserts at the end
 * of what the earlier requests wrote, which is where they land in a fresh document; each insert is
 * followed by a text style reset over what it inserted. With `rangesTakeNewline`, a named range that ends
 * where the written text ends takes in the newline after it.
 */
export function shiftRequests(
  requests: readonly DocsRequest[],
  by: number,
  rangesTakeNewline = false,
): Rewrite {
  const out: DocsRequest[] = [];
  // In a fresh document the body is one empty paragraph: index 1 is before its newline.
  let end = 1;
  for (const r of requests) {
    if (r.insertText) {
      const t = r.insertText;
      if (t.location?.segmentId || t.endOfSegmentLocation?.segmentId) {
        return { ok: false, problem: 'The section writes into a header or footer.' };
      }
      const at = t.location ? t.location.index : end;
      out.push({ insertText: { text: t.text, location: { index: at + by } } });
      if (t.text !== '') {
        const range = { startIndex: at + by, endIndex: at + by + t.text.length };
        out.push({ updateTextStyle: { range, textStyle: {}, fields: TEXT_STYLE_FIELDS } });
      }
      if (at <= end) end += t.text.length;
      continue;
    }
    if (r.updateTextStyle) {
      out.push({ updateTextStyle: { ...r.updateTextStyle, range: shiftRange(r.updateTextStyle.range, by) } });
      continue;
    }
    if (r.updateParagraphStyle) {
      out.push({
        updateParagraphStyle: {
          ...r.updateParagraphStyle,
          range: shiftRange(r.updateParagraphStyle.range, by),
        },
      });
      continue;
    }
    if (r.createNamedRange) {
      // A fresh document's final newline cannot be in a named range, so a range that reaches the end of the
      // written text stops short of it; where the live section's range took in its newline, so does this.
      const range = r.createNamedRange.range;
      const moved = shiftRange(range, by);
      const reach = rangesTakeNewline && range.endIndex === end ? 1 : 0;
      out.push({
        createNamedRange: { ...r.createNamedRange, range: { ...moved, endIndex: moved.endIndex + reach } },
      });
      continue;
    }
    if (r.createParagraphBullets) {
      out.push({
        createParagraphBullets: {
          ...r.createParagraphBullets,
          range: shiftRange(r.createParagraphBullets.range, by),
        },
      });
      continue;
    }
    if (r.updateDocumentStyle) continue;
    const kind = Object.keys(r)[0] ?? 'an empty request';
    return {
      ok: false,
      problem: `The section rendering uses ${kind}, which could change text outside the section.`,
    };
  }
  return { ok: true, requests: out };
}

/**
 * The batch that regenerates a section: forget the old named range, delete the section's old content, and
 * write the fresh rendering (`fresh`: requests for an empty document holding only this section, which
 * recreate the named range) in its place. `newlineAfter`: the character right after `range` is the
 * newline that ends the section (the range stops before it).
 */
export function rewriteSection(
  name: string,
  range: DocsRange,
  fresh: readonly DocsRequest[],
  newlineAfter: boolean,
): Rewrite {
  if (range.segmentId) return { ok: false, problem: 'The section is in a header or footer.' };
  if (!(range.startIndex >= 1 && range.endIndex > range.startIndex)) {
    return { ok: false, problem: 'The section is empty; there is nothing to replace.' };
  }
  const moved = shiftRequests(fresh, range.startIndex - 1, !newlineAfter);
  if (!moved.ok) return moved;
  if (!moved.requests.some((r) => r.createNamedRange?.name === name)) {
    return { ok: false, problem: `The fresh section does not mark itself as ${name}.` };
  }
  const at = range.startIndex;
  const newline: DocsRequest[] = newlineAfter
    ? []
    : [
        { insertText: { text: '\n', location: { index: at } } },
        {
          updateTextStyle: {
            range: { startIndex: at, endIndex: at + 1 },
            textStyle: {},
            fields: TEXT_STYLE_FIELDS,
          },
        },
      ];
  return {
    ok: true,
    requests: [
      { deleteNamedRange: { name } },
      { deleteContentRange: { range: { startIndex: range.startIndex, endIndex: range.endIndex } } },
      ...newline,
      ...moved.requests,
    ],
  };
}

/**
 * The text the checker reads from a Google Doc: its paragraphs joined by line breaks. Each paragraph keeps
 * its characters, so an offset into the result maps back to a paragraph and a position in it (see
 * `paragraphAt`). Docs' soft line breaks (vertical tab) become line breaks of the same length.
 */
export function docParagraphsToText(paragraphs: readonly string[]): string {
  return paragraphs.map((p) => p.replace(/\n$/, '').replace(/\u000b/g, '\n')).join('\n');
}

/** The paragraph index and the offset within it for an offset into `docParagraphsToText(paragraphs)`. */
export function paragraphAt(
  paragraphs: readonly string[],
  offset: number,
): { index: number; offset: number } {
  let start = 0;
  for (let i = 0; i < paragraphs.length; i++) {
    const length = paragraphs[i]!.replace(/\n$/, '').length;
    if (offset <= start + length) return { index: i, offset: offset - start };
    start += length + 1;
  }
  return { index: Math.max(0, paragraphs.length - 1), offset: 0 };
}

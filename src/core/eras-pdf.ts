/**
 * The ERAS upload rules a letter PDF must meet (AAMC): PDF only, at most 1 MB, 8.5 × 11 in pages, and a
 * file name without `| * ? :`. The name also avoids what Drive, Windows and macOS refuse or misread
 * (`/ \ < > "`, control characters, a trailing dot), because the candidate downloads the file before
 * uploading it.
 */
import { normalizeLine } from './text';

/** ERAS says "1 MB"; the decimal reading is the stricter one, so a file under it passes either way. */
export const ERAS_MAX_BYTES = 1_000_000;

/** US Letter in points, as the Docs API measures pages. */
export const US_LETTER_PT = { width: 612, height: 792 } as const;

/** The Docs request that sets a Doc's pages to US Letter, as the sidebar and `cead google pdf` send it. */
export const US_LETTER_REQUEST = {
  updateDocumentStyle: {
    documentStyle: {
      pageSize: {
        width: { magnitude: US_LETTER_PT.width, unit: 'PT' },
        height: { magnitude: US_LETTER_PT.height, unit: 'PT' },
      },
    },
    fields: 'pageSize',
  },
} as const;

const MAX_NAME_LENGTH = 120;

function clean(part: string): string {
  return normalizeLine(part)
    .replace(/[|*?:/\\<>"\u0000-\u001F\u007F]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * `Rosa Delgado - LOR - Michael Chen.pdf`: who the letter is for and from, which is what a candidate
 * looks for among several letters. The order ID stands in for a missing name.
 */
export function erasPdfName(candidate: string, recommender: string, orderId: string): string {
  const parts = [clean(candidate) || clean(orderId) || 'Letter', 'LOR', clean(recommender)].filter(
    (p) => p !== '',
  );
  let base = parts.join(' - ');
  if (base.length > MAX_NAME_LENGTH - 4) base = base.slice(0, MAX_NAME_LENGTH - 4).trimEnd();
  return `${base.replace(/[.\s]+$/, '')}.pdf`;
}

export function isUsLetter(size: { readonly width: number; readonly height: number }): boolean {
  // Docs stores page sizes as floating-point points; a hundredth of a point is below any printer's reach.
  return (
    Math.abs(size.width - US_LETTER_PT.width) < 0.01 && Math.abs(size.height - US_LETTER_PT.height) < 0.01
  );
}

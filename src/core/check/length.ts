/**
 * Length: program directors expect one to two pages. Pages are estimated for a U.S. Letter page with
 * 1-inch margins in an 11-point font: about 95 characters a line and 48 lines a page, each paragraph
 * starting a new line and followed by a blank one.
 */
import { findingAt } from './finding';
import type { Span } from './text-scan';
import type { Finding } from './types';

export const LENGTH_LIMITS = { minWords: 300, maxPages: 2, charsPerLine: 95, linesPerPage: 48 } as const;

export function estimatePages(paragraphs: readonly Span[]): number {
  const lines = paragraphs.reduce((n, p) => n + Math.ceil(p.text.length / LENGTH_LIMITS.charsPerLine) + 1, 0);
  return lines / LENGTH_LIMITS.linesPerPage;
}

export function checkLength(text: string, words: readonly Span[], paragraphs: readonly Span[]): Finding[] {
  const count = words.length;
  const pages = estimatePages(paragraphs);
  if (count < LENGTH_LIMITS.minWords) {
    return [
      findingAt(
        'LENGTH',
        text,
        0,
        0,
        `The letter has ${count} words; a letter under ${LENGTH_LIMITS.minWords} words reads as minimal (aim for one full page or more).`,
      ),
    ];
  }
  if (pages > LENGTH_LIMITS.maxPages) {
    return [
      findingAt(
        'LENGTH',
        text,
        0,
        0,
        `The letter runs to about ${pages.toFixed(1)} pages (${count} words); keep it to two pages.`,
      ),
    ];
  }
  return [];
}

/**
 * The parts of a letter the rules tell apart: the letterhead and date above the salutation, the body, and
 * the closing and signature from "Sincerely," on. A letter without a salutation is all body above its
 * closing; one without a closing is all body below its salutation.
 */
import type { Span } from './text-scan';

export interface LetterParts {
  /** Offset where the body starts: after the salutation line, or 0. */
  readonly bodyStart: number;
  /** Offset where the closing starts ("Sincerely,"), or the text's length. */
  readonly bodyEnd: number;
  /** The lines from the closing on (signature block), with their offsets. */
  readonly signature: readonly Span[];
  /** The lines above the salutation (letterhead, date, address). */
  readonly head: readonly Span[];
}

const SALUTATION = /^\s*(?:dear\b|to whom it may concern|to the (?:residency )?(?:selection )?committee)/i;
const CLOSING =
  /^\s*(?:sincerely|respectfully|regards|best regards|kind regards|warm regards|with (?:best|warm|kind) regards|yours (?:sincerely|truly|faithfully)|cordially|best wishes)\b[^\n]{0,20}$/i;

function linesOf(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  for (const line of text.split('\n')) {
    out.push({ start, end: start + line.length, text: line });
    start += line.length + 1;
  }
  return out;
}

export function letterParts(text: string): LetterParts {
  const lines = linesOf(text);
  const salutation = lines.findIndex((l, i) => i < 25 && SALUTATION.test(l.text));
  let closing = -1;
  for (let i = lines.length - 1; i > salutation && i >= lines.length - 30; i--) {
    if (CLOSING.test(lines[i]!.text)) {
      closing = i;
      break;
    }
  }
  return {
    bodyStart: salutation >= 0 ? lines[salutation]!.end : 0,
    bodyEnd: closing >= 0 ? lines[closing]!.start : text.length,
    signature: closing >= 0 ? lines.slice(closing + 1).filter((l) => l.text.trim() !== '') : [],
    head: salutation >= 0 ? lines.slice(0, salutation).filter((l) => l.text.trim() !== '') : [],
  };
}

/** The body's paragraphs, given the letter's paragraphs. */
export function bodyParagraphs(paragraphs: readonly Span[], parts: LetterParts): Span[] {
  return paragraphs.filter((p) => p.start >= parts.bodyStart && p.end <= parts.bodyEnd);
}

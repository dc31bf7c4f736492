/**
 * Placeholders: template slots and the draft's marked choices that nobody filled. A fresh CEAD draft fails
 * here on purpose: its ⟦marked choices⟧ (the comparison) and "[letter date]" are for the recommender, and
 * the letter cannot be finalized until someone has made them.
 */
import { findingAt } from './finding';
import type { Finding } from './types';

interface Slot {
  readonly re: RegExp;
  readonly what: string;
}

const SLOTS: readonly Slot[] = [
  { re: /⟦[^⟧]*⟧/g, what: 'a choice the draft left for the recommender' },
  { re: /\{\{[^{}\n]*\}\}/g, what: 'a template field' },
  { re: /\{\s*[A-Za-z_][\w .-]{0,40}\}/g, what: 'a template field' },
  { re: /\[(?!sic\b)[^[\]\n]{1,80}\]/gi, what: 'a bracketed blank' },
  { re: /<\s*[A-Za-z][A-Za-z _/.-]{0,40}>/g, what: 'a template field' },
  { re: /\b(?:XXX+|xxx+|XX\/XX\/XX(?:XX)?)\b/g, what: 'a filler mark' },
  { re: /\b(?:TBD|TBA|TODO|FIXME)\b/g, what: 'a to-do mark' },
  { re: /\blorem ipsum\b|\bdolor sit amet\b/gi, what: 'filler text' },
  { re: /\((?:insert|add|enter)\b[^)\n]{0,60}\)/gi, what: 'an instruction left in the text' },
  // The blanks of downloadable sample letters: "__(Name)__", "______", "(specialty)", "(name of the
  // candidate)", "Mr. XX", "NAME", "Your Street Address", "City, State ZIP".
  { re: /_+\s?\([^)\n]{1,40}\)\s?_+/g, what: 'a template blank' },
  { re: /_{3,}/g, what: 'a blank line to fill in' },
  {
    re: /\((?:the )?(?:name|full name|first name|last name|specialty|program|program name|candidate|applicant|student|resident|his\/her|he\/she|him\/her|date|hospital|institution|school|title|rotation|clerkship)(?: of [^)\n]{1,40})?\)/gi,
    what: 'a template slot',
  },
  { re: /\bX{2}\b/g, what: 'a filler mark' },
  {
    re: /\b(?:NAME|FIRST NAME|LAST NAME|FULL NAME|SPECIALTY|APPLICANT|CANDIDATE|PROGRAM)\b/g,
    what: 'a template slot',
  },
  {
    re: /\bYour (?:Street Address|Address|Name|Full Name|Title|Phone(?: Number)?|E-?mail(?: Address)?|Institution|Department|Signature|City)\b|\bCity, State(?:,? Zip(?: Code)?|,? ZIP)?\b/g,
    what: 'a letterhead slot from a template',
  },
];

/** A word in capitals is a slot only where the line around it is not a capitals heading or letterhead. */
function inCapitalsLine(text: string, start: number, end: number): boolean {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const lineEnd = text.indexOf('\n', end);
  const line = text.slice(lineStart, lineEnd === -1 ? text.length : lineEnd);
  return !/\p{Ll}/u.test(line);
}

export function checkPlaceholders(text: string): Finding[] {
  const taken: [number, number][] = [];
  const out: Finding[] = [];
  for (const { re, what } of SLOTS) {
    re.lastIndex = 0;
    for (const m of text.matchAll(re)) {
      const start = m.index!;
      const end = start + m[0].length;
      if (/^<[^>]*@/.test(m[0])) continue;
      if (/^[A-Z ]+$/.test(m[0]) && m[0].length > 2 && inCapitalsLine(text, start, end)) continue;
      if (taken.some(([a, b]) => start < b && end > a)) continue;
      taken.push([start, end]);
      const shown = m[0].length > 60 ? `${m[0].slice(0, 57)}…` : m[0];
      out.push(findingAt('PLACEHOLDER', text, start, end, `Unfilled placeholder "${shown}" (${what}).`));
    }
  }
  return out;
}

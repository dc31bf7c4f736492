/**
 * The frame of the letter: it is dated (a letter without a date is not one an ERAS upload accepts), not
 * long after the rotation, and its letterhead, contact details and signature are the recommender's.
 * A letter dated before the rotation ends is DATE_ORDER (dates.ts), as product.md's table has it.
 */
import { daysBetween } from '../dates';
import type { Answers, IsoDate } from '../questionnaire';
import { type DateExpression, dateExpressions, humanDate } from './dates';
import { findingAbsent, findingAt } from './finding';
import type { LetterParts } from './letter-parts';
import { nameTokens } from './names';
import { fold, type Span } from './text-scan';
import type { Finding } from './types';

/** A line that holds only a full date ("April 2, 2026", "Date: 2026-04-15"), anywhere in the letter. */
function dateLines(text: string): DateExpression[] {
  const out: DateExpression[] = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    const start = offset;
    offset += line.length + 1;
    if (line.length > 48 || !/\d/.test(line)) continue;
    const body = line.replace(/^\s*(?:date[d]?:?\s*)/i, '');
    const lead = line.length - body.length;
    const found = dateExpressions(body);
    const only = found[0];
    if (found.length !== 1 || !only || only.to || only.from.d === undefined || only.from.y === undefined)
      continue;
    if (body.slice(0, only.start).trim() !== '' || body.slice(only.end).trim().replace(/[.,]$/, '') !== '')
      continue;
    out.push({ ...only, start: start + lead + only.start, end: start + lead + only.end });
  }
  return out;
}

const DATE_SLOT = /(?:⟦|\[|\{\{?|<|\()\s*[^⟧\]}>)\n]{0,30}\bdate\b/i;
const LATE_AFTER_DAYS = 365;

function iso(d: DateExpression): IsoDate {
  const p = d.from;
  return `${p.y}-${String(p.m).padStart(2, '0')}-${String(p.d).padStart(2, '0')}`;
}

export function checkLetterDate(text: string, answers: Answers): Finding[] {
  const lines = dateLines(text);
  const line = lines[0];
  if (!line) {
    if (DATE_SLOT.test(text)) return [];
    return [
      findingAbsent('LETTER_DATE', 'The letter carries no date: date it on the day the recommender signs.'),
    ];
  }
  const end = answers['rotation.end'];
  const dated = iso(line);
  if (!end || dated <= end || daysBetween(end, dated) <= LATE_AFTER_DAYS) return [];
  return [
    findingAt(
      'LETTER_DATE_LATE',
      text,
      line.start,
      line.end,
      `The letter is dated ${humanDate(dated)}, more than a year after the rotation ended (${humanDate(end)}); programs read an old letter as a reused one.`,
    ),
  ];
}

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
const PHONE = /(?<![\d-])(?:\+?1[\s.-]?)?\(?\d{3}\)?[\s.-]?\d{3}[\s.-]\d{4}(?![\d-])/g;
const DEGREE = /\b(?:M\.?D|D\.?O|Ph\.?D|MBBS|MBChB|FACP|FAAP|FACS)\b|^\s*Dr\.?\s/;

const digits = (s: string) => s.replace(/\D/g, '').slice(-10);

function contactFindings(text: string, answers: Answers): Finding[] {
  const out: Finding[] = [];
  const email = answers['recommender.email']?.trim().toLowerCase();
  // "(614) 555-0172 ext. 4410": the number, without its extension.
  const given = answers['recommender.phone'] ?? '';
  const phone = digits([...given.matchAll(PHONE)][0]?.[0] ?? given);
  if (email) {
    for (const m of text.matchAll(EMAIL)) {
      const found = m[0].replace(/\.$/, '');
      if (found.toLowerCase() === email) continue;
      const start = m.index!;
      out.push(
        findingAt(
          'CONTACT_MISMATCH',
          text,
          start,
          start + found.length,
          `"${found}" is not the recommender's email in the answers (${email}).`,
        ),
      );
    }
  }
  if (phone.length === 10) {
    for (const m of text.matchAll(PHONE)) {
      const start = m.index!;
      if (digits(m[0]) === phone || /\b(?:fax|pager)\b[^\n]{0,12}$/i.test(text.slice(start - 16, start)))
        continue;
      out.push(
        findingAt(
          'CONTACT_MISMATCH',
          text,
          start,
          start + m[0].length,
          `"${m[0]}" is not the recommender's phone in the answers (${answers['recommender.phone']}).`,
        ),
      );
    }
  }
  return out;
}

/** A name line with a degree or a title in the signature or letterhead that is not the recommender's. */
function signerFindings(text: string, answers: Answers, parts: LetterParts): Finding[] {
  const name = answers['recommender.name'];
  if (!name) return [];
  const own = new Set(nameTokens(name).map(fold));
  const lines: Span[] = [];
  const signer = parts.signature.find((l) => DEGREE.test(l.text));
  if (signer) lines.push(signer);
  const head = parts.head[0];
  if (head && DEGREE.test(head.text)) lines.push(head);
  const out: Finding[] = [];
  for (const l of lines) {
    const tokens = nameTokens(l.text.split(/[,·|]/)[0]!).map(fold);
    if (tokens.length === 0 || tokens.some((t) => own.has(t))) continue;
    const trimmed = l.text.trim();
    const start = l.start + l.text.indexOf(trimmed);
    out.push(
      findingAt(
        'CONTACT_MISMATCH',
        text,
        start,
        start + trimmed.length,
        `"${trimmed}" names a physician other than the recommender (${name}).`,
      ),
    );
  }
  return out;
}

export function checkContacts(text: string, answers: Answers, parts: LetterParts): Finding[] {
  return [...contactFindings(text, answers), ...signerFindings(text, answers, parts)];
}

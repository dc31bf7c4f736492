/**
 * Competency coverage: program directors read letters by the six ACGME competencies, so each should have a
 * concrete example, found either under its heading ("Patient Care." followed by the example) or, in a letter
 * without headings, as a paragraph that speaks to it (two or more of its cue words).
 */
import { COMPETENCIES, type CompetencyId } from '../competencies';
import { findingAt } from './finding';
import { compilePhrases, findPhrases } from './phrase-match';
import { type Span, spanIndexAt, wordsOf } from './text-scan';
import type { Finding } from './types';

const HEADINGS: Readonly<Record<CompetencyId, readonly string[]>> = {
  patientCare: ['patient care'],
  medicalKnowledge: ['medical knowledge'],
  practiceBasedLearning: [
    'practice-based learning and improvement',
    'practice-based learning',
    'practice based learning',
    'PBLI',
  ],
  communication: ['interpersonal and communication skills', 'communication skills', 'interpersonal skills'],
  professionalism: ['professionalism'],
  systemsBasedPractice: ['systems-based practice', 'systems based practice', 'system-based practice'],
};

// Cue words per competency, from the ACGME definitions and Milestones 2.0 subcompetency names.
const CUES: Readonly<Record<CompetencyId, readonly string[]>> = {
  patientCare: [
    'patient*',
    'examin*',
    'admitted',
    'admission*',
    'assess*',
    'managed',
    'management',
    'diagnos*',
    'treat*',
    'procedure*',
    'bedside',
    'resuscitat*',
    'plan',
    'evaluated',
    'recognized',
    'cared',
  ],
  medicalKnowledge: [
    'knowledge',
    'differential',
    'pathophysiology',
    'mechanism*',
    'physiology',
    'pharmacology',
    'literature',
    'guideline*',
    'talk',
    'conference',
    'question*',
    'explained',
    'taught',
    'teaching',
    'diagnosis',
    'score',
    'localiz*',
    'fund',
  ],
  practiceBasedLearning: [
    'feedback',
    'improv*',
    'self-*',
    'reflect*',
    'evidence',
    'literature',
    'article*',
    'learned',
    'changed',
    'sought',
    'critique*',
    'audit*',
    'practiced',
    'suggestion',
    'reviewed',
    'retrain*',
    'reading',
  ],
  communication: [
    'communicat*',
    'famil*',
    'explain*',
    'listen*',
    'interpreter',
    'conversation*',
    'counsel*',
    'rapport',
    'nurse*',
    'handoff*',
    'consultant*',
    'meeting',
    'language',
    'spoke',
    'trust*',
  ],
  professionalism: [
    'professional*',
    'responsib*',
    'ethic*',
    'integrity',
    'respect*',
    'accountab*',
    'reliab*',
    'honest*',
    'confidential*',
    'stayed',
    'humility',
    'empathy',
    'ownership',
    'punctual',
    'prepared',
    'disclos*',
    'mistake',
    'error',
    'forgot*',
    'day off',
    'told me',
  ],
  systemsBasedPractice: [
    'system*',
    'discharge*',
    'case manager',
    'social work*',
    'coordinat*',
    'follow-up',
    'resource*',
    'insurance',
    'uninsured',
    'cost*',
    'safety',
    'quality',
    'transition*',
    'checklist',
    'pharmac*',
    'clinic appointment',
    'telehealth',
    'order set',
    'template',
  ],
};

const HEADING_RE = Object.fromEntries(
  COMPETENCIES.map((c) => [c.id, compilePhrases(HEADINGS[c.id])]),
) as Record<CompetencyId, RegExp>;
const CUE_RE = Object.fromEntries(COMPETENCIES.map((c) => [c.id, compilePhrases(CUES[c.id])])) as Record<
  CompetencyId,
  RegExp
>;

/** A heading is a title at the start of a line, alone or followed by a period or colon. */
function headingAt(text: string, start: number, end: number): boolean {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  if (text.slice(lineStart, start).replace(/[*#_\s]/g, '') !== '') return false;
  return /^[*_]*\s*(?:[.:—–-]|\n|$)/.test(text.slice(end, end + 4));
}

const MIN_EXAMPLE_WORDS = 15;

export function checkCoverage(text: string, paragraphs: readonly Span[]): Finding[] {
  const out: Finding[] = [];
  for (const c of COMPETENCIES) {
    const heading = findPhrases(HEADING_RE[c.id], text).find((h) => headingAt(text, h.start, h.end));
    if (heading) {
      const pi = spanIndexAt(paragraphs, heading.start);
      const para = paragraphs[pi];
      let body = para ? text.slice(heading.end, para.end) : '';
      if (wordsOf(body).length < MIN_EXAMPLE_WORDS && paragraphs[pi + 1])
        body += ` ${paragraphs[pi + 1]!.text}`;
      if (wordsOf(body).length >= MIN_EXAMPLE_WORDS) continue;
      out.push(
        findingAt(
          'COMPETENCY_MISSING',
          text,
          heading.start,
          heading.end,
          `${c.title} has a heading but no concrete example under it.`,
        ),
      );
      continue;
    }
    // Named in running text ("His medical knowledge is excellent…") in a paragraph long enough to hold an
    // example, or spoken to by two or more of its cue words.
    const covered = paragraphs.some((p) => {
      if (findPhrases(HEADING_RE[c.id], p.text).length > 0 && wordsOf(p.text).length >= 25) return true;
      const cues = new Set(findPhrases(CUE_RE[c.id], p.text).map((h) => h.text.toLowerCase()));
      return cues.size >= 2;
    });
    if (!covered) {
      out.push(findingAt('COMPETENCY_MISSING', text, 0, 0, `No concrete example of ${c.title}.`));
    }
  }
  return out;
}

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
    'trustworthy',
    'conscientious*',
    'dependab*',
    'discretion',
    'wrong dose',
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

/**
 * Observed behaviour that is an example of one competency by itself, whatever cue words the paragraph has:
 * feedback taken and acted on (PBLI), doing what no one asked (Professionalism's accountability), a
 * patient's care arranged beyond the visit (SBP). From the Milestones 2.0 subcompetencies.
 */
const EXAMPLES: Partial<Readonly<Record<CompetencyId, RegExp>>> = {
  practiceBasedLearning:
    /\b(?:told (?:him|her|them|me) that|feedback|suggested|pointed out|asked me (?:directly )?what)\b[^\n]{0,400}?\b(?:practiced|changed|began|started|improved|halved|shortened|rewrote|revised|the next day|that (?:afternoon|evening)|over the following week|by the end of|by (?:his|her|their) (?:final|last) week)\b/i,
  professionalism:
    /\b(?:without being asked|no one had asked|before anyone had asked|on (?:his|her|their) (?:own )?initiative|on (?:his|her|their) day off|told me (?:immediately|at once|right away|when (?:he|she|they) had)|took (?:responsibility|ownership)|privacy|in private)\b/i,
  communication:
    /\b(?:spoke|talked|explained|counsel+ed|calmed|reassured)\b[^.\n]{0,100}\b(?:parents|family|families|mother|father|daughter|son|grandmother|grandfather|interpreter|in Spanish|at (?:their|his|her) level)\b|\bteach-back\b|\bstructured handoff\b/i,
  systemsBasedPractice:
    /\b(?:rebooked|rescheduled|missed (?:their|her|his|[a-z]+) (?:[a-z]+ )?(?:visits|appointments)|follow-up appointment|(?:missed|book(?:ed)?|scheduled|arranged) [^.\n]{0,60}\b(?:visits?|appointments?|checks)\b|referral|social worker|prior authori[sz]ation|outpatient pharmacy)\b/i,
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

export interface CompetencySection {
  readonly id: CompetencyId;
  readonly heading: Span;
  /** The section's own text: the rest of the heading's paragraph, or the next one under a heading line. */
  readonly own: string;
  /** What coverage reads as its example: the own text, and the next paragraph when that is too short. */
  readonly body: string;
}

const HEADING_ANY = COMPETENCIES.map((c) => HEADING_RE[c.id]);

/** The competency sections of a letter written with headings ("Patient Care." or a heading line). */
export function competencySections(text: string, paragraphs: readonly Span[]): CompetencySection[] {
  const out: CompetencySection[] = [];
  for (const c of COMPETENCIES) {
    const heading = findPhrases(HEADING_RE[c.id], text).find((h) => headingAt(text, h.start, h.end));
    if (!heading) continue;
    const pi = spanIndexAt(paragraphs, heading.start);
    const para = paragraphs[pi];
    // The next paragraph belongs to this section only when it does not open another one.
    const after = paragraphs[pi + 1];
    const opensSection =
      after !== undefined &&
      HEADING_ANY.some((re) =>
        findPhrases(re, after.text).some(
          (h) => h.start === 0 && headingAt(text, after.start, after.start + h.end),
        ),
      );
    const next = after && !opensSection ? after.text : '';
    const rest = para
      ? text
          .slice(heading.end, para.end)
          .replace(/^[*_]*\s*[.:—–-]?\s*/, '')
          .trim()
      : '';
    const own = rest === '' ? next : rest;
    const body = wordsOf(rest).length < MIN_EXAMPLE_WORDS && next ? `${rest} ${next}`.trim() : rest;
    out.push({ id: c.id, heading, own, body });
  }
  return out;
}

export function checkCoverage(text: string, paragraphs: readonly Span[]): Finding[] {
  const out: Finding[] = [];
  const sections = new Map(competencySections(text, paragraphs).map((s) => [s.id, s]));
  for (const c of COMPETENCIES) {
    const section = sections.get(c.id);
    if (section) {
      const heading = section.heading;
      if (wordsOf(section.body).length >= MIN_EXAMPLE_WORDS) continue;
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
      if (EXAMPLES[c.id]?.test(p.text)) return true;
      const cues = new Set(findPhrases(CUE_RE[c.id], p.text).map((h) => h.text.toLowerCase()));
      return cues.size >= 2;
    });
    if (!covered) {
      out.push(findingAt('COMPETENCY_MISSING', text, 0, 0, `No concrete example of ${c.title}.`));
    }
  }
  return out;
}

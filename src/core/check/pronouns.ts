/**
 * Pronouns: the letter must use the candidate's pronouns for the candidate, while patients, family members
 * and colleagues keep theirs ("She examined the patient and told his wife…" is right for a she/her
 * candidate).
 *
 * A third-person pronoun is taken to mean the candidate when the candidate is the person in focus (named
 * since the last paragraph break, or the subject of the paragraph) and no other person that the pronoun
 * could mean has been introduced in the paragraph: "the patient" could be anyone, "a 58-year-old man" only
 * "he".
 * Anything less certain is left alone, so the rule may miss a wrong pronoun but should not invent one.
 * Only she/he forms are ever flagged: "they" also stands for things and groups. A gendered title before the
 * candidate's surname ("Mr. Delgado" for a she/her candidate) is flagged too.
 */
import type { Answers } from '../questionnaire';
import { findingAt } from './finding';
import type { Span } from './text-scan';
import type { Finding } from './types';

type Gender = 'f' | 'm' | 'n';

const PRONOUNS: Readonly<Record<string, 'she' | 'he' | 'they'>> = {
  she: 'she',
  her: 'she',
  hers: 'she',
  herself: 'she',
  he: 'he',
  him: 'he',
  his: 'he',
  himself: 'he',
  they: 'they',
  them: 'they',
  their: 'they',
  theirs: 'they',
  themselves: 'they',
  themself: 'they',
};

const PERSON_NOUNS: Readonly<Record<string, Gender>> = {
  man: 'm',
  gentleman: 'm',
  boy: 'm',
  father: 'm',
  husband: 'm',
  son: 'm',
  brother: 'm',
  grandfather: 'm',
  uncle: 'm',
  nephew: 'm',
  dad: 'm',
  mr: 'm',
  woman: 'f',
  lady: 'f',
  girl: 'f',
  mother: 'f',
  wife: 'f',
  daughter: 'f',
  sister: 'f',
  grandmother: 'f',
  aunt: 'f',
  niece: 'f',
  mom: 'f',
  mrs: 'f',
  ms: 'f',
  miss: 'f',
  patient: 'n',
  child: 'n',
  infant: 'n',
  baby: 'n',
  newborn: 'n',
  toddler: 'n',
  teenager: 'n',
  adolescent: 'n',
  parent: 'n',
  partner: 'n',
  spouse: 'n',
  caregiver: 'n',
  guardian: 'n',
  resident: 'n',
  intern: 'n',
  nurse: 'n',
  attending: 'n',
  physician: 'n',
  doctor: 'n',
  surgeon: 'n',
  colleague: 'n',
  classmate: 'n',
  student: 'n',
  fellow: 'n',
  consultant: 'n',
  pharmacist: 'n',
  manager: 'n',
  worker: 'n',
  chaplain: 'n',
  interpreter: 'n',
  veteran: 'n',
  friend: 'n',
  neighbor: 'n',
  mx: 'n',
  dr: 'n',
  someone: 'n',
  person: 'n',
  individual: 'n',
  client: 'n',
  member: 'n',
  sibling: 'n',
  grandparent: 'n',
  therapist: 'n',
  technician: 'n',
  clinician: 'n',
  provider: 'n',
  mentor: 'n',
  male: 'm',
  female: 'f',
  farmer: 'n',
  teacher: 'n',
  driver: 'n',
  mechanic: 'n',
  athlete: 'n',
  runner: 'n',
  retiree: 'n',
  pilot: 'n',
  soldier: 'n',
  officer: 'n',
  lawyer: 'n',
  engineer: 'n',
  cook: 'n',
  artist: 'n',
  musician: 'n',
  survivor: 'n',
  victim: 'n',
  smoker: 'n',
  immigrant: 'n',
  refugee: 'n',
  inmate: 'n',
  stranger: 'n',
  roommate: 'n',
  coworker: 'n',
  employer: 'n',
  boss: 'n',
  relative: 'n',
  cousin: 'n',
  grandson: 'm',
  granddaughter: 'f',
  stepfather: 'm',
  stepmother: 'f',
  boyfriend: 'm',
  girlfriend: 'f',
  fiancé: 'm',
  fiancée: 'f',
  nun: 'f',
  priest: 'm',
  old: 'n',
};

const CANDIDATE_PHRASES = /\b(?:this|the) (?:applicant|candidate)\b|\bthis student\b/gi;

/** The pronoun classes the candidate uses; undefined when any will do (or they gave none). */
function allowedClasses(pronouns: string | undefined): Set<string> | undefined {
  const p = (pronouns ?? '').toLowerCase().trim();
  if (p === '' || /\b(?:any|all|no preference)\b/.test(p)) return undefined;
  const out = new Set<string>();
  if (/\bshe\b|\bher\b/.test(p)) out.add('she');
  if (/\bhe\b|\bhim\b/.test(p)) out.add('he');
  if (/\bthey\b|\bthem\b/.test(p)) out.add('they');
  return out;
}

/** People who could themselves examine or call a patient: a pronoun for a clinician may mean one of them. */
const CLINICIANS = new Set([
  'resident',
  'intern',
  'nurse',
  'attending',
  'physician',
  'doctor',
  'surgeon',
  'colleague',
  'classmate',
  'student',
  'fellow',
  'consultant',
  'pharmacist',
  'therapist',
  'technician',
  'clinician',
  'provider',
  'mentor',
  'chaplain',
  'interpreter',
  'manager',
  'worker',
  'dr',
  'mx',
  'mr',
  'mrs',
  'ms',
  'miss',
]);

// "she examined the patient", "he counseled the patient's daughter": the subject of a clinician's act on a
// patient is not that patient. Only acts a relative does not do ("told", "called" and "reassured" are
// left out: a mother tells and calls too). Past tense only, as letters narrate.
const CLINICIAN_ACT = new RegExp(
  '^\\s+(?:[a-z]+ly\\s+)?(?:also\\s+)?(?:examined|admitted|presented|counseled|counselled|evaluated|assessed|' +
    'interviewed|treated|managed|discharged|consented|educated|reexamined|re-examined|diagnosed)\\s+' +
    '(?:[\\p{L}-]+\\s+){0,2}?(?:the|a|an|this|that|our|each|every|his|her|their)\\s+(?:[\\p{L}-]+\\s+){0,2}?' +
    "(?:patient|patients|patient['’]s|family|families|parents|mother|father|son|daughter|wife|husband)\\b",
  'u',
);
// "his patients", "her own patients": a clinician's patients.
const CLINICIAN_POSSESSIVE = /^\s+(?:own\s+)?(?:[\p{L}-]+\s+)?patients?\b/u;

/**
 * Whether a she/he pronoun is the subject of a clinician's act on a patient, or the owner of "patients",
 * so that the patients and family named in the paragraph cannot be what it means. Who else it could be
 * (another clinician, a named person) the caller has ruled out.
 */
function actsAsClinician(text: string, e: { readonly end: number; readonly text: string }): boolean {
  const after = text.slice(e.end, e.end + 120).split(/[.;:!?\n]/)[0]!;
  const lower = e.text.toLowerCase();
  if (lower === 'he' || lower === 'she') return CLINICIAN_ACT.test(after);
  if (lower === 'his' || lower === 'her') return CLINICIAN_POSSESSIVE.test(after);
  return false;
}

interface Event {
  readonly start: number;
  readonly end: number;
  readonly kind: 'candidate' | 'person' | 'pronoun' | 'break' | 'sentence';
  readonly gender?: Gender;
  /** A person who could be a clinician (a role like "resident", or someone named). */
  readonly clinician?: boolean;
  readonly pronoun?: 'she' | 'he' | 'they';
  readonly text: string;
}

function compatible(gender: Gender, pronoun: 'she' | 'he' | 'they'): boolean {
  if (gender === 'n') return true;
  if (pronoun === 'they') return true;
  return (gender === 'f') === (pronoun === 'she');
}

/**
 * Whether a role noun introduces no new person: it describes the writer ("I was Dr. Núñez's attending
 * physician", "As clerkship director, I…"), or someone already named.
 */
function introducesNoOne(text: string, at: number, candidateEnds: ReadonlySet<number>): boolean {
  const before = text.slice(Math.max(0, at - 80), at);
  // A predicate or an appositive re-describes someone already named ("she is an excellent student",
  // "Mr. Okafor, a fourth-year student at …"): no one new.
  if (
    /\b(?:is|was|be|been|being|become|becomes|are|were)\s+(?:an?|the)\s+(?:[\p{L}-]+\s+){0,3}$/iu.test(before)
  )
    return true;
  const appositive = /,\s+(?:an?|the|our|my)\s+(?:[\p{L}-]+\s+){0,3}$/iu.exec(before);
  if (appositive && candidateEnds.has(at - before.length + appositive.index)) return true;
  const clause = /[^.;,:\n]*$/.exec(before)?.[0] ?? '';
  return /^\s*(?:as|i (?:was|am|have been|served as)|i['’]ve been)\s+(?:\S+\s+){0,3}$/i.test(clause);
}

export interface PronounScan {
  readonly findings: Finding[];
  /** Pronouns taken to mean the candidate. */
  readonly candidatePronouns: Span[];
}

/** Offsets inside double quotes: quoted speech has its own speakers. */
function quotedRanges(text: string): [number, number][] {
  const out: [number, number][] = [];
  for (const m of text.matchAll(/"[^"\n]*"|“[^”\n]*”/g)) out.push([m.index!, m.index! + m[0].length]);
  return out;
}

export function checkPronouns(
  text: string,
  words: readonly Span[],
  sentences: readonly Span[],
  candidateMentions: readonly Span[],
  otherPersonMentions: readonly Span[],
  answers: Answers,
): PronounScan {
  const allowed = allowedClasses(answers['candidate.pronouns']);
  const events: Event[] = [];
  const mentionStarts = new Set(candidateMentions.map((m) => m.start));
  const candidateEnds = new Set(candidateMentions.map((m) => m.end));
  const otherStarts = new Map(otherPersonMentions.map((m) => [m.start, m]));
  for (const m of candidateMentions) events.push({ ...m, kind: 'candidate' });
  for (const m of text.matchAll(CANDIDATE_PHRASES)) {
    events.push({ start: m.index!, end: m.index! + m[0].length, text: m[0], kind: 'candidate' });
  }
  for (const m of otherPersonMentions) {
    const title = m.text.toLowerCase().replace(/[^a-z].*$/s, '');
    events.push({
      ...m,
      kind: 'person',
      gender: PERSON_NOUNS[title] === undefined ? 'n' : PERSON_NOUNS[title],
      clinician: true,
    });
  }
  const quoted = quotedRanges(text);
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (mentionStarts.has(w.start) || otherStarts.has(w.start)) continue;
    const lower = w.text.toLowerCase();
    const pronoun = PRONOUNS[lower];
    if (pronoun) {
      const around = text.slice(Math.max(0, w.start - 4), Math.min(text.length, w.end + 4)).toLowerCase();
      const generic =
        /\b(?:or|\/)\s*$/.test(text.slice(Math.max(0, w.start - 4), w.start).toLowerCase()) ||
        /^\s*(?:or\b|\/)/.test(text.slice(w.end, w.end + 4).toLowerCase()) ||
        around.includes('s/he');
      if (generic || quoted.some(([a, b]) => w.start >= a && w.start < b)) continue;
      events.push({ ...w, kind: 'pronoun', pronoun });
      continue;
    }
    const singular = lower.replace(/['’]s$/, '');
    // "a 44-year-old farmer", "a 7-month-old": the age is a person even when the noun after it is not in the list.
    const gender =
      singular === 'old' &&
      !/(?:day|week|month|year)s?[-‐ ]old$/i.test(text.slice(Math.max(0, w.start - 12), w.end))
        ? undefined
        : PERSON_NOUNS[singular];
    if (gender !== undefined && /^\p{Ll}/u.test(w.text) && !introducesNoOne(text, w.start, candidateEnds)) {
      // "family member", "case manager": the head noun counts; a plural ("patients") cannot be "she"/"he".
      events.push({ ...w, kind: 'person', gender, clinician: CLINICIANS.has(singular) });
    }
  }
  for (const m of text.matchAll(/\n+/g)) {
    events.push({ start: m.index!, end: m.index!, text: '', kind: 'break' });
  }
  for (const s of sentences) events.push({ start: s.start, end: s.start, text: '', kind: 'sentence' });
  const rank = (e: Event) => (e.kind === 'break' ? 0 : e.kind === 'sentence' ? 1 : 2);
  events.sort((a, b) => a.start - b.start || rank(a) - rank(b));

  const findings: Finding[] = [];
  const candidatePronouns: Span[] = [];
  let candidateSeen = false;
  let candidateActive = false;
  // Everyone else introduced in the paragraph so far: "a 67-year-old man" two sentences back can still be
  // "his" after the candidate's name, so only a new paragraph clears them.
  let others: { readonly gender: Gender; readonly clinician: boolean }[] = [];
  let lastEnd = -1;
  for (const e of events) {
    if (e.start < lastEnd) continue;
    lastEnd = Math.max(lastEnd, e.end);
    switch (e.kind) {
      case 'break':
        // A new paragraph is about the candidate again, whoever the last one ended on.
        others = [];
        candidateActive = candidateSeen;
        break;
      case 'sentence':
        break;
      case 'candidate':
        candidateSeen = true;
        candidateActive = true;
        break;
      case 'person':
        others.push({ gender: e.gender ?? 'n', clinician: e.clinician === true });
        break;
      case 'pronoun': {
        const p = e.pronoun!;
        if (!candidateActive) break;
        const could = others.filter((o) => compatible(o.gender, p));
        // Patients and family could be meant, unless the pronoun is the clinician acting on them.
        if (could.length > 0 && (could.some((o) => o.clinician) || !actsAsClinician(text, e))) break;
        candidatePronouns.push(e);
        if (p === 'they' || !allowed || allowed.has(p)) break;
        const theirs = answers['candidate.pronouns'] ?? '';
        findings.push(
          findingAt(
            'PRONOUN_MISMATCH',
            text,
            e.start,
            e.end,
            `"${e.text}" refers to the candidate, whose pronouns are ${theirs}.`,
          ),
        );
        break;
      }
    }
  }
  findings.push(...genderedTitleFindings(text, candidateMentions, answers, allowed));
  findings.sort((a, b) => a.start - b.start);
  return { findings, candidatePronouns };
}

const TITLE_PRONOUN: Readonly<Record<string, 'she' | 'he'>> = {
  mr: 'he',
  mrs: 'she',
  ms: 'she',
  miss: 'she',
};

/**
 * "Mr. Delgado" for a she/her candidate: a gendered title that contradicts the candidate's pronouns. For a
 * they/them candidate only when they chose "Mx.", since some use Mr. or Ms. as well.
 */
function genderedTitleFindings(
  text: string,
  candidateMentions: readonly Span[],
  answers: Answers,
  allowed: Set<string> | undefined,
): Finding[] {
  if (!allowed) return [];
  const chose = /^\s*Mx\b/i.test(answers['candidate.preferredName'] ?? '');
  if (!allowed.has('she') && !allowed.has('he') && !chose) return [];
  const out: Finding[] = [];
  for (const m of candidateMentions) {
    const title = /\b(Mr|Mrs|Ms|Miss)\.? $/.exec(text.slice(Math.max(0, m.start - 6), m.start));
    if (!title) continue;
    const implied = TITLE_PRONOUN[title[1]!.toLowerCase()]!;
    if (allowed.has(implied)) continue;
    const start = m.start - title[0].length;
    out.push(
      findingAt(
        'PRONOUN_MISMATCH',
        text,
        start,
        m.end,
        `"${text.slice(start, m.end)}" gives the candidate a title for ${implied === 'he' ? 'a man' : 'a woman'}; their pronouns are ${answers['candidate.pronouns'] ?? ''}.`,
      ),
    );
  }
  return out;
}

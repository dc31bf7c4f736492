/**
 * Specialty: a letter that names another specialty as the candidate's goal ("residency in Emergency
 * Medicine" for an Internal Medicine applicant) is a letter copied from another order. Only goal positions
 * count: the rotation's own service ("Internal Medicine sub-internship"), the recommender's department or a
 * preliminary year are facts, not goals.
 */
import type { Answers } from '../questionnaire';
import { SPECIALTIES, type SpecialtyEntry } from './data/specialties';
import { findingAt } from './finding';
import { escapeRegExp, type Span, spanIndexAt } from './text-scan';
import type { Finding } from './types';

function key(s: string): string {
  return s
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[\s\-–‐/]+/g, ' ')
    .trim();
}

function variantPattern(v: string): string {
  return key(v)
    .split(' ')
    .map((w) => (w === 'and' ? '(?:and|&)' : escapeRegExp(w)))
    .join('[\\s\\-–‐/]+');
}

export interface SpecialtyMention {
  readonly entry: SpecialtyEntry;
  readonly start: number;
  readonly end: number;
}

interface Matcher {
  readonly names: RegExp;
  readonly abbreviations: RegExp;
  readonly byName: Map<string, SpecialtyEntry>;
  readonly byAbbreviation: Map<string, SpecialtyEntry>;
}

function buildMatcher(): Matcher {
  const byName = new Map<string, SpecialtyEntry>();
  const byAbbreviation = new Map<string, SpecialtyEntry>();
  for (const e of SPECIALTIES) {
    for (const n of e.names) byName.set(key(n), e);
    for (const a of e.abbreviations ?? []) byAbbreviation.set(a, e);
  }
  const names = [...byName.keys()].sort((a, b) => b.length - a.length).map(variantPattern);
  const abbreviations = [...byAbbreviation.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
  return {
    names: new RegExp(`(?<![\\p{L}])(?:${names.join('|')})(?![\\p{L}])`, 'giu'),
    abbreviations: new RegExp(`(?<![\\p{L}\\-/])(?:${abbreviations.join('|')})(?![\\p{L}\\-/])`, 'gu'),
    byName,
    byAbbreviation,
  };
}

const MATCHER = buildMatcher();

/** Every specialty named in `text`, longest names first, without overlaps. */
export function specialtyMentions(text: string): SpecialtyMention[] {
  const out: SpecialtyMention[] = [];
  for (const m of text.matchAll(MATCHER.names)) {
    const entry = MATCHER.byName.get(key(m[0]));
    if (entry) out.push({ entry, start: m.index!, end: m.index! + m[0].length });
  }
  for (const m of text.matchAll(MATCHER.abbreviations)) {
    const entry = MATCHER.byAbbreviation.get(m[0]);
    const start = m.index!;
    const end = start + m[0].length;
    if (entry && !out.some((o) => start < o.end && end > o.start)) out.push({ entry, start, end });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** The catalog entry for what the candidate typed as their specialty, if the catalog knows it. */
export function resolveSpecialty(typed: string): SpecialtyEntry | undefined {
  const mentions = specialtyMentions(typed);
  return mentions.sort((a, b) => b.end - b.start - (a.end - a.start))[0]?.entry;
}

function compatible(
  candidate: SpecialtyEntry | undefined,
  typed: string,
  named: SpecialtyEntry,
  namedText: string,
) {
  if (!candidate) {
    const a = key(typed);
    const b = key(namedText);
    return a.includes(b) || b.includes(a);
  }
  if (named.id === candidate.id) return true;
  if (named.within?.includes(candidate.id)) return true;
  if (candidate.includes?.includes(named.id)) return true;
  if (candidate.within?.includes(named.id)) return true;
  return (candidate.includes ?? []).some((part) => named.within?.includes(part));
}

const GOAL_BEFORE =
  /\b(?:residency|residencies|training|career|careers|future|position|positions|spot|place|match|matching|matched|apply|applies|applying|applied|application|applications|applicant|candidacy|pursue|pursues|pursuing|pursuit|enter|enters|entering|specialize|specializes|specializing|thrive|succeed|excel)(?:\s+(?:training|program|programs|position|positions|career|careers|opportunities|\p{L}+ly))?\s+(?:in|into|to|for|of)\s+(?:(?:the|a|an|your|any)\s+)?(?:(?:field|specialty|discipline|practice)\s+of\s+)?(?:(?:academic|rural|community|adult|pediatric)\s+)?$/iu;
const FUTURE_BEFORE =
  /\bfuture\s+$|\bas\s+an?\s+(?:[\p{L}-]+\s+){0,2}(?:resident|intern|trainee)\s+(?:in|of)\s+$/iu;
const BECOME_BEFORE = /\b(?:make|makes|be|become|becomes|becoming)\s+(?:an?|the)\s+(?:[\p{L}-]+\s+){0,3}$/iu;
const RESIDENT_AFTER = /^\s+(?:resident|physician|trainee|intern|colleague)\b/iu;
const PROGRAM_AFTER = /^\s+(?:residency|residencies|training|programs?|applicants?|career|match)\b/iu;
const PROGRAM_OWNER_BEFORE = /\b(?:your|her|his|their|any|a|an|the|to|for|into|in)\s+$/iu;
const SERVICE_AFTER =
  /^\s*[-–]?\s*(?:sub-?internships?|sub-?i|clerkships?|rotations?|electives?|externships?|observerships?|acting\s+internships?|services?|department|division|teams?|wards?|floors?|clinics?|unit|attendings?|faculty|rounds|block|conferences?|residents\s+and)\b/iu;
const PRELIMINARY_BEFORE = /\b(?:prelim|preliminary|transitional)\b[^.;]{0,40}$/iu;

function isGoal(before: string, after: string): boolean {
  if (SERVICE_AFTER.test(after) || PRELIMINARY_BEFORE.test(before)) return false;
  if (GOAL_BEFORE.test(before) || FUTURE_BEFORE.test(before)) return true;
  if (RESIDENT_AFTER.test(after) && BECOME_BEFORE.test(before)) return true;
  return PROGRAM_AFTER.test(after) && PROGRAM_OWNER_BEFORE.test(before);
}

export function checkSpecialty(text: string, sentences: readonly Span[], answers: Answers): Finding[] {
  const typed = answers['candidate.specialty'];
  if (!typed) return [];
  const candidate = resolveSpecialty(typed);
  const out: Finding[] = [];
  // The recommender's title ("Associate Program Director, Internal Medicine Residency") is a fact, not a goal.
  const ownTitles = (['recommender.title'] as const)
    .map((id) => answers[id])
    .filter((t): t is string => typeof t === 'string' && t.length > 2)
    .flatMap((t) =>
      [...text.matchAll(new RegExp(escapeRegExp(t), 'gi'))].map((m) => [m.index!, m.index! + m[0].length]),
    );
  for (const m of specialtyMentions(text)) {
    if (ownTitles.some(([a, b]) => m.start >= a! && m.end <= b!)) continue;
    const si = spanIndexAt(sentences, m.start);
    const sentence = sentences[si];
    const from = sentence ? sentence.start : Math.max(0, m.start - 120);
    const to = sentence ? sentence.end : Math.min(text.length, m.end + 60);
    const before = text.slice(from, m.start);
    const after = text.slice(m.end, to);
    if (!isGoal(before, after)) continue;
    const named = text.slice(m.start, m.end);
    if (compatible(candidate, typed, m.entry, named)) continue;
    out.push(
      findingAt(
        'SPECIALTY_MISMATCH',
        text,
        m.start,
        m.end,
        `The letter names ${m.entry.name} ("${named}") as the candidate’s goal, but the candidate is applying to ${candidate?.name ?? typed}.`,
      ),
    );
  }
  return out;
}

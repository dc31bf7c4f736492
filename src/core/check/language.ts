/**
 * Language that weakens a letter: doubt raisers and hedges (warnings), and the balance measures the studies
 * found to differ between letters for women and men (information for the writer): grindstone versus
 * standout and ability words, effort versus accomplishment words, communal versus agentic words, and
 * personal-life remarks.
 */
import { findingAt } from './finding';
import {
  ABILITY,
  ACCOMPLISHMENT,
  AGENTIC,
  COMMUNAL,
  DOUBT_RAISERS,
  DOUBT_RAISERS_ABOUT_CANDIDATE,
  EFFORT,
  FAMILY_NOUNS,
  GRINDSTONE,
  PERSONAL_LIFE,
  PERSONAL_LIFE_ABOUT_CANDIDATE,
  type PhraseList,
  STANDOUT,
} from './lexicon';
import { compilePhrases, findPhrases, type PhraseHit } from './phrase-match';
import type { Span } from './text-scan';
import type { Finding } from './types';

const compiled = (l: PhraseList) => compilePhrases(l.phrases);
const DOUBT = DOUBT_RAISERS.map((l) => ({ list: l, re: compiled(l) }));
const DOUBT_NEAR = compiled(DOUBT_RAISERS_ABOUT_CANDIDATE);
const GRIND = compiled(GRINDSTONE);
const STAND = compiled(STANDOUT);
const ABLE = compiled(ABILITY);
const EFF = compiled(EFFORT);
const ACC = compiled(ACCOMPLISHMENT);
const COMM = compiled(COMMUNAL);
const AGEN = compiled(AGENTIC);
const PERSONAL = compiled(PERSONAL_LIFE);
const PERSONAL_NEAR = compiled(PERSONAL_LIFE_ABOUT_CANDIDATE);
const FAMILY = new Set(FAMILY_NOUNS);

// Between the candidate and the remark only auxiliaries and adverbs: "she was quiet", "he initially struggled".
const BRIDGE =
  /^(?:\s+(?:was|is|has|had|been|can|could|be|would|sometimes|often|initially|at first|still|also|occasionally|\p{L}+ly))*\s+$/iu;

/** Whether a hit is said of the candidate: right after their name or pronoun ("she struggled"). */
function afterCandidate(text: string, hit: PhraseHit, mentions: readonly Span[]): boolean {
  return mentions.some(
    (m) => m.end <= hit.start && hit.start - m.end <= 40 && BRIDGE.test(text.slice(m.end, hit.start)),
  );
}

function ratioFinding(
  text: string,
  code: 'GRINDSTONE_HEAVY' | 'COMMUNAL_HEAVY',
  first: PhraseHit,
  message: string,
  source: string,
): Finding {
  return findingAt(code, text, first.start, first.end, message, source);
}

/**
 * "although her publications are not numerous", "despite his limited experience": a concession is a doubt
 * raiser when its clause is about the candidate, by name or by one of their pronouns (the pronoun scan
 * leaves "her" unresolved once a patient is in the paragraph). "Despite fluids, the patient's pressure fell"
 * is not.
 */
const CONCESSIVE = new Set(['although', 'despite', 'while not']);
const CHOICE = /\b(?:is|was|are|were) (?:applying|interested|planning)\b|\b(?:chose|has chosen|plans?) to\b/i;

const PRONOUN_WORDS: Readonly<Record<string, RegExp>> = {
  she: /\b(?:she|her|hers|herself)\b/i,
  he: /\b(?:he|him|his|himself)\b/i,
  they: /\b(?:they|them|their|theirs|themselves|themself)\b/i,
};

function concedesAboutCandidate(
  text: string,
  hit: PhraseHit,
  mentions: readonly Span[],
  pronouns: string,
): boolean {
  // The clause runs to its punctuation; a title's period ("Although Dr. Delgado…") does not end it.
  const clause = /^(?:[^,;:.!?\n]|(?<=\b(?:Dr|Mr|Ms|Mrs|Mx|Prof))\.)*/.exec(
    text.slice(hit.end, hit.end + 80),
  )![0];
  const end = hit.end + clause.length;
  // "Although Linh is applying to Family Medicine rather than to our program": a choice, not a doubt.
  if (CHOICE.test(clause)) return false;
  if (mentions.some((m) => m.start >= hit.end && m.start < end)) return true;
  return Object.entries(PRONOUN_WORDS).some(
    ([set, re]) => new RegExp(`\\b${set}\\b`, 'i').test(pronouns) && re.test(clause),
  );
}

/** `pronouns`: the candidate's answer ("she/her"), for concessions about them. */
export function checkLanguage(text: string, candidateMentions: readonly Span[], pronouns = ''): Finding[] {
  const out: Finding[] = [];
  const seen = new Set<number>();
  for (const { list, re } of DOUBT) {
    for (const h of findPhrases(re, text)) {
      if (seen.has(h.start)) continue;
      if (
        CONCESSIVE.has(h.text.toLowerCase().replace(/\s+/g, ' ')) &&
        !concedesAboutCandidate(text, h, candidateMentions, pronouns)
      )
        continue;
      seen.add(h.start);
      out.push(
        findingAt(
          'DOUBT_RAISER',
          text,
          h.start,
          h.end,
          `"${h.text}" reads as a ${list.kind}; say what the candidate did instead.`,
          list.source,
        ),
      );
    }
  }
  for (const h of findPhrases(DOUBT_NEAR, text)) {
    if (seen.has(h.start) || !afterCandidate(text, h, candidateMentions)) continue;
    seen.add(h.start);
    out.push(
      findingAt(
        'DOUBT_RAISER',
        text,
        h.start,
        h.end,
        `"${h.text}" is a negative remark about the candidate; program directors read it as a warning.`,
        DOUBT_RAISERS_ABOUT_CANDIDATE.source,
      ),
    );
  }

  const grind = findPhrases(GRIND, text);
  const standout = findPhrases(STAND, text).length + findPhrases(ABLE, text).length;
  if (grind.length >= 2 && grind.length > standout) {
    out.push(
      ratioFinding(
        text,
        'GRINDSTONE_HEAVY',
        grind[0]!,
        `${grind.length} grindstone words (hard-working, diligent…) against ${standout} standout or ability words: say what sets the candidate apart.`,
        `${GRINDSTONE.source}; ${ABILITY.source}`,
      ),
    );
  }
  const effort = findPhrases(EFF, text);
  const accomplishment = findPhrases(ACC, text).length;
  if (effort.length >= 2 && effort.length / Math.max(1, accomplishment) > 1.2) {
    out.push(
      ratioFinding(
        text,
        'GRINDSTONE_HEAVY',
        effort[0]!,
        `${effort.length} effort words against ${accomplishment} accomplishment words (ratio above 1.2): say what the candidate achieved.`,
        EFFORT.source,
      ),
    );
  }
  const communal = findPhrases(COMM, text);
  const agentic = findPhrases(AGEN, text).length;
  if (communal.length >= 3 && communal.length > agentic) {
    out.push(
      ratioFinding(
        text,
        'COMMUNAL_HEAVY',
        communal[0]!,
        `${communal.length} communal words (kind, warm, helpful…) against ${agentic} agentic words (confident, independent, led…).`,
        COMMUNAL.source,
      ),
    );
  }

  // Personal-life phrases count anywhere; the "near" ones only once the candidate has been mentioned.
  const personal = [
    ...findPhrases(PERSONAL, text),
    ...findPhrases(PERSONAL_NEAR, text).filter((h) => afterCandidate(text, h, candidateMentions)),
  ];
  for (const h of personal) {
    out.push(
      findingAt(
        'PERSONAL_LIFE',
        text,
        h.start,
        h.end,
        `"${h.text}" is a personal-life remark; leave it out.`,
        PERSONAL_LIFE.source,
      ),
    );
  }
  for (const m of candidateMentions) {
    if (!/^(?:her|his|their)$/i.test(m.text)) continue;
    const next = /^\s+([\p{L}]+)/u.exec(text.slice(m.end, m.end + 20));
    if (!next || !FAMILY.has(next[1]!.toLowerCase())) continue;
    const end = m.end + next[0].length;
    out.push(
      findingAt(
        'PERSONAL_LIFE',
        text,
        m.start,
        end,
        `"${text.slice(m.start, end)}" is about the candidate’s personal life; leave it out.`,
        PERSONAL_LIFE.source,
      ),
    );
  }
  return out;
}

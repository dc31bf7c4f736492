/**
 * The physician writes what they saw. A letter that states the candidate's inner life, motives or plans as
 * the writer's own knowledge ("she has always loved surgery", "she knew it was the right thing to do",
 * "this case is the reason he wants to train in neurology") reads as the candidate's own words — which it
 * usually is — and a sentence about the questionnaire itself ("In this example I want to show…") was never
 * meant for the letter. Said with its source ("she told me", "in her words") it is the writer's report.
 */
import { findingAt } from './finding';
import type { LetterParts } from './letter-parts';
import type { Span } from './text-scan';
import type { Finding } from './types';

const WHO = "(?:she|he|they|ze|xe|[A-Z][\\p{L}’'-]+)";
const INNER = new RegExp(
  [
    `\\b${WHO} (?:has|have) always (?:liked|loved|wanted|dreamed|dreamt|enjoyed|been (?:passionate|fascinated|interested|drawn))`,
    `\\b${WHO} (?:has|have) (?:dreamed|dreamt) of\\b`,
    `\\b[Ss]ince (?:she|he|they) (?:was|were) (?:a child|young|little|a teenager)\\b`,
    `\\b${WHO} (?:knew|felt|realized|realised|understood) (?:that )?(?:it|this|that) was the right (?:thing|decision|choice|path|specialty|career)`,
    `\\b(?:is|was) the reason (?:why )?(?:she|he|they|ze|xe|[A-Z][\\p{L}’'-]+) (?:wants?|chose|decided|is applying|applied|plans?)\\b`,
    `\\b(?:inspired|motivated|convinced) (?:her|him|them) to (?:pursue|choose|become|apply|train)\\b`,
    `\\b(?:[Ss]he|[Hh]e) (?:felt|feels) (?:so |very )?(?:proud|nervous|scared|afraid|happy|grateful|overwhelmed|anxious|fulfilled)\\b`,
    `\\b[Dd]eep (?:down|inside)\\b|\\b[Ii]n (?:her|his|their) heart\\b`,
    `\\b(?:[Hh]er|[Hh]is|[Tt]heir) (?:dream|passion|lifelong goal|calling) (?:is|was|has always been)\\b`,
  ].join('|'),
  'u',
);
// Sentences about the answer, not the candidate.
const ABOUT_ANSWER =
  /\b(?:I want(?:ed)? to (?:describe|mention|share|show|give an example)|in this (?:answer|example|section|question)|this (?:example|answer) (?:shows|demonstrates)|(?:as|like) I (?:mentioned|said|wrote) (?:above|before|earlier)|sorry (?:this|it) is (?:long|short)|the (?:question|form) asks?|for this competency)\b/i;
// "She told me", "in his words", "as she put it": the writer reports, and says so.
const ATTRIBUTED =
  /\b(?:told me|tells me|shared with me|said|says|explained to me|wrote|writes|in (?:her|his|their) (?:own )?words|as (?:she|he|they) put it|(?:she|he|they) described|I (?:understand|learned) that|according to (?:her|him|them))\b/i;

export function checkViewpoint(text: string, sentences: readonly Span[], parts: LetterParts): Finding[] {
  const out: Finding[] = [];
  for (const s of sentences) {
    if (s.start < parts.bodyStart || s.end > parts.bodyEnd) continue;
    const about = ABOUT_ANSWER.exec(s.text);
    const inner = about ? null : INNER.exec(s.text);
    const hit = about ?? inner;
    if (!hit || (inner && ATTRIBUTED.test(s.text))) continue;
    const start = s.start + hit.index;
    out.push(
      findingAt(
        'VIEWPOINT',
        text,
        start,
        start + hit[0].length,
        about
          ? 'This sentence is about the questionnaire answer, not the candidate: leave it out of the letter.'
          : 'The letter states the candidate’s feelings, motives or plans as the writer’s knowledge: say what you saw, or who told you.',
      ),
    );
  }
  return out;
}

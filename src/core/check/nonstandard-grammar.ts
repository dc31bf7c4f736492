/**
 * The slips of non-native English a reader notices first, found by hand rules that each match one
 * construction standard English never uses: "12 patients was seen", "a 70 years old woman", "me asked",
 * "explained him what means", "discussed about", "since two years", "informations". Precision comes first: a
 * false grammar alarm costs the writer's trust, so each rule names the words around the slip, and a
 * construction that is sometimes right ("explained them to the family", "her admitted patients") is left out.
 */
import { findingAt } from './finding';
import type { Finding } from './types';

interface Rule {
  readonly re: RegExp;
  readonly fix: string;
}

const COUNT =
  '(?:[2-9]|[1-9]\\d{1,3}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|several|many|both)';
// Amounts of time, money or distance take a singular verb ("four weeks was enough").
const AMOUNT = '(?:weeks|days|months|years|hours|minutes|seconds|dollars|miles|percent|times)';
const PAST_VERB =
  '(?:asked|told|said|saw|went|was|were|did|called|explained|gave|took|decided|thought|knew|wanted|could|would|will|can|should|came|spoke|answered|replied|helped)';

const RULES: readonly Rule[] = [
  {
    // Not after a gerund or a preposition ("Seeing 12 patients was routine", "care for 12 patients was"),
    // nor in "each of her 12 patients was", where the subject is singular.
    re: new RegExp(
      `(?<!\\b(?:[a-z]+ing|of|with|for|to|than|among|between|from|about|on|in|at|by|under|over|per|like|around|nearly|almost|only)\\s)(?<!\\b(?:each|one|none|neither|either|any|all) of (?:the |her |his |their |our |my |these |those )?)(?<![\\w-])${COUNT} (?!${AMOUNT}\\b)[a-z]+s (?:was|has been|is)\\b`,
      'gi',
    ),
    fix: 'a plural subject takes "were" / "have been" / "are"',
  },
  {
    re: /\b(?:a|an)\s+(?:\d{1,3}|[a-z]+(?:-[a-z]+)?)[\s-]+(?:years|months|weeks|days)[\s-]+old\b/gi,
    fix: 'write "a 70-year-old woman" (singular, with hyphens) or "a woman, 70 years old"',
  },
  {
    re: new RegExp(
      `(?:^|(?<=[.;!?]\\s+)|(?<=\\b(?:and|then|when|because|so|but)\\s+))(?:me|him|them|us) ${PAST_VERB}\\b`,
      'gim',
    ),
    fix: 'the subject is "I", "he", "they" or "we"',
  },
  {
    re: /(?:^|(?<=[.;!?]\s+))Her (?:asked|told|said|went|was|were|did|could|would|will|can|explained|wanted|knew|thought)\b/gm,
    fix: 'the subject is "she"',
  },
  {
    re: /\bexplain(?:ed|s|ing)? (?:me|him|them|us) (?:what|how|that|why|the|a|an|about|his|her|their|everything|all)\b|\bexplain(?:ed|s|ing)? her (?:what|how|that|why|about|everything)\b/gi,
    fix: 'write "explained to him what…"',
  },
  { re: /\b(?:said|say|says) (?:me|him|them|us) (?:that|to|about)\b/gi, fix: 'write "told him that…"' },
  {
    re: /\bwhat (?:means|mean)\b(?! (?:to|for|that|the|a|an|he|she|they|it)\b)/gi,
    fix: 'write "what it means"',
  },
  { re: /\bdiscuss(?:ed|es|ing)? about\b/gi, fix: 'write "discussed" (no "about")' },
  { re: /\bdespite of\b/gi, fix: 'write "despite" or "in spite of"' },
  {
    re: new RegExp(`\\bsince ${COUNT} (?:years|months|weeks|days)\\b`, 'gi'),
    fix: 'write "for two years" (or "since 2024")',
  },
  {
    re: /\b(?:informations|advices|knowledges|feedbacks|equipments|researches (?:on|about)|homeworks)\b/gi,
    fix: 'this noun has no plural ("information", "advice", "feedback")',
  },
  { re: /\bmore (?:better|worse|easier|faster|bigger|smarter|stronger|quicker)\b/gi, fix: 'write "better"' },
  {
    re: /(?<!\b(?:did|does|do|would|could|should|will|can|may|might|must|let|make|made|help|helped|see|saw|watch|watched|hear|heard|have|had|why|where|when|how|if|what|whether|that|not)\s)\b(?:she|he) (?:have|are|do|don't)\b/gi,
    fix: 'write "she has" / "he is" / "she does"',
  },
  { re: /\bthey (?:was|is|has|does|doesn't)\b/gi, fix: 'write "they were" / "they are" / "they have"' },
  {
    re: /(?<!\b(?:the|a|an|her|his|their|our|each|every|any|newly|recently)\s)\b(?:admitted|examined|evaluated|treated|saw|interviewed) (?:patient|woman|man|child|boy|girl|baby|infant|lady|gentleman) (?:with|who|that|in|on|for|from)\b/gi,
    fix: 'a singular noun needs "a" or "the" ("admitted a patient with…")',
  },
];

export function checkNonstandardGrammar(text: string): Finding[] {
  const out: Finding[] = [];
  for (const { re, fix } of RULES) {
    for (const m of text.matchAll(re)) {
      const start = m.index!;
      if (out.some((f) => start < f.end && start + m[0].length > f.start)) continue;
      out.push(
        findingAt(
          'NONSTANDARD_GRAMMAR',
          text,
          start,
          start + m[0].length,
          `"${m[0]}" is not standard written English: ${fix}.`,
        ),
      );
    }
  }
  return out;
}

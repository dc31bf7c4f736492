/**
 * The statements a strong letter makes: how long and in what capacity the writer knows the candidate
 * (AAMC), a comparison with a denominator ("top 5% of the roughly 60 students I have supervised"), and a
 * top-tier closing ("my highest recommendation") rather than minimal assurance (Saudek et al. 2018; Trix &
 * Psenka 2003).
 */
import { dateExpressions } from './dates';
import { findingAt } from './finding';
import { STRONG_ENDORSEMENTS, WEAK_CLOSINGS } from './lexicon';
import { compilePhrases, findPhrases } from './phrase-match';
import type { Span } from './text-scan';
import type { Finding } from './types';

const CAPACITY =
  /\b(?:supervis\w*|attending|preceptor|precepted|mentor\w*|taught|worked (?:closely |directly )?(?:with|alongside|under) (?:me|us)|on (?:my|our) (?:service|team)|rotat\w*|clerkship|sub-?intern\w*|externship|elective|observership|I have known|I first met|served as)\b/i;
const NUMBER = '(?:\\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|many)';
const DURATION = new RegExp(
  `\\b${NUMBER}[\\s-]+(?:weeks?|months?|years?|days?)\\b|\\b(?:since|month-long|week-long|for the (?:past|last)|throughout)\\b`,
  'i',
);

const COMPARISON =
  /\btop\s+(?:\d+|one|two|three|five|ten|twenty|twenty-five|few)\s*(?:%|percent)|\b(?:top|middle|upper|lower|bottom) (?:tenth|decile|quarter|quartile|third|half|five|ten|\d+)\b|\bin the top\b|\brank(?:s|ed|ing)?\b|\bcompared (?:to|with)\b|\bpercentile\b|\bamong the (?:top|best|strongest|finest|very best)\b|\bone of the (?:best|top|strongest|finest|most)\b|\bbest (?:student|sub-?intern|intern|learner|trainee|clerk)s?\b/i;
const DENOMINATOR = new RegExp(
  `\\b(?:\\d+|${NUMBER}|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)[\\w-]*)\\s+(?:[\\p{L}-]+\\s+){0,3}(?:students|residents|interns|trainees|applicants|sub-?interns|learners|clerks|externs|graduates)\\b|\\b(?:students|residents|interns|trainees|learners|sub-?interns|applicants|graduates)\\b[^.]{0,60}\\b(?:I have|I've|we have|I)\\s+(?:\\w+\\s+)?(?:supervised|taught|worked with|mentored|precepted|trained)\\b|\\b(?:dozens|hundreds|scores) of (?:students|residents|trainees|learners)\\b`,
  'iu',
);

const STRONG = compilePhrases(STRONG_ENDORSEMENTS.phrases);
const WEAK = compilePhrases(WEAK_CLOSINGS.phrases);

export function checkStatements(
  text: string,
  sentences: readonly Span[],
  paragraphs: readonly Span[],
): Finding[] {
  const out: Finding[] = [];

  const related = paragraphs.some((p) => {
    if (!CAPACITY.test(p.text)) return false;
    return DURATION.test(p.text) || dateExpressions(p.text).some((d) => d.to !== undefined);
  });
  if (!related) {
    out.push(
      findingAt(
        'NO_RELATIONSHIP',
        text,
        0,
        0,
        'The letter does not say in what capacity and for how long the writer worked with the candidate.',
      ),
    );
  }

  // The denominator may come in the sentence before: "I have supervised 90 students. She is in the top 5%."
  const comparisons = sentences.map((s, i) => ({ s, i })).filter(({ s }) => COMPARISON.test(s.text));
  const withDenominator = comparisons.some(
    ({ s, i }) => DENOMINATOR.test(s.text) || (i > 0 && DENOMINATOR.test(sentences[i - 1]!.text)),
  );
  if (!withDenominator) {
    const s = comparisons[0]?.s;
    out.push(
      s
        ? findingAt(
            'NO_COMPARISON',
            text,
            s.start,
            s.end,
            'This comparison has no denominator: say among how many students or residents.',
          )
        : findingAt(
            'NO_COMPARISON',
            text,
            0,
            0,
            'No comparison with peers (for example "top 5% of the 60 students I have supervised").',
          ),
    );
  }

  if (findPhrases(STRONG, text).length === 0) {
    const weaks = findPhrases(WEAK, text);
    const weak = weaks[weaks.length - 1];
    out.push(
      weak
        ? findingAt(
            'MINIMAL_ASSURANCE',
            text,
            weak.start,
            weak.end,
            `"${weak.text}" is minimal assurance; a strong letter closes with a clear top-tier endorsement ("my highest recommendation").`,
          )
        : findingAt(
            'MINIMAL_ASSURANCE',
            text,
            0,
            0,
            'No clear endorsement: close with a top-tier recommendation ("I give … my highest recommendation").',
          ),
    );
  }
  return out;
}

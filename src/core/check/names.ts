/**
 * Names: the candidate must be named, always spelled exactly as in the answers, and no other order's
 * candidate may be named (the copy-paste error that sinks a letter).
 *
 * A capitalized word is a suspected misspelling of a candidate name token when it is within a small
 * Damerau–Levenshtein distance of it (2 for tokens of 7 letters or more, 1 for 4–6 letters, none for
 * shorter) and either stands in a name position (after a title such as "Dr.", or next to an exact token of
 * the candidate's name) or is a word no dictionary, answer or lower-case use in the letter accounts for.
 * That keeps "Dr. Chen" the recommender, hospital names and eponyms from being taken for the candidate.
 */
import type { Answers } from '../questionnaire';
import { damerauLevenshtein } from './edit-distance';
import { findingAt } from './finding';
import { escapeRegExp, fold, isCapitalized, type Span } from './text-scan';
import type { Finding } from './types';
import { answerVocabulary, isKnownWord } from './vocabulary';

const TITLES = new Set(['dr', 'doctor', 'mr', 'mrs', 'ms', 'mx', 'miss', 'prof', 'professor']);
const SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv', 'md', 'do', 'phd', 'mbbs']);
/** "in Jordan", "from Georgia": a given name after these is a place. */
const PLACE_PREPOSITIONS = new Set(['in', 'from', 'of', 'to', 'at', 'near']);
const TITLE_FORMS = ['Dr.', 'Dr', 'Doctor', 'Mr.', 'Ms.', 'Mrs.', 'Mx.', 'Miss', 'Student Doctor'];

/** The words of a person's name, without titles and degree suffixes. */
export function nameTokens(name: string): string[] {
  return (name.match(/[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*/gu) ?? []).filter((t) => {
    const f = fold(t);
    return !TITLES.has(f) && !SUFFIXES.has(f) && t.length > 1;
  });
}

export interface NameScan {
  readonly findings: Finding[];
  /** Where the letter names the candidate (exactly, with other capitals or accents, or misspelled). */
  readonly candidateMentions: Span[];
  /** Where the letter names someone else with a proper name (after a title, or another order's candidate). */
  readonly otherPersonMentions: Span[];
}

/** How many edits a misspelling may be away; more where a name stands (after a title, beside the name). */
function maxDistance(token: string, namePosition: boolean): number {
  if (token.length >= 7 || (namePosition && token.length >= 5)) return 2;
  if (token.length >= 4 || (namePosition && token.length === 3)) return 1;
  return 0;
}

/** "I'd", "we'll", "don't": a contraction is never anyone's name. */
function isContraction(word: string): boolean {
  return (
    /^(?:i|you|we|they|he|she|it|who|that|there|here|what)['’]\p{L}+$/iu.test(word) || /n['’]t$/i.test(word)
  );
}

/**
 * Whether the letter also names someone with this surname and another given name ("my colleague Dr. Karen
 * Smith"): then "Dr. Smith" is that colleague, not the other order's candidate who shares the surname.
 */
function namedColleague(
  text: string,
  words: readonly Span[],
  foldedWords: readonly string[],
  surname: string,
  otherGiven: string,
): boolean {
  for (let j = 1; j < words.length; j++) {
    if (foldedWords[j] !== surname) continue;
    const given = words[j - 1]!;
    const g = foldedWords[j - 1]!;
    if (!isCapitalized(given.text) || TITLES.has(g) || g === otherGiven || g.length < 2) continue;
    if (joined(text, given, words[j]!)) return true;
  }
  return false;
}

/** The gap between two neighbouring words is a plain space or hyphen on one line (a name run). */
function joined(text: string, a: Span, b: Span): boolean {
  const gap = text.slice(a.end, b.start);
  return gap === ' ' || gap === '-' || gap === '‐';
}

function titleBefore(text: string, words: readonly Span[], i: number): boolean {
  const prev = words[i - 1];
  if (!prev || !TITLES.has(fold(prev.text))) return false;
  const gap = text.slice(prev.end, words[i]!.start);
  return gap === ' ' || gap === '. ';
}

/** The accepted ways to name the candidate: full name, preferred name, a title with the surname(s). */
function acceptedForms(
  fullTokens: readonly string[],
  fullName: string,
  preferred: string | undefined,
): string[] {
  const forms = new Set<string>([fullName]);
  if (preferred) forms.add(preferred);
  const given = fullTokens[0];
  for (let i = 1; i < fullTokens.length; i++) {
    const rest = fullTokens.slice(i).join(' ');
    const one = fullTokens[i]!;
    for (const t of TITLE_FORMS) {
      forms.add(`${t} ${rest}`);
      forms.add(`${t} ${one}`);
      forms.add(`${t} ${fullName}`);
    }
    if (given) forms.add(`${given} ${one}`);
  }
  // Hyphenated surnames are written with the hyphen in the full name; keep that form as typed.
  const hyphenated = /[\p{L}\p{M}]+(?:-[\p{L}\p{M}]+)+/u.exec(fullName)?.[0];
  if (hyphenated) for (const t of TITLE_FORMS) forms.add(`${t} ${hyphenated}`);
  return [...forms].filter((f) => f.trim().length > 1);
}

function containsForm(text: string, form: string): boolean {
  // The plain search rules most forms out before a regular expression is compiled for the word edges.
  if (!text.includes(form)) return false;
  return new RegExp(`(?<![\\p{L}\\p{M}])${escapeRegExp(form)}(?![\\p{L}\\p{M}])`, 'u').test(text);
}

function withoutPossessive(w: Span): Span {
  const m = /['’]s$/u.exec(w.text);
  return m ? { start: w.start, end: w.end - 2, text: w.text.slice(0, -2) } : w;
}

/** Whether the whole line around a word is in capitals (a letterhead), where "ROSA DELGADO" is just style. */
function onCapitalsLine(text: string, w: Span): boolean {
  const lineStart = text.lastIndexOf('\n', w.start - 1) + 1;
  const lineEnd = text.indexOf('\n', w.end);
  const line = text.slice(lineStart, lineEnd === -1 ? text.length : lineEnd);
  return line === line.toUpperCase();
}

export function scanNames(
  text: string,
  letterWords: readonly Span[],
  answers: Answers,
  otherCandidateNames: readonly string[],
): NameScan {
  const words = letterWords.map(withoutPossessive);
  const foldedWords = words.map((w) => fold(w.text));
  const findings: Finding[] = [];
  const candidateMentions: Span[] = [];
  const otherPersonMentions: Span[] = [];
  const fullName = answers['candidate.fullName'];
  const preferred = answers['candidate.preferredName'];
  const fullTokens = fullName ? nameTokens(fullName) : [];
  const candidateTokens = [...new Set([...fullTokens, ...(preferred ? nameTokens(preferred) : [])])];
  const exact = new Set(candidateTokens);
  const folded = new Map(candidateTokens.map((t) => [fold(t), t]));
  const own = new Set(folded.keys());

  const answerWords = answerVocabulary(answers);
  const lowerInLetter = new Set(foldedWords.filter((_, i) => /^\p{Ll}/u.test(words[i]!.text)));
  const flagged = new Set<number>();

  // Another order's candidate: the whole name (any capitals or accents), a title with their surname, or their
  // given name alone.
  for (const other of otherCandidateNames) {
    const tokens = nameTokens(other).map(fold);
    if (tokens.length === 0) continue;
    if (fullTokens.length > 0 && tokens.join(' ') === fullTokens.map(fold).join(' ')) continue;
    for (let i = 0; i < words.length; i++) {
      if (flagged.has(i)) continue;
      let matched = 0;
      while (
        matched < tokens.length &&
        words[i + matched] &&
        foldedWords[i + matched] === tokens[matched] &&
        (matched === 0 || joined(text, letterWords[i + matched - 1]!, words[i + matched]!))
      ) {
        matched++;
      }
      const w = words[i]!;
      const f = foldedWords[i]!;
      const isFull = matched === tokens.length && tokens.length > 1;
      const isTitledSurname =
        !isFull &&
        tokens.length > 1 &&
        tokens.indexOf(f) > 0 &&
        isCapitalized(w.text) &&
        titleBefore(text, words, i) &&
        !own.has(f) &&
        !answerWords.has(f) &&
        !namedColleague(text, words, foldedWords, f, tokens[0]!);
      // "Aisha stayed late" in Rosa's letter: a letter that used a first name keeps it after the surname is
      // replaced. Only a given name that no dictionary, answer or place phrase accounts for, and that does
      // not start another person's name ("Aisha Khan, our nurse").
      const nextWord = words[i + 1];
      const isGivenName =
        !isFull &&
        !isTitledSurname &&
        tokens.length > 1 &&
        f === tokens[0] &&
        isCapitalized(w.text) &&
        !own.has(f) &&
        !answerWords.has(f) &&
        !isKnownWord(f) &&
        !lowerInLetter.has(f) &&
        !PLACE_PREPOSITIONS.has(foldedWords[i - 1] ?? '') &&
        !(nextWord && joined(text, letterWords[i]!, nextWord) && isCapitalized(nextWord.text));
      if (!isFull && !isTitledSurname && !isGivenName) continue;
      const last = words[i + (isFull ? matched - 1 : 0)]!;
      const start = isTitledSurname ? words[i - 1]!.start : w.start;
      for (let k = 0; k < (isFull ? matched : 1); k++) flagged.add(i + k);
      const excerpt = text.slice(start, last.end);
      otherPersonMentions.push({ start, end: last.end, text: excerpt });
      findings.push(
        findingAt(
          'OTHER_CANDIDATE_NAME',
          text,
          start,
          last.end,
          `"${excerpt}" is another order’s candidate (${other}); this letter is for ${fullName ?? 'someone else'}.`,
        ),
      );
    }
  }

  if (fullName && fullTokens.length > 0) {
    const forms = acceptedForms(fullTokens, fullName, preferred);
    if (!forms.some((f) => containsForm(text, f))) {
      findings.push(
        findingAt(
          'CANDIDATE_NAME_MISSING',
          text,
          0,
          0,
          `The letter never names the candidate as "${fullName}"${preferred ? ` or "${preferred}"` : ''}.`,
        ),
      );
    }
  }

  const isCandidateToken = (i: number) => {
    const w = words[i];
    return w !== undefined && !flagged.has(i) && folded.has(foldedWords[i]!);
  };

  for (let i = 0; i < words.length && candidateTokens.length > 0; i++) {
    if (flagged.has(i)) continue;
    const w = words[i]!;
    const f = foldedWords[i]!;
    if (exact.has(w.text)) {
      candidateMentions.push(w);
      continue;
    }
    const prev = words[i - 1];
    const next = words[i + 1];
    const besideCandidate =
      (prev !== undefined && joined(text, letterWords[i - 1]!, w) && isCandidateToken(i - 1)) ||
      (next !== undefined && joined(text, letterWords[i]!, next) && isCandidateToken(i + 1));
    const titled = isCapitalized(w.text) && titleBefore(text, words, i);
    const inAnswers = answerWords.has(f);
    const common = isKnownWord(f) || lowerInLetter.has(f);

    const same = folded.get(f);
    if (same !== undefined) {
      // A common word that is also the name ("Young", "Rose") is the name only where a name stands.
      if (!isCapitalized(w.text) && common && !besideCandidate && !titled) continue;
      candidateMentions.push(w);
      if (w.text === w.text.toUpperCase() && onCapitalsLine(text, w)) continue;
      findings.push(
        findingAt(
          'NAME_CASE_OR_ACCENTS',
          text,
          w.start,
          w.end,
          `"${w.text}" differs from the candidate’s "${same}" only in capitals or accents; write it exactly as in the answers.`,
        ),
      );
      continue;
    }
    if (!isCapitalized(w.text) || f.length < 3 || TITLES.has(f) || isContraction(w.text)) continue;
    const suspect = besideCandidate || (!inAnswers && (titled || !common));
    if (!suspect) {
      if (titled)
        otherPersonMentions.push({
          start: words[i - 1]!.start,
          end: w.end,
          text: text.slice(words[i - 1]!.start, w.end),
        });
      continue;
    }
    let best: { token: string; d: number } | undefined;
    for (const t of candidateTokens) {
      const ft = fold(t);
      const max = maxDistance(ft, titled || besideCandidate);
      if (max === 0) continue;
      const d = damerauLevenshtein(f, ft, max);
      if (d > max || d === 0) continue;
      if (d === 2 && f[0] !== ft[0]) continue;
      if (!best || d < best.d) best = { token: t, d };
    }
    if (best) {
      candidateMentions.push(w);
      findings.push(
        findingAt(
          'NAME_MISMATCH',
          text,
          w.start,
          w.end,
          `"${w.text}" looks like a misspelling of "${best.token}" (the candidate is ${fullName ?? best.token}).`,
        ),
      );
      continue;
    }
    if (besideCandidate && !common && !inAnswers) {
      // "Maria Delgado" for Rosa Delgado: an unknown given or family name welded to the candidate's.
      candidateMentions.push(w);
      findings.push(
        findingAt(
          'NAME_MISMATCH',
          text,
          w.start,
          w.end,
          `"${w.text}" is not part of the candidate’s name (${fullName ?? candidateTokens.join(' ')}).`,
        ),
      );
      continue;
    }
    if (titled)
      otherPersonMentions.push({
        start: words[i - 1]!.start,
        end: w.end,
        text: text.slice(words[i - 1]!.start, w.end),
      });
  }

  return { findings, candidateMentions, otherPersonMentions };
}

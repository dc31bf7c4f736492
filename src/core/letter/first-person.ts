/**
 * The candidate's own first person ("I", "I'm", "me", "my", "mine", "myself") written as the candidate in
 * the physician's letter: the name on first mention, then their pronouns, with the verb agreed; a second
 * mention in the sentence goes through clause-rhythm.ts first. "type I diabetes" and "I/O" are not "I".
 */
import { asGerund, coordinatedAnd, elide, possessiveAsThe, splitBefore } from './clause-rhythm';
import { Refuse } from './pov-types';
import { BASE_VERBS, isPast, MODALS, norm, ROMAN_CONTEXT } from './pov-words';
import { possessiveOf } from './pronoun-sets';
import type { SentenceWork } from './sentence-work';
import { agree } from './verb-agreement';

const FIRST_PERSON_WORD = /^(?:I|I['’](?:m|ve|d|ll))$/;
const PARTICIPLE =
  /^(been|seen|done|gone|taken|given|written|known|spoken|chosen|begun|driven|eaten|fallen|grown|shown|drawn)$/;

/** Whether token i is the candidate's first person (not a numeral, an abbreviation or shouted "ME"). */
export function isCandidateFirstPerson(w: SentenceWork, i: number): boolean {
  const t = w.tokens[i]!;
  const word = t.text;
  const n = norm(word);
  if (!FIRST_PERSON_WORD.test(word) && !['me', 'my', 'mine', 'myself'].includes(n)) return false;
  if (word === 'ME' || word === 'MY') return false;
  if (word === 'I') {
    // "type I diabetes", "Mobitz I", "I-131", "I/O": a numeral or abbreviation, not the pronoun.
    const before = w.sentence.slice(0, t.start);
    const after = w.sentence.slice(t.end);
    if (ROMAN_CONTEXT.has(w.prevWord(i)) || /^[-/&\d]/.test(after) || /[-/]$/.test(before)) return false;
  }
  return true;
}

/** Converts the candidate's first-person word at token i. */
export function convertFirstPerson(w: SentenceWork, i: number): void {
  const word = w.tokens[i]!.text;
  const n = norm(word);
  if (w.quoted[w.tokens[i]!.start]) throw new Refuse({ why: 'quotation' });
  w.candidate = true;
  if (w.physicianI.has(i)) return;
  if (word === 'I' || /^I['’]/.test(word)) convertSubject(w, i);
  else if (n === 'me') {
    const byName = w.useName();
    w.put(i, byName ? w.options.name : w.forms!.object);
    w.markNamed(byName);
  } else if (n === 'my') {
    if (!possessiveAsThe(w, i)) w.put(i, w.candidatePossessive());
  } else if (n === 'mine') {
    const byName = w.useName();
    w.put(i, byName ? possessiveOf(w.options.name) : w.forms!.possessivePronoun);
    w.markNamed(byName);
  } else if (n === 'myself') {
    if (w.forms === null) throw new Refuse({ why: 'reflexive' });
    // "himself" for the candidate next to the father's "him": the name cannot stand in for a reflexive.
    if (w.other !== undefined)
      throw new Refuse({ why: 'otherReflexive', pronoun: w.other, reflexive: w.forms.reflexive });
    w.put(i, w.forms.reflexive);
  }
}

/** "I", "I'm", "I've", "I'd", "I'll" as the candidate's subject. */
function convertSubject(w: SentenceWork, i: number): void {
  const word = w.tokens[i]!.text;
  // Past narration only: a present-tense verb needs the tense pass first, or it would read as now.
  const verb = w.verbAfter(i);
  const verbWord = verb >= 0 ? norm(w.tokens[verb]!.text) : '';
  const pastVerb = verb >= 0 && (isPast(verbWord) || MODALS.has(verbWord));
  const and = word === 'I' && pastVerb && w.namedInSentence && w.useName(true, i) ? coordinatedAnd(w, i) : -1;
  if (and >= 0) {
    elide(w, i, and);
    agree(w, verb, false, false);
    return;
  }
  if (word === 'I' && w.namedInSentence && w.useName(true, i) && asGerund(w, i, verb)) return;
  const byName = w.useName(true, i);
  const subject = byName ? w.options.name : w.forms!.subject;
  const plural = !byName && w.forms!.plural;
  const pv = w.prevWord(i);
  // "The resident and I were…": a compound subject keeps its plural verb. After ", and" it is a new clause.
  const compound = (pv === 'and' || pv === 'or') && w.precededByWord(i);
  const contraction = /^I['’](m|ve|d|ll)$/.exec(word)?.[1];
  if (contraction === 'm') w.put(i, `${subject} ${plural ? 'are' : 'is'}`);
  else if (contraction === 've') w.put(i, `${subject} ${plural ? 'have' : 'has'}`);
  else if (contraction === 'll') w.put(i, `${subject} will`);
  else if (contraction === 'd') w.put(i, `${subject} ${hadOrWould(w, i)}`);
  else {
    if (byName && w.namedInSentence) splitBefore(w, i);
    w.put(i, subject);
    agree(w, w.verbAfter(i), plural, compound);
  }
  if (w.firstSubject < 0 && !compound && w.atClauseStart(i).sentenceStart) w.firstSubject = i;
  w.markNamed(byName);
}

/** "I'd" before a participle is "I had", before a base verb "I would"; refused when neither is clear. */
function hadOrWould(w: SentenceWork, i: number): string {
  const k = w.verbAfter(i);
  const nextW = k >= 0 ? norm(w.tokens[k]!.text) : '';
  const participle = nextW !== '' && (isPast(nextW) || PARTICIPLE.test(nextW));
  const base = nextW !== '' && (BASE_VERBS.has(nextW) || ['like', 'rather', 'prefer', 'be'].includes(nextW));
  if (participle === base) throw new Refuse({ why: 'wouldHad' });
  return participle ? 'had' : 'would';
}

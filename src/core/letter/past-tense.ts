/**
 * Present-tense narration told in the past, as a letter tells what happened on the rotation (issue 11,
 * part 8): "I check him and I notice he is breathing fast, so I call the resident" → "I checked him and I
 * noticed he was breathing fast, so I called the resident". It runs on the candidate's own words, before
 * the point-of-view conversion, and only on an answer that narrates in the present (narratesInPresent).
 *
 * A verb is changed only where its subject is plain: right after a pronoun (with adverbs between), after a
 * word for a person ("the resident start", as non-native writers often leave out the -s), after a noun with
 * a narrative verb in its -s form ("the CT shows"), or joined by "and" to a verb just changed. "is", "are",
 * "has", "do not", "can" and "will" move back everywhere outside quotations; a general truth in a clause
 * of its own ("how a PE causes right heart strain") keeps its tense, as English allows.
 */
import { isAboutTheAnswer, withoutAnswerFrame } from './about-the-answer';
import { withoutInnerState } from './inner-states';
import { splitSentences } from './pov-tokens';
import { BASE_VERBS, norm } from './pov-words';

const IRREGULAR: Readonly<Record<string, string>> = Object.fromEntries(
  `be:was become:became begin:began bring:brought build:built buy:bought catch:caught choose:chose come:came
  cut:cut do:did draw:drew drink:drank drive:drove eat:ate fall:fell feel:felt find:found forget:forgot get:got
  give:gave go:went grow:grew have:had hear:heard hold:held hurt:hurt keep:kept know:knew lead:led leave:left
  let:let lose:lost make:made mean:meant meet:met pay:paid put:put read:read run:ran say:said see:saw
  seek:sought sell:sold send:sent set:set show:showed sit:sat sleep:slept speak:spoke spend:spent stand:stood
  take:took teach:taught tell:told think:thought understand:understood wake:woke wear:wore win:won write:wrote`
    .split(/\s+/)
    .map((pair) => pair.split(':') as [string, string]),
);

const IRREGULAR_PASTS: ReadonlySet<string> = new Set(Object.values(IRREGULAR));

/** Verbs a story is told with, in their base form: enough to know a verb from a noun after a pronoun. */
const VERBS = new Set(
  `${Object.keys(IRREGULAR).join(' ')} add admit answer apologize arrive ask assess call calculate change check
  compare confirm correct count cry decide diagnose discuss examine explain finish follow help hug improve
  increase inform interview learn listen look manage miss monitor need notice order place prepare present
  receive recheck remember repeat reply report review start stay stop suggest talk thank treat try use visit
  wait walk want work worry hug fix close contact counsel discharge document educate obtain page perform
  reassure update`.split(/\s+/),
);

/** Base verbs that are rarely nouns, which may follow "and" after a changed verb ("and check him"). */
const JOINED_VERBS = new Set(
  [...VERBS].filter(
    (v) =>
      !/^(?:change|order|report|review|need|use|work|increase|place|present|answer|call|help|look|start|stop|wait|worry|cut|set|put|let)$/.test(
        v,
      ),
  ),
);

/** Narrative verbs whose -s form is rarely a plural noun ("the CT shows", but not "the results"). */
const S_FORM_VERBS = new Set(
  `become bring come decide explain find get give go improve know look say see show start take tell thank
  think want`.split(/\s+/),
);

const DOUBLED = new Set(
  'admit beg begin chat commit control drop forget get grab hug jog nod omit permit occur plan prefer prep refer regret run set sit rub scrub ship skip slip step stop submit tap transfer trim wrap'.split(
    ' ',
  ),
);

const SUBJECTS = new Set(['i', 'we', 'you', 'he', 'she', 'they', 'it', 'ze', 'xe']);

const PERSONS =
  /^(?:patients?|residents?|interns?|nurses?|mother|father|daughter|son|wife|husband|parents?|family|families|team|attending|senior|fellow|pharmacist|doctor|baby|child|children|man|woman|boy|girl|interpreter|staff|students?)$/;

const ADVERB =
  /^(?:also|always|then|still|often|usually|immediately|quickly|first|again|never|now|just|\p{L}+ly)$/u;

const BACK: Readonly<Record<string, string>> = {
  am: 'was',
  is: 'was',
  are: 'were',
  "isn't": 'wasn’t',
  "aren't": 'weren’t',
  has: 'had',
  can: 'could',
  cannot: 'could not',
  "can't": 'couldn’t',
  will: 'would',
  "won't": 'wouldn’t',
  does: 'did',
  "doesn't": 'didn’t',
  "don't": 'didn’t',
  tomorrow: 'the next day',
  yesterday: 'the day before',
  today: 'that day',
};

/** The past of a base verb: "check" → "checked", "stop" → "stopped", "try" → "tried", "see" → "saw". */
export function pastOf(base: string): string {
  const irregular = IRREGULAR[base];
  if (irregular) return irregular;
  if (base.endsWith('e')) return `${base}d`;
  if (/[^aeiou]y$/.test(base)) return `${base.slice(0, -1)}ied`;
  if (DOUBLED.has(base)) return `${base}${base.slice(-1)}ed`;
  return `${base}ed`;
}

/** The base form of a third-person -s verb: "explains" → "explain", "goes" → "go", "tries" → "try". */
function baseOfS(word: string): string | undefined {
  for (const base of [word.replace(/ies$/, 'y'), word.replace(/es$/, ''), word.replace(/s$/, '')])
    if (base !== word && VERBS.has(base)) return base;
  if (word === 'has') return 'have';
  return undefined;
}

/**
 * Whether an answer tells its story in the present: more "I/we + present verb" than "I/we + past verb", or
 * some present and no past at all.
 */
export function narratesInPresent(text: string): boolean {
  const { present, past } = firstPersonTenses(text);
  return (present >= 2 && present > past) || (present >= 1 && past === 0);
}

/** How many of the candidate's "I"/"we" verbs are in the present, and how many in the past. */
function firstPersonTenses(text: string): { present: number; past: number } {
  let present = 0;
  let past = 0;
  for (const m of text.matchAll(
    /\b(?:I|[Ww]e)\s+(?:(?:also|always|then|still|often|usually|\p{L}+ly)\s+)?([\p{L}']+)/gu,
  )) {
    const w = norm(m[1]!);
    if (w === 'am' || w === 'are' || w === 'have' || w === 'do' || VERBS.has(w)) present++;
    else if (
      w === 'was' ||
      w === 'were' ||
      w === 'had' ||
      w === 'did' ||
      /ed$/.test(w) ||
      IRREGULAR_PASTS.has(w)
    )
      past++;
  }
  return { present, past };
}

const capitalizeLike = (from: string, to: string) =>
  /^\p{Lu}/u.test(from) ? to.charAt(0).toUpperCase() + to.slice(1) : to;

/** The text with its present-tense narration in the past; text inside quotation marks is left as typed. */
export function toPastNarration(text: string): string {
  const tokens = text.match(/[\p{L}][\p{L}'’-]*|\s+|[^\p{L}\s]/gu) ?? [];
  const words = tokens.map((t, i) => ({ t, i })).filter(({ t }) => /^\p{L}/u.test(t));
  let quoted = false;
  let lastChanged = -2;
  const quoteAt = new Set<number>();
  tokens.forEach((t, i) => {
    if (/^["“”]$/.test(t)) quoted = t === '“' ? true : t === '”' ? false : !quoted;
    if (quoted) quoteAt.add(i);
  });
  for (let w = 0; w < words.length; w++) {
    const { t, i } = words[w]!;
    if (quoteAt.has(i)) continue;
    const word = norm(t);
    const prev = w > 0 ? words[w - 1]! : undefined;
    const gapBefore = prev ? tokens.slice(prev.i + 1, i).join('') : '';
    const p = prev && /^\s*$/.test(gapBefore) ? norm(prev.t) : '';
    // "do not" / "does not" → "did not"; "have" after a pronoun → "had".
    if (BACK[word] && !(word === 'will' && !SUBJECTS.has(p) && !PERSONS.test(p))) {
      tokens[i] = capitalizeLike(t, BACK[word]!);
      lastChanged = w;
      continue;
    }
    const subject = subjectBefore(words, w);
    if ((word === 'do' || word === 'have') && SUBJECTS.has(subject)) {
      tokens[i] = capitalizeLike(t, word === 'do' ? 'did' : 'had');
      lastChanged = w;
      continue;
    }
    const afterPerson =
      PERSONS.test(p) ||
      (/^\p{Lu}/u.test(prev?.t ?? '') && w > 1 && /^(?:dr|mr|ms|mrs|mx)$/i.test(words[w - 2]!.t));
    // "I stay at the bedside and check him": a verb joined by "and" to one just changed, in the same clause.
    const joined =
      p === 'and' &&
      lastChanged >= w - 6 &&
      !/[.;!?]/.test(tokens.slice(words[Math.max(0, lastChanged)]!.i, i).join(''));
    if (VERBS.has(word) && (SUBJECTS.has(subject) || afterPerson || (joined && JOINED_VERBS.has(word)))) {
      tokens[i] = capitalizeLike(t, pastOf(word));
      lastChanged = w;
      continue;
    }
    const base = baseOfS(word);
    if (
      base &&
      (SUBJECTS.has(subject) || afterPerson || (p !== '' && S_FORM_VERBS.has(base) && !SUBJECTS.has(p)))
    ) {
      tokens[i] = capitalizeLike(t, pastOf(base));
      lastChanged = w;
    }
  }
  return tokens.join('');
}

/** The pronoun right before word w, over adverbs ("I also check"); '' when there is none. */
function subjectBefore(words: readonly { t: string }[], w: number): string {
  let k = w - 1;
  while (k >= 0 && ADVERB.test(norm(words[k]!.t))) k--;
  return k >= 0 ? norm(words[k]!.t) : '';
}

const BASE_OF_IRREGULAR: ReadonlyMap<string, string> = new Map(
  Object.entries(IRREGULAR)
    .filter(([base, past]) => base !== past && base !== 'be')
    .map(([base, past]) => [past, base]),
);

/** The base form of a past verb this module knows ("left" → "leave", "examined" → "examine"), or undefined. */
function baseOfPast(past: string): string | undefined {
  const irregular = BASE_OF_IRREGULAR.get(past);
  if (irregular) return irregular;
  if (!past.endsWith('ed')) return undefined;
  const candidates = [past.slice(0, -1), past.slice(0, -2), past.replace(/ied$/, 'y'), past.slice(0, -3)];
  return candidates.find((b) => (VERBS.has(b) || BASE_VERBS.has(b)) && pastOf(b) === past);
}

/** "left" → "leaving", "examined" → "examining", "stopped" → "stopping"; undefined for a verb it does not know. */
export function gerundOfPast(past: string): string | undefined {
  const base = baseOfPast(past);
  if (!base || base === 'have' || base === 'do') return undefined;
  if (base.endsWith('ie')) return `${base.slice(0, -2)}ying`;
  if (/[^eoy]e$/.test(base)) return `${base.slice(0, -1)}ing`;
  if (DOUBLED.has(base)) return `${base}${base.slice(-1)}ing`;
  return `${base}ing`;
}

/**
 * An answer told in the past, whichever way it was told: a story narrated in the present is told in the
 * past as a whole; in one that mixes the two, as non-native answers often do ("we admit a woman… I called
 * the resident"), each sentence narrated in the present is told in the past on its own.
 */
const GENERAL = /\b(?:how|why|what|that|where)\s+(?:I|we)\s+(?!\p{L}+ed\b)/iu;

export function inPastNarration(text: string): string {
  // Not a sentence the letter leaves out for a comment ("I want to describe…", "this is the reason I want
  // to train…"): its own pass knows it in the candidate's tense.
  const aside = (s: string) =>
    isAboutTheAnswer(s.trim()) || withoutAnswerFrame(s) !== null || withoutInnerState(s) !== null;
  // A story told in the present is told in the past sentence by sentence, all but those about the answer
  // ("I know this answer is very long"), which would no longer be recognised in the past.
  if (narratesInPresent(text))
    return splitSentences(text)
      .map((s) => (isAboutTheAnswer(s.trim()) ? s : toPastNarration(s)))
      .join('');
  return (
    splitSentences(text)
      // In a story told in the past, any "I"/"we" verb in the present is a slip ("I sat with them and we talk").
      // Not a general statement ("…explained how we monitor levels now", "why we add azithromycin").
      .map((s) =>
        firstPersonTenses(s).present > 0 && !GENERAL.test(s) && !aside(s) ? toPastNarration(s) : s,
      )
      .join('')
  );
}

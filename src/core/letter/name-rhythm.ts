/**
 * One name per sentence, for a converted sentence that still names the candidate twice — mostly in a
 * name-only letter, where no pronoun can stand for the second mention (issue 11, point 2). Each rule is a
 * rewrite an editor makes without changing what the sentence says:
 *
 * - a possessive beside another mention loses the name: "After Mr. Brenner’s first week I told Mr. Brenner…"
 *   → "After the first week I told Mr. Brenner…"; "on Mr. Navarro’s own" → "independently";
 * - a second subject coordinated with the first: "Ms. El-Amin called the senior and Ms. El-Amin stayed
 *   late" → "…and stayed late";
 * - an admission of one's own act as a gerund: "Ms. Ramaswamy admitted Ms. Ramaswamy forgot to…" →
 *   "…admitted forgetting to…"; "told me that Ms. Whitfield-Ngata forgot" → "told me about forgetting";
 * - an opening clause with "was" as its verb loses its subject: "When Dr. Ferraz was unsure about a lesion
 *   Dr. Ferraz asked…" → "When unsure about a lesion, Dr. Ferraz asked…";
 * - a closing "because … was an observer" becomes the opening "As an observer, …";
 * - "…before Dr. Bakshi left" on the sentence's own subject is "…before leaving";
 * - someone telling the candidate a thing is what they said ("she told Dr. Albuquerque she was…" → "she
 *   said she was…"); "by Mr. Ambrose and then Mr. Ambrose realized" → "by Mr. Ambrose, who then realized";
 *   "because Mrs. Adjei asked Dr. Osei to" → "at Mrs. Adjei’s request"; "told X X was ready" → "considered
 *   X ready"; "When Dr. Bakshi did not know something Dr. Bakshi said it…" → "When unsure of something, Dr.
 *   Bakshi said so…"; "asked the mother if Dr. Ferraz could speak…" → "asked the mother for permission to
 *   speak…";
 * - and where nothing else fits, two clauses with two subjects become two sentences, one name each.
 *
 * A sentence these rules do not fit is left as it is (the letter-quality test counts it).
 */
import { gerundOfPast } from './past-tense';
import { splitSentences } from './point-of-view';

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const count = (s: string, name: string) => s.split(name).length - 1;
const upperFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** A rewrite of one sentence, given the name as written and as a regular-expression source. */
type Rule = (sentence: string, name: string, n: string) => string;

const possessive: Rule = (s, _name, n) =>
  s
    .replace(new RegExp(`\\bon ${n}['’]s own\\b`), 'independently')
    .replace(new RegExp(`(^|\\s)${n}['’]s (?=[\\p{L}\\d])`, 'u'), (_m, lead: string) =>
      lead === '' ? 'The ' : `${lead}the `,
    );

// The name opens the sentence, or follows an opening phrase ("On Sunday, Dr. Haddad…"), as its subject.
const leadsWith = (s: string, n: string) => new RegExp(`^(?:[^,]{1,80},\\s+)?${n}\\s+[a-z]`).test(s);

// "…, and by the third week Noah Lindqvist was placing…" keeps its time phrase: "…, and by the third week
// was placing…".
const TIME_PHRASE = String.raw`(?:\s+(?:by|after|in|at|within|over|during|on|from)\s+[^,]{2,30}?)?`;

// "…, and her nurse and Dr. Bakshi worked on…": the name is part of a new subject, not the same one.
const COMPOUND_SUBJECT =
  /(?:^|,\s*|\band\s+)(?:the|her|his|their|a|an|my|our|another)\s+[\p{L}-]+(?:\s+[\p{L}-]+)?$/u;

const coordinated: Rule = (s, _name, n) => {
  if (!leadsWith(s, n)) return s;
  const m = new RegExp(`(?<=\\S)(,?\\s+and(?:\\s+then)?${TIME_PHRASE}),?\\s+${n}\\s+(?=[a-z])`).exec(s);
  if (!m || COMPOUND_SUBJECT.test(s.slice(0, m.index))) return s;
  return `${s.slice(0, m.index)}${m[1]} ${s.slice(m.index + m[0].length)}`;
};

// "…finished the notes before Dr. Bakshi left" → "…before leaving", when the name leads the sentence.
// Not after a relative clause ("…met a young man who left before Dr. Lee finished"), whose subject the
// gerund would take.
const asGerund: Rule = (s, _name, n) => {
  const m = new RegExp(`(?<!\\band\\s)\\b(before|after|while) ${n} (\\p{L}+)\\b`, 'u').exec(s);
  const gerund = m ? gerundOfPast(m[2]!) : undefined;
  if (!m || !gerund || !leadsWith(s, n) || /\b(?:who|whom|whose|which|that)\b/.test(s.slice(0, m.index)))
    return s;
  return `${s.slice(0, m.index)}${m[1]} ${gerund}${s.slice(m.index + m[0].length)}`;
};

// "…when Dr. Albuquerque asked more, she told Dr. Albuquerque she was losing weight" → "…she said she was…".
const toldAsSaid: Rule = (s, _name, n) =>
  s.replace(
    new RegExp(
      `\\b(she|he|they|the patient|the mother|the father)( then)? told ${n} (that )?(?=(?:she|he|they|it)\\s)`,
      'g',
    ),
    (_m, who: string, then: string | undefined, that: string | undefined) =>
      `${who}${then ?? ''} said ${that ?? ''}`,
  );

// "A drug was drawn up by Mr. Ambrose and then Mr. Ambrose realized…" → "…by Mr. Ambrose, who then realized…".
const byWho: Rule = (s, name, n) =>
  s.replace(
    new RegExp(`\\bby ${n},? and( then)? ${n} (?=[a-z])`),
    (_m, then: string | undefined) => `by ${name}, who${then ?? ''} `,
  );

// "…, because Mrs. Adjei asked Dr. Osei to." → "…at Mrs. Adjei’s request."
const atRequest: Rule = (s, _name, n) =>
  s.replace(
    new RegExp(
      `,?\\s+because ((?:Mrs?|Ms|Mx|Dr)\\.\\s[\\p{Lu}][\\p{L}-]+|the [a-z]+) asked ${n} to([.!?])$`,
      'u',
    ),
    (_m, who: string, stop: string) => ` at ${who}’s request${stop}`,
  );

// "The senior resident told Jordan Reyes-Park Jordan Reyes-Park was ready…" → "…considered Jordan Reyes-Park ready…".
const considered: Rule = (s, name, n) =>
  s.replace(new RegExp(`\\btold ${n},? (?:that )?${n} (?:was|were) `), `considered ${name} `);

const admitted: Rule = (s, _name, n) =>
  s.replace(
    new RegExp(`\\b(admitted|acknowledged|told me)(?:\\s+that)?\\s+${n}\\s+(\\p{L}+)\\b`, 'u'),
    (whole, verb: string, past: string) => {
      const gerund = gerundOfPast(past);
      if (!gerund) return whole;
      return `${verb}${verb === 'told me' ? ' about' : ''} ${gerund}`;
    },
  );

const elliptical: Rule = (s, _name, n) =>
  s.replace(
    new RegExp(
      `^(When|If|While|Although|Though|Whenever) ${n} (?:was|were) ([^,]{3,80}?),?\\s+(?=${n}\\s+[a-z])`,
    ),
    (_m, conj: string, rest: string) => `${conj} ${rest}, `,
  );

// "When Dr. Ilunga made a mistake in the reconciliation Dr. Ilunga told me…" → "When making a mistake in
// the reconciliation, Dr. Ilunga told me…": an opening clause on the sentence's own subject as a gerund.
const openingGerund: Rule = (s, _name, n) =>
  s.replace(
    new RegExp(
      `^(When|Whenever|After|Before|While|Once) ${n} (\\p{Ll}+) ([^,]{3,80}?),?\\s+(?=${n}\\s+[a-z])`,
      'u',
    ),
    (whole, conj: string, past: string, rest: string) => {
      const gerund = /^(?:was|were|did|had)$/.test(past) ? undefined : gerundOfPast(past);
      return gerund ? `${conj} ${gerund} ${rest}, ` : whole;
    },
  );

// "When Ms. Goldberg did not know something Ms. Goldberg looked it up" → "When unsure of something, Ms.
// Goldberg looked it up"; what follows may still say "said Dr. Nguyen Pham did not know" → "said so".
const unsure: Rule = (s, _name, n) =>
  s
    .replace(
      new RegExp(
        `^(When|If|Whenever) ${n} did not know ((?:something|anything|the answer|an answer)\\b[^,]{0,40}?),?\\s+(?=${n}\\s+[a-z])`,
      ),
      (_m, conj: string, what: string) => `${conj} unsure of ${what}, `,
    )
    .replace(new RegExp(`\\bsaid (?:that )?${n} did not know\\b`), 'said so')
    .replace(/^((?:When|If|Whenever) unsure of [^,]+, .*?\bsaid) it(?= and\b)/u, '$1 so');

// "Dr. Rahman noticed that the count was correct although Dr. Rahman had seen a sponge fall." → "Having
// seen a sponge fall, Dr. Rahman noticed that the count was correct."
const having: Rule = (s, name, n) => {
  const m = new RegExp(
    `^${n} ([a-z].+?),? (?:even though|although|though) ${n} had ([a-z]+ .+?)([.!?])$`,
  ).exec(s);
  return m ? `Having ${m[2]}, ${name} ${m[1]}${m[3]}` : s;
};

const asRole: Rule = (s, _name, n) => {
  const m = new RegExp(
    `^(${n}\\s+[a-z].*?),?\\s+because ${n} (?:was|were) (an?\\s+[\\p{L}\\s-]{2,40}?)([.!?])$`,
    'u',
  ).exec(s);
  return m ? `As ${m[2]}, ${m[1]}${m[3]}` : s;
};

// "…asked the mother if Dr. Ferraz could speak with him alone" → "…asked the mother for permission to speak…".
const permission: Rule = (s, _name, n) =>
  leadsWith(s, n)
    ? s.replace(
        new RegExp(`\\basked ((?:the|his|her|their) [a-z]+) if ${n} could `),
        'asked $1 for permission to ',
      )
    : s;

/**
 * Two clauses with two subjects, each naming the candidate: two sentences, each naming them once. "Ms.
 * Goldberg asked the mother to step out, and the girl asked Ms. Goldberg about contraception" → "…to step
 * out. The girl asked Ms. Goldberg about contraception." Also "Dr. Abernathy showed Dr. Petrenko the maps
 * and Dr. Petrenko could explain…", where the second clause's subject is the candidate.
 */
const twoSentences: Rule = (s, name, n) => {
  const first = s.indexOf(name);
  const second = s.indexOf(name, first + 1);
  const joint = new RegExp(
    `(?:[,;]\\s+(?:and\\s+|but\\s+|so\\s+)?(?=(?:(?:by|after|in|at|within|over|during|from|on)\\s+[^,]{2,30}?\\s+|now\\s+)?(?:the|his|her|their|she|he|they|it|we|I|Dr\\.|Mr\\.|Ms\\.|Mrs\\.|Mx\\.|\\p{Lu}\\p{Ll}+)\\s)|\\s+and\\s+(?=${n}\\s+[a-z]))`,
    'gu',
  );
  for (const m of s.matchAll(joint)) {
    const at = m.index!;
    if (at <= first || at >= second) continue;
    const words = s.slice(0, at).split(/\s+/).length;
    if (words < 4 || (!m[0].includes(',') && !m[0].includes(';') && leadsWith(s, n))) continue;
    const lead = /\b(but|so)\s+$/.exec(m[0])?.[1];
    // "…, and now Dr. Bakshi wrote…": the new sentence says when, "From then on, Dr. Bakshi wrote…".
    const rest = s.slice(at + m[0].length).replace(/^now\s+/, 'from then on, ');
    // "…told the senior, she was a third-year resident, that…": an aside, not a clause of its own.
    if (/^[^,]*,\s+(?:that|who|which|whom)\b/.test(rest)) continue;
    return `${s.slice(0, at)}. ${lead ? `${upperFirst(lead)} ` : ''}${lead ? rest : upperFirst(rest)}`;
  }
  return s;
};

// Small rewrites of one phrase: "…check the exams right after Mx. Kowalczyk" → "…right afterwards";
// "Mrs. Adjei asked Dr. Osei every morning how…" → "…asked every morning how…"; "I told Dr. Petrenko Dr.
// Petrenko needed more focused exam" → "I asked Dr. Petrenko for more focused exam"; "…saw patients first
// and after Dr. Albuquerque presented to me" → "…and then presented to me"; "in the two months Dr.
// Mensah-Boateng was there" → "in those two months"; "…suctioned when Dr. Osei was asked" → "…when
// asked"; "…, as I asked Dr. Osei to." → "…, as I asked.".
const phrases: Rule = (s, _name, n) => {
  const own = leadsWith(s, n);
  return (
    s
      // "The daughter thanked Dr. Ilunga because Dr. Ilunga explained…" → "…thanked Dr. Ilunga for explaining…".
      .replace(
        new RegExp(`\\b(thanked ${n}),? because ${n} (\\p{L}+)\\b`, 'u'),
        (m, thanked: string, past: string) => {
          const gerund = gerundOfPast(past);
          return gerund ? `${thanked} for ${gerund}` : m;
        },
      )
      .replace(new RegExp(`\\b(right|just|immediately) after ${n}(?=[\\s,.;])`), (m, when: string) =>
        own ? `${when} afterwards` : m,
      )
      .replace(
        new RegExp(`\\basked ${n} ((?:every|each) [a-z]+ )?(?=(?:how|what|whether|when|why)\\b)`),
        'asked $1',
      )
      .replace(new RegExp(`\\btold (${n}),? (?:that )?${n} needed `), 'asked $1 for ')
      .replace(new RegExp(`\\band after ${n} (?=[a-z]+ed\\b[^,]*(?:,[^,]*)?[.!?]$)`), (m) =>
        own ? 'and then ' : m,
      )
      .replace(
        new RegExp(`\\b(in|during) the ((?:[a-z]+ )?(?:weeks|months|days)) ${n} was there\\b`),
        '$1 those $2',
      )
      // "…honest that Dr. Moreau could not keep it secret" → "…honest that it was not possible to keep it secret".
      .replace(new RegExp(`\\bthat ${n} (?:cannot|could not|can[’']t|couldn[’']t) `), (m) =>
        own ? 'that it was not possible to ' : m,
      )
      // "told the senior that Ms. El-Amin was concerned about septic arthritis" → "…of a concern about…".
      .replace(
        new RegExp(`\\b(told [^.]*?)(,?) that ${n} was concerned about `),
        (m, told: string, comma: string) => (own ? `${told}${comma} of a concern about ` : m),
      )
      // "…notes for the patients Dr. Haddad knew" → "…notes for the patients already familiar": the
      // candidate's own acquaintance, said without a second subject.
      .replace(
        new RegExp(
          `\\b(the (?:[a-z]+ )?(?:patients|families|cases)) ${n} (?:knew|had met|had come to know)\\b`,
        ),
        (m, who: string) => (own ? `${who} already familiar` : m),
      )
      // "…held the retractor and suctioned when Dr. Osei was asked" → "…when asked".
      .replace(
        new RegExp(`\\b(when|whenever|if|as) ${n} (?:was|were) (asked|told|needed|called|paged)\\b`),
        (m, conj: string, what: string) => (own ? `${conj} ${what}` : m),
      )
      // "…every ten minutes, as I asked Dr. Osei to." → "…, as I asked.": the asked one is the subject.
      .replace(
        new RegExp(
          `\\b(as (?:I|the [a-z]+|(?:Dr|Mrs?|Ms)\\. [\\p{Lu}][\\p{L}-]+) (?:had )?asked) ${n} to(?=[.!?]$)`,
          'u',
        ),
        (m, asked: string) => (own ? asked : m),
      )
      // "Dr. Rahman scrubbed although Dr. Rahman had seen…" → "…although having seen…"; not after a
      // clause of someone else ("…noticed that a count was correct although…"), whose subject the gerund
      // would take.
      .replace(
        new RegExp(`^([^.]*?)\\b((?:even )?though|although) ${n} had (?=[a-z]+\\b)`),
        (m, before: string, conj: string) =>
          own && !/\b(?:that|which|who|whom)\b/.test(before) ? `${before}${conj} having ` : m,
      )
  );
};

const RULES: readonly Rule[] = [
  possessive,
  coordinated,
  asGerund,
  admitted,
  elliptical,
  unsure,
  openingGerund,
  coordinated,
  asRole,
  toldAsSaid,
  byWho,
  atRequest,
  considered,
  permission,
  phrases,
  having,
  twoSentences,
];

/** A sentence (or a conversion split into sentences) with the candidate's name at most once in each. */
export function withOneName(text: string, name: string): string {
  if (name === '' || count(text, name) < 2) return text;
  const n = esc(name);
  return splitSentences(text)
    .map((sentence) => {
      const lead = /^\s*/.exec(sentence)![0];
      const trail = /\s*$/.exec(sentence)![0];
      let s = sentence.slice(lead.length, sentence.length - trail.length);
      for (const rule of RULES) {
        if (count(s, name) < 2) break;
        s = rule(s, name, n);
      }
      return lead + upperFirst(s) + trail;
    })
    .join('');
}

/**
 * The candidate's feelings, motives and plans: "I have always loved psychopharmacology", "I was nervous to
 * speak, but I knew it was right", "this is the reason I want to train in a county program". Said by the
 * physician, they claim knowledge of the candidate's mind that a program director discounts; the letter
 * leaves them out of the body and hands them to the physician in a comment, to use only if they can vouch
 * for them. Works on the candidate's own first-person text, before the point of view is converted.
 *
 * Only what can go without breaking the sentence goes: a whole sentence that is an inner state, or an
 * opening or closing clause of one ("I have always liked physiology, so when…", "I felt frustrated, so I
 * asked…", "…, even though I was nervous about it."). A clinical worry that carries the reasoning ("I was
 * worried about bleeding, so I checked his exam again") stays.
 */

const FEELING = String.raw`(?:very\s+|so\s+|really\s+|a\s+(?:little|bit)\s+)?(?:nervous|scared|afraid|proud|happy|excited|anxious|grateful|honored|honoured|frustrated|overwhelmed|embarrassed|upset|disappointed|sad)`;
const LIKING = String.raw`I(?:\s+have\s+|\s+had\s+|['’]ve\s+|['’]d\s+|\s+)(?:always\s+|really\s+|also\s+)?(?:liked|loved|enjoyed|been\s+(?:passionate|fascinated|interested))\b`;
const MOTIVE = String.raw`(?:this|that)\s+(?:is|was)\s+(?:the\s+reason|why)\s+I\s+(?:want|wanted|chose|hope|plan|decided)\b`;

/** Whole sentences that are only an inner state. */
const WHOLE = [
  // "I have always loved psychopharmacology." — with no clause that goes on to what the candidate did.
  new RegExp(String.raw`^${LIKING}(?![^.!?]*(?:,\s*so\b|\bwhen\b|\bbecause\b))`, 'iu'),
  new RegExp(String.raw`^I\s+(?:was|felt|feel|am)\s+${FEELING}\b(?![^.!?]*,\s*so\s+I\b)`, 'iu'),
  new RegExp(`^${MOTIVE}`, 'iu'),
];

/** Clauses that go, leaving the rest of the sentence as it was. */
const LEADING = [
  new RegExp(String.raw`^${LIKING}[^,.!?]*,\s*so\s+`, 'iu'),
  // "I felt frustrated, so I asked the senior resident for tips": the asking stays, the feeling goes.
  new RegExp(String.raw`^I\s+(?:was|felt|feel|am)\s+${FEELING}[^,.!?]*,\s*so\s+`, 'iu'),
  // "I knew it was the right thing to do when I told the attending…": the telling stays.
  /^I\s+(?:know|knew)\s+(?:that\s+)?it\s+(?:is|was)\s+the\s+right\s+thing(?:\s+to\s+do)?,?\s+(?:when|so)\s+/iu,
  // "I had read about the trials of …, and when the images came back I saw…": what the candidate had read
  // beforehand is theirs to tell; the seeing stays.
  /^I\s+had\s+(?:read|learned|heard)\s+about\s+[^.!?]*?,\s+and\s+(?=(?:when|then|after|so|I)\b)/iu,
];
// "I checked his glucose myself because I had learned that low sugar can look like a stroke, and it was
// 134": the checking and the result stay, the candidate's reason goes.
const MIDDLE = [
  /\s+because\s+I\s+(?:had\s+|have\s+)?(?:learned|read|heard|remembered|been\s+taught)\s+(?:that\s+|about\s+)?[^,.;!?]*(?=,\s+and\s+\S|[.!?]["”’]?$)/iu,
];
const TRAILING = [
  new RegExp(String.raw`,?\s+(?:and\s+)?${MOTIVE}[^.!?]*(?=[.!?]["”’]?$)`, 'iu'),
  // "…asked me every morning how the baby was doing and I wanted to give her real answers": the asking stays.
  /,?\s+and\s+I\s+(?:really\s+)?wanted\s+to\s+[^.!?,;]*(?=[.!?]["”’]?$)/iu,
  new RegExp(
    String.raw`,?\s+even\s+though\s+I\s+(?:was|felt)\s+${FEELING}(?:\s+about\s+it)?(?=[.!?]["”’]?$)`,
    'iu',
  ),
];

export interface InnerStateCut {
  /** The sentence to convert, or '' when the whole sentence was the inner state. */
  readonly kept: string;
  /** What was left out, in the candidate's words. */
  readonly leftOut: string;
}

/** The sentence with its inner state taken out, or null when it has none these rules can take. */
export function withoutInnerState(sentence: string): InnerStateCut | null {
  const s = sentence.trim();
  if (WHOLE.some((re) => re.test(s))) return { kept: '', leftOut: s };
  for (const re of LEADING) {
    const lead = re.exec(s);
    if (!lead) continue;
    const rest = s.slice(lead[0].length);
    return {
      kept: rest.charAt(0).toUpperCase() + rest.slice(1),
      leftOut: lead[0].replace(/,?\s*(?:and\s+)?(?:so|when)?\s*$/u, '.'),
    };
  }
  for (const re of [...MIDDLE, ...TRAILING]) {
    const m = re.exec(s);
    if (m)
      return {
        kept: s.slice(0, m.index) + s.slice(m.index + m[0].length),
        leftOut: m[0].replace(/^,?\s+/, ''),
      };
  }
  return null;
}

/**
 * An inner state said the way a physician can vouch for it, in the words a letter uses: a clinical worry is
 * a concern ("I told my senior that I was worried about septic arthritis" → "…concerned about…"), and "I
 * felt it was important to be honest…" is what the candidate did ("I made sure to be honest…").
 */
export function asObserved(sentence: string): string {
  return sentence
    .replace(
      /\b(I\s+(?:was|am|got|became)\s+(?:very\s+|more\s+)?)worried(?=\s+(?:about|that|for)\b)/gu,
      '$1concerned',
    )
    .replace(
      /(^|,\s+|\bso\s+)I\s+(?:felt|thought|knew)\s+(?:that\s+)?it\s+was\s+(?:important|right|necessary)\s+to\s+/gu,
      '$1I made sure to ',
    );
}

/**
 * The word-level reading the fact guard does: tokens, a crude stem (enough to equate "noticed" with
 * "notice" and "patients" with "patient"), numbers in digits and in words, and the table of safe
 * equivalents ("CT" = "computed tomography"). Pure and table-driven so the guard stays predictable: it must
 * refuse what it cannot read rather than guess.
 */
import { CLINICAL_WORDS } from '../check/data/clinical-words';
import { ENGLISH_WORDS } from '../check/data/english-words';

export interface Token {
  readonly text: string;
  /** Lower case, curly apostrophes straightened, a trailing possessive dropped. */
  readonly folded: string;
  /** The index of the token in its sentence. */
  readonly index: number;
}

/** Words, codes ("V1", "168/112" as two numbers) and numbers with decimals; hyphenated words split. */
export function tokens(text: string): Token[] {
  const out: Token[] = [];
  const re = /\d+(?:[.,]\d+)*|[\p{L}][\p{L}\p{N}'’]*/gu;
  for (const m of text.matchAll(re)) {
    const folded = m[0].toLowerCase().replace(/’/g, "'").replace(/'s?$/, '');
    out.push({ text: m[0], folded, index: out.length });
  }
  return out;
}

const IRREGULAR: Readonly<Record<string, string>> = {
  caught: 'catch',
  told: 'tell',
  made: 'make',
  saw: 'see',
  seen: 'see',
  took: 'take',
  taken: 'take',
  wrote: 'write',
  written: 'write',
  found: 'find',
  went: 'go',
  gave: 'give',
  given: 'give',
  brought: 'bring',
  got: 'get',
  sat: 'sit',
  stood: 'stand',
  kept: 'keep',
  led: 'lead',
  ran: 'run',
  spoke: 'speak',
  taught: 'teach',
  began: 'begin',
  drew: 'draw',
  knew: 'know',
  thought: 'think',
  felt: 'feel',
  left: 'leave',
  met: 'meet',
  put: 'put',
  held: 'hold',
  built: 'build',
  sent: 'send',
  understood: 'understand',
  children: 'child',
  women: 'woman',
  men: 'man',
  people: 'person',
};

/** A crude stem: irregular forms mapped, then plural, past and -ing endings cut, at most 6 letters kept. */
export function stem(folded: string): string {
  const irregular = IRREGULAR[folded];
  if (irregular) return irregular.slice(0, 6);
  let w = folded;
  if (w.length > 4) w = w.replace(/(?:ies|ied)$/, 'y').replace(/(?:ing|ed|es|s)$/, '');
  else if (w.length > 3) w = w.replace(/s$/, '');
  return w.replace(/e$/, '').slice(0, 6);
}

// Built on first use: the Apps Script bundle's top level runs in every execution.
let english: Set<string> | undefined;
let clinical: Set<string> | undefined;

/** Common English that is not also clinical vocabulary: a word the guard does not need a source for. */
export function isPlainEnglish(folded: string): boolean {
  english ??= new Set(ENGLISH_WORDS.split(','));
  clinical ??= new Set([...CLINICAL_WORDS.split(/\s+/).filter(Boolean), ...MEDICAL_COMMON]);
  if (clinical.has(folded) || clinical.has(folded.replace(/s$/, ''))) return false;
  return english.has(folded) || english.has(folded.replace(/s$/, '')) || english.has(`${folded}e`);
}

/**
 * Medical words that are also common English (so absent from the clinical list's purpose) but name a drug,
 * a diagnosis, a body part or a test: a rewrite must not bring one in that the answers lack.
 */
const MEDICAL_COMMON = [
  'diabetes',
  'diabetic',
  'cancer',
  'tumor',
  'fever',
  'stroke',
  'asthma',
  'insulin',
  'infection',
  'heart',
  'kidney',
  'liver',
  'lung',
  'brain',
  'chest',
  'fracture',
  'seizure',
  'allergy',
  'allergic',
  'pregnant',
  'pregnancy',
  'overdose',
  'blood',
  'transfusion',
  'antibiotic',
  'antibiotics',
  'pneumonia',
  'surgery',
  'operation',
  'dose',
  'doses',
  'aspirin',
  'morphine',
  'oxygen',
  'dementia',
  'depression',
  'anxiety',
  'obesity',
  'smoker',
  'alcohol',
  'drug',
  'drugs',
  'opioid',
  'opioids',
  'bleeding',
  'wound',
  'injury',
  'trauma',
  'ultrasound',
  'x-ray',
  'biopsy',
  'scan',
];

const UNITS: Readonly<Record<string, number>> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  hundred: 100,
  thousand: 1000,
  once: 1,
  twice: 2,
  dozen: 12,
  // "first" is left out: "the first to notice" is no count, and a changed "first" is not a number's lie.
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
};

const TENS = new Set([20, 30, 40, 50, 60, 70, 80, 90]);

/** Words that can follow a number as its unit, folded to the singular. */
const UNIT_WORDS = new Set([
  'day',
  'week',
  'month',
  'year',
  'hour',
  'minute',
  'night',
  'shift',
  'patient',
  'case',
  'dose',
  'time',
  'mg',
  'mcg',
  'kg',
  'ml',
  'cm',
  'mm',
  'centimeter',
  'unit',
  'operation',
  'delivery',
  'procedure',
  'percent',
]);

export interface NumberMention {
  readonly value: number;
  /** The unit word after it, singular ("week" for "4 weeks" and "four-week"), or ''. */
  readonly unit: string;
  readonly text: string;
}

function unitAfter(list: readonly Token[], i: number): string {
  const next = list[i + 1]?.folded ?? '';
  const singular = next.replace(/s$/, '');
  return UNIT_WORDS.has(singular) ? singular : UNIT_WORDS.has(next) ? next : '';
}

/**
 * Every number in the text, digits or words ("twenty-four" is 24, "twice" is 2); "one" alone is skipped,
 * since "one of the" and "one patient" read the same to a tokenizer and a rewrite may say "a" for it.
 */
export function numbersIn(text: string): NumberMention[] {
  const list = tokens(text.replace(/-/g, ' '));
  const out: NumberMention[] = [];
  for (let i = 0; i < list.length; i++) {
    const t = list[i]!;
    if (/^\d/.test(t.text)) {
      out.push({
        value: Number(t.text.replace(/,(?=\d{3}\b)/g, '')),
        unit: unitAfter(list, i),
        text: t.text,
      });
      continue;
    }
    const v = UNITS[t.folded];
    if (v === undefined || t.folded === 'one' || t.folded === 'second') {
      // "second" is a number only before a unit or a noun of sequence ("second postoperative day").
      if (
        t.folded === 'second' &&
        /^(?:day|week|night|year|postoperative|attempt)$/.test(list[i + 1]?.folded ?? '')
      )
        out.push({ value: 2, unit: unitAfter(list, i), text: t.text });
      continue;
    }
    let value = v;
    let j = i;
    const next = UNITS[list[i + 1]?.folded ?? ''];
    if (TENS.has(v) && next !== undefined && next < 10) {
      value += next;
      j++;
    }
    out.push({ value, unit: unitAfter(list, j), text: t.text });
    i = j;
  }
  return out;
}

/**
 * Safe equivalents: an abbreviation and its expansion count as the same term, so a source that says "CT"
 * supports "computed tomography" and the reverse. Small on purpose; every row is a term letters use.
 */
export const EQUIVALENTS: readonly (readonly [string, string])[] = [
  ['ct', 'computed tomography'],
  ['mri', 'magnetic resonance imaging'],
  ['ecg', 'electrocardiogram'],
  ['ekg', 'electrocardiogram'],
  ['ecg', 'ekg'],
  ['iv', 'intravenous'],
  ['ng', 'nasogastric'],
  ['icu', 'intensive care unit'],
  ['picu', 'pediatric intensive care unit'],
  ['nicu', 'neonatal intensive care unit'],
  ['ed', 'emergency department'],
  ['er', 'emergency room'],
  ['or', 'operating room'],
  ['lp', 'lumbar puncture'],
  ['cxr', 'chest x ray'],
  ['bp', 'blood pressure'],
  ['stemi', 'st elevation myocardial infarction'],
  ['uti', 'urinary tract infection'],
  ['dka', 'diabetic ketoacidosis'],
  ['siadh', 'syndrome of inappropriate antidiuretic hormone'],
  ['copd', 'chronic obstructive pulmonary disease'],
  ['ckd', 'chronic kidney disease'],
  ['pharmacist', 'pharmacy'],
];

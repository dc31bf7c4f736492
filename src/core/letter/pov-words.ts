/**
 * The English word lists the point-of-view conversion reads sentences with (modals, past forms, base verbs,
 * adverbs, function words, clause starters). Small on purpose: an unknown word makes the rules refuse,
 * which is the safe direction.
 */

export const MODALS = new Set(
  'can could will would shall should may might must cannot can’t couldn’t won’t wouldn’t shouldn’t mustn’t did didn’t had hadn’t used ought'
    .split(' ')
    .map((w) => w.replace(/’/g, "'")),
);

export const IRREGULAR_PAST = new Set(
  `was were had did saw took made led wrote gave went came got found felt knew thought told said began ran kept
  left met brought taught caught bought sent spent stood understood held heard paid sat spoke chose drew drove
  ate fell forgot grew hid hung lay lost meant rode rose sang sank shook shot slept slid sought stuck struck swore
  threw woke wore won built dealt fed fled lit overheard oversaw undertook withdrew became broke bled rang sewed
  dug stole swam taught forgave foresaw mistook overcame withstood upheld sped`.split(/\s+/),
);

/** Same form in present and past: only safe to leave alone when the answer is told in the past. */
export const AMBIGUOUS_PAST = new Set(
  'read put set cut let hit hurt shut spread quit cast cost split bid burst fit beat reset upset'.split(' '),
);

/** Verbs ending in -ed that are present-tense base forms. */
export const ED_BASE = new Set(
  'need feed bleed proceed succeed exceed breed speed heed seed shed embed shred wed plead'.split(' '),
);

export const BASE_VERBS = new Set(
  `see check examine admit follow present write review order call manage take make lead help work talk teach
  explain ask answer discuss learn think believe want feel know like love enjoy hope plan try use keep practice
  prepare care round document update perform assist place suture counsel educate coordinate communicate listen
  spend stay arrive leave start finish go come give get find notice recognize consider remember understand
  appreciate value aim seek strive continue tend need wish intend look bring build choose collect create
  develop ensure include improve interpret mentor monitor obtain organize participate provide reassess
  recommend request respond run share show speak support serve study suggest summarize tell treat volunteer
  visit cover handle interview diagnose prescribe draw insert intubate scrub assess evaluate triage chart note
  attend join contribute encourage advocate reflect realize remain become hold meet pay sit stand sleep eat
  drive say hear see feel mean lose win teach catch buy send bring think read put set cut let hit hurt shut
  spread quit cast cost split fit reset upset love prefer plan apply supply reply rely comply carry study
  worry hurry copy identify verify clarify modify notify`.split(/\s+/),
);

export const ADVERBS = new Set(
  `also always never often then still just even already first later soon once again sometimes usually now only
  not personally immediately quickly actually really eventually subsequently initially finally independently
  promptly routinely consistently ultimately gradually rapidly carefully thoroughly regularly frequently
  together afterwards afterward too`.split(/\s+/),
);

export const FUNCTION_WORDS = new Set(
  `to with for by from at of about on in into onto over under after before until during without through than as
  like near and or but so because when while that if the a an every each this these those all some any no we
  they he she it i me you again later today daily directly too throughout around across between among against
  since then there here very much more most less least first last`.split(/\s+/),
);

export const CLAUSE_STARTERS = new Set(
  'and but so or when while because after before until that then since although though where once if as whereas'.split(
    ' ',
  ),
);

export const COPULAS = new Set(['was', 'is', 'were', 'are', 'be', 'been', 'became', 'become', 'as']);

export const ROMAN_CONTEXT = new Set(
  'type class grade stage phase mobitz part level schedule tier lead factor complex section chapter category zone'.split(
    ' ',
  ),
);

export function thirdPersonS(base: string): string {
  if (base === 'have') return 'has';
  if (base === 'be') return 'is';
  if (base === 'do') return 'does';
  if (base === 'go') return 'goes';
  if (/(s|sh|ch|x|z|o)$/.test(base)) return `${base}es`;
  if (/[^aeiou]y$/.test(base)) return `${base.slice(0, -1)}ies`;
  return `${base}s`;
}

export const THIRD_TO_BASE = new Map([...BASE_VERBS].map((b) => [thirdPersonS(b), b]));

export const norm = (w: string) => w.toLowerCase().replace(/’/g, "'");

export function isPast(w: string): boolean {
  const n = norm(w);
  if (IRREGULAR_PAST.has(n)) return true;
  return n.endsWith('ed') && n.length > 3 && !ED_BASE.has(n);
}

/** Nouns that end in -ly, so that "her family" is not read as "her" followed by an adverb. */
export const LY_NOUNS = new Set(
  'family assembly supply anomaly ally belly reply rally monopoly jelly bully'.split(' '),
);

export function isAdverb(w: string): boolean {
  const n = norm(w);
  if (ADVERBS.has(n)) return true;
  return n.endsWith('ly') && !BASE_VERBS.has(n) && !LY_NOUNS.has(n) && n.length > 3;
}

/**
 * Words after which a possessive stands alone ("the idea was his, and…", "with the attending's until…") and
 * an object pronoun ends its phrase ("presented to her on rounds").
 */
export const PHRASE_BREAKS = new Set(
  `to with for by from at of about on in into onto over under after before until during without through than
  as near since throughout around across between among against and or but so because when while that if too
  also alone`.split(/\s+/),
);

/** Words that open a new noun phrase or clause after an object pronoun ("gave her my notes", "told her I…"). */
export const PHRASE_OPENERS = new Set(
  `the a an this these those every each all some any no my his her their our your its i we they he she it
  you`.split(/\s+/),
);

export const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * What happens to a patient, never to the physician writing the letter, after a pronoun: "…, and she was
 * referred for TAVR", "…, and he had an endoscopy".
 */
export const PATIENT_EVENT =
  /^\s*(?:(?:was|were)\s+(?:referred|admitted|discharged|started|transferred|intubated|diagnosed|scheduled|taken|sent|treated|extubated|readmitted)\b|had\s+(?:a|an|the|his|her)\s+(?:\p{L}+\s+){0,2}(?:placed|done|removed|repaired|performed|scheduled)\b|had\s+an?\s+(?:endoscopy|colonoscopy|stent|biopsy|operation|surgery|procedure|scan|MRI|CT|echo|stress test|catheterization|angiogram|appendectomy)\b|underwent\b|went\s+home\b|improved\b|recovered\b)/iu;

/**
 * Clinical notes written with arrows (issue 11, part 6): "a 64-year-old woman with COPD exacerbation,
 * history of CHF -> started nebs, steroids, antibiotics -> BNP elevated, diuresed, patient improved" (the
 * abbreviations already written out by note-text.ts). Each arrow reads "and then": who the patient was,
 * what the candidate did, what came of it. A note whose every piece has one of the shapes below becomes
 * the candidate's own sentences ("I cared for a 64-year-old woman with … . I started …"), which the point
 * of view conversion then turns into the physician's. One piece of any other shape (a formula, an example
 * such as "if K < 3.5 -> replete", a finding the note does not say how it was found) leaves the whole note
 * as typed, marked for the writer: a wrong guess would state a fact the candidate did not give.
 */
import { IRREGULAR_PAST } from './pov-words';

const ARROW = /\s*(?:->|→|=>)\s*/;
/** Commas and semicolons, not those inside parentheses ("INR (3.8, repeated)"). */
const PIECES = /\s*[;,]\s*(?![^()]*\))/;

/**
 * Past forms a note's clause opens with: the conversion's irregular ones, those spelled like the present,
 * and -ed words other than base verbs ending in -eed ("need", "proceed"; but "agreed" is past).
 */
export const isPastVerb = (w: string): boolean =>
  IRREGULAR_PAST.has(w) ||
  /^(?:read|set|put|cut)$/.test(w) ||
  (/^\p{L}{3,}ed$/u.test(w) && (!/eed$/.test(w) || /(?:agreed|freed|guaranteed)$/.test(w)));

/** A past verb, or "could"/"would" before one ("could not afford"). */
export const isPastWord = (w: string): boolean => isPastVerb(w) || /^(?:could|would)$/.test(w);

/** The candidate's sentences for an arrow note, or null when any piece of it has no shape read here. */
export function arrowNoteProse(note: string): string | null {
  const segments = note.replace(/[\s.;,]+$/, '').split(ARROW);
  if (segments.length < 2 || segments.some((s) => s.trim() === '')) return null;
  const opening = openingSentence(segments[0]!);
  const events = segments.slice(1).map(eventsSentence);
  if (opening === null || events.some((e) => e === null)) return null;
  return [opening, ...events].join(' ');
}

const sentence = (s: string) => `${s.charAt(0).toUpperCase()}${s.slice(1)}.`;

/**
 * What the note opens on: the patient ("a 72-year-old man after a fall, on warfarin" → "I cared for a
 * 72-year-old man on warfarin after a fall."), or clauses with their own subjects ("family of 4 came
 * together, the mother and the grandmother disagreed…").
 */
function openingSentence(text: string): string | null {
  const parts = text.split(PIECES).filter((p) => p !== '');
  const clauses = parts.map(ownClause);
  if (clauses.every((c) => c !== null)) return sentence(clauses.join('; '));
  if (!PATIENT.test(parts[0]!)) return null;
  let patient = parts[0]!;
  const withs: string[] = [];
  for (const part of parts.slice(1)) {
    const d = descriptor(part);
    if (d === null) return null;
    if (d.kind === 'with') withs.push(d.text);
    else if (d.kind === 'on') patient = patient.replace(/^(\S+ \S+-year-old \S+|\S+ \S+)/, `$1 ${d.text}`);
    else patient = `${patient} ${d.text}`;
  }
  if (withs.length > 0)
    patient = `${patient}${/ with /.test(patient) ? ' and ' : ' with '}${withs.join(' and ')}`;
  return sentence(`I cared for ${patient}`);
}

/** A patient as a note introduces one: "a 64-year-old woman …", "an 80-year-old man …", "a 2-year-old …". */
const PATIENT =
  /^(?:an?|the)\s+(?:\d{1,3}-(?:year|month|week|day)-old|(?:\p{L}+\s+){0,2}(?:patient|woman|man|child|boy|girl|infant|toddler|teenager))\b/u;

const MEASURES =
  /^(blood pressure|heart rate|temperature|glucose|oxygen saturation|saturation|sodium|potassium|hemoglobin|lactate|troponin|creatinine|INR|BNP|A1c|LDL)\s+(?:of\s+)?([\d.,/]+\s?%?)$/u;

type Descriptor = { kind: 'with' | 'on' | 'plain'; text: string };

/** One more thing a note says of the patient after a comma. */
function descriptor(part: string): Descriptor | null {
  const history = /^(?:a\s+)?history of (.+)$/.exec(part);
  if (history) return { kind: 'with', text: `a history of ${history[1]}` };
  const measure = MEASURES.exec(part);
  if (measure) return { kind: 'with', text: `a ${measure[1]} of ${measure[2]}` };
  if (/^on \S+(?: \S+)?$/.test(part)) return { kind: 'on', text: part };
  if (/^(?:after|with|without|from|in) /.test(part)) return { kind: 'plain', text: part };
  // "mother worried about antibiotics" → "whose mother was worried about antibiotics".
  const worry =
    /^(?:the |her |his )?(mother|father|parents|wife|husband|daughter|son|family) (worried|concerned|anxious|upset|afraid) (about|of) (.+)$/.exec(
      part,
    );
  if (worry) {
    const verb = worry[1] === 'parents' ? 'were' : 'was';
    return { kind: 'plain', text: `whose ${worry[1]} ${verb} ${worry[2]} ${worry[3]} ${worry[4]}` };
  }
  return null;
}

/** A piece with its own subject and a past verb: "they left agreeing", "patient improved", "the family chose…". */
function ownClause(piece: string): string | null {
  const words = piece.split(/\s+/);
  const k = words.findIndex((w, i) => i > 0 && i <= 6 && isPastWord(w.toLowerCase()));
  if (k < 1 || words.slice(0, k).some((w) => /[()]/.test(w) || isPastWord(w.toLowerCase()))) return null;
  const head = words[0]!.toLowerCase();
  if (/^(?:i|we)$/.test(head)) return null;
  if (/^(?:patient|family|child|mother|father|resident|nurse|team)$/.test(head))
    return `the ${head}${piece.slice(head.length)}`;
  return /^(?:they|she|he|the|a|an|both|each|her|his|their)$/.test(head) ? piece : null;
}

/** What the candidate did ("started nebulizers" and its further objects), or a clause with its own subject. */
type Event =
  | { kind: 'act'; text: string; objects: string[]; finding?: string }
  | { kind: 'clause'; text: string };

const STATES = /^(.+?)\s+(elevated|negative|neg|positive|pos|normal|stable|low|high|unremarkable)$/;
const STATE_WORDS: Readonly<Record<string, string>> = { neg: 'negative', pos: 'positive' };
const OUTCOME = /^(?:improved|resolved|recovered|stabilized|worsened|went home|was discharged)\b/;
/** An examination or test whose result a note writes as a bare acronym after it: "did otoscopy, AOM". */
const EXAMINED = /^(?:did|performed|checked|ordered|got|obtained|examined)\b/;

const act = (text: string): Event => ({ kind: 'act', text, objects: [] });

/** One piece after an arrow as an event; 'continues' for one more object or result of the action before. */
function eventOf(piece: string, before: Event | undefined): Event | 'continues' | 'finding' | null {
  const text = piece.replace(/^(?:and|then)\s+/, '');
  const first = text.split(/\s+/)[0] ?? '';
  if (/^I\s/.test(text)) return act(text.slice(2));
  if (OUTCOME.test(text)) return { kind: 'clause', text: `the patient ${text}` };
  const state = STATES.exec(text);
  if (state && !isPastWord(first.toLowerCase())) {
    const plural = /[^s]s$/.test(state[1]!) && !/\p{Lu}s?$/u.test(state[1]!);
    const word = STATE_WORDS[state[2]!] ?? state[2]!;
    return { kind: 'clause', text: `the ${state[1]} ${plural ? 'were' : 'was'} ${word}` };
  }
  if (/^no\s+\p{L}/u.test(text)) return { kind: 'clause', text: `the patient had ${text}` };
  const followUp = followUpEvent(text);
  if (followUp) return followUp;
  if (isPastWord(first)) return act(text);
  const clause = ownClause(text);
  if (clause) return { kind: 'clause', text: clause };
  if (before?.kind !== 'act') return null;
  if (/^\p{Lu}{2,5}$/u.test(text) && EXAMINED.test(before.text) && !before.finding) return 'finding';
  // "started nebs, steroids, antibiotics": a plain noun after an action is one more thing it acted on.
  return /^[\p{Ll}\d][\p{L}\d\s'’-]*$/u.test(text) && !/\s(?:in|at|on|to)\s/.test(text) ? 'continues' : null;
}

/** "follow-up call in 48 hours"; "follow-up 2 weeks blood pressure 138/86". */
function followUpEvent(text: string): Event | null {
  const arranged = /^follow-up (call|visit|appointment|phone call) (in|at|after) (.+)$/.exec(text);
  if (arranged) return act(`arranged a follow-up ${arranged[1]} ${arranged[2]} ${arranged[3]}`);
  const found =
    /^follow-up (?:in |at )?((?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve) (?:days?|weeks?|months?)) (.+)$/.exec(
      text,
    );
  const measure = found ? MEASURES.exec(found[2]!) : null;
  return found && measure
    ? { kind: 'clause', text: `at follow-up ${found[1]} later, the ${measure[1]} was ${measure[2]}` }
    : null;
}

/** One arrow's pieces as events, or null when a piece has no shape read here. */
function eventsOf(segment: string): Event[] | null {
  const events: Event[] = [];
  for (const piece of segment.split(PIECES).filter((p) => p !== '')) {
    const last = events[events.length - 1];
    const event = eventOf(piece, last);
    if (event === null) return null;
    if (last?.kind === 'act' && event === 'continues') last.objects.push(piece);
    else if (last?.kind === 'act' && event === 'finding') last.finding = piece;
    else if (typeof event !== 'string') events.push(event);
  }
  return events;
}

/**
 * One arrow's events as sentences: consecutive actions under one "I" ("I held warfarin and discharged the
 * patient home"), each other event its own clause, and a result an action found closing its sentence
 * ("I did otoscopy, which showed AOM.").
 */
function eventsSentence(segment: string): string | null {
  const events = eventsOf(segment);
  if (events === null) return null;
  const sentences: string[][] = [[]];
  let joinable = false;
  for (const e of events) {
    const parts = sentences[sentences.length - 1]!;
    if (e.kind === 'clause') {
      parts.push(e.text);
      joinable = false;
      continue;
    }
    const text = actText(e.text, e.objects);
    if (joinable) parts[parts.length - 1] += ` and ${text}`;
    else parts.push(`I ${text}`);
    joinable = true;
    if (e.finding) {
      parts[parts.length - 1] += `, which showed ${e.finding}`;
      sentences.push([]);
      joinable = false;
    }
  }
  return sentences
    .filter((parts) => parts.length > 0)
    .map((parts) => sentence(andList(parts)))
    .join(' ');
}

/** An action with its further objects in a list; "discharged home" needs its patient, "repeated" its object. */
function actText(text: string, objects: readonly string[]): string {
  const done = text
    .replace(/^discharged home\b/, 'discharged the patient home')
    .replace(/^(repeated|rechecked)$/, '$1 it');
  if (objects.length === 0) return done;
  return `${[done, ...objects.slice(0, -1)].join(', ')} and ${objects[objects.length - 1]}`;
}

/** Clauses in a series: "A", "A, and B", "A, B, and C". */
function andList(items: readonly string[]): string {
  if (items.length < 2) return items.join('');
  return `${items.slice(0, -1).join(', ')}, and ${items[items.length - 1]}`;
}

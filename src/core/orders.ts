/**
 * Orders: the statuses, who may move an order between them, the stable order ID, and the `Order` record
 * that the tracker, the intake and the CLI share. The transition table is the one place the rules live;
 * sidebar buttons, Sheet edits and the CLI all ask `canTransition` / `explainRefusal`.
 */
import { fnv1a64Base32 } from './hash';
import type { IsoDate } from './questionnaire';

/**
 * `NEW` exists because intake is several steps (record the order, validate, create the Doc, share it):
 * an order whose run crashed between steps must be visible as "received, not yet processed" so the sweep
 * can finish it, and it must not look like a draft that a writer can pick up.
 */
export const ORDER_STATUSES = [
  'NEW',
  'NEEDS_INFO',
  'DRAFTING',
  'EDITING',
  'PHYSICIAN_REVIEW',
  'CANDIDATE_REVIEW',
  'FINALIZED',
  'DELIVERED',
  'ON_HOLD',
  'CANCELLED',
  'ERROR',
] as const;

export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const ROLES = ['writer', 'reviewer', 'manager', 'system'] as const;
/** `system` is the automation (triggers and the sweep); the others are people on the team. */
export type Role = (typeof ROLES)[number];

/** Statuses in which the team waits on the candidate: the SLA clock pauses (see deadlines.ts). */
export const PAUSED_STATUSES: readonly OrderStatus[] = ['NEEDS_INFO', 'EDITING', 'CANDIDATE_REVIEW'];

/** No transition leaves these. */
export const FINAL_STATUSES: readonly OrderStatus[] = ['DELIVERED', 'CANCELLED'];

/** Statuses of an order someone (or the automation) is working on: those a hold or an error can interrupt. */
export const ACTIVE_STATUSES: readonly OrderStatus[] = [
  'NEW',
  'NEEDS_INFO',
  'DRAFTING',
  'EDITING',
  'PHYSICIAN_REVIEW',
  'CANDIDATE_REVIEW',
  'FINALIZED',
];

export function isOrderStatus(s: unknown): s is OrderStatus {
  return typeof s === 'string' && (ORDER_STATUSES as readonly string[]).includes(s);
}

/**
 * A condition beyond the role:
 * - `returnToHeldFrom`: leaving ON_HOLD or ERROR goes back only to the status the order was in before;
 * - `noErrorFindings`: the letter check must report no error-level finding;
 * - `draftExists`: the order has a draft Doc. Intake drafts an order in NEW or NEEDS_INFO only when the answers
 *   are complete; an order moved to DRAFTING without a Doc would be a draft nobody (intake included) makes.
 */
export type TransitionGuard = 'returnToHeldFrom' | 'noErrorFindings' | 'draftExists';

export interface Transition {
  readonly from: OrderStatus;
  readonly to: OrderStatus;
  readonly roles: readonly Role[];
  /** When and why this move happens, for the docs and the sidebar's button titles. */
  readonly note: string;
  readonly guard?: TransitionGuard;
}

const TEAM: readonly Role[] = ['writer', 'reviewer', 'manager'];

function t(
  from: OrderStatus,
  to: OrderStatus,
  roles: readonly Role[],
  note: string,
  guard?: TransitionGuard,
) {
  return guard ? { from, to, roles, note, guard } : { from, to, roles, note };
}

const HOLD_OR_ERROR_FROM = ACTIVE_STATUSES;

export const TRANSITIONS: readonly Transition[] = [
  t(
    'NEW',
    'NEEDS_INFO',
    ['system'],
    'Intake found answers missing or invalid; the candidate is asked to fix them.',
  ),
  t('NEW', 'DRAFTING', ['system'], 'Intake found the answers complete and created the draft.'),
  t(
    'NEEDS_INFO',
    'DRAFTING',
    ['system', 'writer', 'manager'],
    'The answers are complete now (the candidate edited the response, or the writer got the facts).',
    'draftExists',
  ),
  t(
    'DRAFTING',
    'NEEDS_INFO',
    ['system', 'writer', 'manager'],
    'The draft cannot go on without facts only the candidate has.',
  ),
  t(
    'DRAFTING',
    'EDITING',
    ['writer', 'manager'],
    'The writer opens an editing session: questions go to the candidate.',
  ),
  t('EDITING', 'DRAFTING', ['writer', 'manager'], 'The writer closes the editing session.'),
  t(
    'DRAFTING',
    'PHYSICIAN_REVIEW',
    ['writer', 'manager'],
    'The writer hands the draft to the physician reviewer.',
  ),
  t(
    'PHYSICIAN_REVIEW',
    'DRAFTING',
    ['reviewer', 'manager'],
    'The reviewer sends the draft back for revision.',
  ),
  t(
    'PHYSICIAN_REVIEW',
    'CANDIDATE_REVIEW',
    ['reviewer', 'manager'],
    'The reviewer approves; the candidate reads the draft.',
  ),
  t(
    'PHYSICIAN_REVIEW',
    'FINALIZED',
    ['reviewer', 'manager'],
    'Finalize without candidate review, e.g. when the candidate waived the right to see the letter (FERPA).',
    'noErrorFindings',
  ),
  t('CANDIDATE_REVIEW', 'DRAFTING', TEAM, 'The candidate asked for changes.'),
  t(
    'CANDIDATE_REVIEW',
    'FINALIZED',
    TEAM,
    'The candidate accepted the draft and the letter passes every check.',
    'noErrorFindings',
  ),
  t(
    'FINALIZED',
    'DELIVERED',
    ['writer', 'manager', 'system'],
    'The final letter was handed to the candidate.',
  ),
  t('FINALIZED', 'DRAFTING', ['manager'], 'Reopen a finalized letter for changes.'),
  ...HOLD_OR_ERROR_FROM.map((from) => t(from, 'ON_HOLD', ['manager'], 'A manager pauses the order.')),
  ...HOLD_OR_ERROR_FROM.map((to) =>
    t(
      'ON_HOLD',
      to,
      ['manager'],
      'A manager releases the hold: the order returns where it was.',
      'returnToHeldFrom',
    ),
  ),
  t('ERROR', 'ON_HOLD', ['manager'], 'A manager parks a failing order until someone looks at it.'),
  ...HOLD_OR_ERROR_FROM.map((from) =>
    t(from, 'ERROR', ['system'], 'An automation step failed; the sweep retries it.'),
  ),
  // A retry first puts the order back where it failed, then the step moves it on by its usual transition
  // (NEW → DRAFTING after a retried intake): so a retry can never skip a guard such as FINALIZED's check.
  ...HOLD_OR_ERROR_FROM.map((to) =>
    t(
      'ERROR',
      to,
      ['system', 'manager'],
      'Retry: the order resumes where the failed step left it.',
      'returnToHeldFrom',
    ),
  ),
  ...[...HOLD_OR_ERROR_FROM, 'ON_HOLD' as const, 'ERROR' as const].map((from) =>
    t(from, 'CANCELLED', ['manager'], 'A manager cancels the order; it stays in the tracker.'),
  ),
];

/** What a guard needs to know about the order. */
export interface TransitionContext {
  /** The status an order in ON_HOLD or ERROR came from (`Order.heldFrom`). */
  readonly heldFrom?: OrderStatus | null;
  /** Error-level findings of the latest letter check; unknown (not checked) counts as failing. */
  readonly errorFindings?: number;
  /** Whether the order has a draft Doc (`Order.docId`); unknown counts as none. */
  readonly hasDraft?: boolean;
}

export function transitionsFrom(from: OrderStatus): readonly Transition[] {
  return TRANSITIONS.filter((x) => x.from === from);
}

export function canTransition(
  from: OrderStatus,
  to: OrderStatus,
  role: Role,
  context: TransitionContext = {},
): boolean {
  return explainRefusal(from, to, role, context) === null;
}

function list(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

const ROLE_NOUN: Record<Role, string> = {
  writer: 'a writer',
  reviewer: 'a physician reviewer',
  manager: 'a manager',
  system: 'the automation',
};

/** Why the move is refused, as one plain sentence, or null when it is allowed. */
export function explainRefusal(
  from: OrderStatus,
  to: OrderStatus,
  role: Role,
  context: TransitionContext = {},
): string | null {
  if (from === to) return `The order is already ${from}.`;
  if (FINAL_STATUSES.includes(from)) return `${from} is final: an order cannot leave it.`;
  const rule = TRANSITIONS.find((x) => x.from === from && x.to === to);
  if (!rule) {
    const allowed = transitionsFrom(from)
      .map((x) => x.to)
      .filter((s, i, all) => all.indexOf(s) === i);
    if (from === 'EDITING' && to === 'PHYSICIAN_REVIEW') {
      return 'Close the editing session first (EDITING goes back to DRAFTING), then send the draft to review.';
    }
    return `An order cannot go from ${from} to ${to}; from ${from} it can go to ${list(allowed)}.`;
  }
  if (!rule.roles.includes(role)) {
    const capital = ROLE_NOUN[role].charAt(0).toUpperCase() + ROLE_NOUN[role].slice(1);
    return `${capital} cannot move an order from ${from} to ${to}; only ${list(rule.roles.map((r) => ROLE_NOUN[r]))} can.`;
  }
  if (rule.guard === 'returnToHeldFrom') {
    const held = context.heldFrom;
    const what = from === 'ON_HOLD' ? 'An order on hold' : 'An order in ERROR';
    if (!held)
      return `${what} has no record of the status it left; a manager must look it up in the Log sheet.`;
    if (held !== to) return `${what} returns to the status it left, ${held}, not ${to}.`;
  }
  if (rule.guard === 'noErrorFindings') {
    const n = context.errorFindings;
    if (n === undefined || !Number.isFinite(n))
      return 'Run the letter check first: a letter is finalized only when it passes.';
    if (n > 0) {
      return `The letter check still reports ${n} error-level finding${n === 1 ? '' : 's'}; fix ${n === 1 ? 'it' : 'them'} before ${to}.`;
    }
  }
  if (rule.guard === 'draftExists' && context.hasDraft !== true) {
    return 'The answers are incomplete and no draft exists yet; the candidate must complete the questionnaire, or fix the response.';
  }
  return null;
}

/**
 * The order ID for a response: `CEAD-` and ten Crockford base32 characters (50 bits of FNV-1a 64) in two
 * groups, e.g. `CEAD-3F7KQ-M9XD4`. The same response always gives the same ID, so a repeated trigger or
 * sweep finds the existing order instead of making a second. Among 100,000 orders the chance that any two
 * share an ID is about n²/2⁵¹ ≈ 4 in a million; intake still checks for a clash before creating an order.
 */
export function orderIdFor(responseId: string): string {
  const code = fnv1a64Base32(`cead-order:${responseId}`, 10);
  return `CEAD-${code.slice(0, 5)}-${code.slice(5)}`;
}

export const ORDER_ID_PATTERN = /^CEAD-[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/;

/**
 * One order as the tracker's Orders sheet holds it. Text fields are '' when empty; dates and numbers that
 * do not exist yet are null (no start before the answers are complete, no due date without a start).
 */
export interface Order {
  readonly orderId: string;
  /** `FormResponse.getId()`, or the derived ID of a CSV row (see `responseIdFor` in answers.ts). */
  readonly responseId: string;
  /** When the candidate submitted, ISO date-time (`2026-09-08T14:28:27-04:00`; no offset when unknown). */
  readonly submitted: string;
  readonly candidate: string;
  readonly email: string;
  readonly specialty: string;
  readonly recommender: string;
  /** A package name from the catalog (packages.ts). */
  readonly package: string;
  readonly status: OrderStatus;
  /** While ON_HOLD or in ERROR: the working status to return to (never ON_HOLD or ERROR itself). */
  readonly heldFrom: OrderStatus | null;
  /** Team members, by email as listed in Settings. */
  readonly writer: string;
  readonly reviewer: string;
  /** The day the SLA clock started (complete answers; the conference date for on-demand). */
  readonly start: IsoDate | null;
  readonly originalDue: IsoDate | null;
  /** Original due plus the business days spent paused (deadlines.ts). */
  readonly currentDue: IsoDate | null;
  /** Business days paused in intervals that have ended. */
  readonly pausedDays: number;
  /** The day the current pause began, while the order waits on the candidate. */
  readonly pausedSince: IsoDate | null;
  /** As of `lastUpdate`; negative when overdue. */
  readonly businessDaysLeft: number | null;
  readonly docId: string;
  readonly docUrl: string;
  /** The last PDF the sidebar exported for ERAS (in the order's folder), or ''. */
  readonly pdfUrl: string;
  /**
   * Whether, when and with which model sections were rewritten: ids only (`modelRewriteSummary`), '' when no
   * model saw the letter.
   */
  readonly modelRewrite: string;
  readonly openThreads: number;
  /** The number of the latest editing session; 0 before the first. */
  readonly session: number;
  /** ISO date-time of the last change by anyone. */
  readonly lastUpdate: string;
  readonly lastError: string;
  /** The automation step that failed (e.g. `createDoc`), so the sweep knows what to retry. */
  readonly errorStep: string;
  /** Plain-language problems with the answers (what NEEDS_INFO asks the candidate to fix). */
  readonly problems: readonly string[];
}

/**
 * The `heldFrom` an order has after moving `from` → `to`: entering ON_HOLD or ERROR remembers where the order
 * was; holding an order in ERROR keeps the status it failed in (so `heldFrom` is never ON_HOLD or ERROR, and
 * releasing the hold resumes the order where it failed, `errorStep` still saying what failed); any other move
 * clears it.
 */
export function heldFromAfter(
  from: OrderStatus,
  to: OrderStatus,
  heldFrom: OrderStatus | null,
): OrderStatus | null {
  if (to === 'ON_HOLD' && from === 'ERROR') return heldFrom;
  return to === 'ON_HOLD' || to === 'ERROR' ? from : null;
}

/** A new order for a response, before intake has validated anything. */
export function newOrder(fields: {
  responseId: string;
  submitted: string;
  lastUpdate: string;
  candidate?: string;
  email?: string;
  specialty?: string;
  recommender?: string;
  package?: string;
}): Order {
  return {
    orderId: orderIdFor(fields.responseId),
    responseId: fields.responseId,
    submitted: fields.submitted,
    candidate: fields.candidate ?? '',
    email: fields.email ?? '',
    specialty: fields.specialty ?? '',
    recommender: fields.recommender ?? '',
    package: fields.package ?? '',
    status: 'NEW',
    heldFrom: null,
    writer: '',
    reviewer: '',
    start: null,
    originalDue: null,
    currentDue: null,
    pausedDays: 0,
    pausedSince: null,
    businessDaysLeft: null,
    docId: '',
    docUrl: '',
    pdfUrl: '',
    modelRewrite: '',
    openThreads: 0,
    session: 0,
    lastUpdate: fields.lastUpdate,
    lastError: '',
    errorStep: '',
    problems: [],
  };
}

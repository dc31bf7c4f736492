/**
 * The contract between the Docs sidebar page and the Apps Script functions it calls through
 * `google.script.run`. Types only: the page (src/sidebar/server-client.ts) and the server
 * (src/gas/sidebar-server.ts, src/main.gas.ts) both import it, so a renamed function or a changed field
 * fails the typecheck on both sides instead of failing silently in the browser.
 *
 * `google.script.run` passes only primitives, arrays and plain objects (a `Date` fails), so every value
 * here is JSON: dates are ISO strings. `ApiIsJson` below turns a `Date`, a function or a class instance
 * anywhere in the contract into a type error.
 */
import type { ThreadView } from '../core/editing-session';
import type { OrderStatus } from '../core/orders';
import type { SidebarAction, TeamRole } from '../core/sidebar-access';

/**
 * Every server function answers with a value or with one readable sentence. Refusals (not authorized,
 * a role that may not, a rule that forbids) are answers, not exceptions, so the page can show them as
 * they are; an exception means something broke, and the client turns it into one line too.
 */
export type ApiResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: string };

export type Severity = 'error' | 'warning' | 'info';

/** ISO 8601 date (`2026-05-01`) or date-time. */
export type IsoString = string;

export interface OrderSummary {
  readonly orderId: string;
  readonly candidate: string;
  readonly specialty: string;
  readonly package: string;
  readonly status: OrderStatus;
  readonly originalDue: IsoString | null;
  readonly currentDue: IsoString | null;
  /** Negative when overdue; null before the clock starts. */
  readonly businessDaysLeft: number | null;
  readonly writer: string;
  readonly reviewer: string;
  /** The latest editing session's number; 0 before the first. */
  readonly session: number;
}

export interface Availability {
  readonly allowed: boolean;
  /** Why not, in one sentence, when not allowed. */
  readonly reason?: string;
}

export interface StatusAction extends Availability {
  readonly to: OrderStatus;
  readonly label: string;
  /** What the move means (the transition's note). */
  readonly note: string;
}

export interface SessionSummary {
  readonly round: number;
  /** The session the order is in now (status EDITING and this is the latest round). */
  readonly current: boolean;
  readonly total: number;
  readonly open: number;
  readonly answered: number;
  readonly resolved: number;
  readonly deferred: number;
}

/** A fact the draft could not state: a candidate for the next session's questions. */
export interface OpenQuestionView {
  readonly id: string;
  readonly question: string;
  readonly passage?: string;
  /** Already a thread of the next session (intake posts the draft's questions when it makes the Doc). */
  readonly posted: boolean;
}

export interface SectionView {
  readonly sectionId: string;
  readonly title: string;
  /** Whether, when and which model last rewrote the section ("gemini-2.5-flash, prompt lor-section/2, …"). */
  readonly modelNote?: string;
}

export interface SidebarState {
  readonly user: { readonly email: string; readonly roles: readonly TeamRole[] };
  readonly order: OrderSummary;
  /** What this user may do, each with the reason when not. */
  readonly actions: Readonly<Record<SidebarAction, Availability>>;
  /** Every status the order can move to from here, the ones this user may not make included (disabled). */
  readonly statusActions: readonly StatusAction[];
  readonly sessions: readonly SessionSummary[];
  readonly threads: readonly ThreadView[];
  /** The number "Start session" would use. */
  readonly nextSession: number;
  readonly openQuestions: readonly OpenQuestionView[];
  readonly sections: readonly SectionView[];
  /** The last exported PDF, if any. */
  readonly pdf: { readonly name: string; readonly url: string } | null;
}

export interface FindingView {
  /** Stable within one check result: what the page sends back to select or to ask about a finding. */
  readonly id: string;
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly excerpt: string;
  /** UTF-16 offsets in the letter text the check read. */
  readonly start: number;
  readonly end: number;
  /** Where the rule comes from (a study, the AAMC guidelines), when it cites one. */
  readonly source?: string;
}

export interface CheckResult {
  readonly checkedAt: IsoString;
  readonly findings: readonly FindingView[];
  readonly counts: Readonly<Record<Severity, number>>;
  /**
   * What the check did to the draft's check comments (finding-comments.ts): set by "Check letter", absent
   * where a check only decides a move. `problem` when the comments could not be brought up to date.
   */
  readonly comments?:
    | { readonly posted: number; readonly replied: number; readonly resolved: number }
    | { readonly problem: string };
}

export interface SelectFindingRequest {
  readonly excerpt: string;
  readonly start: number;
  readonly end: number;
}

export interface StartSessionRequest {
  /** Must equal `SidebarState.nextSession`, so two writers clicking at once do not open two rounds. */
  readonly session: number;
  readonly openQuestionIds: readonly string[];
  readonly findings: readonly { readonly code: string; readonly message: string; readonly excerpt: string }[];
  readonly writerQuestions: readonly { readonly text: string; readonly passage?: string }[];
}

export interface CloseSessionRequest {
  readonly session: number;
  readonly deferrals: readonly { readonly threadId: string; readonly reason: string }[];
}

export interface ChangeStatusRequest {
  readonly to: OrderStatus;
}

export interface RegenerateSectionRequest {
  readonly sectionId: string;
}

export interface SuggestRewriteRequest {
  readonly sectionId: string;
}

/** A model's proposal for one section, after the fact guard: the writer accepts or rejects it. */
export interface RewriteSuggestion {
  readonly section: SectionView;
  /** proposed: the guard accepted every sentence; refused: it did not; failed: no usable answer. */
  readonly outcome: 'proposed' | 'refused' | 'failed';
  /** What Accept writes (only when proposed). */
  readonly proposal: string;
  /** The section's text as the proposal found it: Accept writes only if the Doc still has it. */
  readonly current: string;
  readonly model: string;
  readonly promptVersion: string;
  /** Refused sentences and why, or the failure, one line each. */
  readonly reasons: readonly string[];
  readonly message: string;
}

export interface DecideRewriteRequest {
  readonly sectionId: string;
  readonly decision: 'accept' | 'reject';
  readonly proposal: string;
  readonly current: string;
}

export interface ExportedPdf {
  readonly name: string;
  readonly url: string;
  readonly bytes: number;
}

/** The functions the sidebar calls. Each is a global function in the Apps Script bundle. */
export interface SidebarApi {
  getSidebarState(): ApiResult<SidebarState>;
  checkLetter(): ApiResult<CheckResult>;
  selectFinding(
    request: SelectFindingRequest,
  ): ApiResult<{ readonly selected: boolean; readonly message: string }>;
  listThreads(): ApiResult<{
    readonly threads: readonly ThreadView[];
    readonly sessions: readonly SessionSummary[];
  }>;
  startSession(request: StartSessionRequest): ApiResult<SidebarState>;
  closeSession(request: CloseSessionRequest): ApiResult<SidebarState>;
  changeStatus(request: ChangeStatusRequest): ApiResult<SidebarState>;
  regenerateSection(
    request: RegenerateSectionRequest,
  ): ApiResult<{ readonly section: SectionView; readonly message: string }>;
  suggestRewrite(request: SuggestRewriteRequest): ApiResult<RewriteSuggestion>;
  decideRewrite(
    request: DecideRewriteRequest,
  ): ApiResult<{ readonly section: SectionView; readonly message: string }>;
  exportPdf(): ApiResult<ExportedPdf>;
}

export type SidebarFunctionName = keyof SidebarApi;

/** The value a server function resolves to when it succeeds. */
export type ApiValue<R> = R extends { readonly ok: true; readonly value: infer T } ? T : never;

// --- JSON only -----------------------------------------------------------------------------------------

/** The part of T that is not JSON (never when all of it is). */
export type NotJson<T> = T extends string | number | boolean | null | undefined
  ? never
  : T extends Date | ((...args: never[]) => unknown) | Map<unknown, unknown> | Set<unknown> | RegExp
    ? T
    : T extends readonly (infer U)[]
      ? NotJson<U>
      : T extends object
        ? { [K in keyof T]-?: NotJson<T[K]> }[keyof T]
        : T;

type Assert<T extends true> = T;

/** A type error here names the part of the contract that `google.script.run` cannot carry. */
export type ApiIsJson = Assert<
  [
    {
      [K in SidebarFunctionName]: NotJson<Parameters<SidebarApi[K]>> | NotJson<ReturnType<SidebarApi[K]>>;
    }[SidebarFunctionName],
  ] extends [never]
    ? true
    : false
>;

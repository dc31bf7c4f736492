/**
 * The ports through which the back-office use cases (intake, sweep, manager edits) reach the world.
 *
 * They are synchronous because Apps Script services are, and small so that each has three honest
 * implementations: Apps Script services (src/gas), local files (src/node), and memory (tests). A port
 * method throws when its service fails; the use cases decide what is worth a retry (`isTransientError`),
 * so an adapter must let the service's own message through rather than wrap it in its own words.
 *
 * Times cross the ports as ISO 8601 strings: the core has no `Date` and no time-zone database.
 */
import type { CommentThread } from './editing-session';
import type { DocsRequest } from './letter/docs-requests';
import type { Order } from './orders';
import type { IsoDate } from './questionnaire';
import type { RewriteReply, RewriteRequest } from './rewrite/generate-content';
import type { Settings, SettingsProblem } from './settings';
import type { LogEntry } from './tracker-row';

/** Time, read through a port so the core never reads a clock and tests control it. */
export interface Clock {
  /** The current instant, ISO 8601 in UTC (`2026-11-30T14:00:00.000Z`). */
  now(): string;
  /** The calendar day of an instant in a time zone (IANA name). */
  localDate(instant: string, timeZone: string): IsoDate;
  /** An instant as `2026-11-30T09:00:00-05:00` in a time zone: what the tracker shows. */
  localDateTime(instant: string, timeZone: string): string;
  /** Waits (Apps Script: `Utilities.sleep`); backoff between retries goes through here. */
  sleep(ms: number): void;
}

/** One form response as the questionnaire's source holds it now. */
export interface ResponseData {
  readonly responseId: string;
  /** When the candidate last submitted or edited it, ISO 8601 instant: identifies this version. */
  readonly timestamp: string;
  /** The email the form collected, or ''. */
  readonly respondentEmail: string;
  /** Where the candidate edits the response, or ''. */
  readonly editUrl: string;
  /**
   * The answers verbatim, keyed by the item's title as the form shows it (the same keys a Forms CSV
   * export has); several choices are joined with ", " as the export joins them.
   */
  readonly raw: Readonly<Record<string, string>>;
}

/** The questionnaire's responses (the Form; locally, a CSV or JSON file). */
export interface ResponseSource {
  get(responseId: string): ResponseData | undefined;
  /** Responses submitted or edited at or after `since` (ISO instant), or all of them. */
  list(since?: string): readonly ResponseData[];
}

/** The Responses sheet: every version of every response, verbatim, append-only. */
export interface RawResponseStore {
  /** Whether this version (response ID and `received`, the version's local date-time) is stored. */
  has(responseId: string, received: string): boolean;
  append(responseId: string, received: string, raw: Readonly<Record<string, string>>): void;
  /** The stored raw answers of one version, for comparing an edited response with what it was. */
  get(responseId: string, received: string): Readonly<Record<string, string>> | undefined;
}

/** The Orders sheet. An adapter reads the sheet once per execution and keeps what it read. */
export interface OrderStore {
  /** Every order; rows that cannot be read are reported and left out, never guessed at. */
  readAll(): { readonly orders: readonly Order[]; readonly problems: readonly string[] };
  /** Inserts or replaces one order (by order ID) with one write. */
  put(order: Order): void;
  /** Writes every order that differs from what the store holds, with one write. */
  putAll(orders: readonly Order[]): void;
}

/** A draft document and the facts intake keeps about it on the document itself. */
export interface DocumentRef {
  readonly id: string;
  readonly url: string;
  /** `letterHash` as recorded when CEAD last wrote the letter, or '' when unknown. */
  readonly letterHash: string;
}

/** Google Docs (locally, `.docx` files). */
export interface DocumentStore {
  /** The order's document, made by an earlier run that may have stopped before recording it. */
  findByOrder(orderId: string): DocumentRef | undefined;
  /**
   * A new empty document labelled with the order ID and the letter's hash: in `folderId` (a folder from
   * `FileSharing.folderFor`) when given, else in the orders folder.
   */
  create(orderId: string, title: string, letterHash: string, folderId?: string): DocumentRef;
  /** The document's plain text (body only; Docs' final newline dropped). */
  text(docId: string): string;
  /** Applies Docs API requests in one atomic batch. */
  write(docId: string, requests: readonly DocsRequest[]): void;
  /**
   * Replaces the whole body with the letter (one batch) and records its new hash. With `unchanged`, only if
   * the body's text at the moment of writing passes it: false, and nothing written, when someone changed
   * the document since it was read (the Docs adapter also makes the write itself conditional on the
   * revision it checked, so typing between the check and the write is not lost either).
   */
  replace(
    docId: string,
    requests: readonly DocsRequest[],
    letterHash: string,
    unchanged?: (currentText: string) => boolean,
  ): boolean;
}

/** Comment threads on a document (Drive comments; locally, Word comments). */
export interface CommentStore {
  list(docId: string): readonly CommentThread[];
  /** Posts an unanchored comment quoting `quoted`; returns the new thread's ID. */
  post(docId: string, text: string, quoted?: string): string;
  reply(docId: string, threadId: string, text: string, action?: 'resolve' | 'reopen'): void;
}

export type ShareRole = 'writer' | 'commenter' | 'reader';

export interface FileSharing {
  /** Gives `email` access; sharing again with the same person changes nothing. */
  share(docId: string, email: string, role: ShareRole, notify: boolean): void;
  /** Who has access now, directly or through a folder (emails, lower case). */
  sharedWith(docId: string): readonly string[];
  /**
   * A folder shared with `email` as a writer, made and shared on first use and remembered after: a
   * document made in it is theirs to work on with no share of its own (Drive files take their folder's
   * permissions). Stores without such folders (the local command) leave it out, and each document is shared
   * by itself.
   */
  folderFor?(email: string): string;
}

/** A mutual-exclusion lock over every execution of the back office. */
export interface Lock {
  /** Waits up to `timeoutMs`; false when another execution still holds it. */
  tryAcquire(timeoutMs: number): boolean;
  release(): void;
}

export interface MailMessage {
  readonly to: string;
  readonly subject: string;
  readonly body: string;
}

export interface Mailer {
  /** Recipients this account may still email today. */
  remainingQuota(): number;
  send(message: MailMessage): void;
}

/** The Log sheet: append-only. */
export interface EventLog {
  append(entries: readonly LogEntry[]): void;
}

/**
 * Writes the tracker stores hold back until `commit`, so that each durable point of a use case is one call
 * to the service however many rows and sheets it touches (Apps Script: one Sheets API `batchUpdate`).
 * Stores that write at once (local files, memory) come with no batch, and then nothing waits.
 *
 * A failed commit writes nothing and keeps what it holds, so committing again retries the same write;
 * `discard` drops it, for a caller that records something else instead.
 */
export interface WriteBatch {
  commit(): void;
  discard(): void;
}

/** The Settings sheet. */
export interface SettingsSource {
  read(): { readonly settings: Settings; readonly problems: readonly SettingsProblem[] };
}

/** Small durable values the automation keeps between runs (Apps Script: script properties). */
export interface StateStore {
  get(key: string): string | undefined;
  set(key: string, value: string): void;
}

/**
 * A language model that proposes a rewrite of one letter section (Apps Script: Vertex AI or the Gemini API;
 * Node: @google/genai). One call is one `generateContent`; what it proposes goes through the fact guard
 * (rewrite/fact-guard.ts) before anyone sees it. Transport failures throw with the service's own message
 * (a time-out, "HTTP 429"), so `isTransientError` decides on a retry.
 */
export interface Rewriter {
  /** The model's name as the records show it ("gemini-2.5-flash"). */
  readonly model: string;
  rewrite(request: RewriteRequest): RewriteReply;
}

/**
 * Whether a service error is worth a retry: quota bursts, timeouts and server errors, as Apps Script and
 * the Google APIs word them. Everything else (bad request, not found, permission) fails the same way again.
 */
export function isTransientError(error: unknown): boolean {
  const message = errorMessage(error);
  return TRANSIENT.some((re) => re.test(message));
}

const TRANSIENT: readonly RegExp[] = [
  /too many times in a short time/i,
  /server error occurred/i,
  /timed out/i,
  /\btimeout\b/i,
  /rate ?limit/i,
  /quota exceeded for quota metric/i,
  /internal error/i,
  /backend error/i,
  /service unavailable/i,
  /try again/i,
  // An HTTP status only where the message says it is one: ids and indices also hold such numbers.
  /\b(?:code|status|error|HTTP)\W{0,3}(?:429|500|502|503|504)\b/i,
];

/**
 * An error's message. Errors may come from another JavaScript realm (Apps Script services, a vm context),
 * where `instanceof Error` is false, so this reads the property instead.
 */
export function errorMessage(error: unknown): string {
  if (error !== null && typeof error === 'object' && 'message' in error) {
    return String((error as { message: unknown }).message);
  }
  return String(error);
}

/**
 * The back office's lock across processes and machines, where Apps Script's script lock does not exist:
 * a lease written in a small Google Doc that `cead google setup` makes ("CEAD lock", in the orders folder).
 *
 * Why a Doc: of the APIs CEAD uses, only Docs has a conditional write. `documents.batchUpdate` with
 * `writeControl.requiredRevisionId` is refused (400) when the document changed since that revision, so
 * two runs that both see the lease free cannot both take it: the first write moves the revision and the
 * second is refused. (Sheets values and Drive app properties are last-writer-wins.)
 *
 * The Doc's text is `holder expiresAt`, or empty when free. A run takes a free or expired lease, keeps it
 * for `leaseMs`, renews it on long runs and empties it when done; a run that dies holds it until it
 * expires.
 *
 * Fewer calls, same safety: every write is conditional on a revision at which this lock knows the Doc's
 * text. Docs answers a write with the revision it made, so renewing and letting go need no read (one call
 * each), and the revision at which this machine left the Doc empty is kept in its state file, so the next
 * run takes the lease with one write on it. When anyone wrote since (another machine, an expired lease
 * taken over, a revision ID too old for Docs to accept), that write is refused, nothing changed, and the
 * lock reads the Doc and decides from what it holds, as it would without the memory.
 */
import type { Clock, Lock, StateStore } from '../../core/ports';
import { bodyText, type DocsDocument, type DocsV1 } from '../../gas/doc-writer';

export const DEFAULT_LEASE_MS = 60 * 60 * 1000;
const POLL_MS = 2000;
/** The state key holding the revision at which this machine left the lock Doc empty. */
export const LOCK_REVISION_KEY = 'cead.google.lockFreeAt.';

export interface Lease {
  readonly holder: string;
  readonly expiresAt: string;
}

export function readLease(text: string): Lease | undefined {
  const [holder, expiresAt] = text.trim().split(/\s+/);
  if (!holder || !expiresAt || Number.isNaN(Date.parse(expiresAt))) return undefined;
  return { holder, expiresAt };
}

/** A revision of the lock Doc and the end index of its body then (2 when empty). */
interface Known {
  readonly revisionId: string;
  readonly end: number;
}

function knownFrom(doc: DocsDocument): Known | undefined {
  if (!doc.revisionId) return undefined;
  return { revisionId: doc.revisionId, end: doc.body?.content?.at(-1)?.endIndex ?? 2 };
}

function isRevisionConflict(e: unknown): boolean {
  return (e as { status?: unknown }).status === 400 && /revision/i.test(String((e as Error).message));
}

export class DocLeaseLock implements Lock {
  private held = false;
  /** The Doc as this lock last wrote it: what the next conditional write names. */
  private known: Known | undefined;

  constructor(
    private readonly docs: DocsV1,
    private readonly lockDocId: string,
    private readonly holder: string,
    private readonly clock: Pick<Clock, 'now' | 'sleep'>,
    private readonly leaseMs = DEFAULT_LEASE_MS,
    /** Where the revision this machine left the Doc empty at is kept between runs (none: always read). */
    private readonly memory?: StateStore,
  ) {
    if (/\s/.test(holder) || holder === '') throw new Error('a lock holder is one word');
  }

  tryAcquire(timeoutMs: number): boolean {
    if (this.takeRemembered()) return true;
    const deadline = Date.parse(this.clock.now()) + timeoutMs;
    for (;;) {
      if (this.tryOnce()) return true;
      if (Date.parse(this.clock.now()) + POLL_MS > deadline) return false;
      this.clock.sleep(POLL_MS);
    }
  }

  /**
   * Pushes the lease's expiry `leaseMs` past now, for a run that outlasts part of it. False when the lease
   * is no longer this run's (it expired and another run took it): the caller must stop writing.
   */
  renew(): boolean {
    if (!this.held) return false;
    if (this.known && this.write(this.known, this.leaseText())) return true;
    const doc = this.docs.Documents.get(this.lockDocId);
    const known = knownFrom(doc);
    if (known && readLease(bodyText(doc))?.holder === this.holder && this.write(known, this.leaseText()))
      return true;
    this.held = false;
    return false;
  }

  release(): void {
    if (!this.held) return;
    this.held = false;
    if (this.known && this.write(this.known, '')) {
      this.remember();
      return;
    }
    const doc = this.docs.Documents.get(this.lockDocId);
    const known = knownFrom(doc);
    // Someone took it after it expired: theirs now, not ours to empty.
    if (known && readLease(bodyText(doc))?.holder === this.holder && this.write(known, '')) this.remember();
  }

  /**
   * One conditional write on the revision this machine last left the Doc empty at. Refused, that revision
   * is forgotten: revisions only move on, so it would be refused again.
   */
  private takeRemembered(): boolean {
    const key = LOCK_REVISION_KEY + this.lockDocId;
    const revisionId = this.memory?.get(key);
    if (!revisionId) return false;
    let taken = false;
    try {
      taken = this.claim({ revisionId, end: 2 });
    } catch (e) {
      // A revision ID Docs no longer accepts is a 400 too: nothing was written, so read as usual.
      if ((e as { status?: unknown }).status !== 400) throw e;
    }
    if (!taken) this.memory?.set(key, '');
    return taken;
  }

  /** One look at the lease, and one conditional write if it is free, expired or ours. */
  private tryOnce(): boolean {
    const doc = this.docs.Documents.get(this.lockDocId);
    const lease = readLease(bodyText(doc));
    const now = Date.parse(this.clock.now());
    const free = !lease || lease.holder === this.holder || Date.parse(lease.expiresAt) <= now;
    const known = knownFrom(doc);
    return free && known !== undefined && this.claim(known);
  }

  private claim(known: Known): boolean {
    if (!this.write(known, this.leaseText())) return false;
    this.held = true;
    return true;
  }

  private leaseText(): string {
    return `${this.holder} ${new Date(Date.parse(this.clock.now()) + this.leaseMs).toISOString()}`;
  }

  private remember(): void {
    if (this.known) this.memory?.set(LOCK_REVISION_KEY + this.lockDocId, this.known.revisionId);
  }

  /**
   * Replaces the text, only if the Doc is still at `known`'s revision; false when somebody wrote since.
   * Afterwards `known` is the revision Docs made (the body's end moves by the text's UTF-16 length).
   */
  private write(known: Known, text: string): boolean {
    const requests = [
      ...(known.end > 2
        ? [{ deleteContentRange: { range: { startIndex: 1, endIndex: known.end - 1 } } }]
        : []),
      ...(text ? [{ insertText: { location: { index: 1 }, text } }] : []),
    ];
    if (requests.length === 0) {
      this.known = known;
      return true;
    }
    try {
      const reply = this.docs.Documents.batchUpdate(
        { requests, writeControl: { requiredRevisionId: known.revisionId } },
        this.lockDocId,
      ) as { writeControl?: { requiredRevisionId?: string } } | undefined;
      const revisionId = reply?.writeControl?.requiredRevisionId;
      this.known = revisionId ? { revisionId, end: 2 + text.length } : undefined;
      return true;
    } catch (e) {
      if (isRevisionConflict(e)) {
        this.known = undefined;
        return false;
      }
      throw e;
    }
  }
}

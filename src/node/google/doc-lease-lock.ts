/**
 * The back office's lock across processes and machines, where Apps Script's script lock does not exist:
 * a lease written in a small Google Doc that `cead google setup` makes ("CEAD lock", in the orders folder).
 *
 * Why a Doc: of the APIs CEAD uses, only Docs has a conditional write. `documents.batchUpdate` with
 * `writeControl.requiredRevisionId` is refused (400) when the document changed since that revision was
 * read, so two runs that both see the lease free cannot both take it: the first write moves the revision
 * and the second is refused. (Sheets values and Drive app properties are last-writer-wins.)
 *
 * The Doc's text is `holder expiresAt`, or empty when free. A run takes a free or expired lease, keeps it
 * for `leaseMs`, and empties it when done; a run that dies holds it until it expires. The lease is
 * renewed on every `tryAcquire` by its holder, so a long sync can renew between responses.
 */
import type { Clock, Lock } from '../../core/ports';
import { bodyText, type DocsV1 } from '../../gas/doc-writer';

export const DEFAULT_LEASE_MS = 60 * 60 * 1000;
const POLL_MS = 2000;

export interface Lease {
  readonly holder: string;
  readonly expiresAt: string;
}

export function readLease(text: string): Lease | undefined {
  const [holder, expiresAt] = text.trim().split(/\s+/);
  if (!holder || !expiresAt || Number.isNaN(Date.parse(expiresAt))) return undefined;
  return { holder, expiresAt };
}

export class DocLeaseLock implements Lock {
  private held = false;

  constructor(
    private readonly docs: DocsV1,
    private readonly lockDocId: string,
    private readonly holder: string,
    private readonly clock: Pick<Clock, 'now' | 'sleep'>,
    private readonly leaseMs = DEFAULT_LEASE_MS,
  ) {
    if (/\s/.test(holder) || holder === '') throw new Error('a lock holder is one word');
  }

  tryAcquire(timeoutMs: number): boolean {
    const deadline = Date.parse(this.clock.now()) + timeoutMs;
    for (;;) {
      if (this.tryOnce()) return true;
      if (Date.parse(this.clock.now()) + POLL_MS > deadline) return false;
      this.clock.sleep(POLL_MS);
    }
  }

  /** One look at the lease, and one conditional write if it is free, expired or ours. */
  private tryOnce(): boolean {
    const doc = this.docs.Documents.get(this.lockDocId);
    const lease = readLease(bodyText(doc));
    const now = Date.parse(this.clock.now());
    const free = !lease || lease.holder === this.holder || Date.parse(lease.expiresAt) <= now;
    if (!free) return false;
    const expiresAt = new Date(now + this.leaseMs).toISOString();
    if (!this.write(doc, `${this.holder} ${expiresAt}`)) return false;
    this.held = true;
    return true;
  }

  release(): void {
    if (!this.held) return;
    const doc = this.docs.Documents.get(this.lockDocId);
    // Someone took it after it expired: theirs now, not ours to empty.
    if (readLease(bodyText(doc))?.holder === this.holder) this.write(doc, '');
    this.held = false;
  }

  /** Replaces the text only if nobody wrote since `doc` was read; false when somebody did. */
  private write(doc: ReturnType<DocsV1['Documents']['get']>, text: string): boolean {
    const end = doc.body?.content?.at(-1)?.endIndex ?? 2;
    const requests = [
      ...(end > 2 ? [{ deleteContentRange: { range: { startIndex: 1, endIndex: end - 1 } } }] : []),
      ...(text ? [{ insertText: { location: { index: 1 }, text } }] : []),
    ];
    if (requests.length === 0) return true;
    try {
      this.docs.Documents.batchUpdate(
        { requests, writeControl: { requiredRevisionId: doc.revisionId ?? '' } },
        this.lockDocId,
      );
      return true;
    } catch (e) {
      if ((e as { status?: unknown }).status === 400 && /revision/i.test(String((e as Error).message)))
        return false;
      throw e;
    }
  }
}

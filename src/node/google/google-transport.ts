/**
 * Every Google API call `cead google` makes goes through here: one request through the bridge, and on a
 * 429 or a 5xx (or no answer at all) truncated exponential backoff, as Google's guidance for its APIs has
 * it: wait `min(2^n s + up to 1 s of jitter, 32 s)`, or the server's `Retry-After` when it sends one, at
 * most `MAX_ATTEMPTS` tries. The wait goes through the run's `Clock.sleep`, so tests wait in virtual time.
 *
 * A call that still fails throws with Google's own message and its status (`… (HTTP 429)`): the core's
 * `isTransientError` reads the status, and adapters match the messages (`File not found`, `exceeds grid
 * limits`) exactly as the Apps Script services word them.
 */
import type { Clock } from '../../core/ports';
import type { ApiReply, GoogleApiName } from './api-call';
import type { ApiPort } from './sync-bridge';

export const MAX_ATTEMPTS = 5;
export const MAX_BACKOFF_MS = 32_000;

export class GoogleApiError extends Error {
  constructor(
    readonly status: number,
    readonly apiMessage: string,
    readonly method: string,
  ) {
    super(`${apiMessage} (HTTP ${status || 'no answer'}, ${method})`);
  }
}

export function isRetryable(reply: ApiReply): boolean {
  return !reply.ok && (reply.status === 0 || reply.status === 429 || reply.status >= 500);
}

export function backoffMs(attempt: number, reply: ApiReply, random: () => number): number {
  if (!reply.ok && reply.retryAfter !== undefined) return reply.retryAfter * 1000;
  return Math.min(2 ** attempt * 1000 + Math.floor(random() * 1000), MAX_BACKOFF_MS);
}

export interface TransportOptions {
  readonly clock: Pick<Clock, 'sleep'>;
  readonly random?: () => number;
  /** Told of each request (its method), for `--json` counts and the benchmark. */
  readonly onRequest?: (method: string) => void;
}

export class GoogleTransport {
  private readonly counts = new Map<string, number>();

  constructor(
    private readonly port: ApiPort,
    private readonly options: TransportOptions,
  ) {}

  call<T>(api: GoogleApiName, method: string, params: Record<string, unknown>, media = false): T {
    const name = `${api}.${method}`;
    for (let attempt = 0; ; attempt++) {
      this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
      this.options.onRequest?.(name);
      const reply = this.port.send({ api, method, params, ...(media ? { media } : {}) });
      if (reply.ok) return reply.data as T;
      if (!isRetryable(reply) || attempt + 1 >= MAX_ATTEMPTS) {
        throw new GoogleApiError(reply.status, reply.message, name);
      }
      this.options.clock.sleep(backoffMs(attempt, reply, this.options.random ?? Math.random));
    }
  }

  /** Requests made so far, by method (retries included). */
  requests(): Readonly<Record<string, number>> {
    return Object.fromEntries(this.counts);
  }

  close(): void {
    this.port.close();
  }
}

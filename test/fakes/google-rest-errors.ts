/**
 * Google's REST error bodies, as the API reference pages and the "Global domain errors" page show them:
 * `{ error: { code, message, status, errors: [{ domain, reason, message }] } }`, the canonical status name
 * beside the HTTP code (cloud.google.com/apis/design/errors). The client libraries read `error.message`
 * into the thrown error's message and `code` into its status, so the adapters see what Google sends.
 */

const STATUS: Readonly<Record<number, { readonly status: string; readonly reason: string }>> = {
  400: { status: 'INVALID_ARGUMENT', reason: 'badRequest' },
  401: { status: 'UNAUTHENTICATED', reason: 'authError' },
  403: { status: 'PERMISSION_DENIED', reason: 'forbidden' },
  404: { status: 'NOT_FOUND', reason: 'notFound' },
  409: { status: 'ABORTED', reason: 'conflict' },
  413: { status: 'INVALID_ARGUMENT', reason: 'requestTooLarge' },
  429: { status: 'RESOURCE_EXHAUSTED', reason: 'rateLimitExceeded' },
  500: { status: 'INTERNAL', reason: 'backendError' },
  503: { status: 'UNAVAILABLE', reason: 'backendError' },
};

/** The message Google gives with each status when a test fails a call on purpose. */
export const DEFAULT_MESSAGES: Readonly<Record<number, string>> = {
  400: 'Request contains an invalid argument.',
  403: 'The caller does not have permission',
  404: 'Requested entity was not found.',
  409: 'The operation was aborted.',
  429: "Quota exceeded for quota metric 'Write requests' and limit 'Write requests per minute per user' of service.",
  500: 'Internal error encountered.',
  503: 'The service is currently unavailable.',
};

/** An HTTP error as the emulator answers it. */
export class RestError extends Error {
  constructor(
    readonly code: number,
    message: string,
    /** Seconds, sent as `Retry-After` (429 and 503). */
    readonly retryAfter?: number,
  ) {
    super(message);
  }
}

export function errorBody(code: number, message: string): Record<string, unknown> {
  const known = STATUS[code] ?? { status: 'UNKNOWN', reason: 'unknown' };
  return {
    error: {
      code,
      message,
      errors: [{ message, domain: 'global', reason: known.reason }],
      status: known.status,
    },
  };
}

/** The prefix Apps Script puts before an API's own message; the REST body carries the message alone. */
const APPS_SCRIPT_PREFIX = /^(?:GoogleJsonResponseException: )?API call to [\w.]+ failed with error: /;

/**
 * A fake's error as the REST answer: the in-memory fakes throw what Apps Script shows (the API's message
 * behind a prefix, with `details.code` or `code`); a plain error without a code is a bug in the fake or
 * the test, answered 500 so it is never mistaken for a refusal.
 */
export function restErrorOf(error: unknown): RestError {
  if (error instanceof RestError) return error;
  const e = error as { message?: unknown; code?: unknown; details?: unknown };
  const message = String(e?.message ?? error).replace(APPS_SCRIPT_PREFIX, '');
  const details = e?.details as { code?: unknown } | undefined;
  const code = typeof details?.code === 'number' ? details.code : typeof e?.code === 'number' ? e.code : 0;
  if (code >= 400) return new RestError(code, message);
  if (/^API call to|GoogleJsonResponseException/.test(String(e?.message))) return new RestError(400, message);
  return new RestError(500, `Emulator fault (not an API answer): ${message}`);
}

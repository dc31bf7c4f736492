/**
 * One Google API request as it crosses from the core's synchronous ports to the thread that runs Google's
 * asynchronous client libraries (sync-bridge.ts): the API, the client method's path (as the libraries name
 * it: `spreadsheets.values.batchGet`) and its parameters object, exactly what the library method takes.
 */
export type GoogleApiName = 'sheets' | 'docs' | 'drive' | 'forms';

export interface ApiCall {
  readonly api: GoogleApiName;
  readonly method: string;
  readonly params: Readonly<Record<string, unknown>>;
  /** The answer is a file's bytes (Drive's `files.export`), given back as a Uint8Array. */
  readonly media?: boolean;
}

/** What came back: the response body, or the HTTP status and Google's own error message. */
export type ApiReply =
  | { readonly ok: true; readonly data: unknown }
  | {
      readonly ok: false;
      /** HTTP status; 0 when no answer came (a refused connection, a time-out). */
      readonly status: number;
      readonly message: string;
      /** `Retry-After`, in seconds, when the answer had one. */
      readonly retryAfter?: number;
    };

/**
 * How the worker authenticates, as plain data (an auth client cannot cross threads):
 * application default credentials, a service account key file, the user's token from `cead google login`,
 * or a fixed access token (the tests' emulator takes any).
 */
export type AuthConfig =
  | { readonly kind: 'adc' }
  | { readonly kind: 'keyFile'; readonly keyFile: string }
  | { readonly kind: 'user'; readonly tokenFile: string }
  | { readonly kind: 'token'; readonly accessToken: string };

export interface ClientConfig {
  readonly auth: AuthConfig;
  /** Where every API is reached (the emulator in tests); unset, each API's own Google host. */
  readonly rootUrl?: string;
}

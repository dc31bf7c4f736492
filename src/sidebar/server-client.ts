/**
 * A typed, promise-returning client for `google.script.run`. The function names and their argument and
 * result types come from `SidebarApi`, the one contract the server implements too.
 *
 * `google.script.run` calls complete out of order and fail in two ways: the server answers
 * `{ ok: false, error }` (a refusal, shown as it is), or the call throws (a bug or an outage; Apps Script
 * hands the failure handler an Error whose message may carry a stack or an "Exception:" prefix). Both
 * reach the page as a rejected promise with one readable line.
 */
import type { ApiValue, SidebarApi, SidebarFunctionName } from '../gas/sidebar-api';

export type ServerClient = {
  readonly [K in SidebarFunctionName]: (
    ...args: Parameters<SidebarApi[K]>
  ) => Promise<ApiValue<ReturnType<SidebarApi[K]>>>;
};

/** The part of `google.script.run` this client uses. */
export interface ScriptRunner {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRunner;
  withFailureHandler(handler: (error: unknown) => void): ScriptRunner;
  [name: string]: unknown;
}

/**
 * Every server function, checked both ways against `SidebarApi`: a missing or an extra name is a type
 * error. The bundle test reads this list to check each one is a global function in Code.js.
 */
export const SERVER_FUNCTIONS = {
  getSidebarState: true,
  checkLetter: true,
  selectFinding: true,
  listThreads: true,
  startSession: true,
  closeSession: true,
  changeStatus: true,
  regenerateSection: true,
  suggestRewrite: true,
  decideRewrite: true,
  exportPdf: true,
} as const satisfies Record<SidebarFunctionName, true>;

export class ServerError extends Error {
  override readonly name = 'ServerError';
}

const FALLBACK = 'The server did not answer. Reload the sidebar and try again.';
const MAX_LINE = 240;

/** Any failure as one readable line: no stack, no "Exception:" prefix, no line breaks, not too long. */
export function oneLine(error: unknown): string {
  let text: string;
  if (error instanceof Error) text = error.message;
  else if (typeof error === 'string') text = error;
  else if (
    error &&
    typeof error === 'object' &&
    typeof (error as { message?: unknown }).message === 'string'
  ) {
    text = (error as { message: string }).message;
  } else text = '';
  const first =
    text
      .split(/\r?\n/)
      .map((l) => l.trim())
      .find((l) => l !== '' && !/^at\s/.test(l)) ?? '';
  const clean = first
    .replace(/^(?:(?:Script)?Error|Exception|TypeError|ReferenceError):\s*/i, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (clean === '') return FALLBACK;
  return clean.length <= MAX_LINE ? clean : `${clean.slice(0, MAX_LINE - 1)}…`;
}

function isResult(value: unknown): value is { ok: true; value: unknown } | { ok: false; error: unknown } {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';
}

/** `runner` is called once per request, as `google.script.run` must be: each call needs fresh handlers. */
export function createServerClient(runner: () => ScriptRunner): ServerClient {
  const call =
    (name: SidebarFunctionName) =>
    (...args: unknown[]): Promise<unknown> =>
      new Promise((resolve, reject) => {
        const run = runner()
          .withSuccessHandler((result) => {
            if (!isResult(result)) reject(new ServerError(`Unexpected answer from the server for ${name}.`));
            else if (result.ok) resolve(result.value);
            else reject(new ServerError(oneLine(result.error)));
          })
          .withFailureHandler((error) => reject(new ServerError(oneLine(error))));
        const fn = run[name];
        if (typeof fn !== 'function') {
          reject(new ServerError(`The server has no function ${name}; reload the sidebar.`));
          return;
        }
        fn.apply(run, args);
      });
  const client: Record<string, unknown> = {};
  for (const name of Object.keys(SERVER_FUNCTIONS) as SidebarFunctionName[]) client[name] = call(name);
  return client as ServerClient;
}

/** `google.script.run` in the sidebar; the tests inject a stand-in with the same shape. */
export function googleScriptRun(): ScriptRunner {
  const g = (globalThis as { google?: { script?: { run?: ScriptRunner } } }).google;
  const run = g?.script?.run;
  if (!run) throw new ServerError('This page only works inside Google Docs (google.script.run is missing).');
  return run;
}

/**
 * Google's Node clients for the four APIs, made once per worker thread, and the call of one method by its
 * path. Each client is its split `@googleapis/<api>` package (docs/architecture.md says why not `googleapis`
 * whole).
 */
import { docs } from '@googleapis/docs';
import { drive } from '@googleapis/drive';
import { forms } from '@googleapis/forms';
import { sheets } from '@googleapis/sheets';
import { GoogleAuth, OAuth2Client } from 'google-auth-library';
import type { ApiCall, ApiReply, AuthConfig, ClientConfig } from './api-call';
import { GOOGLE_SCOPES } from './scopes';
import { readUserToken } from './user-token';

type AnyClient = Record<string, unknown>;
type Auth = GoogleAuth | OAuth2Client;

function authClient(config: AuthConfig): Auth {
  switch (config.kind) {
    case 'adc':
      return new GoogleAuth({ scopes: [...GOOGLE_SCOPES] });
    case 'keyFile':
      return new GoogleAuth({ keyFile: config.keyFile, scopes: [...GOOGLE_SCOPES] });
    case 'user': {
      const token = readUserToken(config.tokenFile);
      const client = new OAuth2Client({
        clientId: token.clientId,
        clientSecret: token.clientSecret,
        transporterOptions: { fetchImplementation: fetch },
      });
      client.setCredentials({ refresh_token: token.refreshToken });
      return client;
    }
    case 'token': {
      const client = new OAuth2Client();
      // A fixed token that never expires, so the library never tries to refresh it.
      client.setCredentials({ access_token: config.accessToken, expiry_date: Number.MAX_SAFE_INTEGER });
      return client;
    }
  }
}

export function makeClients(config: ClientConfig): Record<ApiCall['api'], AnyClient> {
  // The retries are the transport's (google-transport.ts), which honours Retry-After with the run's clock.
  const options = {
    auth: authClient(config.auth),
    retry: false,
    // Node's own fetch: gaxios would otherwise import node-fetch dynamically, which a vm (jest) refuses.
    fetchImplementation: fetch,
    ...(config.rootUrl ? { rootUrl: config.rootUrl } : {}),
  };
  return {
    sheets: sheets({ version: 'v4', ...options }) as unknown as AnyClient,
    docs: docs({ version: 'v1', ...options }) as unknown as AnyClient,
    drive: drive({ version: 'v3', ...options }) as unknown as AnyClient,
    forms: forms({ version: 'v1', ...options }) as unknown as AnyClient,
  };
}

/** Calls `client.a.b.c(params)` for the method path `a.b.c`; an unknown path is a programming error. */
export async function invoke(clients: Record<ApiCall['api'], AnyClient>, call: ApiCall): Promise<ApiReply> {
  const path = call.method.split('.');
  let owner: AnyClient = clients[call.api];
  for (const part of path.slice(0, -1)) owner = owner[part] as AnyClient;
  const fn = owner?.[path[path.length - 1] as string];
  if (typeof fn !== 'function') throw new Error(`no method ${call.api}.${call.method}`);
  try {
    if (call.media) {
      // Bytes, not JSON: the library would otherwise try to read a PDF as text.
      const res = (await fn.call(owner, call.params, { responseType: 'arraybuffer' })) as {
        data: ArrayBuffer;
      };
      return { ok: true, data: new Uint8Array(res.data) };
    }
    const res = (await fn.call(owner, call.params)) as { data: unknown };
    return { ok: true, data: res.data };
  } catch (e) {
    return failure(e);
  }
}

/** A client error as the reply: the status, Google's own message (from the error body) and Retry-After. */
export function failure(e: unknown): ApiReply {
  const err = e as {
    status?: unknown;
    code?: unknown;
    message?: unknown;
    response?: { status?: number; headers?: unknown; data?: { error?: { message?: string } } };
  };
  const status = Number(err.response?.status ?? err.status ?? 0) || 0;
  const message = err.response?.data?.error?.message ?? String(err.message ?? e);
  const retryAfter = retryAfterOf(err.response?.headers);
  return { ok: false, status, message, ...(retryAfter === undefined ? {} : { retryAfter }) };
}

function retryAfterOf(headers: unknown): number | undefined {
  if (!headers) return undefined;
  const h = headers as { get?: (name: string) => string | null } & Record<string, unknown>;
  const raw = typeof h.get === 'function' ? h.get('retry-after') : h['retry-after'];
  if (raw === null || raw === undefined) return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  // An HTTP date: the seconds until then.
  const at = Date.parse(String(raw));
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}

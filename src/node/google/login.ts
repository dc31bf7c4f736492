/**
 * `cead google login`: the installed-app OAuth flow with a loopback redirect (Google's "OAuth 2.0 for
 * desktop apps"): a one-request server on 127.0.0.1 and a free port, the consent link shown to the user,
 * PKCE (S256) and a `state` value checked on the way back, the code exchanged for a refresh token, which is
 * kept in the user's config folder with owner-only permissions (user-token.ts), never in the project.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CodeChallengeMethod, OAuth2Client } from 'google-auth-library';
import { GOOGLE_SCOPES } from './scopes';
import { writeUserToken } from './user-token';

export interface LoginOptions {
  /** The OAuth client of type "Desktop app", as the Cloud console downloads it. */
  readonly clientFile: string;
  readonly tokenFile: string;
  /** Shows (or opens) the consent link. */
  readonly showUrl: (url: string) => void;
  /** Google's endpoints unless a test gives its own. */
  readonly endpoints?: { readonly oauth2AuthBaseUrl?: string; readonly oauth2TokenUrl?: string };
  readonly timeoutMs?: number;
}

export function readClientFile(file: string): { clientId: string; clientSecret: string } {
  const json = JSON.parse(readFileSync(file, 'utf8')) as {
    installed?: { client_id?: string; client_secret?: string };
  };
  const c = json.installed;
  if (!c?.client_id || !c.client_secret) {
    throw new Error(
      `${file} is not a "Desktop app" OAuth client (no "installed" client_id and client_secret)`,
    );
  }
  return { clientId: c.client_id, clientSecret: c.client_secret };
}

const PAGE = '<!doctype html><title>CEAD</title><p>CEAD is signed in. You can close this tab.</p>';

/** The one redirect the consent screen sends back: its code, once `state` matches. */
function codeFrom(server: Server, state: string, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no answer from the browser in time')), timeoutMs);
    server.on('request', (req, res) => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const code = url.searchParams.get('code');
      if (url.searchParams.get('state') !== state || (!code && !url.searchParams.get('error'))) {
        res.writeHead(400).end('Not the answer CEAD is waiting for.');
        return;
      }
      clearTimeout(timer);
      if (!code) {
        res.writeHead(200, { 'content-type': 'text/plain' }).end('Sign-in was refused.');
        reject(new Error(`sign-in refused (${url.searchParams.get('error')})`));
        return;
      }
      res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE);
      resolve(code);
    });
  });
}

export async function login(options: LoginOptions): Promise<void> {
  const { clientId, clientSecret } = readClientFile(options.clientFile);
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const redirectUri = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const client = new OAuth2Client({
      clientId,
      clientSecret,
      redirectUri,
      // Node's own fetch (gaxios would import node-fetch, which a vm such as jest's refuses).
      transporterOptions: { fetchImplementation: fetch },
      ...(options.endpoints ? { endpoints: options.endpoints } : {}),
    });
    const { codeVerifier, codeChallenge } = await client.generateCodeVerifierAsync();
    const state = randomBytes(16).toString('hex');
    const waiting = codeFrom(server, state, options.timeoutMs ?? 5 * 60 * 1000);
    options.showUrl(
      client.generateAuthUrl({
        access_type: 'offline',
        prompt: 'consent',
        scope: [...GOOGLE_SCOPES],
        state,
        code_challenge: codeChallenge ?? '',
        code_challenge_method: CodeChallengeMethod.S256,
      }),
    );
    const code = await waiting;
    const { tokens } = await client.getToken({ code, codeVerifier, redirect_uri: redirectUri });
    if (!tokens.refresh_token) throw new Error('Google gave no refresh token: run cead google login again');
    writeUserToken(options.tokenFile, { clientId, clientSecret, refreshToken: tokens.refresh_token });
  } finally {
    server.closeAllConnections();
    server.close();
  }
}

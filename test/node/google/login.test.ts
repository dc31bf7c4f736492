/**
 * `cead google login`'s flow against a loopback stand-in for Google's consent and token endpoints: the
 * consent link asks for CEAD's scopes, offline access, PKCE (S256) and a state; the browser's redirect to
 * the loopback server gives the code; the code and verifier are exchanged for a refresh token, which is
 * written with owner-only permissions. A redirect with another state is refused.
 */
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { login } from '../../../src/node/google/login';
import { GOOGLE_SCOPES } from '../../../src/node/google/scopes';
import { readUserToken } from '../../../src/node/google/user-token';

async function tokenEndpoint() {
  const seen: URLSearchParams[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      seen.push(new URLSearchParams(body));
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({ access_token: 'at', refresh_token: 'rt-1', expires_in: 3600, token_type: 'Bearer' }),
      );
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/token`,
    seen,
    close: () => server.close(),
  };
}

function clientFile(dir: string): string {
  const file = join(dir, 'client.json');
  writeFileSync(
    file,
    JSON.stringify({ installed: { client_id: 'cid.apps.example', client_secret: 'csecret' } }),
  );
  return file;
}

it('signs in through the loopback redirect and keeps the refresh token owner-only', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cead-login-'));
  const token = await tokenEndpoint();
  const tokenFile = join(dir, 'cfg', 'google-token.json');
  let consent: URL | undefined;
  try {
    await login({
      clientFile: clientFile(dir),
      tokenFile,
      endpoints: { oauth2AuthBaseUrl: 'https://consent.example/auth', oauth2TokenUrl: token.url },
      showUrl: (url) => {
        consent = new URL(url);
        const p = consent.searchParams;
        // A wrong state first: refused, and the flow keeps waiting for the real answer.
        void fetch(`${p.get('redirect_uri')}/?code=bad&state=other`).then(async (r) => {
          expect(r.status).toBe(400);
          await fetch(`${p.get('redirect_uri')}/?code=the-code&state=${p.get('state')}`);
        });
      },
    });
    const p = consent?.searchParams;
    expect(p?.get('access_type')).toBe('offline');
    expect(p?.get('scope')?.split(' ')).toEqual([...GOOGLE_SCOPES]);
    expect(p?.get('code_challenge_method')).toBe('S256');
    expect(p?.get('redirect_uri')).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const sent = token.seen[0];
    expect(sent?.get('code')).toBe('the-code');
    expect(sent?.get('code_verifier')).toEqual(expect.any(String));
    expect(statSync(tokenFile).mode & 0o777).toBe(0o600);
    expect(readUserToken(tokenFile)).toEqual({
      clientId: 'cid.apps.example',
      clientSecret: 'csecret',
      refreshToken: 'rt-1',
    });
    expect(readFileSync(tokenFile, 'utf8')).not.toContain('"at"');
  } finally {
    token.close();
  }
});

it('is a usage error without the OAuth client file', async () => {
  // The command itself, as a unit.
  const { googleCommand } = await import('../../../src/node/commands/google');
  const io = { out: () => {}, err: () => {}, errIsTTY: false, cwd: tmpdir(), now: () => new Date(), env: {} };
  await expect(googleCommand().run(['login'], io)).rejects.toThrow(/--client-secret FILE/);
});

/**
 * The user's OAuth token from `cead google login`: kept in the user's config folder (never the project),
 * readable by its owner only. Holds the OAuth client's id and secret (an installed app's, which Google
 * does not treat as secret) and the refresh token.
 */
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

export interface UserToken {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly refreshToken: string;
}

/** `$XDG_CONFIG_HOME/cead` or `~/.config/cead`: the folder for the token and the recorded ids. */
export function configDir(env: NodeJS.ProcessEnv = process.env): string {
  const base = env['XDG_CONFIG_HOME'] || join(homedir(), '.config');
  return join(base, 'cead');
}

export function readUserToken(file: string): UserToken {
  const mode = statSync(file).mode & 0o777;
  if ((mode & 0o077) !== 0) {
    throw new Error(
      `${file} is readable by others (mode ${mode.toString(8)}): run chmod 600 on it, or log in again`,
    );
  }
  const t = JSON.parse(readFileSync(file, 'utf8')) as Partial<UserToken>;
  if (!t.clientId || !t.clientSecret || !t.refreshToken) {
    throw new Error(`${file} is not a cead google login token: run cead google login again`);
  }
  return { clientId: t.clientId, clientSecret: t.clientSecret, refreshToken: t.refreshToken };
}

export function writeUserToken(file: string, token: UserToken): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  writeFileSync(file, `${JSON.stringify(token, null, 2)}\n`, { mode: 0o600 });
  // A file that existed keeps its mode through writeFileSync: set it.
  chmodSync(file, 0o600);
}

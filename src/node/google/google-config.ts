/**
 * The ids `cead google setup` records (the Form, the tracker, the orders folder, the lock Doc), in a small
 * JSON file in the user's config folder (`~/.config/cead/google.json`), or the file `--config` names.
 * Ids are not secrets, but they are a team's: the file is the user's, never the project's.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { configDir } from './user-token';

export interface GoogleIds {
  readonly formId: string;
  readonly spreadsheetId: string;
  readonly folderId: string;
  readonly lockDocId: string;
}

export const ID_KEYS: readonly (keyof GoogleIds)[] = ['formId', 'spreadsheetId', 'folderId', 'lockDocId'];

export function defaultConfigFile(env: NodeJS.ProcessEnv = process.env): string {
  return join(configDir(env), 'google.json');
}

/** The recorded ids, as far as setup got; an absent file is no ids. */
export function readIds(file: string): Partial<GoogleIds> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    if ((e as { code?: unknown }).code === 'ENOENT') return {};
    throw new Error(`${file} is not the JSON cead google setup writes: ${(e as Error).message}`);
  }
  const out: Partial<Record<keyof GoogleIds, string>> = {};
  for (const key of ID_KEYS) {
    const v = (parsed as Record<string, unknown>)?.[key];
    if (typeof v === 'string' && v !== '') out[key] = v;
  }
  return out;
}

export function isComplete(ids: Partial<GoogleIds>): ids is GoogleIds {
  return ID_KEYS.every((k) => typeof ids[k] === 'string' && ids[k] !== '');
}

export function writeIds(file: string, ids: Partial<GoogleIds>): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(ids, null, 2)}\n`, { mode: 0o600 });
  renameSync(tmp, file);
}

/**
 * Problems found in the Settings sheet, for the Log: every execution reads Settings, so each distinct
 * problem is logged at most once a day (the day's logged problems are kept in the StateStore), as a
 * `settings-problem` event whose detail is the problem text (CEAD's own words about the team's settings,
 * never a candidate's answers).
 */
import { fnv1a64Hex } from './hash';
import type { SettingsProblem } from './settings';
import { type LogEntry, systemLog } from './tracker-row';

export const SETTINGS_PROBLEMS_KEY = 'cead.settingsProblemsLogged';
/** Script properties hold 9 KB per value: past this many problems a day, the rest wait for tomorrow. */
const MAX_KEYS = 200;

interface Logged {
  readonly date: string;
  readonly keys: readonly string[];
}

export function settingsProblemText(p: SettingsProblem): string {
  return p.row > 0 ? `Settings row ${p.row}: ${p.message}` : p.message;
}

/**
 * The Log lines for the problems not logged yet today, and the state value to record once they are written
 * (undefined when there is nothing new).
 */
export function settingsProblemsToLog(
  problems: readonly SettingsProblem[],
  recorded: string | undefined,
  when: { readonly today: string; readonly now: string },
): { readonly entries: LogEntry[]; readonly record: string | undefined } {
  let keys: string[] = [];
  try {
    const parsed = JSON.parse(recorded ?? '') as Logged;
    if (parsed.date === when.today && Array.isArray(parsed.keys)) keys = parsed.keys.map(String);
  } catch {
    // Missing or unreadable: nothing logged today yet.
  }
  const entries: LogEntry[] = [];
  for (const p of problems) {
    const detail = settingsProblemText(p);
    const key = fnv1a64Hex(detail);
    if (keys.includes(key) || keys.length >= MAX_KEYS) continue;
    keys.push(key);
    entries.push(systemLog(when, '', 'settings-problem', '', '', detail));
  }
  return {
    entries,
    record: entries.length > 0 ? JSON.stringify({ date: when.today, keys }) : undefined,
  };
}

/** Settings problems for the Log: each distinct problem at most once a day. */
import { SETTINGS_PROBLEMS_KEY, settingsProblemsToLog } from '../../src/core/settings-log';

const monday = { today: '2026-11-30', now: '2026-11-30T09:00:00-05:00' };
const tuesday = { today: '2026-12-01', now: '2026-12-01T09:00:00-05:00' };
const zone = { row: 3, message: '"Mars/Olympus" is not a time zone name such as America/New_York.' };
const mail = { row: 4, message: '"Email candidates" is on or off, not "maybe".' };

describe('settingsProblemsToLog', () => {
  it('logs a problem once a day, a new problem the same day, and every problem again the next day', () => {
    const first = settingsProblemsToLog([zone], undefined, monday);
    expect(first.entries).toEqual([
      {
        time: monday.now,
        actor: 'system',
        orderId: '',
        event: 'settings-problem',
        from: '',
        to: '',
        detail: `Settings row 3: ${zone.message}`,
      },
    ]);
    expect(settingsProblemsToLog([zone], first.record, monday)).toEqual({ entries: [], record: undefined });
    const second = settingsProblemsToLog([zone, mail], first.record, monday);
    expect(second.entries.map((e) => e.detail)).toEqual([`Settings row 4: ${mail.message}`]);
    expect(settingsProblemsToLog([zone, mail], second.record, tuesday).entries).toHaveLength(2);
  });

  it('treats a missing or unreadable record as nothing logged today', () => {
    expect(settingsProblemsToLog([zone], '{not json', monday).entries).toHaveLength(1);
    expect(settingsProblemsToLog([], undefined, monday)).toEqual({ entries: [], record: undefined });
    expect(SETTINGS_PROBLEMS_KEY).toBe('cead.settingsProblemsLogged');
  });
});

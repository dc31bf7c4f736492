import { DEFAULT_CATALOG } from '../../src/core/packages';
import {
  DEFAULT_MODEL_ASSIST,
  DEFAULT_SETTINGS,
  membersWithRole,
  parseSettings,
  type Settings,
  settingsToRows,
} from '../../src/core/settings';

const team: Settings = {
  timeZone: 'America/Chicago',
  emailCandidates: true,
  dateLocale: 'en-GB',
  team: [
    { name: 'Ana Writer', email: 'ana@example.org', roles: ['writer'] },
    { name: 'Dr. Ben Reviewer', email: 'ben@example.org', roles: ['reviewer', 'manager'] },
  ],
  catalog: [{ name: 'standard', businessDays: 20, startsAt: 'submission', note: '' }],
  modelAssist: {
    service: 'vertex-ai',
    model: 'gemini-2.5-pro',
    vertexProject: 'placeholder-project',
    vertexLocation: 'europe-west4',
  },
};

describe('parseSettings', () => {
  it('reads back what settingsToRows writes', () => {
    expect(parseSettings(settingsToRows(team))).toEqual({ settings: team, problems: [] });
    expect(parseSettings(settingsToRows(DEFAULT_SETTINGS))).toEqual({
      settings: DEFAULT_SETTINGS,
      problems: [],
    });
  });

  it('uses the defaults for an empty sheet', () => {
    expect(parseSettings([])).toEqual({ settings: DEFAULT_SETTINGS, problems: [] });
  });

  it('accepts blocks in any order, blank rows and any case', () => {
    const { settings, problems } = parseSettings([
      ['NAME', 'EMAIL', 'ROLE'],
      ['Ana', 'ana@example.org', 'Writer and Reviewer'],
      [],
      ['setting', 'value'],
      ['Email candidates', 'YES'],
    ]);
    expect(problems).toEqual([]);
    expect(settings.team).toEqual([{ name: 'Ana', email: 'ana@example.org', roles: ['writer', 'reviewer'] }]);
    expect(settings.emailCandidates).toBe(true);
    expect(settings.catalog).toBe(DEFAULT_CATALOG);
  });

  it('reports every unusable row with its row number and keeps the rest', () => {
    const { settings, problems } = parseSettings([
      ['stray'],
      ['Setting', 'Value'],
      ['Time zone', 'New York'],
      ['Email candidates', 'maybe'],
      ['Colour', 'blue'],
      ['Name', 'Email', 'Role'],
      ['Ana', 'ana@example.org', 'writer'],
      ['Ana again', 'ANA@example.org', 'writer'],
      ['Cy', 'not-an-email', 'writer'],
      ['Di', 'di@example.org', 'boss'],
      ['Ed', 'ed@example.org', 'system'],
      ['Package', 'Business days', 'Note'],
      ['standard', 'thirty', ''],
    ]);
    expect(problems).toEqual([
      {
        row: 1,
        message: 'Row 1 is outside any block; start a block with a header row such as "Setting | Value".',
      },
      { row: 3, message: '"New York" is not a time zone name such as America/New_York.' },
      { row: 4, message: '"Email candidates" is on or off, not "maybe".' },
      {
        row: 5,
        message:
          '"Colour" is not a setting CEAD knows (Time zone, Email candidates, Date locale, Model assist, Model, Vertex project, Vertex location).',
      },
      { row: 8, message: 'Team member ANA@example.org is listed twice; the first row is used.' },
      { row: 9, message: 'Team member "Cy": "not-an-email" is not an email address.' },
      {
        row: 10,
        message:
          'Team member di@example.org: the role is writer, reviewer or manager (or several, separated by commas), not "boss".',
      },
      {
        row: 11,
        message:
          'Team member ed@example.org: the role is writer, reviewer or manager (or several, separated by commas), not "system".',
      },
      {
        row: 13,
        message: 'Package "standard": business days must be a whole number from 1 to 260, not "thirty".',
      },
      { row: 0, message: 'No usable package in the Settings sheet; the standard catalog is used.' },
    ]);
    expect(settings.timeZone).toBe(DEFAULT_SETTINGS.timeZone);
    expect(settings.team.map((m) => m.email)).toEqual(['ana@example.org']);
    expect(settings.catalog).toBe(DEFAULT_CATALOG);
  });

  it('leaves model assist off unless a manager turns it on', () => {
    expect(DEFAULT_SETTINGS.modelAssist.service).toBe('off');
    expect(parseSettings([['Setting', 'Value']]).settings.modelAssist).toEqual(DEFAULT_MODEL_ASSIST);
  });

  it('reads the model-assist choice in the words a manager types', () => {
    const read = (service: string) =>
      parseSettings([
        ['Setting', 'Value'],
        ['Model assist', service],
        ['Vertex project', 'placeholder-project'],
      ]);
    expect(read('Gemini API').settings.modelAssist.service).toBe('gemini-api');
    expect(read('vertex  AI').settings.modelAssist.service).toBe('vertex-ai');
    expect(read('OFF').settings.modelAssist.service).toBe('off');
    expect(read('Vertex AI').problems).toEqual([]);
  });

  it('reports a bad model-assist value as a settings problem and keeps the default', () => {
    const { settings, problems } = parseSettings([
      ['Setting', 'Value'],
      ['Model assist', 'ChatGPT'],
      ['Model', 'gemini 2.5'],
      ['Vertex project', 'My Project!'],
      ['Vertex location', 'Iowa'],
    ]);
    expect(problems).toEqual([
      { row: 2, message: '"Model assist" is off, Gemini API or Vertex AI, not "ChatGPT".' },
      { row: 3, message: '"gemini 2.5" is not a model name such as gemini-2.5-flash.' },
      {
        row: 4,
        message:
          '"My Project!" is not a Google Cloud project ID (6 to 30 lower-case letters, digits and hyphens).',
      },
      { row: 5, message: '"Iowa" is not a Google Cloud location such as us-central1.' },
    ]);
    expect(settings.modelAssist).toEqual(DEFAULT_MODEL_ASSIST);
  });

  it('keeps Vertex AI off, with a problem, when no project is given', () => {
    const { settings, problems } = parseSettings([
      ['Setting', 'Value'],
      ['Model assist', 'Vertex AI'],
    ]);
    expect(settings.modelAssist.service).toBe('off');
    expect(problems).toEqual([
      {
        row: 2,
        message: '"Model assist" is Vertex AI but "Vertex project" is empty; model assist stays off.',
      },
    ]);
  });

  it('lists the members who may hold a role', () => {
    expect(membersWithRole(team, 'manager').map((m) => m.email)).toEqual(['ben@example.org']);
    expect(membersWithRole(team, 'writer').map((m) => m.email)).toEqual(['ana@example.org']);
  });

  it('writes a manager’s formula-looking name as literal text', () => {
    const rows = settingsToRows({
      ...team,
      team: [{ name: '=HYPERLINK("x")', email: 'x@example.org', roles: ['writer'] }],
    });
    expect(rows.flat()).toContain('\'=HYPERLINK("x")');
  });
});

import fc from 'fast-check';
import {
  blockingProblems,
  headerKey,
  type ItemResponseLike,
  type ParsedResponse,
  parseAnswerRecord,
  parseAnswersJson,
  parseItemResponses,
  parseResponsesCsv,
  responseIdFor,
} from '../../src/core/answers';
import { formatCsv } from '../../src/core/csv';
import { ITEMS, type Item } from '../../src/core/questionnaire';
import { exampleAnswers, exampleNames, rawExample } from '../examples/example-answers';

const REQUIRED = ITEMS.filter((i) => i.required);
const title = (id: string) => ITEMS.find((i) => i.id === id)!.title;

/** A complete, valid response by item id, from the first bundled example. */
function validById(): Record<string, string> {
  return rawExample(exampleNames()[0]!);
}

/** The same response as a Forms CSV export: Timestamp, Email Address, then titles. */
function formsCsv(rows: Record<string, string>[], headers: string[] = ITEMS.map((i) => i.title)): string {
  const byTitle = (r: Record<string, string>, h: string) => {
    const item = ITEMS.find((i) => i.title === h || i.id === h);
    return item ? (r[item.id] ?? '') : (r[h] ?? '');
  };
  return formatCsv([
    ['Timestamp', 'Email Address', ...headers],
    ...rows.map((r, n) => [
      `9/${8 + n}/2026 14:28:27`,
      r['candidate.email'] ?? '',
      ...headers.map((h) => byTitle(r, h)),
    ]),
  ]);
}

function errors(r: ParsedResponse): string[] {
  return blockingProblems(r.problems).map((p) => p.message);
}

describe('headerKey', () => {
  it('matches titles as exports and teams write them', () => {
    const k = headerKey('Full name');
    for (const variant of [
      '  full NAME ',
      '1. Full name',
      '(1) Full name:',
      '12) Full name *',
      'Full name?',
      'Full\u00a0name',
    ]) {
      expect(headerKey(variant)).toBe(k);
    }
    expect(headerKey('Recommender’s full name')).toBe(headerKey("Recommender's full name"));
    expect(headerKey('2026 rotation')).toBe('2026 rotation');
  });

  it('tells every questionnaire item apart, by title and by id', () => {
    const keys = ITEMS.flatMap((i) => [headerKey(i.title), headerKey(i.id)]);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).not.toContain('timestamp');
    expect(keys).not.toContain('email address');
  });
});

describe('parseAnswersJson', () => {
  it.each(exampleNames())('reads the bundled example %s with no problem, typed and normalized', (name) => {
    const r = parseAnswersJson(rawExample(name));
    expect(r.problems).toEqual([]);
    expect(r.answers).toEqual(exampleAnswers(name));
    expect(r.raw).toEqual(rawExample(name));
  });

  it('accepts numbers and yes/no booleans, and null as blank', () => {
    const r = parseAnswersJson({
      ...validById(),
      'candidate.graduationYear': 2026,
      'recommender.usTrained': true,
      'rotation.hoursPerWeek': null,
    });
    expect(errors(r)).toEqual([]);
    expect(r.answers['candidate.graduationYear']).toBe(2026);
    expect(r.answers['recommender.usTrained']).toBe('Yes');
    expect(r.answers['rotation.hoursPerWeek']).toBeUndefined();
    expect(r.raw['candidate.graduationYear']).toBe('2026');
  });

  it('reports unknown keys, with the id it probably meant, and keeps their text', () => {
    const { 'candidate.fullName': name, ...rest } = validById();
    const r = parseAnswersJson({ ...rest, 'candidate.fullname': name });
    expect(errors(r)).toEqual([
      '"candidate.fullname" is not a questionnaire item id (did you mean "candidate.fullName"?); its answer was not used.',
      '"Full name" is required, but the answers have no column for it.',
    ]);
    expect(r.raw['candidate.fullname']).toBe(name);
  });

  it('refuses lists and objects as answers, and anything but an object as the whole', () => {
    const r = parseAnswersJson({ ...validById(), 'candidate.school': ['A', 'B'] });
    expect(errors(r)).toEqual([
      '"Medical school": the answer must be text, a number or true/false, not a list or an object.',
    ]);
    expect(r.raw['candidate.school']).toBe('["A","B"]');
    expect(errors(parseAnswersJson([1, 2]))).toEqual(['The answers are not a JSON object keyed by item id.']);
    expect(errors(parseAnswersJson('x'))).toEqual(['The answers are not a JSON object keyed by item id.']);
  });
});

describe('validation', () => {
  const withAnswer = (id: string, value: string | number | boolean) =>
    parseAnswersJson({ ...validById(), [id]: value });

  it.each([
    [
      'rotation.start',
      '31/02/2026',
      '"First day of the rotation": "31/02/2026" is not a date on the calendar (31/02/2026).',
    ],
    [
      'rotation.start',
      '7/6/26',
      '"First day of the rotation": "7/6/26" has no four-digit year (write it as YYYY-MM-DD, for example 2026-11-25).',
    ],
    [
      'candidate.type',
      'Resident',
      '"You are a": "Resident" is not one of the choices (US MD senior, US DO senior, US graduate, International medical graduate, Visiting international student).',
    ],
    [
      'candidate.email',
      'rosa at example.com',
      '"Your email": "rosa at example.com" is not an email address.',
    ],
    ['candidate.graduationYear', 'twenty', '"Year of graduation (or expected)": "twenty" is not a number.'],
    [
      'candidate.graduationYear',
      '2026.5',
      '"Year of graduation (or expected)": 2026.5 is not a whole number.',
    ],
    ['candidate.graduationYear', 1950, '"Year of graduation (or expected)": 1950 is less than 1960.'],
    [
      'rotation.hoursPerWeek',
      '168',
      '"Hours per week you worked with this recommender": 168 is more than 100.',
    ],
    ['candidate.fullName', 'R', '"Full name" is too short: at least 2 characters, please (it has 1).'],
    [
      'recommender.relationship',
      'x'.repeat(1001),
      '"How did this physician supervise you?" is too long: at most 1000 characters, please (it has 1001).',
    ],
    [
      'rotation.state',
      'Washington',
      '"State": "Washington" does not look like a two-letter U.S. state code such as WA.',
    ],
    ['candidate.fullName', '   \t ', '"Full name" is required but was left blank.'],
    ['candidate.school', true, '"Medical school": true is not an answer to this question.'],
  ])('%s = %j → %s', (id, value, message) => {
    const r = withAnswer(id, value);
    expect(errors(r)).toEqual([message]);
    expect(r.problems[0]).toMatchObject({ itemId: id, column: id });
    expect(r.answers[id as keyof typeof r.answers]).toBeUndefined();
  });

  it('matches choices without regard to case and spacing, and keeps "other" answers where allowed', () => {
    expect(withAnswer('candidate.type', '  us md SENIOR ').answers['candidate.type']).toBe('US MD senior');
    expect(withAnswer('candidate.pronouns', 'ze/hir').answers['candidate.pronouns']).toBe('ze/hir');
    expect(withAnswer('recommender.degree', 'MBChB').answers['recommender.degree']).toBe('MBChB');
  });

  it('reads U.S. dates and keeps paragraph line breaks', () => {
    const r = parseAnswersJson({
      ...validById(),
      'rotation.start': '7/6/2026',
      'rotation.end': '2026-07-31',
      'highlights.feedback': ' One.\r\n\r\n\r\nTwo\t too. ',
    });
    expect(errors(r)).toEqual([]);
    expect(r.answers['rotation.start']).toBe('2026-07-06');
    expect(r.answers['highlights.feedback']).toBe('One.\n\nTwo too.');
  });

  it('reports a rotation that ends before it starts', () => {
    const r = parseAnswersJson({
      ...validById(),
      'rotation.start': '2026-07-06',
      'rotation.end': '2026-06-30',
    });
    expect(errors(r)).toEqual([
      '"Last day of the rotation" (2026-06-30) is before "First day of the rotation" (2026-07-06).',
    ]);
  });

  it('does not guess day and month in a non-U.S. export', () => {
    const r = parseAnswersJson(
      { ...validById(), 'rotation.start': '6/7/2026', 'rotation.end': '31/7/2026' },
      { locale: 'en-GB' },
    );
    expect(errors(r)).toEqual([
      '"First day of the rotation": "6/7/2026" could be July 6, 2026 or June 7, 2026 (write it as YYYY-MM-DD).',
    ]);
    expect(r.answers['rotation.end']).toBe('2026-07-31');
  });

  it('survives a broken pattern in a team’s own questionnaire', () => {
    const items: Item[] = [
      { id: 'x', title: 'X', help: '', type: 'shortText', required: true, validation: { pattern: '([' } },
    ];
    expect(parseAnswersJson({ x: 'anything' }, { items }).problems).toEqual([]);
  });
});

describe('parseResponsesCsv', () => {
  it('reads a Forms export with many responses, each with its row number', () => {
    const names = exampleNames().slice(0, 3);
    const { responses, problems } = parseResponsesCsv(formsCsv(names.map(rawExample)));
    expect(problems).toEqual([]);
    expect(responses).toHaveLength(3);
    responses.forEach((r, i) => {
      expect(r.row).toBe(i + 2);
      expect(r.problems).toEqual([]);
      expect(r.answers).toEqual(exampleAnswers(names[i]!));
      expect(r.submitted).toBe(`2026-09-${String(8 + i).padStart(2, '0')}T14:28:27`);
      expect(r.respondentEmail).toBe(rawExample(names[i]!)['candidate.email']);
      expect(r.responseId).toMatch(/^csv-[0-9a-f]{16}$/);
    });
    expect(new Set(responses.map((r) => r.responseId)).size).toBe(3);
  });

  it('keeps every cell verbatim in raw, multi-line answers included', () => {
    const typed = 'Line one,\r\nwith "quotes".\r\n\r\n\r\nLine four, long enough to pass the minimum.';
    const answers = { ...validById(), 'competency.patientCare': typed };
    const [r] = parseResponsesCsv(formsCsv([answers])).responses;
    expect(r!.raw[title('competency.patientCare')]).toBe(answers['competency.patientCare']);
    expect(r!.raw['Timestamp']).toBe('9/8/2026 14:28:27');
    expect(r!.answers['competency.patientCare']).toBe(
      'Line one,\nwith "quotes".\n\nLine four, long enough to pass the minimum.',
    );
  });

  it('matches numbered, re-cased and punctuated titles, and item ids, in any order', () => {
    const headers = ITEMS.map((item, i) =>
      i % 3 === 0 ? item.id : i % 3 === 1 ? `${i + 1}. ${item.title.toUpperCase()} ` : `${item.title}:`,
    ).reverse();
    const answers = validById();
    const csv = formatCsv([
      ['Email address', ...headers, 'Timestamp'],
      [
        'x@example.org',
        ...headers.map(
          (h) => answers[ITEMS.find((it) => headerKey(it.title) === headerKey(h) || it.id === h)!.id] ?? '',
        ),
        '2026/09/08 2:28:27 PM GMT-4',
      ],
    ]);
    const { responses, problems } = parseResponsesCsv(csv);
    expect(problems).toEqual([]);
    expect(responses[0]!.problems).toEqual([]);
    expect(responses[0]!.submitted).toBe('2026-09-08T14:28:27-04:00');
    expect(responses[0]!.answers).toEqual(parseAnswersJson(answers).answers);
  });

  it('reports a missing column on every response, naming the item', () => {
    const headers = ITEMS.map((i) => i.title).filter((t) => t !== 'Full name');
    const { responses } = parseResponsesCsv(formsCsv([validById()], headers));
    expect(responses[0]!.problems).toEqual([
      {
        severity: 'error',
        itemId: 'candidate.fullName',
        row: 2,
        message: '"Full name" is required, but the answers have no column for it.',
      },
    ]);
  });

  it('keeps unknown columns in raw and says they are not used', () => {
    const headers = [...ITEMS.map((i) => i.title), 'Favourite colour'];
    const csv = formsCsv([{ ...validById(), 'Favourite colour': 'teal' }], headers);
    const { responses, problems } = parseResponsesCsv(csv);
    expect(problems).toEqual([
      {
        severity: 'info',
        column: 'Favourite colour',
        row: 1,
        message: `Column ${headers.length + 2} ("Favourite colour") is not a questionnaire item; its answers are kept but not used.`,
      },
    ]);
    expect(responses[0]!.raw['Favourite colour']).toBe('teal');
    expect(errors(responses[0]!)).toEqual([]);
  });

  it('uses duplicated columns only where they agree, and never silently picks one', () => {
    const headers = [...ITEMS.map((i) => i.title), 'Full name'];
    const base = validById();
    const csv = formatCsv([
      ['Timestamp', ...headers],
      ['9/8/2026 14:28:27', ...ITEMS.map((i) => base[i.id] ?? ''), base['candidate.fullName']!],
      ['9/9/2026 14:28:27', ...ITEMS.map((i) => base[i.id] ?? ''), 'Someone Else'],
    ]);
    const { responses, problems } = parseResponsesCsv(csv);
    const n = ITEMS.findIndex((i) => i.id === 'candidate.fullName') + 2;
    expect(problems).toEqual([
      {
        severity: 'info',
        itemId: 'candidate.fullName',
        column: 'Full name',
        row: 1,
        message: `Columns ${n} and ${headers.length + 1} ("Full name", "Full name") are all "Full name"; CEAD uses them only where they agree.`,
      },
    ]);
    expect(responses[0]!.answers['candidate.fullName']).toBe(base['candidate.fullName']);
    expect(errors(responses[0]!)).toEqual([]);
    expect(responses[1]!.answers['candidate.fullName']).toBeUndefined();
    expect(errors(responses[1]!)).toEqual([
      '"Full name" has two different answers in two columns; CEAD cannot tell which one is meant.',
    ]);
    expect(responses[1]!.raw['Full name']).toBe(base['candidate.fullName']);
    expect(responses[1]!.raw[`Full name (column ${headers.length + 1})`]).toBe('Someone Else');
  });

  it('gives identical rows the same response ID, and different rows different ones', () => {
    const a = validById();
    const { responses } = parseResponsesCsv(formsCsv([a, a]).replace('9/9/2026', '9/8/2026'));
    expect(responses[0]!.responseId).toBe(responses[1]!.responseId);
    const { responses: other } = parseResponsesCsv(
      formsCsv([a, { ...a, 'highlights.feedback': 'changed' }]).replace('9/9/2026', '9/8/2026'),
    );
    expect(other[0]!.responseId).not.toBe(other[1]!.responseId);
  });

  it('skips blank rows, fills short rows, and keeps cells beyond the header', () => {
    const csv = `Timestamp,Full name\r\n\r\n9/8/2026 10:00:00,Rosa Delgado,extra\r\n,\r\n9/8/2026 11:00:00\r\n`;
    const { responses } = parseResponsesCsv(csv);
    expect(responses.map((r) => r.row)).toEqual([3, 5]);
    expect(responses[0]!.raw).toEqual({
      Timestamp: '9/8/2026 10:00:00',
      'Full name': 'Rosa Delgado',
      '(column 3)': 'extra',
    });
    expect(responses[0]!.problems[0]).toEqual({
      severity: 'info',
      row: 3,
      message: 'Column 3 has an answer but no header; it is kept but not used.',
    });
    expect(responses[1]!.problems).toContainEqual({
      severity: 'error',
      itemId: 'candidate.fullName',
      column: 'Full name',
      row: 5,
      message: '"Full name" is required but was left blank.',
    });
  });

  it('reports an empty file, a file that is not the form’s export, and an unclosed quote', () => {
    expect(parseResponsesCsv('\r\n\r\n')).toEqual({
      responses: [],
      problems: [{ severity: 'error', message: 'The file has no header row: it is empty.' }],
    });
    expect(parseResponsesCsv('a,b\n1,2\n').problems).toContainEqual({
      severity: 'error',
      row: 1,
      message:
        'No column of the file is a questionnaire item: is this the responses export of the CEAD form?',
    });
    expect(parseResponsesCsv('Full name\n"Rosa\n').problems).toEqual([
      {
        severity: 'error',
        row: 2,
        message: 'A quoted cell is never closed; the rest of the file was read as one cell.',
      },
    ]);
  });

  it('takes the collected email address when the form has no email question', () => {
    const headers = ITEMS.map((i) => i.title).filter((t) => t !== 'Your email');
    const [r] = parseResponsesCsv(formsCsv([validById()], headers)).responses;
    expect(errors(r!)).toEqual([]);
    expect(r!.answers['candidate.email']).toBe(validById()['candidate.email']);
  });

  it('reports an unreadable timestamp for the team, without blocking the order', () => {
    const [r] = parseResponsesCsv(formsCsv([validById()]).replace('9/8/2026 14:28:27', '8/9/2026 14:28:27'), {
      locale: 'fr-FR',
    }).responses;
    expect(r!.submitted).toBeUndefined();
    expect(r!.problems).toEqual([
      {
        severity: 'info',
        row: 2,
        column: 'Timestamp',
        message:
          'The timestamp "8/9/2026 14:28:27" could be September 8, 2026 or August 9, 2026 (write it as YYYY-MM-DD).',
      },
    ]);
  });
});

describe('parseItemResponses and parseAnswerRecord', () => {
  it('read what Apps Script gives, by title or id, joining checkbox lists', () => {
    const a = validById();
    const list: ItemResponseLike[] = ITEMS.filter((i) => a[i.id] !== undefined).map((i, n) =>
      n % 2 ? { title: i.title, answer: a[i.id]! } : { title: `${i.title} `, id: i.id, answer: a[i.id]! },
    );
    list.push({ title: 'Which rotations?', answer: ['Cardiology', 'ICU'] });
    const r = parseItemResponses(list, { responseId: '2_ABaOnud', submitted: '2026-09-08T14:28:27-04:00' });
    expect(r.responseId).toBe('2_ABaOnud');
    expect(errors(r)).toEqual([]);
    expect(r.answers).toEqual(parseAnswersJson(a).answers);
    expect(r.raw['Which rotations?']).toBe('Cardiology, ICU');
    expect(r.raw[`${title('candidate.fullName')} `]).toBe(a['candidate.fullName']);
  });

  it('read a record keyed by title, as the response source port gives it', () => {
    const a = validById();
    const record: Record<string, string> = { Timestamp: '2026-09-08T18:28:27Z' };
    for (const i of ITEMS) if (a[i.id] !== undefined) record[i.title] = a[i.id]!;
    const r = parseAnswerRecord(record, { responseId: 'r-1' });
    expect([r.responseId, r.submitted, errors(r)]).toEqual(['r-1', '2026-09-08T18:28:27Z', []]);
    expect(r.raw).toEqual(record);
  });

  it('keep a header named __proto__ as an ordinary raw entry', () => {
    const record = JSON.parse('{"__proto__": "sneaky", "Full name": "Rosa Delgado"}') as Record<
      string,
      string
    >;
    const r = parseAnswerRecord(record, { responseId: 'r' });
    expect(Object.keys(r.raw)).toEqual(['__proto__', 'Full name']);
    expect(Object.getOwnPropertyDescriptor(r.raw, '__proto__')?.value).toBe('sneaky');
  });
});

describe('responseIdFor', () => {
  it('uses the form’s own ID when there is one', () => {
    expect(responseIdFor({ formResponseId: ' 2_ABC ', raw: {} })).toBe('2_ABC');
  });

  it('does not depend on the order of columns', () => {
    expect(responseIdFor({ timestamp: 't', email: 'A@x.org', raw: { a: '1', b: '2' } })).toBe(
      responseIdFor({ timestamp: 't', email: 'a@x.org', raw: { b: '2', a: '1' } }),
    );
    expect(responseIdFor({ raw: { a: '1', b: '2' } })).not.toBe(responseIdFor({ raw: { a: '2', b: '1' } }));
  });
});

describe('properties', () => {
  const cell = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 30 }),
    fc.constantFrom(
      '',
      ' ',
      '"',
      '""',
      ',',
      '\r\n',
      '2026-02-30',
      '11/25/2026',
      'Yes',
      'she/her',
      '=1+1',
      '40',
    ),
  );

  function everyRequiredAnsweredOrReported(r: ParsedResponse) {
    for (const item of REQUIRED) {
      const answered = (r.answers as Record<string, unknown>)[item.id] !== undefined;
      const reported = r.problems.some((p) => p.itemId === item.id && p.severity === 'error');
      expect(answered || reported).toBe(true);
    }
  }

  it('any cells under the real headers: no throw, a value or a problem per required item', () => {
    const headers = ['Timestamp', 'Email Address', ...ITEMS.map((i) => i.title)];
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { maxLength: headers.length + 2 }), { minLength: 1, maxLength: 4 }),
        (rows) => {
          const { responses } = parseResponsesCsv(formatCsv([headers, ...rows.filter((r) => r.length > 0)]));
          for (const r of responses) everyRequiredAnsweredOrReported(r);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('missing, extra, duplicated and reordered columns: no throw, same guarantee, raw keeps every cell', () => {
    const header = fc.oneof(
      fc.constantFrom(...ITEMS.map((i) => i.title), ...ITEMS.map((i) => i.id), 'Timestamp', 'Email address'),
      fc.string({ maxLength: 12 }),
    );
    fc.assert(
      fc.property(
        fc.array(header, { minLength: 1, maxLength: 50 }),
        fc.array(cell, { maxLength: 55 }),
        (headers, cells) => {
          const { responses } = parseResponsesCsv(formatCsv([headers, cells.length ? cells : ['x']]));
          for (const r of responses) {
            everyRequiredAnsweredOrReported(r);
            const kept = Object.values(r.raw);
            for (const c of cells) if (c !== '') expect(kept).toContain(c.replace(/^\uFEFF/, ''));
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('any JSON values: no throw, a value or a problem per required item', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom(...ITEMS.map((i) => i.id), 'other'), fc.jsonValue()),
        (obj) => {
          everyRequiredAnsweredOrReported(parseAnswersJson(obj));
        },
      ),
    );
  });
});

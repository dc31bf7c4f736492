/**
 * The Sheets API fake must be as strict as the API: ranges it would refuse, writes that do not fit, values
 * it would store differently, and batches that are all or nothing.
 */
import { permanentError } from './gas-world';
import { createGasFakes } from './install-gas-fakes';
import { formatDate } from './script-services';

const TZ = 'America/New_York';

function world() {
  const fakes = createGasFakes({ timeZone: TZ });
  const ss = fakes.SpreadsheetApp.create('Tracker');
  const orders = ss.insertSheet('Orders');
  const spaced = ss.insertSheet("Ana's sheet");
  const { Values } = fakes.Sheets.Spreadsheets;
  const id = ss.getId();
  const get = (ranges: string[], render = 'UNFORMATTED_VALUE') =>
    Values.batchGet(id, { ranges, valueRenderOption: render }) as {
      valueRanges: { range: string; values?: unknown[][] }[];
    };
  const put = (data: { range: string; values: unknown[][] }[], input = 'RAW') =>
    Values.batchUpdate({ valueInputOption: input, data }, id);
  return { fakes, ss, id, orders, spaced, get, put, Sheets: fakes.Sheets };
}

describe('Sheets API fake: A1 ranges', () => {
  it('reads a quoted name, refuses an unquoted one with a space or quote, and an unknown sheet', () => {
    const { get, put } = world();
    put([{ range: "'Ana''s sheet'!A1", values: [['x']] }]);
    expect(get(["'Ana''s sheet'!A1:B2"]).valueRanges[0]).toEqual({
      range: "'Ana''s sheet'!A1:B2",
      majorDimension: 'ROWS',
      values: [['x']],
    });
    expect(() => get(["Ana's sheet!A1"])).toThrow(/Unable to parse range/);
    expect(() => get(['Nope!A1'])).toThrow(/Unable to parse range: Nope!A1/);
    expect(get(['Orders!A1']).valueRanges[0]!.range).toBe('Orders!A1');
  });

  it('refuses a range past the grid, for reads and writes, and never grows the sheet', () => {
    const { get, put, orders } = world();
    expect(() => get(['Orders!A1001'])).toThrow(
      'Range (Orders!A1001) exceeds grid limits. Max rows: 1000, max columns: 26',
    );
    expect(() => put([{ range: 'Orders!AA1', values: [['x']] }])).toThrow(/exceeds grid limits/);
    expect(orders.grid()).toEqual({ rows: 1000, columns: 26 });
  });

  it('reads a whole sheet, a column and a row, without trailing empty rows or cells', () => {
    const { get, orders } = world();
    orders.getRange(1, 1, 3, 3).setValues([
      ['a', '', 'c'],
      ['', 'b', ''],
      ['', '', ''],
    ]);
    expect(get(["'Orders'", 'Orders!B:B', 'Orders!2:2']).valueRanges).toEqual([
      {
        range: 'Orders!A1:Z1000',
        majorDimension: 'ROWS',
        values: [
          ['a', '', 'c'],
          ['', 'b'],
        ],
      },
      { range: 'Orders!B1:B1000', majorDimension: 'ROWS', values: [[], ['b']] },
      { range: 'Orders!A2:Z2', majorDimension: 'ROWS', values: [['', 'b']] },
    ]);
    expect(get(['Orders!D5:E6']).valueRanges[0]).toEqual({ range: 'Orders!D5:E6', majorDimension: 'ROWS' });
  });
});

describe('Sheets API fake: values', () => {
  it('stores RAW strings as the text they are, and parses USER_ENTERED as if typed', () => {
    const { get, put, orders } = world();
    put([{ range: 'Orders!A1:D1', values: [['=1+1', "'quoted", '00123', 'TRUE']] }]);
    put([{ range: 'Orders!A2:D2', values: [['=1+1', "'quoted", '00123', 'TRUE']] }], 'USER_ENTERED');
    expect(get(['Orders!A1:D2']).valueRanges[0]!.values).toEqual([
      ['=1+1', "'quoted", '00123', 'TRUE'],
      [2, 'quoted', 123, true],
    ]);
    expect(orders.peekFormulas()[0]).toEqual(['', '', '', '']);
    expect(orders.peekFormulas()[1]![0]).toBe('=1+1');
  });

  it('reads a date as its serial number, and a serial in a date-formatted cell as a date through SpreadsheetApp', () => {
    const { get, put, orders } = world();
    orders.getRange(1, 1).setValue('2026-12-02');
    expect(get(['Orders!A1']).valueRanges[0]!.values).toEqual([[46358]]);
    orders.getRange(2, 1).setNumberFormat('yyyy-mm-dd');
    put([{ range: 'Orders!A2:B2', values: [[46358, 46358]] }]);
    const [[formatted, plain]] = orders.getRange(2, 1, 1, 2).getValues() as [[Date, number]];
    expect(formatDate(formatted, TZ, 'yyyy-MM-dd HH:mm')).toBe('2026-12-02 00:00');
    expect(plain).toBe(46358);
    expect(get(['Orders!A2'], 'FORMATTED_VALUE').valueRanges[0]!.values).toEqual([['12/2/2026']]);
  });

  it('skips null cells and clears a cell written as an empty string', () => {
    const { get, put } = world();
    put([{ range: 'Orders!A1:C1', values: [['a', 'b', 'c']] }]);
    put([{ range: 'Orders!A1:C1', values: [[null, '', 'z']] }]);
    expect(get(['Orders!A1:C1']).valueRanges[0]!.values).toEqual([['a', '', 'z']]);
  });

  it('refuses data larger than its range, values that are not strings, numbers or booleans, and over-long cells', () => {
    const { put } = world();
    expect(() => put([{ range: 'Orders!A1:B1', values: [['a', 'b', 'c']] }])).toThrow(
      'Requested writing within range [Orders!A1:B1], but tried writing to column [C]',
    );
    expect(() => put([{ range: 'Orders!A1:B1', values: [['a'], ['b']] }])).toThrow(
      /tried writing to row \[2\]/,
    );
    expect(() => put([{ range: 'Orders!A1', values: [[{ a: 1 }]] }])).toThrow(/Invalid value/);
    expect(() => put([{ range: 'Orders!A1', values: [[new Date()]] }])).toThrow(/Invalid value/);
    expect(() => put([{ range: 'Orders!A1', values: [['x'.repeat(50001)]] }])).toThrow(/50000 characters/);
  });

  it('needs a valueInputOption, and refuses a request over 10 MB', () => {
    const { fakes, id, put } = world();
    expect(() =>
      fakes.Sheets.Spreadsheets.Values.batchUpdate({ data: [{ range: 'Orders!A1', values: [['x']] }] }, id),
    ).toThrow(/valueInputOption/);
    const big = Array.from({ length: 240 }, () => ['y'.repeat(45000)]);
    expect(() => put([{ range: 'Orders!A1:A240', values: big }])).toThrow(/payload size exceeds/);
  });

  it('writes a batch all or nothing', () => {
    const { get, put } = world();
    expect(() =>
      put([
        { range: 'Orders!A1', values: [['first']] },
        { range: 'Orders!A1001', values: [['past the grid']] },
      ]),
    ).toThrow(/exceeds grid limits/);
    expect(get(['Orders!A1']).valueRanges[0]!.values).toBeUndefined();
  });

  it('counts every call and fails the one asked for', () => {
    const { fakes, get, put } = world();
    const mark = fakes.world.ledger.mark();
    fakes.world.ledger.failOn('Sheets', 'Spreadsheets.Values.batchUpdate', 1, permanentError('x'));
    expect(() => put([{ range: 'Orders!A1', values: [['a']] }])).toThrow(/Invalid argument: x/);
    expect(get(['Orders!A1']).valueRanges[0]!.values).toBeUndefined();
    expect(fakes.world.ledger.since(mark).map((c) => c.method)).toEqual([
      'Spreadsheets.Values.batchUpdate',
      'Spreadsheets.Values.batchGet',
    ]);
  });
});

describe('Sheets API fake: spreadsheets', () => {
  it('gives sheet properties through a dotted field mask, and refuses an unknown field', () => {
    const { Sheets, id, orders } = world();
    const got = Sheets.Spreadsheets.get(id, {
      fields: 'sheets.properties(sheetId,title,gridProperties(rowCount))',
    });
    expect((got['sheets'] as unknown[])[1]).toEqual({
      properties: { sheetId: orders.getSheetId(), title: 'Orders', gridProperties: { rowCount: 1000 } },
    });
    expect(() => Sheets.Spreadsheets.get(id, { fields: 'sheets.nope' })).toThrow(/Invalid field selection/);
  });

  it('grows a sheet and formats the new rows, all or nothing, within 10 million cells', () => {
    const { Sheets, id, orders, put } = world();
    const sheetId = orders.getSheetId();
    Sheets.Spreadsheets.batchUpdate(
      {
        requests: [
          { appendDimension: { sheetId, dimension: 'ROWS', length: 10 } },
          {
            repeatCell: {
              range: {
                sheetId,
                startRowIndex: 1000,
                endRowIndex: 1010,
                startColumnIndex: 0,
                endColumnIndex: 1,
              },
              cell: { userEnteredFormat: { numberFormat: { type: 'DATE', pattern: 'yyyy-mm-dd' } } },
              fields: 'userEnteredFormat.numberFormat',
            },
          },
        ],
      },
      id,
    );
    expect(orders.grid().rows).toBe(1010);
    put([{ range: 'Orders!A1010', values: [[46358]] }]);
    expect(formatDate(orders.getRange(1010, 1).getValue() as Date, TZ, 'yyyy-MM-dd')).toBe('2026-12-02');

    expect(() =>
      Sheets.Spreadsheets.batchUpdate(
        {
          requests: [
            { appendDimension: { sheetId, dimension: 'ROWS', length: 5 } },
            { appendDimension: { sheetId: 999, dimension: 'ROWS', length: 5 } },
          ],
        },
        id,
      ),
    ).toThrow(/No grid with id: 999/);
    expect(orders.grid().rows).toBe(1010);
    expect(() =>
      Sheets.Spreadsheets.batchUpdate(
        { requests: [{ appendDimension: { sheetId, dimension: 'ROWS', length: 400000 } }] },
        id,
      ),
    ).toThrow(/above the limit of 10000000 cells/);
    expect(() => Sheets.Spreadsheets.batchUpdate({ requests: [] }, id)).toThrow(/at least one request/);
  });
});

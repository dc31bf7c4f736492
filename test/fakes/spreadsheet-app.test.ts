/**
 * The SpreadsheetApp fake must be as strict as Sheets: a fake that accepts what Sheets turns into a formula
 * or a number would let the tracker's literal-text handling go untested.
 */
import { createGasFakes } from './install-gas-fakes';
import { formatDate } from './script-services';
import { MAX_CELL_CHARS, parseUserEntered } from './spreadsheet-app';

function sheet() {
  const fakes = createGasFakes({ timeZone: 'America/New_York' });
  const ss = fakes.SpreadsheetApp.create('Tracker');
  return { fakes, ss, sheet: ss.getSheets()[0]! };
}

describe('SpreadsheetApp fake: values written as a user would type them', () => {
  it('turns a string starting with = into a formula and shows its evaluated value', () => {
    const { sheet: s } = sheet();
    s.getRange(1, 1, 1, 3).setValues([['=HYPERLINK("http://x.example","click")', '=1+1', '=NOSUCH(A1)']]);
    expect(s.getRange(1, 1, 1, 3).getValues()).toEqual([['click', 2, '#ERROR!']]);
    expect(s.getRange(1, 1, 1, 3).getFormulas()).toEqual([
      ['=HYPERLINK("http://x.example","click")', '=1+1', '=NOSUCH(A1)'],
    ]);
  });

  it('keeps apostrophe-prefixed text literal and shows it without the apostrophe', () => {
    const { sheet: s } = sheet();
    s.getRange(1, 1, 1, 3).setValues([['\'=HYPERLINK("x","y")', "'+1", "'2026-11-25"]]);
    expect(s.getRange(1, 1, 1, 3).getValues()).toEqual([['=HYPERLINK("x","y")', '+1', '2026-11-25']]);
    expect(s.getRange(1, 1, 1, 3).getFormulas()).toEqual([['', '', '']]);
  });

  it('parses number-, boolean- and date-looking text, as Sheets does', () => {
    const { sheet: s } = sheet();
    s.getRange(1, 1, 1, 6).setValues([['+1', '-2', '00123', 'TRUE', '1,000', '50%']]);
    expect(s.getRange(1, 1, 1, 6).getValues()).toEqual([[1, -2, 123, true, 1000, 0.5]]);
    s.getRange(2, 1).setValue('2026-11-25');
    const d = s.getRange(2, 1).getValue() as Date;
    expect(Object.prototype.toString.call(d)).toBe('[object Date]');
    // A typed date is midnight in the spreadsheet's time zone, not in UTC.
    expect(formatDate(d, 'America/New_York', 'yyyy-MM-dd HH:mm')).toBe('2026-11-25 00:00');
    expect(s.getRange(2, 1).getDisplayValue()).toBe('11/25/2026');
  });

  it('leaves other text alone, tabs, @ and emoji included', () => {
    for (const text of ['@SUM(A1)', '\tled by a tab', 'Ünïcödé 🩺', 'שלום', '(206) 555-0188', 'Dr. O’Neil']) {
      expect(parseUserEntered(text)).toEqual({ value: text, formula: '' });
    }
  });

  it('refuses a cell longer than 50,000 characters and writes nothing of that call', () => {
    const { sheet: s } = sheet();
    const ok = 'x'.repeat(MAX_CELL_CHARS);
    s.getRange(1, 1).setValue(ok);
    expect(s.getRange(1, 1).getValue()).toBe(ok);
    expect(() => s.getRange(2, 1, 1, 2).setValues([['fine', `${ok}y`]])).toThrow(/50000 characters/);
    expect(s.getRange(2, 1).getValue()).toBe('');
  });

  it('needs setValues data of the range’s exact shape', () => {
    const { sheet: s } = sheet();
    expect(() => s.getRange(1, 1, 2, 2).setValues([['a', 'b']])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
    expect(() => s.getRange(1, 1, 1, 2).setValues([['a']])).toThrow(/number of columns/);
    expect(() => s.getRange(1, 1).setValue(undefined)).toThrow();
  });

  it('refuses ranges outside the sheet; appendRow and insertRowsAfter grow it', () => {
    const { sheet: s } = sheet();
    expect(() => s.getRange(1001, 1)).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    expect(() => s.getRange(1, 27)).toThrow(/outside the dimensions/);
    s.getRange(1000, 1).setValue('last');
    s.appendRow(['after']);
    expect(s.getLastRow()).toBe(1001);
    expect(s.getRange(1001, 1).getValue()).toBe('after');
    s.insertRowsAfter(1001, 10);
    expect(s.getMaxRows()).toBe(1011);
  });

  it('counts content, not notes, for getLastRow and getDataRange', () => {
    const { sheet: s } = sheet();
    s.getRange(1, 1, 2, 2).setValues([
      ['a', 'b'],
      ['c', ''],
    ]);
    s.getRange(5, 5).setNote('a note is not content');
    expect(s.getLastRow()).toBe(2);
    expect(s.getLastColumn()).toBe(2);
    expect(s.getDataRange().getA1Notation()).toBe('A1:B2');
    expect(s.getRange('A1:B2').getValues()).toEqual([
      ['a', 'b'],
      ['c', ''],
    ]);
  });

  it('refuses a second sheet with the same name', () => {
    const { ss } = sheet();
    ss.insertSheet('Orders');
    expect(() => ss.insertSheet('Orders')).toThrow('A sheet with the name "Orders" already exists.');
  });

  it('records validation, conditional formatting, frozen rows and charts', () => {
    const { fakes, sheet: s } = sheet();
    const app = fakes.SpreadsheetApp;
    const rule = app
      .newDataValidation()
      .requireValueInList(['NEW', 'DRAFTING'], true)
      .setAllowInvalid(false)
      .build();
    s.getRange(2, 9, 10, 1).setDataValidation(rule);
    expect(s.peekValidation(5, 9)?.getCriteriaValues()[0]).toEqual(['NEW', 'DRAFTING']);
    expect(s.peekValidation(5, 8)).toBeNull();
    const cf = app.newConditionalFormatRule().whenFormulaSatisfied('=$N2<TODAY()').setBackground('#f4c7c3');
    s.setConditionalFormatRules([cf.setRanges([s.getRange('A2:Z')]).build()]);
    s.setConditionalFormatRules([cf.setRanges([s.getRange('A2:Z')]).build()]);
    expect(s.peekConditionalRules()).toHaveLength(1);
    expect(() => app.newConditionalFormatRule().whenFormulaSatisfied('=TRUE').build()).toThrow(/range/);
    s.setFrozenRows(1);
    expect(s.getFrozenRows()).toBe(1);
    const chart = s
      .newChart()
      .setChartType('COLUMN')
      .addRange(s.getRange('A1:B5'))
      .setPosition(1, 4, 0, 0)
      .build();
    s.insertChart(chart);
    expect(s.getCharts().map((c) => c.getChartId())).toEqual([chart.getChartId()]);
    expect(() => s.insertChart(chart)).toThrow(/already/);
  });

  it('counts every call and fails the chosen one', () => {
    const { fakes, sheet: s } = sheet();
    const before = fakes.world.ledger.count('SpreadsheetApp', 'Range.getValues');
    fakes.world.ledger.failOn(
      'SpreadsheetApp',
      'Range.getValues',
      2,
      new Error('Service invoked too many times'),
    );
    s.getRange(1, 1).getValues();
    expect(() => s.getRange(1, 1).getValues()).toThrow('Service invoked too many times');
    s.getRange(1, 1).getValues();
    expect(fakes.world.ledger.count('SpreadsheetApp', 'Range.getValues')).toBe(before + 3);
    expect(fakes.world.ledger.allFailuresFired()).toBe(true);
  });

  it('opens only spreadsheets that exist', () => {
    const { fakes, ss } = sheet();
    expect(fakes.SpreadsheetApp.openById(ss.getId())).toBe(ss);
    expect(() => fakes.SpreadsheetApp.openById('nope')).toThrow();
  });
});

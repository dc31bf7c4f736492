import {
  catalogToRows,
  DEFAULT_CATALOG,
  findPackage,
  parseCatalog,
  unknownPackageMessage,
} from '../../src/core/packages';
import { PACKAGE_CHOICES } from '../../src/core/questionnaire';

describe('the default catalog', () => {
  it('is what product.md promises', () => {
    expect(DEFAULT_CATALOG.map((p) => [p.name, p.businessDays, p.startsAt])).toEqual([
      ['standard', 30, 'submission'],
      ['expedited', 1, 'submission'],
      ['on-demand', 4, 'conference'],
    ]);
  });

  it('offers every package the questionnaire lets a candidate choose', () => {
    for (const choice of PACKAGE_CHOICES) expect(findPackage(DEFAULT_CATALOG, choice)?.name).toBe(choice);
  });

  it('finds packages as managers type them', () => {
    expect(findPackage(DEFAULT_CATALOG, ' Expedited ')?.name).toBe('expedited');
    expect(findPackage(DEFAULT_CATALOG, 'express')).toBeUndefined();
    expect(unknownPackageMessage(DEFAULT_CATALOG, 'express')).toBe(
      'Unknown package "express" (known: standard, expedited, on-demand)',
    );
  });
});

describe('parseCatalog', () => {
  it('reads a team’s rows, numbers as strings or numbers, and round-trips', () => {
    const { catalog, problems } = parseCatalog([
      ['standard', 30, 'up to 4 weeks'],
      ['rush', '3', 'three days', 'submission'],
      ['on-demand', 4, 'after the call', 'Conference'],
    ]);
    expect(problems).toEqual([]);
    expect(catalog).toEqual([
      { name: 'standard', businessDays: 30, startsAt: 'submission', note: 'up to 4 weeks' },
      { name: 'rush', businessDays: 3, startsAt: 'submission', note: 'three days' },
      { name: 'on-demand', businessDays: 4, startsAt: 'conference', note: 'after the call' },
    ]);
    expect(parseCatalog(catalogToRows(catalog))).toEqual({ catalog, problems: [] });
  });

  it('reports each bad row and keeps the good ones', () => {
    const { catalog, problems } = parseCatalog([
      ['standard', 30, ''],
      ['', 5, 'no name'],
      ['Standard', 10, 'twice'],
      ['half', 2.5, ''],
      ['zero', 0, ''],
      ['words', 'ten', ''],
      ['later', 5, '', 'when the moon is full'],
      ['=evil()', 1, ''],
      [],
    ]);
    expect(catalog.map((p) => p.name)).toEqual(['standard']);
    expect(problems).toEqual([
      { row: 2, message: 'A package has no name.' },
      { row: 3, message: 'Package "Standard" is listed twice; the first one is used.' },
      { row: 4, message: 'Package "half": business days must be a whole number from 1 to 260, not "2.5".' },
      { row: 5, message: 'Package "zero": business days must be a whole number from 1 to 260, not "0".' },
      { row: 6, message: 'Package "words": business days must be a whole number from 1 to 260, not "ten".' },
      {
        row: 7,
        message:
          'Package "later": the clock starts at "submission" or "conference", not "when the moon is full".',
      },
      {
        row: 8,
        message:
          'Package name "=evil()" must be 1–40 letters, digits, spaces, "-" or "_", starting with a letter or digit.',
      },
    ]);
  });

  it('says when there is nothing at all', () => {
    expect(parseCatalog([[], ['', '']])).toEqual({
      catalog: [],
      problems: [{ row: 0, message: 'The package list is empty.' }],
    });
  });
});

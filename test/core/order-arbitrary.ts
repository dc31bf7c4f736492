/** fast-check generators for orders, shared by the tracker and deadline tests. */
import fc from 'fast-check';
import { fromDayNumber, toDayNumber } from '../../src/core/dates';
import { ORDER_STATUSES, type Order } from '../../src/core/orders';
import type { IsoDate } from '../../src/core/questionnaire';

export const isoDate: fc.Arbitrary<IsoDate> = fc
  .integer({ min: toDayNumber('1990-01-01'), max: toDayNumber('2099-12-31') })
  .map(fromDayNumber);

/** Any text a candidate could type on one line: formula starts, digits, quotes, emoji, lone surrogates. */
export const lineText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }).map((s) => s.replace(/[\r\n]/g, ' ')),
  fc.constantFrom(
    '=HYPERLINK("http://x","y")',
    '+1 555',
    '-2',
    '@SUM(A1)',
    "'quoted",
    '00123',
    '1e5',
    'TRUE',
    '3/4',
    '$5',
    '(5)',
    '\tTab',
  ),
);

const nullable = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null });

export const order: fc.Arbitrary<Order> = fc.record({
  orderId: fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim() !== ''),
  responseId: fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s.trim() !== ''),
  submitted: fc.constantFrom('2026-09-08T14:28:27-04:00', '2026-09-08T14:28:27', ''),
  candidate: lineText,
  email: lineText,
  specialty: lineText,
  recommender: lineText,
  package: fc.constantFrom('standard', 'expedited', 'on-demand'),
  status: fc.constantFrom(...ORDER_STATUSES),
  heldFrom: nullable(fc.constantFrom(...ORDER_STATUSES)),
  writer: lineText,
  reviewer: lineText,
  start: nullable(isoDate),
  originalDue: nullable(isoDate),
  currentDue: nullable(isoDate),
  pausedDays: fc.nat(200),
  pausedSince: nullable(isoDate),
  businessDaysLeft: nullable(fc.integer({ min: -300, max: 300 })),
  docId: fc.stringMatching(/^[A-Za-z0-9_-]{0,44}$/),
  docUrl: fc.constantFrom('', 'https://docs.google.com/document/d/abc/edit'),
  pdfUrl: fc.constantFrom('', 'https://drive.google.com/file/d/pdf1/view'),
  modelRewrite: fc.constantFrom(
    '',
    '2026-12-07 gemini-2.5-flash (prompt lor-section/1): rewrote patientCare; kept professionalism (quota)',
  ),
  openThreads: fc.nat(50),
  session: fc.nat(9),
  lastUpdate: fc.constantFrom('2026-09-08T15:00:00Z', ''),
  lastError: lineText,
  errorStep: fc.constantFrom('', 'createDoc', 'postThreads'),
  problems: fc.array(
    lineText.filter((s) => s.trim() !== ''),
    { maxLength: 4 },
  ),
});

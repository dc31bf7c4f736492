/** Regenerating one section in the Docs emulator leaves every other character, style and named range alone. */
import type { DocsRequest } from '../../src/core/letter/docs-requests';
import { rewriteSection, sectionRangeName, shiftRequests } from '../../src/core/section-rewrite';
import { DocsEmulator } from '../fakes/docs-emulator';

/** A fresh-document rendering of sections, the way a renderer writes them: text first, then styles and ranges. */
function render(
  sections: readonly { id: string; heading: string; body: string }[],
  takeNewline = true,
): DocsRequest[] {
  const text = sections.map((s) => `${s.heading} ${s.body}\n`).join('');
  const requests: DocsRequest[] = [{ insertText: { text: text.slice(0, -1), location: { index: 1 } } }];
  let at = 1;
  for (const s of sections) {
    const length = s.heading.length + 1 + s.body.length + 1;
    requests.push({
      updateTextStyle: {
        range: { startIndex: at, endIndex: at + s.heading.length },
        textStyle: { bold: true },
        fields: 'bold',
      },
    });
    requests.push({
      updateParagraphStyle: {
        range: { startIndex: at, endIndex: at + length },
        paragraphStyle: { spaceBelow: { magnitude: 8, unit: 'PT' } },
        fields: 'spaceBelow',
      },
    });
    requests.push({
      createNamedRange: {
        name: sectionRangeName(s.id),
        range: { startIndex: at, endIndex: at + length - (takeNewline ? 0 : 1) },
      },
    });
    at += length;
  }
  return requests;
}

const sections = [
  { id: 'relationship', heading: 'Dear Program Director:', body: 'I supervised Dr. Delgado.' },
  { id: 'patientCare', heading: 'Patient Care.', body: 'She followed a 58-year-old man.' },
  { id: 'medicalKnowledge', heading: 'Medical Knowledge.', body: 'She answered my questions.' },
  { id: 'closing', heading: 'Sincerely,', body: 'Michael Chen, MD' },
];

function setUp(takeNewline: boolean) {
  const docs = new DocsEmulator();
  const { documentId } = docs.create({ title: 'Letter' });
  docs.batchUpdate({ requests: render(sections, takeNewline) }, documentId);
  return { docs, documentId };
}

function rangeOf(docs: DocsEmulator, id: string, name: string) {
  const r = docs.namedRanges(id).filter((n) => n.name === name);
  expect(r).toHaveLength(1);
  return { startIndex: r[0]!.startIndex, endIndex: r[0]!.endIndex };
}

describe('rewriteSection', () => {
  it.each([
    ['a named range that takes in the section’s last newline', true],
    ['a named range that stops before it', false],
  ])('replaces only the section, even after the writer edited around it (%s)', (_, takeNewline) => {
    const { docs, documentId } = setUp(takeNewline);
    // The writer edits the letter before and inside the section.
    docs.batchUpdate(
      { requests: [{ insertText: { text: 'Warmly, ', location: { index: 24 } } }] },
      documentId,
    );
    const name = sectionRangeName('patientCare');
    const before = rangeOf(docs, documentId, name);
    docs.batchUpdate(
      { requests: [{ insertText: { text: ' (edited)', location: { index: before.endIndex - 1 } } }] },
      documentId,
    );
    const range = rangeOf(docs, documentId, name);
    const textBefore = docs.getText(documentId);
    const parasBefore = docs.paragraphs(documentId);

    const fresh = render(
      [{ id: 'patientCare', heading: 'Patient Care.', body: 'Dr. Delgado recognized early sepsis.' }],
      takeNewline,
    );
    const rewrite = rewriteSection(name, range, fresh, !takeNewline);
    if (!rewrite.ok) throw new Error(rewrite.problem);
    docs.batchUpdate({ requests: rewrite.requests }, documentId);

    const text = docs.getText(documentId);
    const after = rangeOf(docs, documentId, name);
    expect(text.slice(after.startIndex - 1, after.endIndex - 1)).toBe(
      `Patient Care. Dr. Delgado recognized early sepsis.${takeNewline ? '\n' : ''}`,
    );
    expect(text.length - textBefore.length).toBe(
      'Dr. Delgado recognized early sepsis.'.length - 'She followed a 58-year-old man. (edited)'.length,
    );
    // Byte for byte outside the section.
    expect(text.slice(0, after.startIndex - 1)).toBe(textBefore.slice(0, range.startIndex - 1));
    expect(text.slice(after.endIndex - 1)).toBe(textBefore.slice(range.endIndex - 1));
    const paras = docs.paragraphs(documentId);
    const outside = (ps: typeof paras, r: { startIndex: number; endIndex: number }) =>
      ps
        .filter((p) => p.endIndex <= r.startIndex || p.startIndex >= r.endIndex)
        .map((p) => [p.text, p.style, p.runs.map((x) => [x.text, x.style])]);
    expect(outside(paras, after)).toEqual(outside(parasBefore, range));
    // The fresh section is styled as in a new document: bold heading only, even though its neighbour is bold.
    const section = paras.find((p) => p.startIndex === after.startIndex)!;
    expect(section.runs.map((r) => [r.text, Boolean(r.style['bold'])])).toEqual([
      ['Patient Care.', true],
      [' Dr. Delgado recognized early sepsis.\n', false],
    ]);
    expect(section.style).toMatchObject({ spaceBelow: { magnitude: 8, unit: 'PT' } });
    // Every other section keeps its named range.
    expect(
      docs
        .namedRanges(documentId)
        .map((r) => r.name)
        .sort(),
    ).toEqual(sections.map((s) => sectionRangeName(s.id)).sort());
  });

  it('leaves out document style and refuses requests that could touch text outside the section', () => {
    const pageSize = {
      width: { magnitude: 612, unit: 'PT' as const },
      height: { magnitude: 792, unit: 'PT' as const },
    };
    expect(
      shiftRequests([{ updateDocumentStyle: { documentStyle: { pageSize }, fields: 'pageSize' } }], 10),
    ).toEqual({
      ok: true,
      requests: [],
    });
    expect(
      shiftRequests([{ replaceAllText: { containsText: { text: 'a' }, replaceText: 'b' } }], 10),
    ).toEqual({
      ok: false,
      problem: 'The section rendering uses replaceAllText, which could change text outside the section.',
    });
    expect(rewriteSection('cead:x', { startIndex: 5, endIndex: 5 }, [], true).ok).toBe(false);
    expect(
      rewriteSection(
        'cead:x',
        { startIndex: 5, endIndex: 9 },
        [{ insertText: { text: 'a', location: { index: 1 } } }],
        true,
      ),
    ).toEqual({
      ok: false,
      problem: 'The fresh section does not mark itself as cead:x.',
    });
  });

  it('turns end-of-segment inserts into inserts after what was written', () => {
    const moved = shiftRequests(
      [
        { insertText: { text: 'ab', endOfSegmentLocation: {} } },
        { insertText: { text: 'cd', endOfSegmentLocation: {} } },
      ],
      100,
    );
    expect(
      moved.ok && moved.requests.filter((r) => r.insertText).map((r) => r.insertText!.location!.index),
    ).toEqual([101, 103]);
  });
});

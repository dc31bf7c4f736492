/**
 * The four edge sets of the stress corpus (no first person at all, bullets only, a 3,000-word story, an
 * empty competency) drafted to .docx and opened by LibreOffice: each letter must be one or two US Letter
 * pages (issue 11). One soffice call with its own profile directory, as test/node/docx-letter.test.ts does.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeLetter } from '../../src/core/letter/compose';
import { documentDocx } from '../../src/node/docx-letter';
import { stressAnswers } from './corpus';

const EDGE_SETS = ['henrik-aalto', 'grace-whitmore', 'marguerite-osei', 'lucia-ferraz'] as const;

const work = mkdtempSync(join(tmpdir(), 'cead-edge-'));

function pageCount(pdf: string): number {
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
}

beforeAll(async () => {
  const files: string[] = [];
  for (const name of EDGE_SETS) {
    const model = composeLetter(stressAnswers(name));
    writeFileSync(
      join(work, `${name}.docx`),
      documentDocx(model, { date: new Date('2026-11-26T12:00:00Z') }),
    );
    files.push(`${name}.docx`);
  }
  execFileSync(
    'soffice',
    [
      `-env:UserInstallation=file://${join(work, 'profile')}`,
      '--headless',
      '--convert-to',
      'pdf',
      '--outdir',
      join(work, 'pdf'),
      ...files,
    ],
    { cwd: work, stdio: 'pipe', timeout: 120_000 },
  );
}, 180_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('edge answer sets drafted to .docx', () => {
  it('covers the four edge cases, each with a long or empty answer where expected', () => {
    const story = String(stressAnswers('marguerite-osei')['competency.patientCare'] ?? '');
    expect(story.split(/\s+/).length).toBeGreaterThanOrEqual(3000);
    expect(stressAnswers('lucia-ferraz')['competency.systemsBasedPractice']).toBeUndefined();
    const henrik = Object.entries(stressAnswers('henrik-aalto'))
      .filter(([id]) => id.startsWith('competency.') || id === 'recommender.relationship')
      .map(([, v]) => String(v))
      .join(' ');
    expect(henrik).not.toMatch(/\b(?:I|me|my|mine|myself|we|us|our)\b/i);
  });

  it.each(EDGE_SETS)('%s: the letter is one or two pages', (name) => {
    const pages = pageCount(join(work, 'pdf', `${name}.pdf`));
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(2);
  });
});

/**
 * A small but well-formed PDF of a document's text, for the emulator's `files.export`: one page per 50
 * lines, the page size the Doc has, Helvetica, and a correct cross-reference table, so what a test reads
 * back is a PDF a viewer would open and the text is findable in it. Not Google's rendering: no wrapping,
 * no styles; characters outside Latin-1 become "?" (a standard font's encoding has no others).
 */
const LINES_PER_PAGE = 50;

function escaped(line: string): string {
  return line.replace(/[^\u0020-\u00FF]/g, '?').replace(/[\\()]/g, (c) => `\\${c}`);
}

function pageStream(lines: readonly string[], height: number): string {
  const shown = lines.map((l, i) => `${i === 0 ? '' : 'T* '}(${escaped(l)}) Tj`).join('\n');
  return `BT /F1 11 Tf 14 TL 72 ${height - 72} Td\n${shown}\nET`;
}

/** `imageBytes`: the size of the images the Doc holds, carried as one image stream on the first page. */
export function minimalPdf(text: string, page = { width: 612, height: 792 }, imageBytes = 0): Buffer {
  const lines = text.split('\n');
  const pages: string[][] = [];
  for (let i = 0; i < lines.length; i += LINES_PER_PAGE) pages.push(lines.slice(i, i + LINES_PER_PAGE));
  if (pages.length === 0) pages.push([]);
  // Objects: 1 catalog, 2 pages, 3 font, then a page and its content stream for each page.
  const kids = pages.map((_, i) => `${4 + 2 * i} 0 R`).join(' ');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${kids}] /Count ${pages.length} >>`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
  ];
  const image = 4 + 2 * pages.length;
  pages.forEach((lines, i) => {
    const stream = pageStream(lines, page.height);
    const xObject = i === 0 && imageBytes > 0 ? ` /XObject << /Im1 ${image} 0 R >>` : '';
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${page.width} ${page.height}] ` +
        `/Resources << /Font << /F1 3 0 R >>${xObject} >> /Contents ${5 + 2 * i} 0 R >>`,
      `<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`,
    );
  });
  if (imageBytes > 0) {
    // A grey image of that many bytes (one byte a pixel), never drawn: only its size matters here.
    objects.push(
      `<< /Type /XObject /Subtype /Image /Width ${imageBytes} /Height 1 /ColorSpace /DeviceGray ` +
        `/BitsPerComponent 8 /Length ${imageBytes} >>\nstream\n${'\x80'.repeat(imageBytes)}\nendstream`,
    );
  }
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body +=
    `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n` +
    offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('') +
    `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/**
 * The WordprocessingML (ECMA-376) pieces of a CEAD `.docx`, written as strings. The parts that do not
 * depend on the letter (content types, relationships, styles, numbering, settings) are constants, so a
 * letter costs only its own paragraphs: the general-purpose `docx` package rebuilt and serialised every
 * part, default styles included, for each file, about 16 ms a document, most of `cead draft`'s time
 * (issue 12's profile).
 *
 * Element order inside `w:pPr` and `w:rPr` follows the schema's sequences (CT_PPrBase, CT_RPr): Word
 * refuses or repairs a file whose properties are out of order.
 */

export const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';

/** The numbering instance bullet paragraphs refer to (numbering.xml). */
export const BULLET_NUM_ID = 1;

/** Escapes text for element content and double-quoted attributes. */
export function xmlText(text: string): string {
  return text.replace(/[&<>"]/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;',
  );
}

export interface RunLook {
  readonly font: string;
  /** Half-points, as `w:sz` counts. */
  readonly halfPoints: number;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly highlight?: boolean;
}

function runProperties(look: RunLook): string {
  const font = xmlText(look.font);
  return (
    `<w:rPr><w:rFonts w:ascii="${font}" w:hAnsi="${font}" w:eastAsia="${font}" w:cs="${font}"/>` +
    (look.bold ? '<w:b/><w:bCs/>' : '') +
    (look.italic ? '<w:i/><w:iCs/>' : '') +
    `<w:sz w:val="${look.halfPoints}"/><w:szCs w:val="${look.halfPoints}"/>` +
    (look.highlight ? '<w:highlight w:val="yellow"/>' : '') +
    '</w:rPr>'
  );
}

/** A run of text; a tab becomes `w:tab` and a line break `w:br`, which `w:t` cannot hold. */
export function runXml(text: string, look: RunLook): string {
  const content = text
    .split(/(\t|\r?\n)/)
    .filter((piece) => piece !== '')
    .map((piece) =>
      piece === '\t'
        ? '<w:tab/>'
        : /^\r?\n$/.test(piece)
          ? '<w:br/>'
          : `<w:t xml:space="preserve">${xmlText(piece)}</w:t>`,
    )
    .join('');
  return content === '' ? '' : `<w:r>${runProperties(look)}${content}</w:r>`;
}

export interface ParagraphLook {
  /** Twips (1/20 pt). */
  readonly before: number;
  readonly after: number;
  readonly keepNext?: boolean;
  readonly bullet?: boolean;
}

export function paragraphXml(look: ParagraphLook, content: string): string {
  return (
    '<w:p><w:pPr>' +
    (look.keepNext ? '<w:keepNext/>' : '') +
    (look.bullet ? `<w:numPr><w:ilvl w:val="0"/><w:numId w:val="${BULLET_NUM_ID}"/></w:numPr>` : '') +
    `<w:spacing w:before="${look.before}" w:after="${look.after}" w:line="276" w:lineRule="auto"/>` +
    `</w:pPr>${content}</w:p>`
  );
}

export const commentStart = (id: number) => `<w:commentRangeStart w:id="${id}"/>`;
export const commentEnd = (id: number) =>
  `<w:commentRangeEnd w:id="${id}"/><w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:commentReference w:id="${id}"/></w:r>`;

export interface PageLook {
  /** Twips. */
  readonly width: number;
  readonly height: number;
  readonly margin: number;
}

export function documentXml(body: string, page: PageLook): string {
  const m = page.margin;
  return (
    `${XML_HEAD}<w:document xmlns:w="${W_NS}" xmlns:r="${R_NS}"><w:body>${body}` +
    `<w:sectPr><w:pgSz w:w="${page.width}" w:h="${page.height}"/>` +
    `<w:pgMar w:top="${m}" w:right="${m}" w:bottom="${m}" w:left="${m}" w:header="708" w:footer="708" w:gutter="0"/>` +
    '</w:sectPr></w:body></w:document>'
  );
}

export interface CommentXml {
  readonly id: number;
  readonly author: string;
  readonly initials: string;
  /** ISO 8601, as `w:date` takes it. */
  readonly date: string;
  readonly text: string;
}

/** Each comment's text, one paragraph per line; the first begins with the comment mark Word shows. */
export function commentsXml(comments: readonly CommentXml[], look: RunLook): string {
  const items = comments.map((c) => {
    const paragraphs = c.text.split(/\r?\n/).map((line, i) => {
      const mark =
        i === 0 ? '<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:annotationRef/></w:r>' : '';
      return `<w:p><w:pPr><w:pStyle w:val="CommentText"/></w:pPr>${mark}${runXml(line, look)}</w:p>`;
    });
    return (
      `<w:comment w:id="${c.id}" w:author="${xmlText(c.author)}" w:date="${c.date}" ` +
      `w:initials="${xmlText(c.initials)}">${paragraphs.join('')}</w:comment>`
    );
  });
  return `${XML_HEAD}<w:comments xmlns:w="${W_NS}" xmlns:r="${R_NS}">${items.join('')}</w:comments>`;
}

export function corePropertiesXml(title: string, creator: string, date: string): string {
  return (
    `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${xmlText(title)}</dc:title><dc:creator>${xmlText(creator)}</dc:creator>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${date}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${date}</dcterms:modified></cp:coreProperties>`
  );
}

const CT = 'application/vnd.openxmlformats-officedocument.wordprocessingml';
export const CONTENT_TYPES_XML =
  `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  `<Override PartName="/word/document.xml" ContentType="${CT}.document.main+xml"/>` +
  `<Override PartName="/word/styles.xml" ContentType="${CT}.styles+xml"/>` +
  `<Override PartName="/word/numbering.xml" ContentType="${CT}.numbering+xml"/>` +
  `<Override PartName="/word/settings.xml" ContentType="${CT}.settings+xml"/>` +
  `<Override PartName="/word/comments.xml" ContentType="${CT}.comments+xml"/>` +
  '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
  '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>' +
  '</Types>';

export const PACKAGE_RELS_XML =
  `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
  `<Relationship Id="rId1" Type="${REL_TYPE}/officeDocument" Target="word/document.xml"/>` +
  '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
  `<Relationship Id="rId3" Type="${REL_TYPE}/extended-properties" Target="docProps/app.xml"/>` +
  '</Relationships>';

export const DOCUMENT_RELS_XML =
  `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
  `<Relationship Id="rId1" Type="${REL_TYPE}/styles" Target="styles.xml"/>` +
  `<Relationship Id="rId2" Type="${REL_TYPE}/numbering" Target="numbering.xml"/>` +
  `<Relationship Id="rId3" Type="${REL_TYPE}/settings" Target="settings.xml"/>` +
  `<Relationship Id="rId4" Type="${REL_TYPE}/comments" Target="comments.xml"/>` +
  '</Relationships>';

export const APP_XML =
  `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">` +
  '<Application>CEAD</Application></Properties>';

/** Word 2013+ layout (no "compatibility mode" banner). */
export const SETTINGS_XML =
  `${XML_HEAD}<w:settings xmlns:w="${W_NS}"><w:defaultTabStop w:val="720"/>` +
  '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>' +
  '</w:settings>';

/** The document's default font and size, and the two comment styles Word's own comments use. */
export function stylesXml(font: string, halfPoints: number): string {
  const f = xmlText(font);
  return (
    `${XML_HEAD}<w:styles xmlns:w="${W_NS}"><w:docDefaults><w:rPrDefault><w:rPr>` +
    `<w:rFonts w:ascii="${f}" w:hAnsi="${f}" w:eastAsia="${f}" w:cs="${f}"/>` +
    `<w:sz w:val="${halfPoints}"/><w:szCs w:val="${halfPoints}"/><w:lang w:val="en-US"/></w:rPr></w:rPrDefault>` +
    '<w:pPrDefault/></w:docDefaults>' +
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>' +
    '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>' +
    '<w:style w:type="paragraph" w:styleId="CommentText"><w:name w:val="annotation text"/><w:basedOn w:val="Normal"/><w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr></w:style>' +
    '<w:style w:type="character" w:styleId="CommentReference"><w:name w:val="annotation reference"/><w:basedOn w:val="DefaultParagraphFont"/><w:rPr><w:sz w:val="16"/><w:szCs w:val="16"/></w:rPr></w:style>' +
    '</w:styles>'
  );
}

/** One bullet list: "•" hanging 12 pt inside an 18 pt indent. */
export const NUMBERING_XML =
  `${XML_HEAD}<w:numbering xmlns:w="${W_NS}">` +
  '<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="singleLevel"/>' +
  '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/><w:lvlJc w:val="left"/>' +
  '<w:pPr><w:ind w:left="360" w:hanging="240"/></w:pPr></w:lvl></w:abstractNum>' +
  `<w:num w:numId="${BULLET_NUM_ID}"><w:abstractNumId w:val="0"/></w:num></w:numbering>`;

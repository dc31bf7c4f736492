/**
 * The questionnaire (core/questionnaire.ts) as Forms API `createItem` requests: the same sections, titles,
 * help, choices and required items as Apps Script's setup makes with FormApp. What the REST API cannot
 * set (answer validation, response edits, the confirmation message) is not sent; docs/deploy.md says what
 * to set by hand, or run the Apps Script setup once on the same Form.
 */
import { type Item, QUESTIONNAIRE } from '../../core/questionnaire';

type Json = Record<string, unknown>;

function question(item: Item): Json {
  switch (item.type) {
    case 'paragraph':
      return { textQuestion: { paragraph: true } };
    case 'choice':
      return {
        choiceQuestion: {
          type: 'RADIO',
          options: [
            ...(item.choices ?? []).map((value) => ({ value })),
            ...(item.allowOther ? [{ isOther: true }] : []),
          ],
        },
      };
    case 'date':
      return { dateQuestion: { includeYear: true } };
    default:
      return { textQuestion: { paragraph: false } };
  }
}

export function itemBody(item: Item): Json {
  return {
    title: item.title,
    description: item.help,
    questionItem: { question: { required: item.required, ...question(item) } },
  };
}

/** Every item of the questionnaire, sections as the Form's pages, in order. */
export function questionnaireItems(): Json[] {
  return QUESTIONNAIRE.flatMap((section, i) => [
    // The first section is the form's first page; every other section starts a new page.
    i === 0
      ? { title: section.title, description: section.help, textItem: {} }
      : { title: section.title, description: section.help, pageBreakItem: {} },
    ...section.items.map(itemBody),
  ]);
}

/** `createItem` requests for the questions a form lacks (by title), appended after `count` items. */
export function missingItemRequests(presentTitles: ReadonlySet<string>, count: number): Json[] {
  const all = questionnaireItems();
  const fresh = count === 0;
  const wanted = fresh
    ? all
    : all.filter((it) => 'questionItem' in it && !presentTitles.has(String(it['title'])));
  return wanted.map((item, k) => ({ createItem: { item, location: { index: count + k } } }));
}

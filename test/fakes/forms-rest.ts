/**
 * The Forms API v1 (forms.googleapis.com) in memory: the methods CEAD calls and the rules that bite.
 * - `forms.create` takes only `info.title` (and `documentTitle`); items come by `batchUpdate` (reference:
 *   "forms.create": "Only the form.info.title and form.info.document_title fields are copied").
 * - A form made through the API after June 30, 2026 is unpublished and takes no responses until
 *   `setPublishSettings` publishes it (api-changes-to-google-forms).
 * - `batchUpdate` is atomic and bumps `revisionId`; `createItem` needs a `location.index` within the item
 *   list; a question gets a `questionId`, every item an `itemId`.
 * - `responses.list`: `filter` is `timestamp > T` or `timestamp >= T` (RFC 3339), anything else 400;
 *   `pageSize` at most 5000 (N in RFC 3339 "Zulu" form: an offset is refused); answers are keyed by question ID, text answers as `textAnswers.answers[].value`.
 * Files share the Drive registry (`GasWorld.files`) so Drive lists, labels and trashes them.
 */
import { type GasWorld, MIME, registerFile } from './gas-world';
import { RestError } from './google-rest-errors';

type Json = Record<string, unknown>;

interface StoredResponse {
  readonly responseId: string;
  readonly createTime: string;
  lastSubmittedTime: string;
  readonly respondentEmail: string;
  answers: Record<string, Json>;
}

interface StoredForm {
  readonly formId: string;
  info: Json;
  settings: Json;
  items: Json[];
  revision: number;
  published: boolean;
  accepting: boolean;
  readonly responses: StoredResponse[];
}

const FORM_REQUESTS = ['createItem', 'updateFormInfo', 'updateSettings'] as const;
const MAX_PAGE = 5000;
// The reference: `timestamp > N` or `timestamp >= N`, N in RFC 3339 UTC "Zulu" form.
const FILTER = /^\s*timestamp\s*(>=|>)\s*(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,9})?Z)\s*$/;

function bad(message: string): RestError {
  return new RestError(400, message);
}

export class FormsRest {
  private readonly forms = new Map<string, StoredForm>();

  constructor(private readonly world: GasWorld) {}

  private open(formId: string): StoredForm {
    const form = this.forms.get(formId);
    const file = this.world.files.get(formId);
    if (!form || !file || file.trashed) throw new RestError(404, 'Requested entity was not found.');
    return form;
  }

  create(body: Json): Json {
    const info = (body['info'] ?? {}) as Json;
    if (typeof info['title'] !== 'string') throw bad('Form title is required.');
    if (body['items'] !== undefined || body['settings'] !== undefined) {
      throw bad('Only info.title and info.documentTitle may be set when creating a form.');
    }
    const formId = this.world.ids.next('1Fo');
    const title = info['title'];
    const form: StoredForm = {
      formId,
      info: { title, documentTitle: info['documentTitle'] ?? title },
      settings: {},
      items: [],
      revision: 1,
      published: false,
      accepting: false,
      responses: [],
    };
    this.forms.set(formId, form);
    registerFile(this.world, { id: formId, name: String(form.info['documentTitle']), mimeType: MIME.form });
    return this.view(form);
  }

  get(formId: string): Json {
    return this.view(this.open(formId));
  }

  private view(form: StoredForm): Json {
    return {
      formId: form.formId,
      info: { ...form.info },
      settings: structuredClone(form.settings),
      items: structuredClone(form.items),
      revisionId: String(form.revision).padStart(8, '0'),
      responderUri: `https://docs.google.com/forms/d/e/${form.formId}/viewform`,
      publishSettings: {
        publishState: { isPublished: form.published, isAcceptingResponses: form.accepting },
      },
    };
  }

  batchUpdate(formId: string, body: Json): Json {
    const form = this.open(formId);
    const requests = body['requests'];
    if (!Array.isArray(requests) || requests.length === 0) throw bad('Must specify at least one request.');
    const work = structuredClone({ items: form.items, info: form.info, settings: form.settings });
    const replies = requests.map((request: Json, i) => this.apply(work, request, i));
    form.items = work.items;
    form.info = work.info;
    form.settings = work.settings;
    form.revision++;
    const reply: Json = { replies };
    if (body['includeFormInResponse'] === true) reply['form'] = this.view(form);
    return reply;
  }

  private apply(work: { items: Json[]; info: Json; settings: Json }, request: Json, i: number): Json {
    const kinds = Object.keys(request ?? {});
    const kind = kinds[0] as (typeof FORM_REQUESTS)[number];
    if (kinds.length !== 1 || !FORM_REQUESTS.includes(kind)) {
      throw bad(`Invalid requests[${i}]: exactly one of ${FORM_REQUESTS.join(', ')} must be set.`);
    }
    const r = request[kind] as Json;
    if (kind === 'createItem') return { createItem: this.createItem(work.items, r, i) };
    const mask = r['updateMask'];
    if (typeof mask !== 'string' || mask === '')
      throw bad(`Invalid requests[${i}].${kind}: updateMask is required.`);
    const target = kind === 'updateFormInfo' ? work.info : work.settings;
    const source = (kind === 'updateFormInfo' ? r['info'] : r['settings']) as Json | undefined;
    for (const path of mask.split(',')) {
      const [head, ...rest] = path.trim().split('.');
      if (!head) continue;
      const value = rest.reduce<unknown>((v, k) => (v as Json | undefined)?.[k], source?.[head]);
      if (rest.length === 0) target[head] = value;
      else target[head] = { ...((target[head] as Json) ?? {}), ...((source?.[head] as Json) ?? {}) };
    }
    return {};
  }

  private createItem(items: Json[], r: Json, i: number): Json {
    const item = structuredClone((r['item'] ?? {}) as Json);
    const index = (r['location'] as Json | undefined)?.['index'];
    if (typeof index !== 'number' || index < 0 || index > items.length) {
      throw bad(`Invalid requests[${i}].createItem: location.index must be between 0 and ${items.length}.`);
    }
    if (typeof item['title'] !== 'string' && item['pageBreakItem'] === undefined) {
      throw bad(`Invalid requests[${i}].createItem: item title is required.`);
    }
    const itemId = this.world.ids.next('').slice(0, 8);
    item['itemId'] = itemId;
    const question = (item['questionItem'] as Json | undefined)?.['question'] as Json | undefined;
    const questionIds: string[] = [];
    if (question) {
      question['questionId'] = this.world.ids.next('q').slice(0, 9);
      questionIds.push(String(question['questionId']));
    }
    items.splice(index, 0, item);
    return { itemId, questionId: questionIds };
  }

  setPublishSettings(formId: string, body: Json): Json {
    const form = this.open(formId);
    const state = ((body['publishSettings'] as Json | undefined)?.['publishState'] ?? {}) as Json;
    if (typeof state['isPublished'] !== 'boolean')
      throw bad('publishSettings.publishState.isPublished is required.');
    form.published = state['isPublished'];
    form.accepting = form.published && state['isAcceptingResponses'] !== false;
    return {
      formId,
      publishSettings: {
        publishState: { isPublished: form.published, isAcceptingResponses: form.accepting },
      },
    };
  }

  listResponses(formId: string, query: URLSearchParams): Json {
    const form = this.open(formId);
    const filter = query.get('filter');
    let keep = (_r: StoredResponse) => true;
    if (filter !== null) {
      const m = FILTER.exec(filter);
      const at = m ? Date.parse(m[2] as string) : Number.NaN;
      if (!m || Number.isNaN(at)) throw bad(`Invalid filter: ${filter}`);
      keep = (r) =>
        m[1] === '>' ? Date.parse(r.lastSubmittedTime) > at : Date.parse(r.lastSubmittedTime) >= at;
    }
    const size = Math.min(Number(query.get('pageSize') ?? MAX_PAGE) || MAX_PAGE, MAX_PAGE);
    const start = Number(query.get('pageToken') ?? 0);
    const all = form.responses.filter(keep);
    const page = all.slice(start, start + size).map((r) => structuredClone(r));
    const out: Json = {};
    if (page.length > 0) out['responses'] = page;
    if (start + size < all.length) out['nextPageToken'] = String(start + size);
    return out;
  }

  getResponse(formId: string, responseId: string): Json {
    const r = this.open(formId).responses.find((x) => x.responseId === responseId);
    if (!r) throw new RestError(404, 'Requested entity was not found.');
    return structuredClone(r) as unknown as Json;
  }

  /** Test helper: a candidate submits, answers by item title (choices as arrays). */
  submit(formId: string, answers: Record<string, string | string[]>, email = ''): string {
    const form = this.open(formId);
    if (!form.published || !form.accepting)
      throw new Error('forms fake: this form is not accepting responses');
    const at = this.world.clock.now().toISOString();
    const responseId = this.world.ids.next('2_ABaOnu');
    form.responses.push({
      responseId,
      createTime: at,
      lastSubmittedTime: at,
      respondentEmail: email,
      answers: {},
    });
    this.setAnswers(form, responseId, answers);
    return responseId;
  }

  /** Test helper: the candidate edits their response (a new `lastSubmittedTime`). */
  edit(formId: string, responseId: string, answers: Record<string, string | string[]>): void {
    const form = this.open(formId);
    this.setAnswers(form, responseId, answers);
  }

  private setAnswers(form: StoredForm, responseId: string, answers: Record<string, string | string[]>): void {
    const r = form.responses.find((x) => x.responseId === responseId);
    if (!r) throw new Error(`forms fake: no response ${responseId}`);
    for (const [title, value] of Object.entries(answers)) {
      const item = form.items.find((it) => it['title'] === title);
      const q = (item?.['questionItem'] as Json | undefined)?.['question'] as Json | undefined;
      if (!q) throw new Error(`forms fake: no question titled ${JSON.stringify(title)}`);
      const id = String(q['questionId']);
      const values = (Array.isArray(value) ? value : [value]).map((v) => ({ value: v }));
      r.answers[id] = { questionId: id, textAnswers: { answers: values } };
    }
    r.lastSubmittedTime = this.world.clock.now().toISOString();
  }

  /**
   * Test helper: a stored response as Apps Script's FormApp gives it to the form-submit trigger (the same
   * response ID, as the two share it; answers by item title), for running the Apps Script intake on the
   * state the REST API serves.
   */
  formAppResponse(formId: string, responseId: string) {
    const form = this.open(formId);
    const r = form.responses.find((x) => x.responseId === responseId);
    if (!r) throw new Error(`forms fake: no response ${responseId}`);
    const items = form.items.flatMap((item) => {
      const q = (item['questionItem'] as Json | undefined)?.['question'] as Json | undefined;
      const answer = q ? (r.answers[String(q['questionId'])] as Json | undefined) : undefined;
      if (!answer) return [];
      const values = ((answer['textAnswers'] as Json)['answers'] as { value: string }[]).map((a) => a.value);
      const title = String(item['title'] ?? '');
      return [{ getItem: () => ({ getTitle: () => title }), getResponse: () => values.join(', ') }];
    });
    return {
      getId: () => r.responseId,
      getTimestamp: () => new Date(r.lastSubmittedTime),
      getRespondentEmail: () => r.respondentEmail,
      getEditResponseUrl: () => `https://docs.google.com/forms/d/e/${formId}/viewform?edit2=${r.responseId}`,
      getItemResponses: () => items,
    };
  }

  /** Test helper: the questions' titles in order. */
  titles(formId: string): string[] {
    return this.open(formId).items.map((it) => String(it['title'] ?? ''));
  }
}

/**
 * The questionnaire's responses from the Forms API, as the core's `ResponseData`: the same keys and
 * joined answers as the Apps Script adapter (src/gas/form-intake.ts) makes from FormApp, so an order is the
 * same whichever side took it in. The API keys answers by question ID, so the form's items are read once
 * (`forms.get`) to give each its title.
 *
 * `list(since)` is `responses.list` with `filter=timestamp >= since` (the reference allows `>` and `>=`
 * with an RFC 3339 time), page by page; `get` is `responses.get`, a 404 being "no such response".
 */
import type { ResponseData, ResponseSource } from '../../core/ports';
import { hasOwn, setOwn } from '../../core/records';
import type { GoogleTransport } from './google-transport';

interface FormItem {
  readonly title?: string;
  readonly questionItem?: { readonly question?: { readonly questionId?: string } };
}

interface Answer {
  readonly textAnswers?: { readonly answers?: readonly { readonly value?: string }[] };
}

export interface FormResponse {
  readonly responseId?: string;
  readonly lastSubmittedTime?: string;
  readonly createTime?: string;
  readonly respondentEmail?: string;
  readonly answers?: Readonly<Record<string, Answer>>;
}

const PAGE_SIZE = 5000;

export class FormsApiResponses implements ResponseSource {
  private questions: { readonly id: string; readonly key: string }[] | undefined;

  constructor(
    private readonly t: GoogleTransport,
    private readonly formId: string,
  ) {}

  /** Each question's ID and the key its answer goes under (a title used twice is told apart by position). */
  private keys(): readonly { readonly id: string; readonly key: string }[] {
    if (!this.questions) {
      const form = this.t.call<{ items?: FormItem[] }>('forms', 'forms.get', { formId: this.formId });
      const seen: Record<string, true> = {};
      this.questions = [];
      (form.items ?? []).forEach((item, i) => {
        const id = item.questionItem?.question?.questionId;
        if (!id) return;
        const title = item.title ?? '';
        const key = hasOwn(seen, title) ? `${title} (item ${i + 1})` : title;
        setOwn(seen, title, true);
        this.questions?.push({ id, key });
      });
    }
    return this.questions;
  }

  toData(response: FormResponse): ResponseData {
    const raw: Record<string, string> = {};
    for (const { id, key } of this.keys()) {
      const answer = response.answers?.[id];
      if (!answer) continue;
      setOwn(raw, key, (answer.textAnswers?.answers ?? []).map((a) => a.value ?? '').join(', '));
    }
    const time = response.lastSubmittedTime ?? response.createTime ?? '';
    return {
      responseId: response.responseId ?? '',
      timestamp: new Date(time).toISOString(),
      respondentEmail: response.respondentEmail ?? '',
      // The API gives no edit link; the candidate has the one Forms showed them.
      editUrl: '',
      raw,
    };
  }

  get(responseId: string): ResponseData | undefined {
    try {
      return this.toData(this.t.call('forms', 'forms.responses.get', { formId: this.formId, responseId }));
    } catch (e) {
      if ((e as { status?: unknown }).status === 404) return undefined;
      throw e;
    }
  }

  list(since?: string): ResponseData[] {
    const out: ResponseData[] = [];
    let pageToken: string | undefined;
    do {
      const page = this.t.call<{ responses?: FormResponse[]; nextPageToken?: string }>(
        'forms',
        'forms.responses.list',
        {
          formId: this.formId,
          pageSize: PAGE_SIZE,
          ...(since === undefined ? {} : { filter: `timestamp >= ${new Date(since).toISOString()}` }),
          ...(pageToken ? { pageToken } : {}),
        },
      );
      for (const r of page.responses ?? []) out.push(this.toData(r));
      pageToken = page.nextPageToken;
    } while (pageToken);
    return out;
  }
}

/**
 * The questionnaire's responses from Google Forms, as the core's `ResponseData`: answers verbatim by item
 * title (the keys a Forms export has), the response's own ID and time, the edit link.
 */
import type { ResponseData, ResponseSource } from '../core/ports';
import { hasOwn, setOwn } from '../core/records';

/** One answer as text: several choices joined with ", " (as exports join them), grid rows with "; ". */
function answerText(answer: unknown): string {
  if (Array.isArray(answer)) {
    return answer
      .map((a) => (Array.isArray(a) ? a.map(String).join(', ') : String(a)))
      .join(Array.isArray(answer[0]) ? '; ' : ', ');
  }
  return answer === null || answer === undefined ? '' : String(answer);
}

export function responseData(response: GoogleAppsScript.Forms.FormResponse): ResponseData {
  const raw: Record<string, string> = {};
  response.getItemResponses().forEach((ir, i) => {
    const title = ir.getItem().getTitle();
    // A title used twice keeps both answers, told apart by position.
    setOwn(raw, hasOwn(raw, title) ? `${title} (item ${i + 1})` : title, answerText(ir.getResponse()));
  });
  let email = '';
  try {
    email = response.getRespondentEmail();
  } catch {
    // Forms that do not collect emails may refuse the call; the questionnaire asks for the email anyway.
  }
  return {
    responseId: response.getId(),
    timestamp: response.getTimestamp().toISOString(),
    respondentEmail: email,
    editUrl: response.getEditResponseUrl(),
    raw,
  };
}

export class FormResponses implements ResponseSource {
  private form: GoogleAppsScript.Forms.Form | undefined;

  constructor(private readonly formId: string) {}

  private open(): GoogleAppsScript.Forms.Form {
    this.form ??= FormApp.openById(this.formId);
    return this.form;
  }

  get(responseId: string): ResponseData | undefined {
    try {
      return responseData(this.open().getResponse(responseId));
    } catch (e) {
      if (/no response with id/i.test(String((e as { message?: unknown }).message))) return undefined;
      throw e;
    }
  }

  list(since?: string): ResponseData[] {
    const form = this.open();
    const responses = since === undefined ? form.getResponses() : form.getResponses(new Date(since));
    return responses.map(responseData);
  }
}

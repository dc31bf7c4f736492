/**
 * The Apps Script Rewriter: Gemini through the Gemini API (`UrlFetchApp`, with the key kept in script
 * properties) or through Vertex AI in the team's own Google Cloud project (the Vertex AI advanced service,
 * which signs each call with the script's OAuth token). The team picks one in the Settings sheet; the same
 * `generateContent` body goes either way and each answer is read by the core (generate-content.ts), so a
 * refusal or a malformed answer means the same thing whichever way it came.
 *
 * Both services are synchronous, so unlike the Node adapter nothing is called ahead. Retries are the core's
 * (rewrite-letter.ts, with `Utilities.sleep` between attempts): a call here is one attempt, and a failure is
 * thrown in words the core can sort into time-out, quota (429) and the rest.
 */
import type { Rewriter, StateStore } from '../core/ports';
import {
  generateContentBody,
  type RewriteReply,
  type RewriteRequest,
  readGenerateContent,
} from '../core/rewrite/generate-content';
import type { ModelAssist } from '../core/settings';

/** The script property that holds the Gemini API key: never the Settings sheet, which the team shares. */
export const API_KEY_PROPERTY = 'CEAD_MODEL_API_KEY';
/**
 * Another address for the Gemini API (a gateway, or the tests' loopback server). Only a project owner can
 * set script properties, so it cannot be pointed elsewhere from the sheet.
 */
export const BASE_URL_PROPERTY = 'CEAD_MODEL_BASE_URL';
export const GEMINI_API_URL = 'https://generativelanguage.googleapis.com';

/** The Vertex AI advanced service (v1), as much of it as CEAD calls; the typings have none. */
export interface VertexAIService {
  readonly Endpoints: { generateContent(payload: object, model: string): unknown };
}

/** The team's Rewriter, or why there is none (switched off, or the key is missing). */
export function teamRewriter(assist: ModelAssist, state: StateStore): Rewriter | { readonly off: string } {
  if (assist.service === 'off') return { off: 'model assist is off in Settings' };
  if (assist.service === 'vertex-ai') {
    const { vertexProject: project, vertexLocation: location, model } = assist;
    return vertexRewriter(
      model,
      `projects/${project}/locations/${location}/publishers/google/models/${model}`,
    );
  }
  const key = state.get(API_KEY_PROPERTY)?.trim() ?? '';
  if (key === '') return { off: `the script property ${API_KEY_PROPERTY} holds no Gemini API key` };
  const base = state.get(BASE_URL_PROPERTY)?.trim().replace(/\/+$/, '') || GEMINI_API_URL;
  return geminiApiRewriter(assist.model, key, base);
}

export function geminiApiRewriter(model: string, apiKey: string, baseUrl: string): Rewriter {
  const url = `${baseUrl}/v1beta/models/${encodeURIComponent(model)}:generateContent`;
  return {
    model,
    rewrite(request: RewriteRequest): RewriteReply {
      // The key goes in a header, not the query string, so it is not in any URL an error message quotes.
      const response = UrlFetchApp.fetch(url, {
        method: 'post',
        contentType: 'application/json',
        headers: { 'x-goog-api-key': apiKey },
        payload: JSON.stringify(generateContentBody(request)),
        muteHttpExceptions: true,
      });
      return readHttpReply(response.getResponseCode(), response.getContentText());
    },
  };
}

/**
 * An HTTP answer as a reply, or an error the core's retry rule reads: 429 says quota, 5xx says try again,
 * any other error status is final. The error body's own message is left out: CEAD's words are enough.
 */
export function readHttpReply(status: number, text: string): RewriteReply {
  if (status === 429) throw new Error('HTTP 429: the model’s quota is exhausted (RESOURCE_EXHAUSTED)');
  if (status >= 500) throw new Error(`HTTP ${status}: the model service failed; try again`);
  if (status >= 400) throw new Error(`HTTP ${status}: the model service refused the request`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { kind: 'malformed', detail: 'the answer is not JSON' };
  }
  return readGenerateContent(json);
}

export function vertexRewriter(shortName: string, resource: string): Rewriter {
  return {
    model: shortName,
    rewrite(request: RewriteRequest): RewriteReply {
      const vertex = (globalThis as unknown as { VertexAI?: VertexAIService }).VertexAI;
      if (!vertex) throw new Error('The Vertex AI advanced service is not enabled in appsscript.json');
      try {
        return readGenerateContent(vertex.Endpoints.generateContent(generateContentBody(request), resource));
      } catch (e) {
        // Advanced services throw GoogleJsonResponseException, whose message lacks the status; its
        // `details.code` has it, and the core tells quota and server errors apart by "HTTP 429" / "HTTP 5xx".
        const code = (e as { details?: { code?: unknown } }).details?.code;
        if (typeof code === 'number') throw new Error(`HTTP ${code}: ${(e as Error).message}`);
        throw e;
      }
    },
  };
}

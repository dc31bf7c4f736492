/**
 * The Gemini `generateContent` request and response, shared by every adapter (the Gemini API, Vertex AI,
 * @google/genai): the same JSON body goes to either endpoint, and each adapter's raw response is read here,
 * so a refusal or a malformed answer means the same thing whichever way it came.
 */
import { PROMPT_VERSION, SYSTEM_PROMPT, userPrompt } from './prompt';
import type { SectionInput } from './section-inputs';

export interface GenerateContentBody {
  readonly contents: readonly { role: 'user'; parts: readonly { text: string }[] }[];
  readonly systemInstruction: { parts: readonly { text: string }[] };
  readonly generationConfig: { temperature: number; maxOutputTokens: number; candidateCount: 1 };
}

/** What a section rewrite sends: the section's prompt (see prompt.ts), and the prompt's version. */
export interface RewriteRequest {
  readonly sectionId: string;
  readonly promptVersion: string;
  readonly system: string;
  readonly user: string;
  readonly wordBudget: number;
}

export function rewriteRequest(input: SectionInput, wordBudget: number): RewriteRequest {
  return {
    sectionId: input.sectionId,
    promptVersion: PROMPT_VERSION,
    system: SYSTEM_PROMPT,
    user: userPrompt(input, wordBudget),
    wordBudget,
  };
}

export function generateContentBody(request: RewriteRequest): GenerateContentBody {
  return {
    contents: [{ role: 'user', parts: [{ text: request.user }] }],
    systemInstruction: { parts: [{ text: request.system }] },
    // Tokens run about 1.3 a word; twice the budget leaves room without inviting a longer section.
    generationConfig: { temperature: 0.2, maxOutputTokens: request.wordBudget * 3, candidateCount: 1 },
  };
}

export type RewriteReply =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'refused'; readonly reason: string }
  | { readonly kind: 'malformed'; readonly detail: string };

const BLOCKED = ['SAFETY', 'RECITATION', 'PROHIBITED_CONTENT', 'BLOCKLIST', 'SPII', 'LANGUAGE', 'OTHER'];

/** A `GenerateContentResponse` as JSON: the first candidate's text, a refusal, or what is wrong with it. */
export function readGenerateContent(json: unknown): RewriteReply {
  if (json === null || typeof json !== 'object') return { kind: 'malformed', detail: 'not a JSON object' };
  const r = json as {
    promptFeedback?: { blockReason?: unknown };
    candidates?: unknown;
  };
  if (typeof r.promptFeedback?.blockReason === 'string')
    return { kind: 'refused', reason: `prompt blocked (${r.promptFeedback.blockReason})` };
  if (!Array.isArray(r.candidates) || r.candidates.length === 0)
    return { kind: 'malformed', detail: 'no candidates' };
  const c = r.candidates[0] as { finishReason?: unknown; content?: { parts?: unknown } };
  const finish = typeof c.finishReason === 'string' ? c.finishReason : '';
  if (BLOCKED.includes(finish)) return { kind: 'refused', reason: `the model stopped (${finish})` };
  if (finish === 'MAX_TOKENS') return { kind: 'malformed', detail: 'the answer was cut off (MAX_TOKENS)' };
  const parts = c.content?.parts;
  if (!Array.isArray(parts)) return { kind: 'malformed', detail: 'no content parts' };
  const text = parts
    .map((p: { text?: unknown; thought?: unknown }) =>
      typeof p?.text === 'string' && p.thought !== true ? p.text : '',
    )
    .join('')
    .trim();
  return text === '' ? { kind: 'malformed', detail: 'no text' } : { kind: 'text', text };
}

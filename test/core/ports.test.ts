import { errorMessage, isTransientError } from '../../src/core/ports';

describe('isTransientError', () => {
  it.each([
    'Service invoked too many times in a short time: spreadsheets. Try Utilities.sleep(1000) between calls.',
    "We're sorry, a server error occurred. Please wait a bit and try again.",
    'Exception: Service Spreadsheets timed out while accessing document with id 1abc.',
    'GoogleJsonResponseException: API call to drive.comments.create failed with error: Internal Error',
    'GoogleJsonResponseException: API call to drive.files.create failed with error: Backend Error',
    'Rate Limit Exceeded',
    "Quota exceeded for quota metric 'Write requests' and limit 'Write requests per minute per user'",
    'Request failed for https://docs.googleapis.com returned code 503.',
    'HTTP 429 Too Many Requests',
  ])('retries %s', (message) => {
    expect(isTransientError(new Error(message))).toBe(true);
  });

  it.each([
    'Invalid requests[0].insertText: Index 57 must be less than the end index of the referenced segment, 42.',
    'File not found: doc-500-x',
    'The caller does not have permission',
    'Invalid argument: row 503 is beyond the sheet',
  ])('does not retry %s', (message) => {
    expect(isTransientError(new Error(message))).toBe(false);
  });

  it('reads messages from errors of another realm and from plain values', () => {
    expect(errorMessage({ message: 'Rate Limit Exceeded' })).toBe('Rate Limit Exceeded');
    expect(isTransientError({ message: 'Backend Error' })).toBe(true);
    expect(errorMessage('plain')).toBe('plain');
  });
});

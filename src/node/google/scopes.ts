/**
 * The OAuth scopes `cead google` asks for: the add-on's own (appsscript.json), less what only Apps Script
 * needs (the sidebar, triggers, script mail, model assist). None is restricted: `drive.file` reaches only
 * the files CEAD made, which is all it touches.
 */
export const GOOGLE_SCOPES: readonly string[] = [
  'https://www.googleapis.com/auth/forms.body',
  'https://www.googleapis.com/auth/forms.responses.readonly',
  'https://www.googleapis.com/auth/spreadsheets',
  'https://www.googleapis.com/auth/drive.file',
  'https://www.googleapis.com/auth/userinfo.email',
];

/** appsscript.json: least privilege, every scope explained in docs/deploy.md, the advanced services used. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'appsscript.json'), 'utf8')) as {
  timeZone: string;
  runtimeVersion: string;
  oauthScopes: string[];
  dependencies: {
    enabledAdvancedServices: Array<{ userSymbol: string; serviceId: string; version: string }>;
  };
};
const deployDoc = readFileSync(join(root, 'docs', 'deploy.md'), 'utf8');
const readme = readFileSync(join(root, 'README.md'), 'utf8');

/**
 * Google's restricted scopes (OAuth verification's "restricted" tier): full or read access to Drive
 * content, Drive metadata and activity, and Gmail content.
 */
const RESTRICTED = [
  /\/auth\/drive$/,
  /\/auth\/drive\.readonly$/,
  /\/auth\/drive\.metadata(\.readonly)?$/,
  /\/auth\/drive\.activity(\.readonly)?$/,
  /\/auth\/drive\.scripts$/,
  /\/auth\/drive\.photos\.readonly$/,
  /\/auth\/drive\.apps\.readonly$/,
  /^https:\/\/mail\.google\.com\/?$/,
  /\/auth\/gmail\.(readonly|compose|insert|modify|metadata|settings\.basic|settings\.sharing)$/,
];

describe('appsscript.json', () => {
  it('runs on V8 in a time zone', () => {
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.timeZone).toMatch(/^[A-Z][A-Za-z_]+\/[A-Za-z_]+/);
  });

  it('asks for no restricted scope', () => {
    const restricted = manifest.oauthScopes.filter((s) => RESTRICTED.some((re) => re.test(s)));
    expect(restricted).toEqual([]);
  });

  it('recognizes the restricted scopes it guards against', () => {
    for (const s of [
      'https://www.googleapis.com/auth/drive',
      'https://www.googleapis.com/auth/gmail.readonly',
    ]) {
      expect([s, RESTRICTED.some((re) => re.test(s))]).toEqual([s, true]);
    }
    expect(RESTRICTED.some((re) => re.test('https://www.googleapis.com/auth/drive.file'))).toBe(false);
  });

  it('lists the scopes the back office needs, each explained in docs/deploy.md', () => {
    for (const scope of [
      'https://www.googleapis.com/auth/forms',
      'https://www.googleapis.com/auth/spreadsheets',
      'https://www.googleapis.com/auth/drive.file',
      'https://www.googleapis.com/auth/script.scriptapp',
      'https://www.googleapis.com/auth/script.send_mail',
    ]) {
      expect([scope, manifest.oauthScopes.includes(scope)]).toEqual([scope, true]);
    }
    for (const scope of manifest.oauthScopes) {
      expect([scope, deployDoc.includes(`| \`${scope}\` |`)]).toEqual([scope, true]);
      const short = scope.replace('https://www.googleapis.com/auth/', '');
      expect([scope, readme.includes(`| \`${short}\` |`)]).toEqual([scope, true]);
    }
    // And the README lists no scope the manifest does not ask for.
    const listed = [...readme.matchAll(/^\| `([a-z._-]+)` \|/gm)].map((m) => m[1]);
    expect(listed.sort()).toEqual(
      manifest.oauthScopes.map((s) => s.replace('https://www.googleapis.com/auth/', '')).sort(),
    );
    expect(new Set(manifest.oauthScopes).size).toBe(manifest.oauthScopes.length);
  });

  it('asks for the model-assist scopes, and no broader one than each service takes', () => {
    // UrlFetchApp (the Gemini API) and the Vertex AI advanced service; neither is restricted.
    expect(manifest.oauthScopes).toContain('https://www.googleapis.com/auth/script.external_request');
    expect(manifest.oauthScopes).toContain('https://www.googleapis.com/auth/cloud-platform');
    expect(manifest.oauthScopes.filter((s) => /generative-language|aiplatform/.test(s))).toEqual([]);
  });

  it('enables the Docs v1, Drive v3, Sheets v4 and Vertex AI v1 advanced services', () => {
    const services = manifest.dependencies.enabledAdvancedServices.map(
      (s) => `${s.userSymbol}:${s.serviceId}:${s.version}`,
    );
    expect(services.sort()).toEqual([
      'Docs:docs:v1',
      'Drive:drive:v3',
      'Sheets:sheets:v4',
      'VertexAI:aiplatform:v1',
    ]);
    for (const s of manifest.dependencies.enabledAdvancedServices) {
      expect([s.userSymbol, deployDoc.includes(`| \`${s.userSymbol}\` | ${s.version} |`)]).toEqual([
        s.userSymbol,
        true,
      ]);
    }
  });
});

// Builds the Docs sidebar as one HTML file (Apps Script serves each HtmlService page from one file, with
// no separate assets): src/sidebar/main.ts bundled for the browser, and sidebar.css, inlined into
// sidebar.html's placeholders. Called by scripts/build.mjs.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

/**
 * Inside <script>, the HTML parser ends the element at the first `</script` whatever the JavaScript means,
 * and `<!--` can switch it into a state where it never ends. Rewriting `</script` as `<\/script` means the
 * same in every JavaScript context it can appear in (string, template, regular expression); `<!--` has no
 * such safe rewrite, so it fails the build.
 */
export function inlineScript(js) {
  if (js.includes('<!--')) throw new Error('sidebar bundle contains "<!--", which cannot be inlined safely');
  return js.replace(/<\/(script)/gi, '<\\/$1');
}

export function inlineStyle(css) {
  if (/<\/style/i.test(css)) throw new Error('sidebar CSS contains "</style"');
  return css;
}

export function fillTemplate(template, { style, script }) {
  const fill = (text, marker, value) => {
    const at = text.indexOf(marker);
    if (at < 0 || text.indexOf(marker, at + 1) >= 0)
      throw new Error(`sidebar.html must contain ${marker} once`);
    return text.slice(0, at) + value + text.slice(at + marker.length);
  };
  return fill(fill(template, '/*CEAD:STYLE*/', style), '/*CEAD:SCRIPT*/', script);
}

export async function buildSidebar({ root, out }) {
  const dir = join(root, 'src/sidebar');
  const result = await build({
    entryPoints: [join(dir, 'main.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    charset: 'utf8',
    legalComments: 'none',
    write: false,
    logLevel: 'warning',
  });
  const script = inlineScript(result.outputFiles[0].text.trim());
  const style = inlineStyle(readFileSync(join(dir, 'sidebar.css'), 'utf8'));
  const html = fillTemplate(readFileSync(join(dir, 'sidebar.html'), 'utf8'), { style, script });
  writeFileSync(join(out, 'sidebar.html'), html);
}

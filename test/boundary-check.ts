/**
 * The core/shell boundary, checked from the source: every import in a file under `src/core` must resolve
 * inside `src/core` (or be a package that is allowed in pure code). Biome's noRestrictedImports says the
 * same in the editor; this check also runs in `npm test` and is tested on fixtures.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/** Packages the core may use: pure JavaScript with no platform access. */
export const PURE_PACKAGES = ['@18f/us-federal-holidays'];

const NODE_BUILTINS =
  /^(node:|fs$|path$|os$|child_process$|http$|https$|net$|crypto$|util$|stream$|zlib$|url$)/;

export interface BoundaryViolation {
  readonly file: string;
  readonly specifier: string;
  readonly reason: string;
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return walk(path);
    return /\.(ts|tsx|js|mjs)$/.test(name) ? [path] : [];
  });
}

const IMPORT =
  /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|(?:^|\n)\s*import\s*['"]([^'"]+)['"]|\brequire\(\s*['"]([^'"]+)['"]\s*\)|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

export function findBoundaryViolations(coreDir: string): BoundaryViolation[] {
  const core = resolve(coreDir);
  const violations: BoundaryViolation[] = [];
  for (const file of walk(core)) {
    const source = readFileSync(file, 'utf8');
    for (const m of source.matchAll(IMPORT)) {
      const specifier = (m[1] ?? m[2] ?? m[3] ?? m[4])!;
      const at = relative(process.cwd(), file);
      if (specifier.startsWith('.')) {
        const target = resolve(dirname(file), specifier);
        if (target !== core && !target.startsWith(core + sep)) {
          violations.push({ file: at, specifier, reason: 'imports from outside src/core' });
        }
      } else if (NODE_BUILTINS.test(specifier)) {
        violations.push({ file: at, specifier, reason: 'imports a Node built-in' });
      } else if (!PURE_PACKAGES.some((p) => specifier === p || specifier.startsWith(`${p}/`))) {
        violations.push({ file: at, specifier, reason: 'imports a package not listed as pure' });
      }
    }
  }
  return violations;
}

// Builds the Apps Script bundle once per test run into test-output/build, where the bundle tests
// (gas-local) and the sidebar tests load it. A failing build fails the run before any test starts.
const { execFileSync } = require('node:child_process');
const { join } = require('node:path');

module.exports = async function globalSetup() {
  const root = join(__dirname, '..');
  execFileSync(process.execPath, [join(root, 'scripts/build.mjs'), '--gas', '--out', 'test-output/build'], {
    cwd: root,
    stdio: 'inherit',
  });
};

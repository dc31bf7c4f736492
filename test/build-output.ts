import { join } from 'node:path';

/** Where test/global-setup.js writes the Apps Script build for the tests. */
export const TEST_BUILD_DIR = join(__dirname, '..', 'test-output', 'build');

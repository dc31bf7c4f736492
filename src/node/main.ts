/**
 * The entry of the built command (build/cli/cead.js, run by bin/cead.js and the benchmarks): V8's flag
 * first (regexp-engine.ts says why), then the command. Tests import cli.ts instead: a jest worker runs many
 * test files in one process, and changing V8's regular-expression flags after expressions have been
 * compiled crashed the worker (a segmentation fault in the next test file).
 */
import './regexp-engine';

export { main } from './cli';

/**
 * Keeps V8's regular expressions compiled to machine code for the whole run. By default V8 first runs an
 * expression in its bytecode interpreter and compiles it once it has run ("tier-up"). In a long `cead
 * draft` the letter check then slowed from about the 2,000th response on: at 3,000 responses of the same
 * examples it took 18–20 ms a letter instead of 9–10, for the same 135 word scans of the same 19,500
 * characters, while everything else stayed as fast (measured 2026-12-07 on Node 20; why V8 stops using
 * the compiled code is not established, the measurement is). With tier-up off, every expression is
 * compiled on first use and the check stays at 9–10 ms throughout; `npm run bench` prints the 10,000 to
 * 1,000 ratio that shows it. Imported first by the built command's entry (main.ts), before any expression has
 * run, and never by code a test imports.
 */
import { setFlagsFromString } from 'node:v8';

setFlagsFromString('--no-regexp-tier-up');

/**
 * Composition root for Apps Script. It only defines the global functions (listed in
 * src/gas/entry-points.json, from which the build writes real top-level declarations) and wires real
 * adapters into the core. No statement here may call a service at load time: the whole bundle's top level
 * also runs when `onOpen` runs with limited authorization.
 */
import { addMenu } from './gas/menu';

/** Simple trigger: adds the CEAD menu. Runs in AuthMode NONE or LIMITED, so it touches nothing else. */
export function onOpen(_e?: GoogleAppsScript.Events.DocsOnOpen): void {
  addMenu();
}

/** Add-on install: the menu must appear at once, without reopening the document. */
export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as unknown as GoogleAppsScript.Events.DocsOnOpen);
}

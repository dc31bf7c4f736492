/**
 * Composition root for Apps Script. It only defines the global functions (listed in
 * src/gas/entry-points.json, from which the build writes real top-level declarations) and wires real
 * adapters into the core. No statement here may call a service at load time: the whole bundle's top level
 * also runs when `onOpen` runs with limited authorization.
 */
import { letterDrafter } from './core/letter-draft';
import { handleFormSubmit, handleSweep, handleTrackerEdit } from './gas/back-office';
import { addMenu } from './gas/menu';
import { runSetup, type SetupReport } from './gas/setup';
import type { SidebarApi } from './gas/sidebar-api';
import { showSidebarPage } from './gas/sidebar-page';
import { createSidebarServer } from './gas/sidebar-server';
import { sidebarServices } from './gas/sidebar-services';

/** Simple trigger: adds the CEAD menu. Runs in AuthMode NONE or LIMITED, so it touches nothing else. */
export function onOpen(_e?: GoogleAppsScript.Events.DocsOnOpen): void {
  addMenu();
}

/** Add-on install: the menu must appear at once, without reopening the document. */
export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as unknown as GoogleAppsScript.Events.DocsOnOpen);
}

/** Run once by the back office's owning account: makes or repairs the Form, tracker, folder and triggers. */
export function setup(): SetupReport {
  const report = runSetup();
  console.log(JSON.stringify(report));
  return report;
}

/** Installable trigger on the questionnaire Form (created by `setup`). */
export function onFormSubmit(e?: GoogleAppsScript.Events.FormsOnFormSubmit): void {
  const outcome = handleFormSubmit(e, letterDrafter);
  if (outcome) console.log(JSON.stringify(outcome));
}

/** Time-driven trigger, every 10 minutes: the safety net for missed and failed intake, and the deadlines. */
export function sweep(): void {
  const report = handleSweep(letterDrafter);
  if (report) {
    const { intake, ...rest } = report;
    console.log(JSON.stringify({ ...rest, intake: intake.length }));
  }
}

/** Installable on-edit trigger on the tracker: manager edits checked, completed and logged. */
export function onTrackerEdit(e?: GoogleAppsScript.Events.SheetsOnEdit): void {
  handleTrackerEdit(e, letterDrafter);
}

/** Menu item "Open CEAD": the sidebar beside the letter. */
export function showSidebar(): void {
  showSidebarPage();
}

// The sidebar's server functions (called through google.script.run). Each call builds its adapters, so
// nothing runs at load time; the SidebarApi type keeps these in step with the page's client.
const sidebar = (): SidebarApi => createSidebarServer(sidebarServices());
export const getSidebarState: SidebarApi['getSidebarState'] = () => sidebar().getSidebarState();
export const checkLetter: SidebarApi['checkLetter'] = () => sidebar().checkLetter();
export const selectFinding: SidebarApi['selectFinding'] = (request) => sidebar().selectFinding(request);
export const listThreads: SidebarApi['listThreads'] = () => sidebar().listThreads();
export const startSession: SidebarApi['startSession'] = (request) => sidebar().startSession(request);
export const closeSession: SidebarApi['closeSession'] = (request) => sidebar().closeSession(request);
export const changeStatus: SidebarApi['changeStatus'] = (request) => sidebar().changeStatus(request);
export const regenerateSection: SidebarApi['regenerateSection'] = (request) =>
  sidebar().regenerateSection(request);
export const suggestRewrite: SidebarApi['suggestRewrite'] = (request) => sidebar().suggestRewrite(request);
export const decideRewrite: SidebarApi['decideRewrite'] = (request) => sidebar().decideRewrite(request);
export const exportPdf: SidebarApi['exportPdf'] = () => sidebar().exportPdf();

/**
 * The built Apps Script bundle (build/Code.js) running over the service fakes, the way Apps Script runs it:
 * one script in a fresh global context (gas-local's vm), triggers dispatched by the fake ScriptApp, each
 * execution's locks released when it ends.
 */
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FakeForm, FakeFormResponse } from '../fakes/form-app';
import { createGasFakes, type GasFakeOptions, type GasFakes } from '../fakes/install-gas-fakes';
import type { FakeSheet, FakeSpreadsheet } from '../fakes/spreadsheet-app';

// gas-local has no typings.
// biome-ignore lint/suspicious/noExplicitAny: untyped CommonJS module
const gas: { require: (dir: string, globals: object) => any } = require('gas-local');

export type Entry = (...args: unknown[]) => unknown;

export interface BackOffice {
  readonly fakes: GasFakes;
  /** The bundle's global functions. */
  readonly ctx: Record<string, Entry>;
  /** Runs one execution of an entry point; returns its value or the error it threw. */
  run(name: string, ...args: unknown[]): { value?: unknown; error?: unknown };
  form(): FakeForm;
  tracker(): FakeSpreadsheet;
  sheet(name: string): FakeSheet;
  folderId(): string;
  /** Delivers the form-submit event for a response, as the trigger `setup` installed would. */
  submitEvent(response: FakeFormResponse | undefined): { value?: unknown; error?: unknown };
}

export function loadBackOffice(buildDir: string, options: GasFakeOptions = {}): BackOffice {
  const fakes = createGasFakes({ owner: 'owner@cead-team.example', ...options });
  const dir = mkdtempSync(join(tmpdir(), 'cead-back-office-'));
  copyFileSync(join(buildDir, 'Code.js'), join(dir, 'Code.js'));
  const ctx = gas.require(dir, fakes.globals()) as Record<string, Entry>;
  const prop = (key: string) => fakes.PropertiesService.script.data.get(key) ?? '';
  const office: BackOffice = {
    fakes,
    ctx,
    run(name, ...args) {
      const fn = ctx[name];
      if (typeof fn !== 'function') throw new Error(`The bundle has no entry point ${name}`);
      try {
        return { value: fn(...args) };
      } catch (error) {
        return { error };
      } finally {
        fakes.endExecution();
      }
    },
    form: () => fakes.FormApp.forms.get(prop('cead.formId')) as FakeForm,
    tracker: () => fakes.SpreadsheetApp.spreadsheets.get(prop('cead.spreadsheetId')) as FakeSpreadsheet,
    sheet: (name) => {
      const sheet = office.tracker().peekSheet(name);
      if (!sheet) throw new Error(`no sheet ${name}`);
      return sheet;
    },
    folderId: () => prop('cead.folderId'),
    submitEvent(response) {
      const form = office.form();
      const trigger = fakes.ScriptApp.triggers.find(
        (t) => t.eventType === 'ON_FORM_SUBMIT' && t.sourceId === form.getId(),
      );
      if (!trigger) throw new Error('no form-submit trigger installed');
      return office.run(trigger.handler, {
        response,
        source: form,
        authMode: 'FULL',
        triggerUid: trigger.id,
      });
    },
  };
  return office;
}

/** Data rows of a sheet (header dropped, trailing blank rows ignored). */
export function dataRows(sheet: FakeSheet): unknown[][] {
  const values = sheet.peekValues();
  return values.slice(1).filter((row) => row.some((v) => v !== ''));
}

/** The values of one column of the Orders sheet, by header. */
export function column(sheet: FakeSheet, header: string): unknown[] {
  const values = sheet.peekValues();
  const i = (values[0] ?? []).indexOf(header);
  if (i < 0) throw new Error(`no column ${header}`);
  return dataRows(sheet).map((r) => r[i]);
}

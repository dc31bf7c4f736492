/**
 * Every Apps Script fake over one shared world, and `installGasFakes` to put them in a global scope: a
 * jest test's `globalThis`, or the context object that gas-local runs the built bundle in.
 */
import { createDocs, type FakeDocs } from './docs-service';
import { createDrive, type FakeDrive } from './drive-service';
import { createFormApp, type FakeFormApp } from './form-app';
import { createWorld, type GasWorld } from './gas-world';
import {
  createConsole,
  createLockService,
  createLogger,
  createMailApp,
  createPropertiesService,
  createScriptApp,
  createSession,
  createUtilities,
} from './script-services';
import { createSheets, type FakeSheets } from './sheets-service';
import { createSpreadsheetApp, FakeCharts, type FakeSpreadsheetApp } from './spreadsheet-app';
import { createUrlFetchApp, createVertexAI } from './url-fetch';

export interface GasFakeOptions {
  start?: string;
  owner?: string;
  timeZone?: string;
  mailQuota?: number;
  /** Who `Session.getActiveUser()` is (defaults to the owner). */
  activeUser?: string;
}

export interface GasFakes {
  readonly world: GasWorld;
  readonly SpreadsheetApp: FakeSpreadsheetApp;
  /** The Sheets advanced service (API v4), over SpreadsheetApp's spreadsheets. */
  readonly Sheets: FakeSheets;
  readonly FormApp: FakeFormApp;
  readonly Drive: FakeDrive;
  readonly Docs: FakeDocs;
  readonly LockService: ReturnType<typeof createLockService>;
  readonly PropertiesService: ReturnType<typeof createPropertiesService>;
  readonly ScriptApp: ReturnType<typeof createScriptApp>;
  readonly MailApp: ReturnType<typeof createMailApp>;
  readonly Session: ReturnType<typeof createSession>;
  readonly Utilities: ReturnType<typeof createUtilities>;
  readonly Logger: ReturnType<typeof createLogger>;
  readonly console: ReturnType<typeof createConsole>;
  readonly Charts: typeof FakeCharts;
  /** Real HTTP, to loopback addresses only (url-fetch.ts). */
  readonly UrlFetchApp: ReturnType<typeof createUrlFetchApp>;
  /** The Vertex AI advanced service, forwarding to `VertexAI.target` over HTTP. */
  readonly VertexAI: ReturnType<typeof createVertexAI>;
  /** A `Date` whose "now" is the virtual clock, for code that reads the time with `new Date()`. */
  readonly Date: DateConstructor;
  /** The globals Apps Script code sees, as one object. */
  globals(): Record<string, unknown>;
  /** Ends an execution as Apps Script does: its locks are released. */
  endExecution(): void;
}

function virtualDate(world: GasWorld): DateConstructor {
  class VirtualDate extends Date {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(world.clock.nowMs());
      else super(...(args as [string | number | Date]));
    }
    static override now(): number {
      return world.clock.nowMs();
    }
  }
  return VirtualDate as unknown as DateConstructor;
}

/** Services another fake already keeps (the REST emulator's), so Apps Script code runs on the same state. */
export type SharedGasServices = Pick<GasFakes, 'world' | 'SpreadsheetApp' | 'Sheets' | 'Drive' | 'Docs'>;

export function createGasFakes(options: GasFakeOptions = {}, shared?: SharedGasServices): GasFakes {
  const world = shared?.world ?? createWorld(options);
  const Docs = shared?.Docs ?? createDocs(world);
  const Drive = shared?.Drive ?? createDrive(world, { onCreateDocument: (id, name) => Docs.adopt(id, name) });
  const LockService = createLockService(world);
  const SpreadsheetApp = shared?.SpreadsheetApp ?? createSpreadsheetApp(world);
  const fakes: GasFakes = {
    world,
    SpreadsheetApp,
    Sheets: shared?.Sheets ?? createSheets(world, SpreadsheetApp),
    FormApp: createFormApp(world),
    Drive,
    Docs,
    LockService,
    PropertiesService: createPropertiesService(world),
    ScriptApp: createScriptApp(world),
    MailApp: createMailApp(world, options.mailQuota),
    Session: createSession(world, options.activeUser),
    Utilities: createUtilities(world),
    Logger: createLogger(),
    console: createConsole(),
    Charts: FakeCharts,
    UrlFetchApp: createUrlFetchApp(world),
    VertexAI: createVertexAI(world),
    Date: virtualDate(world),
    globals() {
      return {
        SpreadsheetApp: fakes.SpreadsheetApp,
        Sheets: fakes.Sheets,
        FormApp: fakes.FormApp,
        Drive: fakes.Drive,
        Docs: fakes.Docs,
        LockService: fakes.LockService,
        PropertiesService: fakes.PropertiesService,
        ScriptApp: fakes.ScriptApp,
        MailApp: fakes.MailApp,
        Session: fakes.Session,
        Utilities: fakes.Utilities,
        Logger: fakes.Logger,
        console: fakes.console,
        Charts: fakes.Charts,
        UrlFetchApp: fakes.UrlFetchApp,
        VertexAI: fakes.VertexAI,
        Date: fakes.Date,
      };
    },
    endExecution() {
      LockService.endExecution();
    },
  };
  return fakes;
}

/** Puts the fakes' globals on `target` (globalThis, or a gas-local context object) and returns `target`. */
export function installGasFakes<T extends object>(
  target: T,
  fakes: GasFakes = createGasFakes(),
): T & Record<string, unknown> {
  return Object.assign(target, fakes.globals());
}

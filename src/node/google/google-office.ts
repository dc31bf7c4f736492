/**
 * One `cead google` run's back office: Google's clients behind the synchronous bridge and the transport,
 * and over them the very adapters Apps Script uses (src/gas: the tracker, the draft Docs, the comment
 * threads, the writers' folders), with the Forms API for responses, a state file for what Apps Script
 * keeps in script properties, the Doc lease for the lock, and no mail (see `NO_MAIL`).
 */
import { checkDraftAgainstOrders, letterDrafter } from '../../core/letter-draft';
import type { Clock, Mailer } from '../../core/ports';
import type { SweepDeps } from '../../core/sweep';
import { DriveCommentThreads } from '../../gas/comment-threads';
import { DriveDocSharing } from '../../gas/doc-sharing';
import { DriveDocWriter } from '../../gas/doc-writer';
import {
  BACK_OFFICE_READS,
  Tracker,
  TrackerLog,
  TrackerOrders,
  TrackerResponses,
  TrackerSettings,
} from '../../gas/tracker-sheet';
import type { ClientConfig } from './api-call';
import { DEFAULT_LEASE_MS, DocLeaseLock } from './doc-lease-lock';
import { FormsApiResponses } from './form-responses';
import type { GoogleIds } from './google-config';
import { GoogleTransport } from './google-transport';
import { restDocs, restDrive, restSheets } from './rest-services';
import { StateFile } from './state-file';
import { type ApiPort, SyncBridge } from './sync-bridge';

/**
 * Email is off in `cead google`: the core's outbox rules send nothing when no quota is left, and record
 * what was not sent, as Apps Script does past its daily quota. Sending from Node would need the Gmail send
 * scope, which the add-on does not ask for.
 */
export const NO_MAIL: Mailer = {
  remainingQuota: () => 0,
  send: () => {
    throw new Error('cead google sends no email');
  },
};

/** What a run needs from its surroundings; the command builds it from the environment, tests by hand. */
export interface GoogleEnvironment {
  readonly workerFile: string;
  readonly client: ClientConfig;
  readonly clock: Clock;
  readonly stateFile: string;
  /** Names this run in the lock Doc (host and process): never a person. */
  readonly holder: string;
  readonly random?: () => number;
  /** A bridge to share between runs (tests: one worker for many runs); closed by its owner, not the run. */
  readonly port?: ApiPort;
  /** How long a lease lasts before it must be renewed (tests: shorter, to see renewals). */
  readonly leaseMs?: number;
}

export function openTransport(env: GoogleEnvironment): GoogleTransport {
  const port: ApiPort = env.port
    ? { send: (call) => (env.port as ApiPort).send(call), close: () => {} }
    : new SyncBridge(env.workerFile, env.client);
  return new GoogleTransport(port, {
    clock: env.clock,
    ...(env.random ? { random: env.random } : {}),
  });
}

export function openOffice(env: GoogleEnvironment, ids: GoogleIds, t: GoogleTransport) {
  const sheets = restSheets(t);
  const docs = restDocs(t);
  const drive = restDrive(t);
  const state = new StateFile(env.stateFile);
  const tracker = new Tracker(ids.spreadsheetId, BACK_OFFICE_READS, () => sheets);
  const sharing = new DriveDocSharing({ parentId: ids.folderId, state }, () => drive);
  const deps: SweepDeps = {
    raw: new TrackerResponses(tracker),
    orders: new TrackerOrders(tracker),
    docs: new DriveDocWriter(
      ids.folderId,
      () => drive,
      () => docs,
      (id) => sharing.forgetFolder(id),
    ),
    comments: new DriveCommentThreads(() => drive),
    sharing,
    mailer: NO_MAIL,
    log: new TrackerLog(tracker),
    clock: env.clock,
    draft: letterDrafter(),
    // The first check's findings go into the new draft as Drive comments, as in Apps Script.
    checkDraft: checkDraftAgainstOrders,
    responses: new FormsApiResponses(t, ids.formId),
    state,
    batch: tracker,
  };
  const leaseMs = env.leaseMs ?? DEFAULT_LEASE_MS;
  return {
    deps,
    tracker,
    settings: new TrackerSettings(tracker),
    /** The Docs API itself, for what reads a Doc outside the core's ports (`cead google check`). */
    docs,
    leaseMs,
    lock: new DocLeaseLock(docs, ids.lockDocId, env.holder, env.clock, leaseMs, state),
  };
}

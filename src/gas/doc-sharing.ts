/**
 * Sharing drafts with the people who work on them, through Drive permissions (drive.file covers the files
 * and folders the app created). Sharing again with the same person changes nothing: Drive keeps one
 * permission per person.
 *
 * Writers get a folder of their own under the orders folder, shared with them once; their Docs are made in
 * it and take its permission, as every Drive file takes its folder's. So intake spends no share call per
 * order, a writer gets one "shared a folder" email instead of one per draft (and Drive's sharing rate
 * limit is not spent on bulk intake), and a Doc handed to another writer moves folders: the new writer
 * gains access and the old one loses what they had through their folder.
 */
import { emailTag } from '../core/hash';
import type { FileSharing, ShareRole, StateStore } from '../core/ports';
import { type DriveV3, driveQuoted, driveV3, FOLDER_MIME } from './drive-v3';

/** Script property holding a writer's folder ID: this prefix and the email in lower case. */
export const WRITER_FOLDER_KEY = 'cead.writerFolder.';
/**
 * The folder's label, so that a run which died between making the folder and recording it finds it again.
 * A hash of the email, not the email: an app property's key and value share 124 bytes.
 */
export const WRITER_PROPERTY = 'ceadWriter';
export const WRITER_FOLDER_MESSAGE =
  'CEAD puts every letter draft assigned to you in this folder. Open a draft and use Extensions > CEAD.';

export interface WriterFolders {
  /** The orders folder, which holds the writers' folders. */
  readonly parentId: string;
  /** Where the folder IDs are remembered (script properties). */
  readonly state: StateStore & { delete(key: string): void };
}

export class DriveDocSharing implements FileSharing {
  /** Without `folders` (the sidebar's candidate shares), every Doc is shared by itself. */
  readonly folderFor?: (email: string) => string;
  /** The property key of each folder `folderFor` gave in this execution, by folder ID. */
  private readonly given = new Map<string, string>();

  constructor(
    private readonly folders?: WriterFolders,
    private readonly drive: () => DriveV3 = driveV3,
  ) {
    if (folders) this.folderFor = (email) => this.writerFolder(folders, email);
  }

  share(docId: string, email: string, role: ShareRole, notify: boolean): void {
    this.drive().Permissions.create({ role, type: 'user', emailAddress: email }, docId, {
      sendNotificationEmail: notify,
      fields: 'id',
    });
  }

  sharedWith(docId: string): string[] {
    // Drive lists a file's inherited permissions with its own, so a writer who has the Doc through their
    // folder is listed here too.
    const emails: string[] = [];
    let pageToken: string | undefined;
    do {
      const page = this.drive().Permissions.list(docId, {
        fields: 'permissions(emailAddress),nextPageToken',
        ...(pageToken ? { pageToken } : {}),
      });
      for (const p of page.permissions ?? []) if (p.emailAddress) emails.push(p.emailAddress.toLowerCase());
      pageToken = page.nextPageToken;
    } while (pageToken);
    return [...new Set(emails)];
  }

  /**
   * Gives the Doc to another writer: into their folder and out of every other, so that the access each
   * writer has through a folder follows the Doc. Without writer folders, a share with notification.
   */
  handOver(docId: string, email: string): 'moved' | 'shared' {
    if (!this.folderFor) {
      this.share(docId, email, 'writer', true);
      return 'shared';
    }
    const target = this.folderFor(email);
    const { parents = [] } = this.drive().Files.get(docId, { fields: 'parents' });
    const others = parents.filter((p) => p !== target);
    if (others.length === 0 && parents.includes(target)) return 'moved';
    this.drive().Files.update({}, docId, null, {
      addParents: target,
      ...(others.length > 0 ? { removeParents: others.join(',') } : {}),
      fields: 'id',
    });
    return 'moved';
  }

  /**
   * Drive said a folder `folderFor` gave is gone (deleted by hand): it is forgotten, so the retry of the
   * order makes the writer a new one instead of failing the same way at every sweep.
   */
  forgetFolder(folderId: string): void {
    const key = this.given.get(folderId);
    if (!key || !this.folders) return;
    this.folders.state.delete(key);
    this.given.delete(folderId);
  }

  private writerFolder(folders: WriterFolders, email: string): string {
    const key = WRITER_FOLDER_KEY + email.trim().toLowerCase();
    const known = folders.state.get(key);
    if (known) {
      this.given.set(known, key);
      return known;
    }
    const label = emailTag(email);
    const found = this.drive().Files.list({
      q:
        `appProperties has { key='${WRITER_PROPERTY}' and value='${label}' } and ` +
        `${driveQuoted(folders.parentId)} in parents and mimeType = '${FOLDER_MIME}' and trashed = false`,
      fields: 'files(id)',
      pageSize: 1,
    }).files?.[0]?.id;
    const id =
      found ??
      this.drive().Files.create(
        {
          name: `CEAD drafts: ${email.trim()}`,
          mimeType: FOLDER_MIME,
          parents: [folders.parentId],
          appProperties: { [WRITER_PROPERTY]: label },
        },
        null,
        { fields: 'id' },
      ).id;
    if (!id) throw new Error(`Drive made no folder for the writer ${key.slice(WRITER_FOLDER_KEY.length)}.`);
    // Shared again if the folder was found: a run may have died before its share.
    this.drive().Permissions.create({ role: 'writer', type: 'user', emailAddress: email.trim() }, id, {
      sendNotificationEmail: true,
      emailMessage: WRITER_FOLDER_MESSAGE,
      fields: 'id',
    });
    folders.state.set(key, id);
    this.given.set(id, key);
    return id;
  }
}

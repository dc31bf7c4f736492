/**
 * Sharing a draft with the people who work on it, through Drive permissions (drive.file covers the Docs the
 * app created). Sharing again with the same person changes nothing: Drive keeps one permission per person.
 */
import type { FileSharing, ShareRole } from '../core/ports';
import { type DriveV3, driveV3 } from './drive-v3';

export class DriveDocSharing implements FileSharing {
  constructor(private readonly drive: () => DriveV3 = driveV3) {}

  share(docId: string, email: string, role: ShareRole, notify: boolean): void {
    this.drive().Permissions.create({ role, type: 'user', emailAddress: email }, docId, {
      sendNotificationEmail: notify,
      fields: 'id',
    });
  }

  sharedWith(docId: string): string[] {
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
    return emails;
  }
}

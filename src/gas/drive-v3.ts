/**
 * The Drive advanced service (v3) with the signatures Apps Script really has. `@types/google-apps-script`
 * omits the options argument of `Comments.create`, `Replies.create` and others, yet the API refuses every
 * comments and replies call without a `fields` mask; so the adapters call Drive through this interface, in
 * which `fields` is required wherever the API requires it.
 */

export interface DriveUser {
  readonly displayName?: string;
  readonly emailAddress?: string;
  readonly me?: boolean;
}

export interface DriveReply {
  readonly id?: string;
  readonly author?: DriveUser;
  readonly createdTime?: string;
  readonly content?: string;
  readonly action?: 'resolve' | 'reopen';
  readonly deleted?: boolean;
}

export interface DriveComment {
  readonly id?: string;
  readonly author?: DriveUser;
  readonly createdTime?: string;
  readonly modifiedTime?: string;
  readonly content?: string;
  readonly quotedFileContent?: { readonly mimeType?: string; readonly value?: string };
  readonly anchor?: string;
  readonly resolved?: boolean;
  readonly deleted?: boolean;
  readonly replies?: readonly DriveReply[];
}

export interface DriveFile {
  readonly id?: string;
  readonly name?: string;
  readonly mimeType?: string;
  readonly parents?: readonly string[];
  readonly appProperties?: Readonly<Record<string, string>>;
  readonly trashed?: boolean;
  readonly webViewLink?: string;
}

export interface DrivePermission {
  readonly id?: string;
  readonly type?: string;
  readonly role?: string;
  readonly emailAddress?: string;
}

interface Fields {
  readonly fields: string;
}

export interface DriveV3 {
  readonly Files: {
    create(resource: DriveFile, mediaData: null, options: Fields): DriveFile;
    get(fileId: string, options: Fields): DriveFile;
    update(
      resource: DriveFile,
      fileId: string,
      mediaData: null,
      options: Fields & { readonly addParents?: string; readonly removeParents?: string },
    ): DriveFile;
    list(options: Fields & { readonly q: string; readonly pageSize?: number; readonly pageToken?: string }): {
      readonly files?: readonly DriveFile[];
      readonly nextPageToken?: string;
    };
  };
  readonly Permissions: {
    create(
      resource: { readonly role: string; readonly type: 'user'; readonly emailAddress: string },
      fileId: string,
      options: Fields & { readonly sendNotificationEmail?: boolean; readonly emailMessage?: string },
    ): DrivePermission;
    list(
      fileId: string,
      options: Fields & { readonly pageToken?: string },
    ): {
      readonly permissions?: readonly DrivePermission[];
      readonly nextPageToken?: string;
    };
  };
  readonly Comments: {
    create(
      resource: {
        readonly content: string;
        readonly quotedFileContent?: { mimeType: string; value: string };
      },
      fileId: string,
      options: Fields,
    ): DriveComment;
    list(
      fileId: string,
      options: Fields & {
        readonly pageSize?: number;
        readonly pageToken?: string;
        readonly startModifiedTime?: string;
        readonly includeDeleted?: boolean;
      },
    ): { readonly comments?: readonly DriveComment[]; readonly nextPageToken?: string };
  };
  readonly Replies: {
    create(
      resource: { readonly content?: string; readonly action?: 'resolve' | 'reopen' },
      fileId: string,
      commentId: string,
      options: Fields,
    ): DriveReply;
  };
}

export const DOC_MIME = 'application/vnd.google-apps.document';

/** Drive's query language quotes with single quotes and escapes them with a backslash. */
export function driveQuoted(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

export const FOLDER_MIME = 'application/vnd.google-apps.folder';

/** The global `Drive` advanced service, seen through the real signatures. Read at call time, never at load. */
export function driveV3(): DriveV3 {
  return Drive as unknown as DriveV3;
}

/**
 * Comment threads on a Google Doc through the Drive API (the Docs API has no comments). CEAD's own comments
 * are unanchored: the Drive API cannot anchor a new comment to text in a Google Doc (an anchor is stored but
 * Docs ignores it, or shows "Original content deleted"), so each quotes its passage in `quotedFileContent`.
 * Comments people make in Docs are anchored and are read like any other.
 */
import type { CommentThread, ThreadPerson } from '../core/editing-session';
import type { CommentStore } from '../core/ports';
import { type DriveComment, type DriveUser, type DriveV3, driveV3 } from './drive-v3';

const PERSON = 'author(displayName,emailAddress,me)';
const LIST_FIELDS =
  `comments(id,${PERSON},createdTime,content,quotedFileContent(value),anchor,resolved,deleted,` +
  `replies(id,${PERSON},createdTime,content,action,deleted)),nextPageToken`;

function person(user: DriveUser | undefined): ThreadPerson {
  return {
    name: user?.displayName ?? '',
    ...(user?.emailAddress ? { email: user.emailAddress } : {}),
    ...(user?.me ? { me: true } : {}),
  };
}

export function threadFromDrive(c: DriveComment): CommentThread {
  return {
    id: c.id ?? '',
    author: person(c.author),
    time: c.createdTime ?? '',
    text: c.content ?? '',
    ...(c.quotedFileContent?.value !== undefined ? { quoted: c.quotedFileContent.value } : {}),
    // Only Docs itself anchors comments; CEAD never sends an anchor, so one present came from a person.
    anchored: c.anchor !== undefined && c.anchor !== '',
    resolved: c.resolved === true,
    replies: (c.replies ?? [])
      .filter((r) => !r.deleted)
      .map((r) => ({
        id: r.id ?? '',
        author: person(r.author),
        time: r.createdTime ?? '',
        text: r.content ?? '',
        ...(r.action ? { action: r.action } : {}),
      })),
  };
}

export class DriveCommentThreads implements CommentStore {
  constructor(private readonly drive: () => DriveV3 = driveV3) {}

  list(docId: string): CommentThread[] {
    const threads: CommentThread[] = [];
    let pageToken: string | undefined;
    do {
      const page = this.drive().Comments.list(docId, {
        fields: LIST_FIELDS,
        pageSize: 100,
        ...(pageToken ? { pageToken } : {}),
      });
      for (const c of page.comments ?? []) if (!c.deleted) threads.push(threadFromDrive(c));
      pageToken = page.nextPageToken;
    } while (pageToken);
    return threads;
  }

  post(docId: string, text: string, quoted?: string): string {
    const created = this.drive().Comments.create(
      { content: text, ...(quoted ? { quotedFileContent: { mimeType: 'text/plain', value: quoted } } : {}) },
      docId,
      { fields: 'id' },
    );
    return created.id ?? '';
  }

  reply(docId: string, threadId: string, text: string, action?: 'resolve' | 'reopen'): void {
    this.drive().Replies.create(
      { ...(text ? { content: text } : {}), ...(action ? { action } : {}) },
      docId,
      threadId,
      {
        fields: 'id',
      },
    );
  }
}

/**
 * The Drive advanced service (v3) as Apps Script exposes it: `Drive.Files`, `Drive.Permissions`,
 * `Drive.Comments`, `Drive.Replies`. Rules it keeps:
 * - `fields` is mandatory on every comments and replies method except delete; a missing mask is the API's
 *   error, an unknown field is "Invalid field selection";
 * - a comment created through the API is never anchored in a Google Doc: its `anchor` is stored and
 *   returned, but the Docs UI shows it unanchored (`isAnchoredInDocs` says so);
 * - `resolved` (like id, author, replies…) is read-only: a body carrying it is rejected; only a reply with
 *   `action: 'resolve'` or `'reopen'` changes it;
 * - under the drive.file scope only files this app created are visible: anything else is "File not found";
 * - lists page: comments 20 by default (at most 100), files 100.
 */
import { checkMask, type MaskTree, parseFieldMask, project, type Schema } from './field-mask';
import { type DriveFileRecord, type GasWorld, MIME, registerFile } from './gas-world';

const SERVICE = 'Drive';

function apiError(method: string, message: string, code = 400): Error {
  const e = new Error(
    `GoogleJsonResponseException: API call to drive.${method} failed with error: ${message}`,
  );
  (e as Error & { details?: unknown }).details = { code, message };
  return e;
}

const USER: Schema = { displayName: true, emailAddress: true, me: true, kind: true, photoLink: true };
const REPLY: Schema = {
  id: true,
  kind: true,
  createdTime: true,
  modifiedTime: true,
  action: true,
  author: USER,
  deleted: true,
  htmlContent: true,
  content: true,
};
const COMMENT: Schema = {
  id: true,
  kind: true,
  createdTime: true,
  modifiedTime: true,
  author: USER,
  htmlContent: true,
  content: true,
  deleted: true,
  resolved: true,
  quotedFileContent: { mimeType: true, value: true },
  anchor: true,
  replies: REPLY,
};
const FILE: Schema = {
  id: true,
  kind: true,
  name: true,
  mimeType: true,
  parents: true,
  appProperties: true,
  properties: true,
  trashed: true,
  createdTime: true,
  modifiedTime: true,
  webViewLink: true,
  description: true,
  owners: USER,
};
const PERMISSION: Schema = {
  id: true,
  kind: true,
  type: true,
  role: true,
  emailAddress: true,
  displayName: true,
  domain: true,
  permissionDetails: true,
};

function mask(method: string, fields: unknown, schema: Schema, required: boolean): MaskTree | true {
  if (fields === undefined || fields === null || fields === '') {
    if (required) throw apiError(method, "The 'fields' parameter is required for this method.");
    return true;
  }
  if (typeof fields !== 'string') throw apiError(method, 'Invalid field selection');
  let tree: MaskTree;
  try {
    tree = parseFieldMask(fields);
    checkMask(tree, schema);
  } catch (e) {
    throw apiError(method, (e as Error).message);
  }
  return tree;
}

interface ReplyRecord {
  id: string;
  kind: 'drive#reply';
  createdTime: string;
  modifiedTime: string;
  author: { displayName: string; emailAddress: string; me: boolean; kind: 'drive#user' };
  content: string;
  htmlContent: string;
  deleted: boolean;
  action?: 'resolve' | 'reopen';
}

export interface CommentRecord {
  id: string;
  kind: 'drive#comment';
  createdTime: string;
  modifiedTime: string;
  author: { displayName: string; emailAddress: string; me: boolean; kind: 'drive#user' };
  content: string;
  htmlContent: string;
  deleted: boolean;
  resolved: boolean;
  quotedFileContent?: { mimeType: string; value: string };
  anchor?: string;
  replies: ReplyRecord[];
  /** Not API data: whether Docs shows the comment on a text range (only comments made in the Docs UI). */
  anchoredInDocs: boolean;
  fileId: string;
}

export interface PermissionRecord {
  id: string;
  kind: 'drive#permission';
  type: string;
  role: string;
  emailAddress?: string;
}

/** A permission as `permissions.list` gives it: the file's own, or one it takes from a folder above it. */
export interface EffectivePermission extends PermissionRecord {
  permissionDetails: Array<{
    permissionType: 'file';
    role: string;
    inherited: boolean;
    inheritedFrom?: string;
  }>;
}

const ROLE_RANK = ['reader', 'commenter', 'writer', 'fileOrganizer', 'organizer', 'owner'];

const ROLES = ['owner', 'organizer', 'fileOrganizer', 'writer', 'commenter', 'reader'];
const COMMENT_WRITABLE = ['content', 'anchor', 'quotedFileContent'];
const REPLY_WRITABLE = ['content', 'action'];
const FILE_WRITABLE = [
  'name',
  'mimeType',
  'parents',
  'appProperties',
  'properties',
  'description',
  'trashed',
];

function checkWritable(method: string, body: object, writable: readonly string[]): void {
  for (const key of Object.keys(body)) {
    if (!writable.includes(key)) {
      throw apiError(method, 'The resource body includes fields which are not directly writable.', 403);
    }
  }
}

function author(email: string) {
  return {
    displayName: email.split('@')[0] ?? email,
    emailAddress: email,
    me: true,
    kind: 'drive#user' as const,
  };
}

function page<T>(items: T[], pageSize: unknown, pageToken: unknown, def: number, max: number) {
  const size = Math.min(max, Math.max(1, Number(pageSize ?? def) || def));
  const start = pageToken ? Number(pageToken) : 0;
  const slice = items.slice(start, start + size);
  const next = start + size < items.length ? String(start + size) : undefined;
  return { slice, next };
}

/** Drive's `q` language, the subset CEAD uses; anything else is rejected rather than guessed. */
function matchesQuery(file: DriveFileRecord, q: string): boolean {
  const clauses: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < q.length; i++) {
    const ch = q[i];
    if (ch === '\\') i++;
    else if (ch === "'") quoted = !quoted;
    else if (!quoted && ch === '{') depth++;
    else if (!quoted && ch === '}') depth--;
    else if (!quoted && depth === 0 && /^\s+and\s+/i.test(q.slice(i))) {
      clauses.push(q.slice(start, i).trim());
      i += (/^\s+and\s+/i.exec(q.slice(i)) as RegExpExecArray)[0].length - 1;
      start = i + 1;
    }
  }
  clauses.push(q.slice(start).trim());
  return clauses.every((clause) => {
    let m = /^appProperties has \{\s*key\s*=\s*'([^']*)'\s+and\s+value\s*=\s*'([^']*)'\s*\}$/.exec(clause);
    if (m) return file.appProperties[m[1] as string] === m[2];
    m = /^'([^']+)' in parents$/.exec(clause);
    if (m) return file.parents.includes(m[1] as string);
    m = /^trashed\s*=\s*(true|false)$/.exec(clause);
    if (m) return file.trashed === (m[1] === 'true');
    m = /^mimeType\s*=\s*'([^']+)'$/.exec(clause);
    if (m) return file.mimeType === m[1];
    m = /^name\s*=\s*'((?:[^'\\]|\\.)*)'$/.exec(clause);
    if (m) return file.name === (m[1] as string).replace(/\\(.)/g, '$1');
    throw apiError('files.list', `Invalid Value: q (${clause})`);
  });
}

export interface FakeDrive {
  readonly comments: Map<string, CommentRecord[]>;
  /** Each file's own permissions (what `permissions.create` made on it). */
  readonly permissions: Map<string, PermissionRecord[]>;
  /**
   * Who can open the file and how: its own permissions and those of every folder above it, the higher
   * role winning, as Drive propagates a folder's permissions down to its files ("How permissions
   * propagate", Drive API sharing guide). Moving a file re-evaluates this, since it is computed each time.
   */
  access(fileId: string): EffectivePermission[];
  Files: {
    create(resource: Record<string, unknown>, blob?: unknown, options?: Record<string, unknown>): unknown;
    get(fileId: string, options?: Record<string, unknown>): unknown;
    update(
      resource: Record<string, unknown>,
      fileId: string,
      blob?: unknown,
      options?: Record<string, unknown>,
    ): unknown;
    list(options?: Record<string, unknown>): unknown;
  };
  Permissions: {
    create(resource: Record<string, unknown>, fileId: string, options?: Record<string, unknown>): unknown;
    list(fileId: string, options?: Record<string, unknown>): unknown;
  };
  Comments: {
    create(resource: Record<string, unknown>, fileId: string, options?: Record<string, unknown>): unknown;
    get(fileId: string, commentId: string, options?: Record<string, unknown>): unknown;
    list(fileId: string, options?: Record<string, unknown>): unknown;
    update(
      resource: Record<string, unknown>,
      fileId: string,
      commentId: string,
      options?: Record<string, unknown>,
    ): unknown;
    remove(fileId: string, commentId: string): void;
  };
  Replies: {
    create(
      resource: Record<string, unknown>,
      fileId: string,
      commentId: string,
      options?: Record<string, unknown>,
    ): unknown;
    list(fileId: string, commentId: string, options?: Record<string, unknown>): unknown;
  };
  /** Test helpers: people acting in the Docs UI. */
  userComment(fileId: string, c: { content: string; author: string; quoted?: string }): CommentRecord;
  userReply(
    fileId: string,
    commentId: string,
    r: { content: string; author: string; action?: 'resolve' | 'reopen' },
  ): void;
  isAnchoredInDocs(comment: { id: string }, fileId: string): boolean;
  liveComments(fileId: string): CommentRecord[];
}

export interface DriveHooks {
  /** Called when Drive creates a Google Doc, so the Docs fake holds its content. */
  onCreateDocument?(id: string, name: string): void;
}

export function createDrive(world: GasWorld, hooks: DriveHooks = {}): FakeDrive {
  const comments = new Map<string, CommentRecord[]>();
  const permissions = new Map<string, PermissionRecord[]>();
  const call = (method: string) => world.ledger.record(SERVICE, method);
  const now = () => world.clock.now().toISOString();

  const visible = (method: string, fileId: string): DriveFileRecord => {
    const file = world.files.get(fileId);
    if (!file?.createdByApp) throw apiError(method, `File not found: ${fileId}.`, 404);
    return file;
  };
  const fileView = (f: DriveFileRecord) => ({
    kind: 'drive#file',
    id: f.id,
    name: f.name,
    mimeType: f.mimeType,
    parents: [...f.parents],
    appProperties: { ...f.appProperties },
    trashed: f.trashed,
    createdTime: f.createdTime,
    modifiedTime: f.modifiedTime,
    webViewLink: f.mimeType === MIME.document ? `https://docs.google.com/document/d/${f.id}/edit` : undefined,
  });
  const defaultFile = (f: DriveFileRecord) => ({
    kind: 'drive#file',
    id: f.id,
    name: f.name,
    mimeType: f.mimeType,
  });
  const commentOf = (
    method: string,
    fileId: string,
    commentId: string,
    includeDeleted = false,
  ): CommentRecord => {
    visible(method, fileId);
    const c = (comments.get(fileId) ?? []).find((x) => x.id === commentId);
    if (!c || (c.deleted && !includeDeleted)) throw apiError(method, `Comment not found: ${commentId}.`, 404);
    return c;
  };
  const commentView = (c: CommentRecord) => {
    const { anchoredInDocs: _a, fileId: _f, ...api } = c;
    return { ...api, replies: c.replies.filter((r) => !r.deleted) };
  };
  const addReply = (
    c: CommentRecord,
    body: { content?: string; action?: 'resolve' | 'reopen' },
    by: string,
    me: boolean,
  ): ReplyRecord => {
    const at = now();
    const reply: ReplyRecord = {
      id: world.ids.next('AAAB'),
      kind: 'drive#reply',
      createdTime: at,
      modifiedTime: at,
      author: { ...author(by), me },
      content: body.content ?? '',
      htmlContent: body.content ?? '',
      deleted: false,
      ...(body.action ? { action: body.action } : {}),
    };
    c.replies.push(reply);
    if (body.action === 'resolve') c.resolved = true;
    if (body.action === 'reopen') c.resolved = false;
    c.modifiedTime = at;
    return reply;
  };

  const access = (fileId: string): EffectivePermission[] => {
    const byWho = new Map<string, EffectivePermission>();
    const seen = new Set<string>();
    const visit = (id: string, inherited: boolean) => {
      if (seen.has(id)) return;
      seen.add(id);
      for (const p of permissions.get(id) ?? []) {
        const who = `${p.type}:${p.emailAddress ?? ''}`;
        const detail = {
          permissionType: 'file' as const,
          role: p.role,
          inherited,
          ...(inherited ? { inheritedFrom: id } : {}),
        };
        const had = byWho.get(who);
        if (!had) byWho.set(who, { ...p, permissionDetails: [detail] });
        else {
          had.permissionDetails.push(detail);
          if (ROLE_RANK.indexOf(p.role) > ROLE_RANK.indexOf(had.role)) had.role = p.role;
        }
      }
      for (const parent of world.files.get(id)?.parents ?? []) visit(parent, true);
    };
    visit(fileId, false);
    return [...byWho.values()];
  };

  const drive: FakeDrive = {
    comments,
    permissions,
    access,
    Files: {
      create(resource, _blob, options = {}) {
        call('Files.create');
        const m = mask('files.create', options['fields'], FILE, false);
        checkWritable('files.create', resource, FILE_WRITABLE);
        const name = String(resource['name'] ?? 'Untitled');
        const mimeType = String(resource['mimeType'] ?? 'application/octet-stream');
        const parents = (resource['parents'] as string[] | undefined) ?? ['root'];
        for (const p of parents) {
          if (p === 'root') continue;
          const parent = visible('files.create', p);
          if (parent.mimeType !== MIME.folder) throw apiError('files.create', 'The parent is not a folder.');
        }
        const id = world.ids.next(mimeType === MIME.folder ? '1Fo' : '1Do');
        const record = registerFile(world, {
          id,
          name,
          mimeType,
          parents,
          appProperties: resource['appProperties'] as Record<string, string> | undefined,
        });
        if (mimeType === MIME.document) hooks.onCreateDocument?.(id, name);
        return m === true ? defaultFile(record) : project(fileView(record), m);
      },
      get(fileId, options = {}) {
        call('Files.get');
        const m = mask('files.get', options['fields'], FILE, false);
        const f = visible('files.get', fileId);
        return m === true ? defaultFile(f) : project(fileView(f), m);
      },
      update(resource, fileId, _blob, options = {}) {
        call('Files.update');
        const m = mask('files.update', options['fields'], FILE, false);
        checkWritable(
          'files.update',
          resource,
          FILE_WRITABLE.filter((k) => k !== 'parents'),
        );
        const f = visible('files.update', fileId);
        if (resource['name'] !== undefined) f.name = String(resource['name']);
        if (resource['trashed'] !== undefined) f.trashed = Boolean(resource['trashed']);
        if (resource['appProperties']) Object.assign(f.appProperties, resource['appProperties']);
        const add = String(options['addParents'] ?? '')
          .split(',')
          .filter(Boolean);
        const remove = String(options['removeParents'] ?? '')
          .split(',')
          .filter(Boolean);
        for (const p of add) visible('files.update', p);
        f.parents = [
          ...f.parents.filter((p) => !remove.includes(p)),
          ...add.filter((p) => !f.parents.includes(p)),
        ];
        f.modifiedTime = now();
        return m === true ? defaultFile(f) : project(fileView(f), m);
      },
      list(options = {}) {
        call('Files.list');
        const listSchema: Schema = { files: FILE, nextPageToken: true, kind: true, incompleteSearch: true };
        const m = mask('files.list', options['fields'], listSchema, false);
        const q = options['q'] ? String(options['q']) : '';
        const all = [...world.files.values()].filter((f) => f.createdByApp && (!q || matchesQuery(f, q)));
        const { slice, next } = page(all, options['pageSize'], options['pageToken'], 100, 1000);
        const full = { kind: 'drive#fileList', files: slice.map(fileView), nextPageToken: next };
        if (m === true) return { kind: 'drive#fileList', files: slice.map(defaultFile), nextPageToken: next };
        return project(full, m);
      },
    },
    Permissions: {
      create(resource, fileId, options = {}) {
        call('Permissions.create');
        const m = mask('permissions.create', options['fields'], PERMISSION, false);
        visible('permissions.create', fileId);
        const role = String(resource['role'] ?? '');
        const type = String(resource['type'] ?? '');
        if (!ROLES.includes(role)) throw apiError('permissions.create', `Invalid Value: role (${role})`);
        if (!['user', 'group', 'domain', 'anyone'].includes(type)) {
          throw apiError('permissions.create', `Invalid Value: type (${type})`);
        }
        const email = resource['emailAddress'] as string | undefined;
        if ((type === 'user' || type === 'group') && !email) {
          throw apiError(
            'permissions.create',
            'The permission email address is required for this permission type.',
          );
        }
        const list = permissions.get(fileId) ?? [];
        permissions.set(fileId, list);
        // Sharing again with the same person updates their role instead of adding a second permission.
        let p = list.find((x) => x.type === type && x.emailAddress === email);
        if (p) p.role = role;
        else {
          p = { id: world.ids.next('perm'), kind: 'drive#permission', type, role, emailAddress: email };
          list.push(p);
        }
        return m === true ? { kind: p.kind, id: p.id, type: p.type, role: p.role } : project(p, m);
      },
      list(fileId, options = {}) {
        call('Permissions.list');
        const m = mask(
          'permissions.list',
          options['fields'],
          { permissions: PERMISSION, nextPageToken: true },
          false,
        );
        visible('permissions.list', fileId);
        const full = { permissions: access(fileId) };
        return m === true ? full : project(full, m);
      },
    },
    Comments: {
      create(resource, fileId, options = {}) {
        call('Comments.create');
        const m = mask('comments.create', options['fields'], COMMENT, true);
        checkWritable('comments.create', resource, COMMENT_WRITABLE);
        const file = visible('comments.create', fileId);
        if (file.mimeType === MIME.folder)
          throw apiError('comments.create', 'Comments are not supported on folders.');
        const content = resource['content'];
        if (typeof content !== 'string' || content.trim() === '') {
          throw apiError('comments.create', 'Required parameter: content');
        }
        const at = now();
        const quoted = resource['quotedFileContent'] as { mimeType?: string; value?: string } | undefined;
        const c: CommentRecord = {
          id: world.ids.next('AAAA'),
          kind: 'drive#comment',
          createdTime: at,
          modifiedTime: at,
          author: author(world.owner),
          content,
          htmlContent: content,
          deleted: false,
          resolved: false,
          ...(quoted
            ? {
                quotedFileContent: {
                  mimeType: quoted.mimeType ?? 'text/plain',
                  value: String(quoted.value ?? ''),
                },
              }
            : {}),
          ...(resource['anchor'] !== undefined ? { anchor: String(resource['anchor']) } : {}),
          replies: [],
          anchoredInDocs: false,
          fileId,
        };
        const list = comments.get(fileId) ?? [];
        list.push(c);
        comments.set(fileId, list);
        return project(commentView(c), m);
      },
      get(fileId, commentId, options = {}) {
        call('Comments.get');
        const m = mask('comments.get', options['fields'], COMMENT, true);
        return project(
          commentView(commentOf('comments.get', fileId, commentId, !!options['includeDeleted'])),
          m,
        );
      },
      list(fileId, options = {}) {
        call('Comments.list');
        const listSchema: Schema = { comments: COMMENT, nextPageToken: true, kind: true };
        const m = mask('comments.list', options['fields'], listSchema, true);
        visible('comments.list', fileId);
        const since = options['startModifiedTime']
          ? Date.parse(String(options['startModifiedTime']))
          : undefined;
        const all = (comments.get(fileId) ?? []).filter(
          (c) =>
            (!c.deleted || options['includeDeleted']) &&
            (since === undefined || Date.parse(c.modifiedTime) >= since),
        );
        const { slice, next } = page(all, options['pageSize'], options['pageToken'], 20, 100);
        return project(
          { kind: 'drive#commentList', comments: slice.map(commentView), nextPageToken: next },
          m,
        );
      },
      update(resource, fileId, commentId, options = {}) {
        call('Comments.update');
        const m = mask('comments.update', options['fields'], COMMENT, true);
        checkWritable('comments.update', resource, ['content']);
        const c = commentOf('comments.update', fileId, commentId);
        if (typeof resource['content'] === 'string') {
          c.content = resource['content'];
          c.htmlContent = resource['content'];
        }
        c.modifiedTime = now();
        return project(commentView(c), m);
      },
      remove(fileId, commentId) {
        call('Comments.remove');
        const c = commentOf('comments.delete', fileId, commentId);
        c.deleted = true;
        c.content = '';
        c.modifiedTime = now();
      },
    },
    Replies: {
      create(resource, fileId, commentId, options = {}) {
        call('Replies.create');
        const m = mask('replies.create', options['fields'], REPLY, true);
        checkWritable('replies.create', resource, REPLY_WRITABLE);
        const c = commentOf('replies.create', fileId, commentId);
        const action = resource['action'] as string | undefined;
        if (action !== undefined && action !== 'resolve' && action !== 'reopen') {
          throw apiError('replies.create', `Invalid Value: action (${action})`);
        }
        const content = resource['content'];
        if (!action && (typeof content !== 'string' || content.trim() === '')) {
          throw apiError('replies.create', 'Required parameter: content');
        }
        const reply = addReply(c, { content: content as string | undefined, action }, world.owner, true);
        return project(reply, m);
      },
      list(fileId, commentId, options = {}) {
        call('Replies.list');
        const m = mask(
          'replies.list',
          options['fields'],
          { replies: REPLY, nextPageToken: true, kind: true },
          true,
        );
        const c = commentOf('replies.list', fileId, commentId);
        const { slice, next } = page(c.replies, options['pageSize'], options['pageToken'], 20, 100);
        return project({ kind: 'drive#replyList', replies: slice, nextPageToken: next }, m);
      },
    },
    userComment(fileId, c) {
      const at = now();
      const record: CommentRecord = {
        id: world.ids.next('AAAU'),
        kind: 'drive#comment',
        createdTime: at,
        modifiedTime: at,
        author: { ...author(c.author), me: c.author === world.owner },
        content: c.content,
        htmlContent: c.content,
        deleted: false,
        resolved: false,
        ...(c.quoted ? { quotedFileContent: { mimeType: 'text/html', value: c.quoted } } : {}),
        ...(c.quoted ? { anchor: 'kix.user-anchor' } : {}),
        replies: [],
        anchoredInDocs: !!c.quoted,
        fileId,
      };
      const list = comments.get(fileId) ?? [];
      list.push(record);
      comments.set(fileId, list);
      return record;
    },
    userReply(fileId, commentId, r) {
      const c = (comments.get(fileId) ?? []).find((x) => x.id === commentId);
      if (!c) throw new Error(`fake drive: no comment ${commentId}`);
      addReply(c, r, r.author, r.author === world.owner);
    },
    isAnchoredInDocs(comment, fileId) {
      return (comments.get(fileId) ?? []).find((c) => c.id === comment.id)?.anchoredInDocs ?? false;
    },
    liveComments(fileId) {
      return (comments.get(fileId) ?? []).filter((c) => !c.deleted);
    },
  };
  return drive;
}

/**
 * The Drive v3 fake keeps the comment rules that broke real integrations: `fields` required, anchors
 * ignored by Docs, `resolved` read-only, only files the app made visible under drive.file.
 */
import { parseFieldMask, project } from './field-mask';
import { MIME, registerFile } from './gas-world';
import { createGasFakes } from './install-gas-fakes';

function withDoc() {
  const fakes = createGasFakes();
  const folder = fakes.Drive.Files.create({ name: 'Orders', mimeType: MIME.folder }, undefined, {
    fields: 'id',
  }) as {
    id: string;
  };
  const doc = fakes.Drive.Files.create(
    {
      name: 'Draft',
      mimeType: MIME.document,
      parents: [folder.id],
      appProperties: { ceadOrderId: 'CEAD-1' },
    },
    undefined,
    { fields: 'id,parents,appProperties' },
  ) as { id: string; parents: string[]; appProperties: Record<string, string> };
  return { fakes, drive: fakes.Drive, folder, doc };
}

describe('field masks', () => {
  it('parses nested, slashed and starred masks and projects onto them', () => {
    const value = {
      id: '1',
      content: 'c',
      author: { displayName: 'a', me: true },
      replies: [{ id: 'r', content: 'x' }],
    };
    expect(project(value, parseFieldMask('id,author(me),replies(id)'))).toEqual({
      id: '1',
      author: { me: true },
      replies: [{ id: 'r' }],
    });
    expect(project(value, parseFieldMask('author/displayName'))).toEqual({ author: { displayName: 'a' } });
    expect(project(value, parseFieldMask('*'))).toEqual(value);
    expect(() => parseFieldMask('id,(')).toThrow(/Invalid field selection/);
  });
});

describe('Drive fake: comments', () => {
  it('requires fields on comments and replies methods, except delete', () => {
    const { drive, doc } = withDoc();
    expect(() => drive.Comments.create({ content: 'q' }, doc.id)).toThrow(
      "The 'fields' parameter is required for this method.",
    );
    expect(() => drive.Comments.list(doc.id, {})).toThrow(/'fields' parameter is required/);
    const c = drive.Comments.create({ content: 'q' }, doc.id, { fields: 'id' }) as { id: string };
    expect(Object.keys(c)).toEqual(['id']);
    expect(() => drive.Comments.get(doc.id, c.id)).toThrow(/'fields'/);
    expect(() => drive.Replies.create({ content: 'r' }, doc.id, c.id)).toThrow(/'fields'/);
    expect(() => drive.Replies.list(doc.id, c.id)).toThrow(/'fields'/);
    expect(() => drive.Comments.remove(doc.id, c.id)).not.toThrow();
  });

  it('rejects an unknown field in the mask', () => {
    const { drive, doc } = withDoc();
    expect(() => drive.Comments.create({ content: 'q' }, doc.id, { fields: 'id,anchored' })).toThrow(
      /Invalid field selection anchored/,
    );
  });

  it('stores an API comment’s anchor but Docs shows it unanchored; the quote is kept', () => {
    const { drive, doc } = withDoc();
    const c = drive.Comments.create(
      {
        content: 'Which hospital?',
        anchor: 'kix.abc',
        quotedFileContent: { mimeType: 'text/plain', value: 'at the site' },
      },
      doc.id,
      { fields: 'id,anchor,quotedFileContent' },
    ) as { id: string; anchor: string; quotedFileContent: { value: string } };
    expect(c.anchor).toBe('kix.abc');
    expect(c.quotedFileContent.value).toBe('at the site');
    expect(drive.isAnchoredInDocs(c, doc.id)).toBe(false);
    const mine = drive.userComment(doc.id, {
      content: 'tighten',
      author: 'ana@cead-team.example',
      quoted: 'text',
    });
    expect(drive.isAnchoredInDocs(mine, doc.id)).toBe(true);
  });

  it('treats resolved as read-only: only a resolve or reopen reply changes it', () => {
    const { drive, doc } = withDoc();
    expect(() => drive.Comments.create({ content: 'q', resolved: true }, doc.id, { fields: 'id' })).toThrow(
      'The resource body includes fields which are not directly writable.',
    );
    const c = drive.Comments.create({ content: 'q' }, doc.id, { fields: 'id,resolved' }) as { id: string };
    expect(() => drive.Comments.update({ resolved: true }, doc.id, c.id, { fields: 'id' })).toThrow(
      /not directly writable/,
    );
    drive.Replies.create({ action: 'resolve' }, doc.id, c.id, { fields: 'id' });
    expect((drive.Comments.get(doc.id, c.id, { fields: 'resolved' }) as { resolved: boolean }).resolved).toBe(
      true,
    );
    drive.Replies.create({ content: 'again', action: 'reopen' }, doc.id, c.id, { fields: 'id' });
    expect(
      (drive.Comments.get(doc.id, c.id, { fields: 'resolved,replies(action)' }) as { resolved: boolean })
        .resolved,
    ).toBe(false);
    expect(() => drive.Replies.create({ action: 'close' }, doc.id, c.id, { fields: 'id' })).toThrow(
      /Invalid Value/,
    );
  });

  it('pages comment lists (20 by default) and hides deleted comments', () => {
    const { drive, doc } = withDoc();
    const ids = Array.from(
      { length: 25 },
      (_, i) => (drive.Comments.create({ content: `q${i}` }, doc.id, { fields: 'id' }) as { id: string }).id,
    );
    drive.Comments.remove(doc.id, ids[0]!);
    const first = drive.Comments.list(doc.id, { fields: 'comments(id),nextPageToken' }) as {
      comments: unknown[];
      nextPageToken?: string;
    };
    expect(first.comments).toHaveLength(20);
    const second = drive.Comments.list(doc.id, {
      fields: 'comments(id),nextPageToken',
      pageToken: first.nextPageToken,
    }) as {
      comments: unknown[];
      nextPageToken?: string;
    };
    expect(second.comments).toHaveLength(4);
    expect(second.nextPageToken).toBeUndefined();
  });
});

describe('Drive fake: files and permissions', () => {
  it('creates a Google Doc in a folder that Docs can open, and finds it by app property', () => {
    const { fakes, drive, folder, doc } = withDoc();
    expect(doc.parents).toEqual([folder.id]);
    expect(fakes.Docs.Documents.get(doc.id)).toMatchObject({ documentId: doc.id });
    const found = drive.Files.list({
      q: `appProperties has { key='ceadOrderId' and value='CEAD-1' } and trashed = false`,
      fields: 'files(id)',
    }) as { files: Array<{ id: string }> };
    expect(found.files).toEqual([{ id: doc.id }]);
    expect(() => drive.Files.list({ q: "fullText contains 'x'" })).toThrow(/Invalid Value/);
  });

  it('sees only files the app created (drive.file)', () => {
    const { fakes, drive } = withDoc();
    const foreign = registerFile(fakes.world, { id: 'someone-elses', name: 'x', mimeType: MIME.document });
    (foreign as { createdByApp: boolean }).createdByApp = false;
    expect(() => drive.Files.get('someone-elses', { fields: 'id' })).toThrow(/File not found/);
    expect(() => drive.Comments.list('someone-elses', { fields: 'comments(id)' })).toThrow(/File not found/);
  });

  it('shares with a person once however often it is asked', () => {
    const { drive, doc } = withDoc();
    const a = drive.Permissions.create(
      { role: 'writer', type: 'user', emailAddress: 'ana@cead-team.example' },
      doc.id,
      {
        sendNotificationEmail: false,
        fields: 'id',
      },
    ) as { id: string };
    const b = drive.Permissions.create(
      { role: 'writer', type: 'user', emailAddress: 'ana@cead-team.example' },
      doc.id,
      {
        fields: 'id',
      },
    ) as { id: string };
    expect(b.id).toBe(a.id);
    expect(drive.permissions.get(doc.id)).toHaveLength(1);
    expect(() =>
      drive.Permissions.create({ role: 'editor', type: 'user', emailAddress: 'x@y.example' }, doc.id),
    ).toThrow(/Invalid Value: role/);
  });

  it("lists a folder's permissions on the files inside it, and re-evaluates them when a file moves", () => {
    const { drive, folder, doc } = withDoc();
    const other = drive.Files.create({ name: 'Ben', mimeType: MIME.folder }, undefined, {
      fields: 'id',
    }) as { id: string };
    drive.Permissions.create({ role: 'commenter', type: 'user', emailAddress: 'ana@x.example' }, doc.id, {
      fields: 'id',
    });
    drive.Permissions.create({ role: 'writer', type: 'user', emailAddress: 'ana@x.example' }, folder.id, {
      fields: 'id',
    });
    drive.Permissions.create({ role: 'writer', type: 'user', emailAddress: 'ben@x.example' }, other.id, {
      fields: 'id',
    });
    const listed = (id: string) =>
      (
        drive.Permissions.list(id, { fields: 'permissions(emailAddress,role,permissionDetails)' }) as {
          permissions: Array<{
            emailAddress: string;
            role: string;
            permissionDetails: Array<{ inherited: boolean }>;
          }>;
        }
      ).permissions.map((p) => [p.emailAddress, p.role, p.permissionDetails.map((d) => d.inherited)]);
    // Her own commenter role and the folder's writer role: the higher one is what she has.
    expect(listed(doc.id)).toEqual([['ana@x.example', 'writer', [false, true]]]);
    drive.Files.update({}, doc.id, undefined, {
      addParents: other.id,
      removeParents: folder.id,
      fields: 'id',
    });
    expect(listed(doc.id)).toEqual([
      ['ana@x.example', 'commenter', [false]],
      ['ben@x.example', 'writer', [true]],
    ]);
    // The file's own list is untouched by what it inherits.
    expect(drive.permissions.get(doc.id)?.map((p) => p.emailAddress)).toEqual(['ana@x.example']);
  });
});

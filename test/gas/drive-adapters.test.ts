/** Drafts, threads, sharing and form responses over the Drive, Docs and FormApp fakes. */
import { ScriptState } from '../../src/gas/apps-script-ports';
import { DriveCommentThreads } from '../../src/gas/comment-threads';
import { DriveDocSharing, WRITER_FOLDER_KEY } from '../../src/gas/doc-sharing';
import { DriveDocWriter } from '../../src/gas/doc-writer';
import { FormResponses, responseData } from '../../src/gas/form-intake';
import { FORM_TITLE } from '../../src/gas/setup';
import { MIME } from '../fakes/gas-world';
import { createGasFakes, installGasFakes } from '../fakes/install-gas-fakes';

function world() {
  const fakes = createGasFakes();
  installGasFakes(globalThis, fakes);
  const folder = fakes.Drive.Files.create({ name: 'Orders', mimeType: MIME.folder }, undefined, {
    fields: 'id',
  }) as {
    id: string;
  };
  return { fakes, folderId: folder.id };
}

describe('DriveDocWriter', () => {
  it('creates the draft in the orders folder, labelled, and finds it again by order', () => {
    const { fakes, folderId } = world();
    const docs = new DriveDocWriter(folderId);
    const ref = docs.create('CEAD-AAAAA-BBBBB', 'Draft', 'hash1');
    expect(fakes.world.files.get(ref.id)).toMatchObject({ parents: [folderId], mimeType: MIME.document });
    expect(docs.findByOrder('CEAD-AAAAA-BBBBB')).toEqual(ref);
    expect(docs.findByOrder('CEAD-CCCCC-DDDDD')).toBeUndefined();
    expect(docs.text(ref.id)).toBe('');
    docs.write(ref.id, [
      { insertText: { text: 'Dear Program Director:\nLine two', location: { index: 1 } } },
    ]);
    expect(docs.text(ref.id)).toBe('Dear Program Director:\nLine two');
    docs.replace(ref.id, [{ insertText: { text: 'New letter', location: { index: 1 } } }], 'hash2');
    expect(docs.text(ref.id)).toBe('New letter');
    expect(docs.findByOrder('CEAD-AAAAA-BBBBB')?.letterHash).toBe('hash2');
  });
});

describe('DriveCommentThreads', () => {
  it('posts unanchored comments quoting their passage, and reads every page of threads', () => {
    const { fakes, folderId } = world();
    const doc = new DriveDocWriter(folderId).create('CEAD-AAAAA-BBBBB', 'Draft', 'h');
    const threads = new DriveCommentThreads();
    const ids = Array.from({ length: 130 }, (_, i) =>
      threads.post(doc.id, `[CEAD s1-q${i + 1}] Question ${i + 1}?`, `passage ${i}`),
    );
    fakes.Drive.userComment(doc.id, {
      content: 'Tighten this',
      author: 'ana@cead-team.example',
      quoted: 'Dear',
    });
    threads.reply(doc.id, ids[0]!, 'Done', 'resolve');
    fakes.Drive.userReply(doc.id, ids[1]!, { content: 'It was 60 students.', author: 'rosa@example.org' });
    const list = threads.list(doc.id);
    expect(list).toHaveLength(131);
    expect(list[0]).toMatchObject({ id: ids[0], quoted: 'passage 0', anchored: false, resolved: true });
    expect(list[1]!.replies.map((r) => [r.author.email, r.text])).toEqual([
      ['rosa@example.org', 'It was 60 students.'],
    ]);
    expect(list[130]).toMatchObject({
      text: 'Tighten this',
      anchored: true,
      author: { email: 'ana@cead-team.example' },
    });
    // Every Drive comments call CEAD made carried a fields mask (the fake refuses any that does not).
    expect(fakes.world.ledger.count('Drive', 'Comments.list')).toBe(2);
  });
});

describe('DriveDocSharing', () => {
  it('shares once per person and says who has access', () => {
    const { folderId } = world();
    const doc = new DriveDocWriter(folderId).create('CEAD-AAAAA-BBBBB', 'Draft', 'h');
    const sharing = new DriveDocSharing();
    sharing.share(doc.id, 'Ana@cead-team.example', 'writer', true);
    sharing.share(doc.id, 'Ana@cead-team.example', 'writer', false);
    sharing.share(doc.id, 'rex@cead-team.example', 'commenter', false);
    expect(sharing.sharedWith(doc.id)).toEqual(['ana@cead-team.example', 'rex@cead-team.example']);
  });
});

describe('DriveDocSharing with writer folders', () => {
  /** A fresh adapter over the script properties, as each execution makes one. */
  const sharingOver = (parentId: string) => new DriveDocSharing({ parentId, state: new ScriptState() });

  function withFolders() {
    const w = world();
    const props = PropertiesService.getScriptProperties();
    const sharing = sharingOver(w.folderId);
    const docs = new DriveDocWriter(w.folderId, undefined, undefined, (id) => sharing.forgetFolder(id));
    return { ...w, props, sharing, docs };
  }

  it('makes one folder per writer in the orders folder, shares it once, and remembers it', () => {
    const { fakes, folderId, props, sharing } = withFolders();
    const a = sharing.folderFor!('Ana@cead-team.example');
    expect(sharing.folderFor!('ana@cead-team.example')).toBe(a);
    expect(sharing.folderFor!('ben@cead-team.example')).not.toBe(a);
    expect(fakes.world.files.get(a)).toMatchObject({
      mimeType: MIME.folder,
      parents: [folderId],
      name: 'CEAD drafts: Ana@cead-team.example',
    });
    expect(props.getProperty(`${WRITER_FOLDER_KEY}ana@cead-team.example`)).toBe(a);
    expect(fakes.Drive.permissions.get(a)?.map((p) => [p.emailAddress, p.role])).toEqual([
      ['Ana@cead-team.example', 'writer'],
    ]);
    // The orders folder, then one folder per writer.
    expect(fakes.world.ledger.count('Drive', 'Files.create')).toBe(3);
    expect(fakes.world.ledger.count('Drive', 'Permissions.create')).toBe(2);
  });

  it('finds the folder a run made but did not record, instead of making a second one', () => {
    const { fakes, props, sharing, folderId } = withFolders();
    const a = sharing.folderFor!('ana@cead-team.example');
    props.deleteProperty(`${WRITER_FOLDER_KEY}ana@cead-team.example`);
    expect(sharingOver(folderId).folderFor!('ana@cead-team.example')).toBe(a);
    expect([...fakes.world.files.values()].filter((f) => f.mimeType === MIME.folder)).toHaveLength(2);
  });

  it("gives a Doc made in the folder to its writer, and moves it to the next writer's folder", () => {
    const { sharing, docs, fakes } = withFolders();
    const doc = docs.create('CEAD-AAAAA-BBBBB', 'Draft', 'h', sharing.folderFor!('ana@cead-team.example'));
    sharing.share(doc.id, 'rosa@example.org', 'commenter', false);
    expect(sharing.sharedWith(doc.id).sort()).toEqual(['ana@cead-team.example', 'rosa@example.org']);
    expect(sharing.handOver(doc.id, 'ben@cead-team.example')).toBe('moved');
    expect(sharing.sharedWith(doc.id).sort()).toEqual(['ben@cead-team.example', 'rosa@example.org']);
    const updates = fakes.world.ledger.count('Drive', 'Files.update');
    // Handing it to the writer who has it already moves nothing.
    expect(sharing.handOver(doc.id, 'ben@cead-team.example')).toBe('moved');
    expect(fakes.world.ledger.count('Drive', 'Files.update')).toBe(updates);
  });

  it('forgets a folder Drive no longer has, so the next try makes a new one', () => {
    const { sharing, docs, fakes } = withFolders();
    const gone = sharing.folderFor!('ana@cead-team.example');
    fakes.world.files.delete(gone);
    expect(() =>
      docs.create('CEAD-AAAAA-BBBBB', 'Draft', 'h', sharing.folderFor!('ana@cead-team.example')),
    ).toThrow(/File not found/);
    const fresh = sharing.folderFor!('ana@cead-team.example');
    expect(fresh).not.toBe(gone);
    expect(fakes.world.files.get(docs.create('CEAD-AAAAA-BBBBB', 'Draft', 'h', fresh).id)?.parents).toEqual([
      fresh,
    ]);
  });

  it('without writer folders, hands a Doc over by sharing it', () => {
    const { folderId } = world();
    const doc = new DriveDocWriter(folderId).create('CEAD-AAAAA-BBBBB', 'Draft', 'h');
    const sharing = new DriveDocSharing();
    expect(sharing.folderFor).toBeUndefined();
    expect(sharing.handOver(doc.id, 'ben@cead-team.example')).toBe('shared');
    expect(sharing.sharedWith(doc.id)).toEqual(['ben@cead-team.example']);
  });
});

describe('FormResponses', () => {
  it('turns a form response into raw answers by title, with its id, time and edit link', () => {
    const { fakes } = world();
    const form = fakes.FormApp.create(FORM_TITLE, true);
    form.addTextItem().setTitle('Full name');
    form.addCheckboxItem().setTitle('Procedures').setChoiceValues(['Suturing', 'Central line']);
    form.addDateItem().setTitle('First day');
    const r = form.submit({
      'Full name': 'Rosa Delgado',
      Procedures: ['Suturing', 'Central line'],
      'First day': '2026-07-06',
    });
    const data = responseData(r as unknown as GoogleAppsScript.Forms.FormResponse);
    expect(data).toEqual({
      responseId: r.getId(),
      timestamp: r.getTimestamp().toISOString(),
      respondentEmail: '',
      editUrl: r.getEditResponseUrl(),
      raw: { 'Full name': 'Rosa Delgado', Procedures: 'Suturing, Central line', 'First day': '2026-07-06' },
    });
    const source = new FormResponses(form.getId());
    expect(source.get(r.getId())).toEqual(data);
    expect(source.get('nope')).toBeUndefined();
    expect(source.list().map((x) => x.responseId)).toEqual([r.getId()]);
  });
});

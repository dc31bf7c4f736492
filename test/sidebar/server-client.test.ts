/** The typed google.script.run client, driven by a stand-in runner with google.script.run's shape. */
import entryPoints from '../../src/gas/entry-points.json';
import {
  createServerClient,
  oneLine,
  type ScriptRunner,
  SERVER_FUNCTIONS,
} from '../../src/sidebar/server-client';

type Behaviour = { kind: 'success'; value: unknown } | { kind: 'failure'; error: unknown };

/** Like google.script.run: every withXHandler returns a runner, the call returns nothing, handlers fire later. */
function runner(
  behave: (name: string, args: unknown[]) => Behaviour,
  calls: { name: string; args: unknown[] }[] = [],
): () => ScriptRunner {
  return () => {
    let success: (v: unknown) => void = () => undefined;
    let failure: (e: unknown) => void = () => undefined;
    const run: ScriptRunner = new Proxy({} as ScriptRunner, {
      get(_t, prop: string) {
        if (prop === 'withSuccessHandler')
          return (h: (v: unknown) => void) => {
            success = h;
            return run;
          };
        if (prop === 'withFailureHandler')
          return (h: (e: unknown) => void) => {
            failure = h;
            return run;
          };
        if (prop === 'then') return undefined;
        return (...args: unknown[]) => {
          calls.push({ name: prop, args });
          const b = behave(prop, args);
          setTimeout(() => (b.kind === 'success' ? success(b.value) : failure(b.error)), 0);
        };
      },
    });
    return run;
  };
}

describe('createServerClient', () => {
  it('resolves with the value of an ok answer and passes the arguments through', async () => {
    const calls: { name: string; args: unknown[] }[] = [];
    const client = createServerClient(
      runner(
        () => ({ kind: 'success', value: { ok: true, value: { selected: true, message: 'x' } } }),
        calls,
      ),
    );
    await expect(client.selectFinding({ excerpt: 'a', start: 1, end: 2 })).resolves.toEqual({
      selected: true,
      message: 'x',
    });
    expect(calls).toEqual([{ name: 'selectFinding', args: [{ excerpt: 'a', start: 1, end: 2 }] }]);
  });

  it('rejects with the server’s sentence when it refuses', async () => {
    const client = createServerClient(
      runner(() => ({
        kind: 'success',
        value: { ok: false, error: 'Not authorized: CEAD is available to the drafting team only.' },
      })),
    );
    await expect(client.getSidebarState()).rejects.toThrow(
      'Not authorized: CEAD is available to the drafting team only.',
    );
  });

  it('turns a thrown server error into one readable line', async () => {
    const error = new Error(
      'Exception: Service Documents failed while accessing document with id 1x.\n    at sidebar(Code:12:3)\n    at x',
    );
    const client = createServerClient(runner(() => ({ kind: 'failure', error })));
    await expect(client.checkLetter()).rejects.toThrow(
      /^Service Documents failed while accessing document with id 1x\.$/,
    );
  });

  it('rejects an answer that is not a result, and a missing google.script.run', async () => {
    const client = createServerClient(runner(() => ({ kind: 'success', value: 'hello' })));
    await expect(client.exportPdf()).rejects.toThrow('Unexpected answer from the server for exportPdf.');
    const none = createServerClient(() => {
      throw new Error('This page only works inside Google Docs (google.script.run is missing).');
    });
    await expect(none.listThreads()).rejects.toThrow('This page only works inside Google Docs');
  });
});

describe('oneLine', () => {
  it('keeps the first meaningful line, without prefixes, stacks or extra spaces, and not too long', () => {
    expect(oneLine(new Error('TypeError: x is undefined\n  at y'))).toBe('x is undefined');
    expect(oneLine('  ScriptError:   too   many  spaces ')).toBe('too many spaces');
    expect(oneLine({ message: 'from another realm' })).toBe('from another realm');
    expect(oneLine(undefined)).toBe('The server did not answer. Reload the sidebar and try again.');
    expect(oneLine('x'.repeat(1000))).toHaveLength(240);
  });
});

describe('SERVER_FUNCTIONS', () => {
  it('are all global functions of the Apps Script bundle (names without a trailing _)', () => {
    for (const name of Object.keys(SERVER_FUNCTIONS)) {
      expect([name, (entryPoints as string[]).includes(name), name.endsWith('_')]).toEqual([
        name,
        true,
        false,
      ]);
    }
  });
});

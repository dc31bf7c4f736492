/**
 * The worker thread that runs Google's client libraries for the synchronous bridge (sync-bridge.ts). It
 * takes one call at a time from the main thread, awaits the library, posts the reply on its own port and
 * wakes the main thread, which has been blocked in `Atomics.wait` meanwhile.
 */
import { type MessagePort, parentPort, workerData } from 'node:worker_threads';
import type { ApiCall, ClientConfig } from './api-call';
import { invoke, makeClients } from './clients';

interface WorkerData {
  readonly config: ClientConfig;
  readonly port: MessagePort;
  readonly signal: SharedArrayBuffer;
}

const { config, port, signal } = workerData as WorkerData;
const flag = new Int32Array(signal);
const clients = makeClients(config);

parentPort?.on('message', (call: ApiCall) => {
  void invoke(clients, call)
    .catch((e: unknown) => ({
      ok: false as const,
      status: 0,
      message: `worker: ${String((e as Error)?.message ?? e)}`,
    }))
    .then((reply) => {
      port.postMessage(reply);
      Atomics.store(flag, 0, 1);
      Atomics.notify(flag, 0);
    });
});

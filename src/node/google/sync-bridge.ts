/**
 * Google's client libraries are asynchronous; the core's ports are synchronous (Apps Script's services
 * are, and intake, the sweep and manager edits are written once for both). The bridge runs the libraries in
 * a worker thread and blocks the calling thread in `Atomics.wait` until the worker's reply is on the
 * channel, then takes it with `receiveMessageOnPort`. One call at a time, as the core makes them.
 *
 * A server in the calling thread could not answer while it waits, so the tests run the emulator in a
 * process of its own (test/fakes/remote-rest-emulator.ts).
 */
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import type { ApiCall, ApiReply, ClientConfig } from './api-call';

/** How long one HTTP request may take before the call is answered as a time-out (status 0). */
export const CALL_TIMEOUT_MS = 120_000;

export interface ApiPort {
  send(call: ApiCall): ApiReply;
  close(): void;
}

export class SyncBridge implements ApiPort {
  private readonly worker: Worker;
  private readonly port;
  private readonly flag = new Int32Array(new SharedArrayBuffer(4));

  /** `workerFile`: the built google-worker.js (next to the command's own file). */
  constructor(workerFile: string, config: ClientConfig) {
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    this.worker = new Worker(workerFile, {
      workerData: { config, port: port2, signal: this.flag.buffer },
      transferList: [port2],
    });
    // The worker never keeps the command running after its last call.
    this.worker.unref();
  }

  send(call: ApiCall): ApiReply {
    Atomics.store(this.flag, 0, 0);
    this.worker.postMessage(call);
    const waited = Atomics.wait(this.flag, 0, 0, CALL_TIMEOUT_MS);
    const got = receiveMessageOnPort(this.port);
    if (!got) {
      return {
        ok: false,
        status: 0,
        message: waited === 'timed-out' ? 'Request timed out' : 'No reply from the worker',
      };
    }
    return got.message as ApiReply;
  }

  close(): void {
    this.port.close();
    void this.worker.terminate();
  }
}

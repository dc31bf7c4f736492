/**
 * The small durable values the back office keeps between runs (Apps Script keeps them in script
 * properties): the sweep's last listing instant, reminders and draft notices sent, writers' folder IDs.
 * Here a JSON file beside the recorded ids, written whole (temporary file and rename) on each change, so a
 * crash leaves the old file or the new one. They are one machine's: another machine, or the Apps Script
 * deployment, keeps its own, which costs a full listing or a folder search, never a second order
 * (writers' folders carry a label that finds them again).
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { StateStore } from '../../core/ports';
import { hasOwn } from '../../core/records';

export class StateFile implements StateStore {
  private values: Record<string, string> | undefined;

  constructor(private readonly file: string) {}

  private all(): Record<string, string> {
    if (!this.values) {
      try {
        this.values = JSON.parse(readFileSync(this.file, 'utf8')) as Record<string, string>;
      } catch (e) {
        if ((e as { code?: unknown }).code !== 'ENOENT') throw e;
        this.values = {};
      }
    }
    return this.values;
  }

  get(key: string): string | undefined {
    return hasOwn(this.all(), key) ? this.all()[key] : undefined;
  }

  set(key: string, value: string): void {
    this.all()[key] = value;
    this.save();
  }

  delete(key: string): void {
    delete this.all()[key];
    this.save();
  }

  private save(): void {
    mkdirSync(dirname(this.file), { recursive: true, mode: 0o700 });
    const tmp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(tmp, `${JSON.stringify(this.all(), null, 2)}\n`, { mode: 0o600 });
    renameSync(tmp, this.file);
  }
}

import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { logDay } from './log-format';

/** Lines waiting for a slow disk beyond this are dropped rather than held in memory without bound. */
const DEFAULT_MAX_BUFFERED_BYTES = 16 * 1024 * 1024;
/** Lines are handed to the file stream together, at most this long after the first of them. */
export const LINE_BATCH_DELAY_MS = 10;

/**
 * An append-only log file per UTC day, `<dir>/<prefix>_<yyyy-mm-dd>.log`, written
 * through one buffered stream (never a synchronous write per line). Lines are joined
 * and handed to the stream in one write every LINE_BATCH_DELAY_MS, so a busy ingress
 * makes one file write (one thread-pool round trip) per batch instead of one per
 * request; `close()` writes what is waiting. The file moves to the next day with the
 * first line of that day.
 */
export class DailyLogFile {
  private stream?: WriteStream;
  private day?: string;
  private closed = false;
  private dropping = false;
  /** Lines not yet handed to the stream. */
  private pending = '';
  private flushTimer?: NodeJS.Timeout;
  /** Lines dropped because the disk did not keep up. */
  dropped = 0;

  constructor(
    private readonly dir: string,
    private readonly prefix: string,
    private readonly onError: (err: Error, path: string) => void,
    private readonly maxBufferedBytes = DEFAULT_MAX_BUFFERED_BYTES,
  ) {
    mkdirSync(dir, { recursive: true });
  }

  pathFor(day: string): string {
    return join(this.dir, `${this.prefix}_${day}.log`);
  }

  write(line: string, time: Date): void {
    if (this.closed) return;
    const day = logDay(time);
    if (day !== this.day || !this.stream) this.rotate(day);
    const stream = this.stream;
    if (!stream) return;
    if (stream.writableLength + this.pending.length > this.maxBufferedBytes) {
      this.dropped++;
      if (!this.dropping)
        this.onError(new Error(`the disk does not keep up: more than ${this.maxBufferedBytes} bytes are waiting, lines are dropped`), stream.path.toString());
      this.dropping = true;
      return;
    }
    this.dropping = false;
    this.pending += `${line}\n`;
    if (!this.flushTimer) {
      // Unref'd: waiting lines never keep the process alive; close() writes them.
      this.flushTimer = setTimeout(() => this.flush(), LINE_BATCH_DELAY_MS);
      this.flushTimer.unref();
    }
  }

  /** Flushes what is buffered and closes the file. */
  async close(): Promise<void> {
    this.flush();
    this.closed = true;
    const stream = this.stream;
    this.stream = undefined;
    if (!stream) return;
    stream.end();
    await finished(stream).catch(() => undefined);
  }

  /** Hands the waiting lines to the stream (which writes them to the file in the background). */
  private flush(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    // Without a stream (it failed), the lines wait for the next write, which reopens the file.
    if (!this.pending || !this.stream) return;
    const lines = this.pending;
    this.pending = '';
    this.stream.write(lines);
  }

  private rotate(day: string): void {
    // The previous day's lines go to the previous day's file.
    this.flush();
    this.stream?.end();
    const path = this.pathFor(day);
    const stream = createWriteStream(path, { flags: 'a' });
    stream.on('error', (err) => {
      // Reopened with the next line: a full disk must not take the data plane down.
      if (this.stream === stream) this.stream = undefined;
      this.onError(err, path);
    });
    this.stream = stream;
    this.day = day;
  }
}

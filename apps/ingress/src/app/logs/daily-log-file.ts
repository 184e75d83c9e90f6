import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { logDay } from './log-format';

/** Lines waiting for a slow disk beyond this are dropped rather than held in memory without bound. */
const DEFAULT_MAX_BUFFERED_BYTES = 16 * 1024 * 1024;

/**
 * An append-only log file per UTC day, `<dir>/<prefix>_<yyyy-mm-dd>.log`, written
 * through one buffered stream (never a synchronous write per line). The file moves to
 * the next day with the first line of that day.
 */
export class DailyLogFile {
  private stream?: WriteStream;
  private day?: string;
  private closed = false;
  private dropping = false;
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
    if (stream.writableLength > this.maxBufferedBytes) {
      this.dropped++;
      if (!this.dropping) this.onError(new Error(`the disk does not keep up: more than ${this.maxBufferedBytes} bytes are waiting, lines are dropped`), stream.path.toString());
      this.dropping = true;
      return;
    }
    this.dropping = false;
    stream.write(`${line}\n`);
  }

  /** Flushes what is buffered and closes the file. */
  async close(): Promise<void> {
    this.closed = true;
    const stream = this.stream;
    this.stream = undefined;
    if (!stream) return;
    stream.end();
    await finished(stream).catch(() => undefined);
  }

  private rotate(day: string): void {
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

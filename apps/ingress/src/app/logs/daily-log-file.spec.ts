import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DailyLogFile } from './daily-log-file';

describe('daily log file', () => {
  let dir: string;
  const errors: Error[] = [];

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'certgate-logs-'));
    errors.length = 0;
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('appends lines to <prefix>_<yyyy-mm-dd>.log, after what the file already held', async () => {
    writeFileSync(join(dir, 'http_access_n1_2024-03-05.log'), 'earlier line\n');
    const file = new DailyLogFile(dir, 'http_access_n1', (e) => errors.push(e));
    file.write('one', new Date('2024-03-05T10:00:00Z'));
    file.write('two', new Date('2024-03-05T23:59:59Z'));
    await file.close();
    expect(readFileSync(join(dir, 'http_access_n1_2024-03-05.log'), 'utf8')).toBe('earlier line\none\ntwo\n');
    expect(errors).toEqual([]);
  });

  it('hands the lines of a burst to the file together, soon after, without waiting for close', async () => {
    const file = new DailyLogFile(dir, 'burst', (e) => errors.push(e));
    const at = new Date('2024-03-05T10:00:00Z');
    for (let i = 0; i < 100; i++) file.write(`line ${i}`, at);
    const path = join(dir, 'burst_2024-03-05.log');
    const expected = Array.from({ length: 100 }, (_, i) => `line ${i}\n`).join('');
    for (let i = 0; i < 300 && !(existsSync(path) && readFileSync(path, 'utf8') === expected); i++) await new Promise((r) => setTimeout(r, 10));
    expect(readFileSync(path, 'utf8')).toBe(expected);
    await file.close();
  });

  it('moves to a new file when the UTC date changes', async () => {
    const file = new DailyLogFile(dir, 'trace_n1', (e) => errors.push(e));
    file.write('late', new Date('2024-03-05T23:59:59.999Z'));
    file.write('early', new Date('2024-03-06T00:00:00.000Z'));
    await file.close();
    expect(readFileSync(join(dir, 'trace_n1_2024-03-05.log'), 'utf8')).toBe('late\n');
    expect(readFileSync(join(dir, 'trace_n1_2024-03-06.log'), 'utf8')).toBe('early\n');
  });

  it('creates the log directory', async () => {
    const nested = join(dir, 'a', 'b');
    const file = new DailyLogFile(nested, 'x', (e) => errors.push(e));
    file.write('l', new Date('2024-01-01T00:00:00Z'));
    await file.close();
    expect(readFileSync(join(nested, 'x_2024-01-01.log'), 'utf8')).toBe('l\n');
  });

  it('ignores lines after close instead of throwing', async () => {
    const file = new DailyLogFile(dir, 'x', (e) => errors.push(e));
    await file.close();
    expect(() => file.write('late', new Date())).not.toThrow();
  });

  it('reports a file it cannot open and keeps going', async () => {
    const file = new DailyLogFile(dir, 'x', (e) => errors.push(e));
    rmSync(dir, { recursive: true, force: true });
    file.write('lost', new Date('2024-01-01T00:00:00Z'));
    for (let i = 0; i < 100 && errors.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    await file.close();
    expect(errors).toHaveLength(1);
    expect((errors[0] as NodeJS.ErrnoException).code).toBe('ENOENT');
  });

  it('drops lines instead of buffering without bound when the disk does not keep up, and says so once', async () => {
    const file = new DailyLogFile(dir, 'x', (e) => errors.push(e), 10);
    const at = new Date('2024-01-01T00:00:00Z');
    // Written in one tick: nothing reaches the disk in between, so the buffer only grows.
    for (let i = 0; i < 5; i++) file.write(`line ${i} is longer than ten bytes`, at);
    await file.close();
    expect(readFileSync(join(dir, 'x_2024-01-01.log'), 'utf8')).toBe('line 0 is longer than ten bytes\n');
    expect(file.dropped).toBe(4);
    expect(errors.map((e) => e.message)).toEqual([expect.stringContaining('lines are dropped')]);
  });
});

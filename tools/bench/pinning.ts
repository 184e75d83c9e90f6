// Pinning, as the performance issue measured: every server under test on one core
// (`taskset -c 0`), the load client on the other (`taskset -c 1`), so the client never
// takes a time slice from a server and the servers compete only with each other.
// BENCH_PIN=0 turns it off; BENCH_PIN_SERVER / BENCH_PIN_CLIENT choose other CPU lists.
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';

export type Pinning = { on: true; server: string; client: string } | { on: false; why: string };

export function pinningConfig(): Pinning {
  if (process.env.BENCH_PIN === '0') return { on: false, why: 'BENCH_PIN=0' };
  if (cpus().length < 2) return { on: false, why: `only ${cpus().length} core` };
  if (spawnSync('taskset', ['-c', '0', 'true']).status !== 0) return { on: false, why: 'no taskset (apt-get install util-linux)' };
  return { on: true, server: process.env.BENCH_PIN_SERVER ?? '0', client: process.env.BENCH_PIN_CLIENT ?? '1' };
}

/** `[file, args]` that runs `file args` on the given CPUs (as is when `cpuList` is undefined); taskset execs, so the PID stays the command's. */
export function onCpus(cpuList: string | undefined, file: string, args: string[]): [string, string[]] {
  return cpuList === undefined ? [file, args] : ['taskset', ['-c', cpuList, file, ...args]];
}

/** The processes whose parent is `pid`, and theirs (from /proc). */
export function descendants(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
    } catch {
      // gone meanwhile
    }
  }
  const out: number[] = [];
  const walk = (p: number) => (children.get(p) ?? []).forEach((c) => (out.push(c), walk(c)));
  walk(pid);
  return out;
}

/** The CPU lists the threads of `pid` may run on (one entry when all threads agree). */
export function affinityOf(pid: number): string[] {
  const lists = new Set<string>();
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      const m = /^Cpus_allowed_list:\s*(\S+)/m.exec(readFileSync(`/proc/${pid}/task/${tid}/status`, 'utf8'));
      if (m) lists.add(m[1]);
    } catch {
      // thread ended meanwhile
    }
  }
  return [...lists];
}

/**
 * Pins an already running process, every thread of it (`taskset -a`: Node's libuv and V8
 * threads too; threads started later inherit it) and its descendants, to `cpuList`, and
 * checks it took. For processes the bench did not spawn itself (certgate's services).
 */
export function pin(pid: number, cpuList: string): void {
  for (const p of [pid, ...descendants(pid)]) {
    execFileSync('taskset', ['-a', '-cp', cpuList, String(p)], { stdio: 'ignore' });
    const now = affinityOf(p);
    if (now.length !== 1 || now[0] !== normalize(cpuList)) throw new Error(`pinning ${p} to CPUs ${cpuList} did not take: ${now.join(' / ')}`);
  }
}

/** The kernel's spelling of a CPU list ("0,1,2" → "0-2"), for the comparison above. */
function normalize(cpuList: string): string {
  const ids = [
    ...new Set(
      cpuList.split(',').flatMap((part) => {
        const [a, b] = part.split('-').map(Number);
        return b === undefined ? [a] : Array.from({ length: b - a + 1 }, (_, i) => a + i);
      }),
    ),
  ].sort((x, y) => x - y);
  const ranges: string[] = [];
  for (let i = 0; i < ids.length;) {
    let j = i;
    while (j + 1 < ids.length && ids[j + 1] === ids[j] + 1) j++;
    ranges.push(i === j ? String(ids[i]) : `${ids[i]}-${ids[j]}`);
    i = j + 1;
  }
  return ranges.join(',');
}

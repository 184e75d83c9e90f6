// Where the CPU went during a bench run, from /proc (Linux): per process, and the whole
// machine. On two shared cores the figures only mean something next to what everything
// else on the machine took meanwhile, so that is measured too.
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

/** Clock ticks of /proc (USER_HZ); 100 on every Linux this runs on. */
const TICK_US = 10_000;

export interface CpuSnapshot {
  /** pid → [command, utime + stime in ticks] */
  processes: Map<number, [string, number]>;
  /** Ticks the machine spent busy (all CPUs, everything but idle and iowait). */
  busy: number;
  /** Ticks in all (all CPUs). */
  total: number;
}

export function cpuSnapshot(): CpuSnapshot {
  const processes = new Map<number, [string, number]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // The command is in parentheses and may itself contain spaces and parentheses.
      const close = stat.lastIndexOf(')');
      const fields = stat.slice(close + 2).split(' ');
      processes.set(Number(name), [stat.slice(stat.indexOf('(') + 1, close), Number(fields[11]) + Number(fields[12])]);
    } catch {
      // The process ended between the listing and the read.
    }
  }
  const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const total = cpu.slice(0, 8).reduce((a, b) => a + b, 0);
  return { processes, busy: total - cpu[3] - cpu[4], total };
}

export interface CpuUse {
  /** CPU µs each given process used between the snapshots. */
  of(pid: number | undefined): number | undefined;
  /** CPU µs used by every process not given, and the biggest of them by command name. */
  elsewhere(known: Iterable<number>, extraUs: number): { us: number; share: number; top: [string, number][] };
}

export function cpuUse(before: CpuSnapshot, after: CpuSnapshot): CpuUse {
  const used = (pid: number) => {
    const a = after.processes.get(pid);
    const b = before.processes.get(pid);
    return a && b ? (a[1] - b[1]) * TICK_US : 0;
  };
  return {
    of: (pid) => (pid === undefined || !after.processes.has(pid) ? undefined : used(pid)),
    elsewhere(known, extraUs) {
      const skip = new Set(known);
      const knownUs = [...skip].reduce((sum, pid) => sum + used(pid), 0);
      // Machine busy time minus ours: also counts processes that came and went (the load client: extraUs).
      const us = Math.max(0, (after.busy - before.busy) * TICK_US - knownUs - extraUs);
      const byCommand = new Map<string, number>();
      for (const [pid, [command]] of after.processes) {
        if (skip.has(pid)) continue;
        const u = used(pid);
        if (u > 0) byCommand.set(command, (byCommand.get(command) ?? 0) + u);
      }
      const top = [...byCommand].sort((a, b) => b[1] - a[1]).slice(0, 3);
      return { us, share: us / Math.max(1, (after.total - before.total) * TICK_US), top };
    },
  };
}

/** The PID of the process listening on a loopback TCP port (the NATS server), if this user can see it. */
export function listenerPid(port: number): number | undefined {
  const inodes = new Set<string>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text = '';
    try {
      text = readFileSync(table, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const f = line.trim().split(/\s+/);
      // local_address is hex ip:port; state 0A is LISTEN.
      if (f.length > 9 && f[3] === '0A' && parseInt(f[1].split(':')[1], 16) === port) inodes.add(f[9]);
    }
  }
  if (inodes.size === 0) return undefined;
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${name}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${name}/fd/${fd}`));
        if (m && inodes.has(m[1])) return Number(name);
      } catch {
        // fd closed meanwhile
      }
    }
  }
  return undefined;
}

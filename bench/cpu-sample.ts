import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { query } from './lib.js';
import { processCpuMs } from './processes.js';

/** CPU time read at one moment: the API process, each backend connected to its database, and others. */
export interface CpuSample {
  api: number;
  pg: Map<number, number>;
  /** Summed CPU of the extra processes named to `cpuSample` (e.g. the Redis server). */
  other: number;
  /** Committed and rolled-back transactions of the database so far. */
  xacts: number;
  at: number;
}

/**
 * Reads the CPU time used so far by the API process, by every PostgreSQL backend connected to
 * `dbName` (found in `pg_stat_activity`, the sampling connection excluded) and by `otherPids`.
 */
export async function cpuSample(
  db: string,
  dbName: string,
  apiPid: number,
  otherPids: readonly number[] = [],
): Promise<CpuSample> {
  const rows = await query<{ pid: number; xacts: string }>(
    db,
    `SELECT a.pid, (SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = $1) AS xacts
       FROM pg_stat_activity a WHERE a.datname = $1 AND a.pid <> pg_backend_pid()`,
    [dbName],
  );
  const pg = new Map<number, number>();
  for (const r of rows) pg.set(r.pid, processCpuMs(r.pid) ?? 0);
  const other = otherPids.reduce((sum, pid) => sum + (processCpuMs(pid) ?? 0), 0);
  return {
    api: processCpuMs(apiPid) ?? 0,
    pg,
    other,
    xacts: Number(rows[0]?.xacts ?? 0),
    at: performance.now(),
  };
}

/** CPU used between two samples: API, every backend seen in either (a new one counts from 0), the others. */
export function cpuUsed(a: CpuSample, b: CpuSample) {
  let pg = 0;
  for (const pid of new Set([...a.pg.keys(), ...b.pg.keys()])) {
    const end = b.pg.get(pid) ?? processCpuMs(pid) ?? a.pg.get(pid) ?? 0;
    pg += end - (a.pg.get(pid) ?? 0);
  }
  return { api: b.api - a.api, pg, other: b.other - a.other, xacts: b.xacts - a.xacts, ms: b.at - a.at };
}

/**
 * The machine's CPU time so far, all cores, from /proc/stat: busy and idle (idle includes I/O wait), in
 * ms; zeros where /proc cannot be read.
 */
export function machineCpuMs(): { busy: number; idle: number } {
  // "cpu  user nice system idle iowait irq softirq steal …", in clock ticks of 10 ms. Steal is time the
  // hypervisor gave to other machines: neither ours nor idle, so it is left out of both.
  let line = '';
  try {
    line = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0] ?? '';
  } catch {
    return { busy: 0, idle: 0 };
  }
  const [user, nice, system, idle, iowait, irq, softirq] = line.trim().split(/\s+/).slice(1).map(Number);
  const tick = 10;
  return {
    busy: ((user ?? 0) + (nice ?? 0) + (system ?? 0) + (irq ?? 0) + (softirq ?? 0)) * tick,
    idle: ((idle ?? 0) + (iowait ?? 0)) * tick,
  };
}

/**
 * The local Redis server's pid (the oldest `redis-server`), or undefined when none runs here. Its CPU
 * is the whole server's: anything else using it adds to it.
 */
export function findRedisPid(): number | undefined {
  try {
    return Number(execFileSync('pgrep', ['-o', 'redis-server'], { encoding: 'utf8' }).trim()) || undefined;
  } catch {
    return undefined;
  }
}

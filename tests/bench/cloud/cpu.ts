import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * CPU time spent by each side of a measurement, so a figure can say where the time went
 * (the cloud process, PostgreSQL, the client) in a way that holds up on a busy machine: wall
 * time moves ±30 % with the neighbours' load, CPU time per request much less.
 */

/** This process's CPU time so far, in ms. */
export function selfCpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

let ticksPerSecond: number | null = null;
function clockTicks(): number {
  if (ticksPerSecond === null) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

/** utime, stime, cutime, cstime of a process, in clock ticks (fields after the command's ")"). */
function statTimes(pid: number): number[] | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Field 3 of the rest is the parent pid; 12–15 are utime, stime, cutime, cstime.
    return [Number(fields[11]), Number(fields[12]), Number(fields[13]), Number(fields[14]), Number(fields[1])];
  } catch {
    return null;
  }
}

/**
 * The CPU time of a PostgreSQL server started by this benchmark, in ms: the postmaster and its
 * live children (backends, writer, WAL writer…), plus the children that have already exited
 * (the postmaster reaps them, so they are in its cutime/cstime). Null when it cannot be read
 * (not Linux, or a server given by BENCH_DATABASE_URL).
 */
export function postgresCpuMs(dataDir: string): number | null {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  const postmaster = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  const own = statTimes(postmaster);
  if (!own) return null;
  let ticks = (own[0] ?? 0) + (own[1] ?? 0) + (own[2] ?? 0) + (own[3] ?? 0);
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const times = statTimes(Number(entry));
    if (times && times[4] === postmaster) ticks += (times[0] ?? 0) + (times[1] ?? 0);
  }
  return (ticks / clockTicks()) * 1000;
}

/** A reading of several processes' CPU times (ms); null where a process could not be read. */
export type CpuReading = Record<string, number | null>;

/** µs of CPU per unit of work between two readings, per process. */
export function cpuPerUnit(before: CpuReading, after: CpuReading, units: number): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const key of Object.keys(after)) {
    const a = after[key];
    const b = before[key];
    out[key] = a === null || a === undefined || b === null || b === undefined || units === 0 ? null : ((a - b) * 1000) / units;
  }
  return out;
}

/**
 * CPU time of this process, and of its main thread alone. Worker threads and V8's
 * helpers (the optimising compiler, the collector's threads) count in the first, not
 * the second: benches report both to show where the time went.
 */
import { readFileSync } from 'node:fs';

/** CPU time of the whole process so far, ms (user + system, every thread). */
export function processCpuMs(): number {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
}

/** CPU of the main thread (Linux: utime + stime of /proc/self/task/<pid>, in clock ticks of 10 ms), else null. */
export function mainThreadCpuMs(): number | null {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    // Fields after the ")" that closes the command name: state is 3rd, utime 14th and stime 15th overall.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

// CPU seconds used by the processes a bench run leans on, read from
// /proc/<pid>/stat (utime + stime) before and after the measured part.
import { readdirSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const TICKS = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;

function stat(pid) {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may hold spaces and parentheses: fields start after the last ')'.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return undefined;
  }
}

/** pid and every descendant (PostgreSQL backends, a Java process's launcher…). */
function family(root) {
  const parents = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const s = stat(name);
    if (s) parents.set(Number(name), s.ppid);
  }
  const members = new Set([root]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, ppid] of parents) {
      if (!members.has(pid) && members.has(ppid)) {
        members.add(pid);
        grew = true;
      }
    }
  }
  return [...members];
}

/** { name: Map<pid, ticks> } for each named root pid (and its children). */
export function cpuSnapshot(roots) {
  const snapshot = {};
  for (const [name, pids] of Object.entries(roots)) {
    const ticks = new Map();
    for (const root of pids) for (const pid of family(root)) ticks.set(pid, stat(pid)?.ticks ?? 0);
    snapshot[name] = ticks;
  }
  snapshot.bench = new Map([
    [process.pid, Math.round(((process.cpuUsage().user + process.cpuUsage().system) / 1e6) * TICKS)],
  ]);
  return snapshot;
}

/** CPU seconds per name between two snapshots; a process that started in between counts from zero. */
export function cpuSeconds(before, after) {
  const used = {};
  for (const [name, ticks] of Object.entries(after)) {
    let sum = 0;
    for (const [pid, now] of ticks) sum += now - (before[name]?.get(pid) ?? 0);
    used[name] = sum / TICKS;
  }
  return used;
}

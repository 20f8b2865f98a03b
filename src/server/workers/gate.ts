/**
 * A gate for heavy work (the mirror, outcomes, the adjusted comparison, PDF, import parsing):
 * at most `perUser` jobs of one user and `total` jobs overall run at the same time; the rest
 * wait in arrival order. A job is started from a fresh turn of the event loop, so requests that
 * arrived in the meantime (a consultant's caseload) are read and answered between two jobs
 * instead of behind all of them. One user's eight refreshes thus run one after the other and
 * never hold up everybody else.
 */
export interface HeavyGate {
  run<T>(owner: string | number, job: () => Promise<T>): Promise<T>;
  /** Jobs running and waiting now (for tests and the health page). */
  stats(): { running: number; waiting: number };
}

interface Waiting {
  owner: string;
  start: () => void;
}

export function createHeavyGate(limits: { perUser: number; total: number }): HeavyGate {
  const perUser = Math.max(1, limits.perUser);
  const total = Math.max(1, limits.total);
  const runningBy = new Map<string, number>();
  let running = 0;
  const queue: Waiting[] = [];

  const mayStart = (owner: string) => running < total && (runningBy.get(owner) ?? 0) < perUser;

  function next(): void {
    for (let i = 0; i < queue.length && running < total;) {
      if (mayStart(queue[i].owner)) {
        const [w] = queue.splice(i, 1);
        take(w.owner);
        w.start();
      } else i++;
    }
  }

  function take(owner: string): void {
    running++;
    runningBy.set(owner, (runningBy.get(owner) ?? 0) + 1);
  }

  function release(owner: string): void {
    running--;
    const n = (runningBy.get(owner) ?? 1) - 1;
    if (n === 0) runningBy.delete(owner);
    else runningBy.set(owner, n);
    next();
  }

  return {
    async run<T>(ownerKey: string | number, job: () => Promise<T>): Promise<T> {
      const owner = String(ownerKey);
      await new Promise<void>((start) => {
        queue.push({ owner, start });
        next();
      });
      try {
        // Let the event loop read waiting sockets before the heavy work starts.
        await new Promise<void>((resolve) => setImmediate(resolve));
        return await job();
      } finally {
        release(owner);
      }
    },
    stats: () => ({ running, waiting: queue.length }),
  };
}

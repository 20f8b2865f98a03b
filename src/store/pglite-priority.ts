/**
 * Which request the embedded database's thread hands to PGlite next. PGlite does one statement at
 * a time; without this, a consultant's short query waited behind every heavy read queued before it
 * (the mirror loading a period for eight refreshes at once).
 *
 * Interactive work (a page, a save, an audit row, an open transaction) goes to PGlite at once.
 * Background reads (the mirror's loads, which come in pieces) wait until no interactive work is in
 * flight and none has ended in the last `graceMs` (so the next query of the same request can come
 * first), and run one at a time. An interactive query therefore waits for at most the one piece of
 * background work already running. A background read that has waited `maxWaitMs` runs anyway, so
 * a steady stream of interactive work cannot starve the mirror.
 */
export interface PriorityOptions {
  graceMs: number;
  maxWaitMs: number;
}

export const DEFAULT_PRIORITY: PriorityOptions = { graceMs: 3, maxWaitMs: 60 };

export class PriorityGate {
  /** Interactive requests in flight plus open transactions. */
  private busy = 0;
  private quietSince = -Infinity;
  private running = false;
  private readonly waiting: { since: number; start: () => void }[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly options: PriorityOptions = DEFAULT_PRIORITY,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Marks interactive work as started; the returned function marks it done (once). */
  hold(): () => void {
    this.busy++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.busy--;
      this.quietSince = this.now();
      this.pump();
    };
  }

  /** Runs `read` when background work may run; settles as `read` does. */
  background<T>(read: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const start = () => {
        read()
          .then(resolve, reject)
          .finally(() => {
            this.running = false;
            this.pump();
          });
      };
      this.waiting.push({ since: this.now(), start });
      this.pump();
    });
  }

  /** Background reads waiting (for tests and logs). */
  get queued(): number {
    return this.waiting.length;
  }

  private pump(): void {
    if (this.running || this.waiting.length === 0) return;
    const now = this.now();
    const first = this.waiting[0];
    const overdueAt = first.since + this.options.maxWaitMs;
    if (now < overdueAt) {
      if (this.busy > 0) return this.wakeAt(overdueAt);
      const graceEnds = this.quietSince + this.options.graceMs;
      if (now < graceEnds) return this.wakeAt(graceEnds);
    }
    this.running = true;
    this.waiting.shift()!.start();
  }

  private wakeAt(at: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(
      () => {
        this.timer = null;
        this.pump();
      },
      Math.max(0, Math.ceil(at - this.now())),
    );
  }
}

import { Worker } from "node:worker_threads";

export type Outcome<T> = { ok: T } | { timeout: true } | { failed: string };

interface Task {
  message: unknown;
  timeoutMs: number;
  priority: boolean;
  done: (outcome: Outcome<unknown>) => void;
}

/**
 * Worker threads that take one task at a time. A task over its time limit, or one that kills its
 * worker (out of memory), gets that outcome, and the worker is replaced: an infinite loop in the
 * generator cannot stall the campaign. Priority tasks (compiles) go before the others, so that
 * generated output does not pile up on disk.
 */
export class Pool {
  private readonly idle: Worker[] = [];
  private readonly queue: Task[] = [];
  private running = 0;
  private readonly all = new Set<Worker>();

  private readonly script: URL;
  private readonly memoryMb: number;

  constructor(script: URL, size: number, memoryMb: number) {
    this.script = script;
    this.memoryMb = memoryMb;
    for (let i = 0; i < size; i++) this.idle.push(this.spawn());
  }

  private spawn(): Worker {
    const worker = new Worker(this.script, { resourceLimits: { maxOldGenerationSizeMb: this.memoryMb } });
    this.all.add(worker);
    return worker;
  }

  run<T>(message: unknown, timeoutMs: number, priority = false): Promise<Outcome<T>> {
    return new Promise((resolve) => {
      const task: Task = { message, timeoutMs, priority, done: resolve as (o: Outcome<unknown>) => void };
      if (priority) {
        const firstOrdinary = this.queue.findIndex((t) => !t.priority);
        this.queue.splice(firstOrdinary === -1 ? this.queue.length : firstOrdinary, 0, task);
      } else {
        this.queue.push(task);
      }
      this.next();
    });
  }

  private next(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const worker = this.idle.pop()!;
      const task = this.queue.shift()!;
      this.running++;
      this.start(worker, task);
    }
  }

  private start(worker: Worker, task: Task): void {
    let settled = false;
    const finish = (outcome: Outcome<unknown>, healthy: boolean): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      // Only these: removeAllListeners() would drop the worker's own listeners, which start its port.
      worker.off("message", onMessage).off("error", onError).off("exit", onExit);
      this.running--;
      if (healthy) {
        this.idle.push(worker);
      } else {
        this.all.delete(worker);
        void worker.terminate();
        this.idle.push(this.spawn());
      }
      task.done(outcome);
      this.next();
    };
    const timer = setTimeout(() => finish({ timeout: true }, false), task.timeoutMs);
    const onMessage = (result: unknown): void => finish({ ok: result }, true);
    const onError = (error: Error): void => finish({ failed: error.message }, false);
    const onExit = (code: number): void => finish({ failed: `the worker stopped (exit code ${code})` }, false);
    worker.on("message", onMessage).on("error", onError).on("exit", onExit);
    worker.postMessage(task.message);
  }

  async close(): Promise<void> {
    await Promise.all([...this.all].map((w) => w.terminate()));
    this.all.clear();
  }
}

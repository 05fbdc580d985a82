import { fork, type ChildProcess } from 'node:child_process';

/**
 * The benchmark's other processes: the cloud server, the bare server and the load generator
 * each run in a child of their own (the same script, `--role NAME`), so a server and the client
 * measuring it never share one event loop — though all of them share this machine's 2 cores.
 * They talk over Node's IPC channel: the child sends `{ type: 'ready', … }` once, then answers
 * each request with one reply, in order.
 */
export type Role = 'cloud-server' | 'bare-server' | 'load';

export interface Child<Ready> {
  ready: Ready;
  /** Sends one request and waits for its reply (requests are answered in order). */
  request<Reply>(message: object): Promise<Reply>;
  stop(): Promise<void>;
}

export interface ChildOptions {
  env?: Record<string, string>;
  /** Extra flags for node, e.g. --cpu-prof. */
  nodeFlags?: string[];
  timeoutMs?: number;
}

export async function startChild<Ready>(script: string, role: Role, opts: ChildOptions = {}): Promise<Child<Ready>> {
  const child: ChildProcess = fork(script, ['--role', role], {
    // Whatever loaded this script (plain node for the bundle, tsx while developing) loads the child.
    execArgv: [...process.execArgv, ...(opts.nodeFlags ?? [])],
    env: { ...process.env, ...opts.env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<string>((resolve) => child.once('exit', (code, signal) => resolve(String(code ?? signal))));
  const waiting: { resolve: (value: unknown) => void; reject: (error: Error) => void }[] = [];
  let ready: ((value: unknown) => void) | null = null;

  child.on('message', (message: unknown) => {
    const m = message as { type?: string; error?: string };
    if (m.type === 'ready' && ready) {
      ready(m);
      ready = null;
      return;
    }
    const next = waiting.shift();
    if (!next) return;
    if (m.type === 'error') next.reject(new Error(`${role}: ${m.error ?? 'failed'}`));
    else next.resolve(m);
  });
  void exited.then((how) => {
    for (const w of waiting.splice(0)) w.reject(new Error(`${role} exited (${how}) before answering`));
  });

  const timeoutMs = opts.timeoutMs ?? 60_000;
  const readyMessage = await new Promise<unknown>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${role} was not ready within ${timeoutMs} ms`)), timeoutMs);
    ready = (value) => {
      clearTimeout(timer);
      resolve(value);
    };
    void exited.then((how) => {
      clearTimeout(timer);
      reject(new Error(`${role} exited (${how}) before it was ready`));
    });
  }).catch((error: unknown) => {
    child.kill('SIGKILL');
    throw error;
  });

  return {
    ready: readyMessage as Ready,
    request<Reply>(message: object) {
      return new Promise<Reply>((resolve, reject) => {
        waiting.push({ resolve: resolve as (value: unknown) => void, reject });
        child.send(message);
      });
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      // A polite stop lets a --cpu-prof child write its profile.
      child.send({ type: 'stop' });
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** The child's side: send `ready`, answer each request with `handle` (and `cpu` itself), exit on `stop`. */
export function serveParent(ready: object, handle: (message: { type: string }) => Promise<object>, onStop: () => Promise<void>): void {
  const send = (message: object) => process.send?.(message);
  let queue = Promise.resolve();
  process.on('message', (message: { type: string }) => {
    if (message.type === 'stop') {
      queue = queue.then(onStop).finally(() => process.exit(0));
      return;
    }
    queue = queue.then(async () => {
      try {
        // Every child reports its own CPU time, so the parent can say where the time went.
        if (message.type === 'cpu') {
          const { user, system } = process.cpuUsage();
          send({ type: 'cpu', ms: (user + system) / 1000 });
          return;
        }
        send(await handle(message));
      } catch (error) {
        send({ type: 'error', error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
      }
    });
  });
  // The parent went away without a stop (it crashed): do not outlive it.
  process.on('disconnect', () => void onStop().finally(() => process.exit(0)));
  send({ type: 'ready', ...ready });
}

/** A child's CPU time so far, in ms. */
export async function childCpuMs(child: Child<unknown>): Promise<number> {
  return (await child.request<{ ms: number }>({ type: 'cpu' })).ms;
}

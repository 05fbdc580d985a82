import { spawn, type ChildProcess } from 'node:child_process';
import { localCloudUrl } from './cloud-url';

/**
 * The cloud `npm start` runs beside the app on this PC, as a child process: the built
 * out/main/cloud.js under Node (web mode) or under Electron's own binary with
 * ELECTRON_RUN_AS_NODE=1 (the desktop shell), keeping its PGlite database in <dataDir>/cloud.
 *
 * It listens on a fixed port (CLOUD_PORT, 4790 by default) rather than a random one, because
 * a child cannot easily tell its parent which port it got, and because a second copy of the
 * app (web mode and the desktop shell, or two terminals) should share one cloud instead of
 * each starting its own: if something already answers /health like a Rateback cloud there,
 * it is used as it is and never stopped by this app.
 */
export interface LocalCloud {
  readonly url: string;
  /** Running when it resolves (started now, already ours, or found); rejects with the reason. */
  ensure(): Promise<void>;
  /** The last reason it could not run, or null. */
  problem(): string | null;
  /** The cloud stopped answering: look again (and start it if the port is free) next time. */
  lost(): void;
  /** Stops the child this app started, if any; a cloud found running is left alone. */
  stop(): Promise<void>;
  /** Calls `listener` whenever `problem()` changes. */
  onProblemChange(listener: () => void): void;
}

/** What answers on the port: a Rateback cloud, something else, or nothing at all. */
export type PortProbe = 'cloud' | 'other' | 'free';

export interface LocalCloudCommand {
  /** Node for web mode, Electron's binary for the shell (process.execPath either way). */
  execPath: string;
  /** The built cloud entry, out/main/cloud.js. */
  script: string;
  /** Added to the child's environment (ELECTRON_RUN_AS_NODE=1 under Electron). */
  extraEnv?: Readonly<Record<string, string>>;
}

export interface LocalCloudOptions {
  command: LocalCloudCommand;
  port: number;
  /** CLOUD_DATA_DIR of the child: <dataDir>/cloud. */
  cloudDataDir: string;
  /** The parent's environment, passed on (MODERATOR_EMAILS, SMTP_URL, …) before ours. */
  env: Readonly<Record<string, string | undefined>>;
  log: (line: string) => void;
  /** PGlite creates and migrates its database on the first start, which takes a few seconds. */
  startTimeoutMs?: number;
  probe?: (url: string) => Promise<PortProbe>;
}

type State =
  | { kind: 'idle' }
  | { kind: 'starting'; done: Promise<void> }
  | { kind: 'ours'; child: ChildProcess }
  | { kind: 'found' };

export function createLocalCloud(options: LocalCloudOptions): LocalCloud {
  const url = localCloudUrl(options.port);
  const probe = options.probe ?? probeCloud;
  const startTimeoutMs = options.startTimeoutMs ?? 60_000;
  let state: State = { kind: 'idle' };
  let problem: string | null = null;
  let stopping = false;
  /** The child while it starts, so stop() need not wait out a slow first start. */
  let launching: ChildProcess | null = null;
  const listeners: (() => void)[] = [];

  function setProblem(next: string | null): void {
    if (next === problem) return;
    problem = next;
    for (const listener of listeners) listener();
  }

  function ensure(): Promise<void> {
    if (state.kind === 'ours' || state.kind === 'found') return Promise.resolve();
    if (state.kind === 'starting') return state.done;
    stopping = false;
    const done = launch().then(
      (next) => {
        state = next;
        setProblem(null);
      },
      (error: unknown) => {
        state = { kind: 'idle' };
        // Stopped on purpose (the app is closing) is no problem to show.
        setProblem(stopping ? null : error instanceof Error ? error.message : String(error));
        throw error;
      },
    );
    state = { kind: 'starting', done };
    return done;
  }

  async function launch(): Promise<State> {
    const before = await probe(url);
    if (before === 'cloud') {
      options.log(`Using the Rateback cloud already running at ${url}.`);
      return { kind: 'found' };
    }
    if (before === 'other') throw new Error(portTaken(options.port));
    if (stopping) throw new Error('The local Rateback cloud was stopped while starting.');

    const child = spawn(options.command.execPath, [options.command.script], {
      env: {
        ...options.env,
        CLOUD_DATA_DIR: options.cloudDataDir,
        CLOUD_HOST: '127.0.0.1',
        CLOUD_PORT: String(options.port),
        ...options.command.extraEnv,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    launching = child;
    const tail: string[] = [];
    const relay = (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (line.trim() === '') continue;
        options.log(`[cloud] ${line}`);
        tail.push(line);
        if (tail.length > 20) tail.shift();
      }
    };
    child.stdout?.on('data', relay);
    child.stderr?.on('data', relay);
    // If this process ends without stop() (an uncaught error, process.exit), take the child
    // along rather than leave a cloud holding the port and the database.
    const killOnExit = () => child.kill();
    process.once('exit', killOnExit);

    let exit: { code: number | null; signal: NodeJS.Signals | null } | null = null;
    let spawnError: Error | null = null;
    child.once('error', (error) => (spawnError = error));
    child.once('exit', (code, signal) => {
      exit = { code, signal };
      process.off('exit', killOnExit);
      if (state.kind === 'ours' && state.child === child) {
        state = { kind: 'idle' };
        if (!stopping) setProblem(`The local Rateback cloud stopped (${signal ?? `exit code ${code}`}); it starts again on the next call.`);
      }
    });

    const deadline = Date.now() + startTimeoutMs;
    try {
      for (;;) {
        if (stopping) {
          await stopChild(child);
          throw new Error('The local Rateback cloud was stopped while starting.');
        }
        if (spawnError !== null) throw new Error(`Could not start the local Rateback cloud: ${(spawnError as Error).message}`);
        if (exit !== null) {
          // Lost a race for the port with another copy of the app: use that one.
          if ((await probe(url)) === 'cloud') return { kind: 'found' };
          const output = tail.join('\n');
          if (/EADDRINUSE/.test(output)) throw new Error(portTaken(options.port));
          throw new Error(`The local Rateback cloud did not start${output ? `:\n${output}` : '.'}`);
        }
        if ((await probe(url)) === 'cloud') {
          options.log(`Local Rateback cloud running at ${url} (data in ${options.cloudDataDir}).`);
          return { kind: 'ours', child };
        }
        if (Date.now() > deadline) {
          child.kill('SIGKILL');
          throw new Error(`The local Rateback cloud did not answer at ${url} within ${Math.round(startTimeoutMs / 1000)} s.`);
        }
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    } finally {
      launching = null;
    }
  }

  function lost(): void {
    if (state.kind === 'found') state = { kind: 'idle' };
  }

  async function stop(): Promise<void> {
    stopping = true;
    if (state.kind === 'starting') {
      const child = launching;
      await Promise.all([child ? stopChild(child) : undefined, state.done.catch(() => undefined)]);
    }
    const current = state;
    state = { kind: 'idle' };
    if (current.kind !== 'ours') return;
    await stopChild(current.child);
  }

  return { url, ensure, problem: () => problem, lost, stop, onProblemChange: (listener) => void listeners.push(listener) };
}

/** SIGTERM lets the cloud close its database cleanly; SIGKILL if it has not gone in 10 s (PGlite takes about 2 s to close). */
async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), 10_000)));
  if ((await Promise.race([exited, late])) === 'late') {
    child.kill('SIGKILL');
    await exited;
  }
  clearTimeout(timer);
}

function portTaken(port: number): string {
  return (
    `Port ${port} on this PC is used by another program, so the local Rateback cloud cannot start there. ` +
    'Set CLOUD_PORT to a free port, or RATEBACK_CLOUD_URL to a cloud elsewhere.'
  );
}

/**
 * Asks `<url>/health`. A Rateback cloud answers `{"ok":true}`; a refused connection means
 * the port is free; anything else (another server, a hang) means it is taken.
 */
export async function probeCloud(url: string): Promise<PortProbe> {
  try {
    const response = await fetch(`${url}/health`, { signal: AbortSignal.timeout(2_000) });
    if (!response.ok) return 'other';
    const body: unknown = await response.json().catch(() => null);
    return typeof body === 'object' && body !== null && 'ok' in body && body.ok === true ? 'cloud' : 'other';
  } catch (error) {
    return connectionRefused(error) ? 'free' : 'other';
  }
}

function connectionRefused(error: unknown): boolean {
  return error instanceof Error && refusedCause(error.cause);
}

/** undici puts the socket error in `cause`; with several addresses tried, an AggregateError. */
function refusedCause(cause: unknown): boolean {
  if (typeof cause !== 'object' || cause === null) return false;
  if ('code' in cause && cause.code === 'ECONNREFUSED') return true;
  return 'errors' in cause && Array.isArray(cause.errors) && cause.errors.some(refusedCause);
}

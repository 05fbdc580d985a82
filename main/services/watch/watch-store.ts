import { join } from 'node:path';
import { describe, jsonFile, JsonFileRefused, type JsonFile, type JsonFileProblem } from './json-file';
import { ChaseFile, MirrorFile } from './store-schema';
import { nodeTimers, type Timers } from './timers';

export const CHASE_FILE_NAME = 'watch.json';
export const MIRROR_FILE_NAME = 'watch-mirror.json';

export type WatchFilePart = 'chase' | 'mirror';

export interface LoadedWatchFiles {
  chase: ChaseFile | null;
  mirror: MirrorFile | null;
}

/**
 * Where the watch keeps its state. Writes are coalesced: `schedule` marks a file dirty with a
 * function that produces its content, and one write per dirty file happens `debounceMs` later
 * with the state as it is then, so a burst of changes (a snapshot in 50 chunks, a day's
 * evaluation) costs one write, not fifty. `flush` writes now (on close, and in tests).
 */
export interface WatchStore {
  load(): Promise<LoadedWatchFiles>;
  schedule(part: WatchFilePart, produce: () => unknown): void;
  flush(): Promise<void>;
}

export interface FileWatchStoreOptions {
  dir: string;
  onProblem?: (problem: JsonFileProblem) => void;
  timers?: Timers;
  /** How long changes gather before a write; also the most a change waits. */
  debounceMs?: number;
}

export function createFileWatchStore(options: FileWatchStoreOptions): WatchStore {
  const report = options.onProblem ?? reportToStderr;
  const timers = options.timers ?? nodeTimers;
  const debounceMs = options.debounceMs ?? 300;
  const files: Record<WatchFilePart, JsonFile<unknown>> = {
    chase: jsonFile(join(options.dir, CHASE_FILE_NAME), ChaseFile, report),
    mirror: jsonFile(join(options.dir, MIRROR_FILE_NAME), MirrorFile, report),
  };
  const dirty = new Map<WatchFilePart, () => unknown>();
  const refused = new Set<string>();
  let timer: unknown = null;
  // Writes run one after another: two overlapping renames could land out of order.
  let writing: Promise<void> = Promise.resolve();

  async function load(): Promise<LoadedWatchFiles> {
    const [chase, mirror] = await Promise.all([files.chase.read(), files.mirror.read()]);
    return { chase: chase as ChaseFile | null, mirror: mirror as MirrorFile | null };
  }

  function schedule(part: WatchFilePart, produce: () => unknown): void {
    dirty.set(part, produce);
    // Not re-armed by later changes: a steady stream of deltas still gets written every debounceMs.
    timer ??= timers.setTimer(() => {
      timer = null;
      void writeDirty();
    }, debounceMs);
  }

  function writeDirty(): Promise<void> {
    writing = writing.then(async () => {
      const batch = [...dirty];
      dirty.clear();
      for (const [part, produce] of batch) {
        try {
          await files[part].write(produce());
        } catch (error) {
          if (error instanceof JsonFileRefused) {
            // Said once: the state still lives in memory, and the bad file waits for a person.
            if (!refused.has(error.file)) report({ kind: 'write-refused', file: error.file, detail: error.message });
            refused.add(error.file);
            continue;
          }
          report({ kind: 'write-failed', file: files[part].path, detail: describe(error) });
          // Written again with the next change or flush; not retried in a loop against a full disk.
          if (!dirty.has(part)) dirty.set(part, produce);
        }
      }
    });
    return writing;
  }

  async function flush(): Promise<void> {
    if (timer !== null) {
      timers.clearTimer(timer);
      timer = null;
    }
    await writeDirty();
  }

  return { load, schedule, flush };
}

function reportToStderr(problem: JsonFileProblem): void {
  switch (problem.kind) {
    case 'invalid-file':
      console.error(
        `Rateback: the watch file ${problem.file} could not be used (${problem.detail}); ` +
          (problem.backup ? `it was kept as ${problem.backup}; the watch carries on without it.` : 'the watch carries on without it.'),
      );
      break;
    case 'unreadable-file':
      console.error(`Rateback: the watch file ${problem.file} could not be read (${problem.detail}).`);
      break;
    case 'write-failed':
    case 'write-refused':
      console.error(`Rateback: the watch file ${problem.file} could not be saved (${problem.detail}).`);
      break;
  }
}

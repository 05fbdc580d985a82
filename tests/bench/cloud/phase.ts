import type { Change } from '@core/sync/protocol';
import type { Database } from '../../../cloud/db/client';
import type { SeededMember } from '../../../cloud/testing/fixtures';
import type { Child, ChildOptions, Role } from './children';
import type { CloudReady } from './cloud-process';
import type { CpuReading } from './cpu';
import type { CloudBenchConfig } from './config';
import type { Figure } from './report';

/** What every phase of the cloud benchmark gets, and what it gives back. */
export interface BenchContext {
  root: string;
  config: CloudBenchConfig;
  log: (line: string) => void;
  /** The cloud process (its own child). */
  cloud: Child<CloudReady>;
  cloudUrl: string;
  /** CPU time so far (ms) of the cloud process, PostgreSQL (null if not ours) and this process ("bench"). */
  cpu(): Promise<CpuReading>;
  /** This process's own connection to the benchmark's database (seeding members, the bare floors). */
  database: Database;
  databaseUrl: string;
  /** The business holding the uploaded book, and its owner's session. */
  owner: SeededMember;
  book: readonly Change[];
  /** One phone of each of the book's customers that has one (E.164). */
  phones: readonly string[];
  /**
   * Lets the database settle after heavy writes (VACUUM ANALYZE, CHECKPOINT), so a read phase
   * measures the steady state rather than autovacuum catching up with the pushes just made.
   */
  settle(): Promise<void>;
  /** The built renderer to serve to Chromium, if any. */
  rendererDir: string | null;
  /** Starts one of the benchmark's processes; it is stopped when the run ends, if not before. */
  startChild<Ready>(role: Role, opts?: ChildOptions): Promise<Child<Ready>>;
}

export interface PhaseResult {
  figures: Figure[];
  notes: string[];
}

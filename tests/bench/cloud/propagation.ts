import type { Database } from '../../../cloud/db/client';
import { seedMember } from '../../../cloud/testing/fixtures';
import { cloudClient } from '../../../cloud/testing/harness';
import { createChange, demoCustomers, DeviceOutbox } from './book';
import type { CloudBenchConfig } from './config';
import type { BenchContext, PhaseResult } from './phase';
import { figure } from './report';
import { nowMs, percentile, sleep } from './stats';

/**
 * Device → device on loopback: device B follows `sync.onVersion` (SSE through the stock
 * httpSubscriptionLink) and, like the sync engine, pulls from its cursor on every notice (one
 * pull at a time; a notice during a pull means one more pull after it). Device A pushes one
 * new customer; the sample is the time from A's push call to B holding that record from a pull.
 * Both devices are clients in this process; the cloud runs in its own. One change at a time,
 * `pauseMs` apart; the first `warmup` are not counted.
 */
export interface PropagationSample {
  totalMs: number;
  /** A's push call, until its answer. */
  pushMs: number;
  /** From A's push call until B heard the notice after it; null if B got the record from a pull already under way. */
  noticeMs: number | null;
}

async function measurePropagation(
  opts: { url: string; database: Database; config: CloudBenchConfig['propagation'] },
  log: (line: string) => void,
): Promise<PropagationSample[]> {
  const { config } = opts;
  const a = await seedMember(opts.database);
  const b = await seedMember(opts.database, { businessId: a.businessId, role: 'staff' });
  const apiA = cloudClient(opts.url, a.token);
  const apiB = cloudClient(opts.url, b.token);
  const outbox = new DeviceOutbox();
  const customers = demoCustomers(4_242, config.warmup + config.changes);

  let cursor = 0;
  let lastNoticeAt = 0;
  const waiting = new Map<string, (at: number) => void>();
  let pulling = false;
  let again = false;
  let failure: unknown = null;
  const pull = async () => {
    if (pulling) {
      again = true;
      return;
    }
    pulling = true;
    try {
      do {
        again = false;
        for (;;) {
          const page = await apiB.sync.pull.query({ cursor, limit: 1000 });
          const at = nowMs();
          for (const record of page.records) waiting.get(record.id)?.(at);
          cursor = page.cursor;
          if (!page.hasMore) break;
        }
      } while (again);
    } catch (error) {
      failure = error;
    } finally {
      pulling = false;
    }
  };
  const subscription = apiB.sync.onVersion.subscribe(
    { since: 0 },
    {
      onData: (event) => {
        lastNoticeAt = nowMs();
        if (event.data.version > cursor) void pull();
      },
      onError: (error) => {
        failure = error;
      },
    },
  );

  const samples: PropagationSample[] = [];
  try {
    for (let i = 0; i < customers.length; i++) {
      const customer = customers[i];
      if (!customer) break;
      const pulled = new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`device B did not get change ${i} within 10 s${failure ? `: ${String(failure)}` : ''}`)), 10_000);
        waiting.set(customer.id, (at) => {
          clearTimeout(timer);
          resolve(at);
        });
      });
      const start = nowMs();
      await apiA.sync.push.mutate({ deviceId: outbox.deviceId, mutations: outbox.mutations([createChange('customers', customer)], 1) });
      const pushed = nowMs();
      const at = await pulled;
      waiting.delete(customer.id);
      if (i >= config.warmup) samples.push({ totalMs: at - start, pushMs: pushed - start, noticeMs: lastNoticeAt >= start ? lastNoticeAt - start : null });
      // Spread the changes a little, so each one starts from an idle subscription as at a counter.
      await sleep(config.pauseMs * (0.5 + Math.random()));
      if (i === config.warmup) log(`propagation: warm-up done, measuring ${config.changes} changes`);
    }
  } finally {
    subscription.unsubscribe();
  }
  return samples;
}

export async function propagationPhase(ctx: BenchContext): Promise<PhaseResult> {
  ctx.log(`propagation: ${ctx.config.propagation.changes} changes, device A → cloud → device B`);
  const samples = await measurePropagation({ url: ctx.cloudUrl, database: ctx.database, config: ctx.config.propagation }, ctx.log);
  const total = samples.map((s) => s.totalMs);
  return {
    figures: [
      figure('cloud.propagation.p50', percentile(total, 50), 'ms'),
      figure('cloud.propagation.p95', percentile(total, 95), 'ms'),
      figure('cloud.propagation.max', Math.max(...total), 'ms'),
      figure('cloud.propagation.push.p50', percentile(samples.map((s) => s.pushMs), 50), 'ms'),
      figure('cloud.propagation.notice.p50', percentile(samples.flatMap((s) => (s.noticeMs === null ? [] : [s.noticeMs])), 50), 'ms'),
    ],
    notes: [
      `cloud.propagation.*: ${samples.length} single-change pushes by device A (after ${ctx.config.propagation.warmup} warm-up), each timed until device B (onVersion over SSE, then pull) held the record; push = A's call alone, notice = A's call until B heard the version; both devices in this process, the cloud in its own`,
    ],
  };
}

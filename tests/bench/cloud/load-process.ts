import { Agent, request } from 'node:http';
import { serveParent } from './children';
import { percentile } from './stats';

/**
 * `--role load`: the load generator, in a process of its own so that its HTTP client does not
 * share an event loop with the server it measures (both still share the machine's 2 cores).
 * Plain node:http GETs over a keep-alive Agent; every answer must be 200 with a body.
 *
 * closed  `connections` loops, each sending its next request when the previous one answers,
 *         for warmupS (not counted) then measureS seconds: throughput at that concurrency.
 * rate    open loop at a fixed rate: request i is due at start + i/rate whether or not earlier
 *         ones have answered, and its latency counts from when it was due (so a stall is not
 *         hidden by the generator waiting for it: no coordinated omission).
 * check   one request, its status and parsed body (sanity check before measuring).
 */
export interface LoadTarget {
  /** Full URLs, used round-robin (one per identifier looked up). */
  urls: string[];
  headers: Record<string, string>;
}

export type LoadJob =
  | ({ type: 'closed'; connections: number; warmupS: number; measureS: number } & LoadTarget)
  | ({ type: 'rate'; rate: number; seconds: number } & LoadTarget)
  | ({ type: 'check' } & LoadTarget);

export interface ClosedResult {
  type: 'closed';
  /** Answered within the measured window. */
  requests: number;
  /** Answered in the whole run, warm-up included (for CPU time per request). */
  total: number;
  seconds: number;
  perSecond: number;
  errors: number;
  p50Ms: number;
  p99Ms: number;
}

export interface RateResult {
  type: 'rate';
  requests: number;
  errors: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
}

export interface CheckResult {
  type: 'check';
  status: number;
  body: unknown;
}

function get(agent: Agent, url: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

async function closed(job: Extract<LoadJob, { type: 'closed' }>): Promise<ClosedResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: job.connections });
  const start = performance.now();
  const measureFrom = start + job.warmupS * 1000;
  const end = measureFrom + job.measureS * 1000;
  let next = 0;
  let requests = 0;
  let total = 0;
  let errors = 0;
  const latencies: number[] = [];
  const loop = async () => {
    for (;;) {
      const sent = performance.now();
      if (sent >= end) return;
      const url = job.urls[next++ % job.urls.length] ?? '';
      let ok = false;
      try {
        const answer = await get(agent, url, job.headers);
        ok = answer.status === 200 && answer.body.length > 0;
      } catch {
        ok = false;
      }
      const done = performance.now();
      total++;
      if (sent >= measureFrom && done <= end) {
        requests++;
        if (!ok) errors++;
        latencies.push(done - sent);
      }
    }
  };
  await Promise.all(Array.from({ length: job.connections }, loop));
  agent.destroy();
  return { type: 'closed', requests, total, seconds: job.measureS, perSecond: requests / job.measureS, errors, p50Ms: percentile(latencies, 50), p99Ms: percentile(latencies, 99) };
}

async function atRate(job: Extract<LoadJob, { type: 'rate' }>): Promise<RateResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const total = Math.round(job.rate * job.seconds);
  const latencies: number[] = [];
  let errors = 0;
  const inFlight: Promise<void>[] = [];
  const start = performance.now();
  for (let i = 0; i < total; ) {
    const elapsed = performance.now() - start;
    const due = Math.min(total, Math.floor((elapsed / 1000) * job.rate) + 1);
    for (; i < due; i++) {
      const dueAt = start + (i / job.rate) * 1000;
      const url = job.urls[i % job.urls.length] ?? '';
      inFlight.push(
        get(agent, url, job.headers).then(
          (answer) => {
            if (answer.status !== 200) errors++;
            latencies.push(performance.now() - dueAt);
          },
          () => {
            errors++;
            latencies.push(performance.now() - dueAt);
          },
        ),
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  await Promise.all(inFlight);
  agent.destroy();
  return {
    type: 'rate',
    requests: total,
    errors,
    p50Ms: percentile(latencies, 50),
    p95Ms: percentile(latencies, 95),
    p99Ms: percentile(latencies, 99),
    maxMs: Math.max(...latencies),
  };
}

async function check(job: Extract<LoadJob, { type: 'check' }>): Promise<CheckResult> {
  const agent = new Agent({ keepAlive: false });
  const answer = await get(agent, job.urls[0] ?? '', job.headers);
  agent.destroy();
  let body: unknown = answer.body;
  try {
    body = JSON.parse(answer.body);
  } catch {
    // Left as text: the caller reports it.
  }
  return { type: 'check', status: answer.status, body };
}

export function runLoadProcess(): void {
  serveParent(
    {},
    async (message) => {
      const job = message as LoadJob;
      if (job.type === 'closed') return closed(job);
      if (job.type === 'rate') return atRate(job);
      if (job.type === 'check') return check(job);
      throw new Error(`load: unknown job ${(message as { type: string }).type}`);
    },
    async () => {},
  );
}

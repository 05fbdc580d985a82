import type { Mutation } from '@core/sync/protocol';

/**
 * Which mutations of a push are new, given the last one the cloud holds from the device.
 *
 * A device numbers its mutations 1, 2, 3… and resends from the first one it has no receipt
 * for, so a push may begin with mutations the cloud already applied (a replay after a lost
 * answer): those are acknowledged and skipped. A push that starts beyond the next expected one
 * means the cloud lost some (a restored backup, another server's rollback): it is refused so
 * the device resends from `expected`, rather than storing later changes over a hole.
 */
export type MutationSequence =
  | { kind: 'ok'; replayed: number; fresh: Mutation[] }
  | { kind: 'gap'; expected: number; first: number }
  | { kind: 'unordered'; at: number };

export function sequenceMutations(mutations: readonly Mutation[], lastApplied: number): MutationSequence {
  for (let i = 1; i < mutations.length; i++) {
    const prev = mutations[i - 1];
    const cur = mutations[i];
    if (prev && cur && cur.id !== prev.id + 1) return { kind: 'unordered', at: cur.id };
  }
  const fresh = mutations.filter((m) => m.id > lastApplied);
  const first = fresh[0];
  if (first && first.id !== lastApplied + 1) return { kind: 'gap', expected: lastApplied + 1, first: first.id };
  return { kind: 'ok', replayed: mutations.length - fresh.length, fresh };
}

/** "The cloud is missing changes 4–6 from this PC; it will resend them (from 4)." */
export function gapMessage(expected: number, first: number): string {
  const one = first - 1 === expected;
  const missing = one ? `change ${expected}` : `changes ${expected}–${first - 1}`;
  return `The cloud is missing ${missing} from this PC; it will resend ${one ? 'it' : 'them'} (the next change the cloud expects is ${expected}).`;
}

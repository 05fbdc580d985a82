import { WatchError } from './watch-api';

/** Snapshots in progress at once: one per open page is plenty; older ones are abandoned. */
const MAX_GENERATIONS = 4;

/** What one full snapshot has sent so far. */
export interface Generation {
  nextPart: number;
  customers: Set<string>;
  invoices: Set<string>;
  /** Customers that turned blacklisted during this snapshot; checked for money owed at the end. */
  blacklisted: Set<string>;
}

/**
 * The full snapshots the renderer is part-way through sending, by generation id, oldest first.
 * Parts must come in order: see MirrorReplaceInput for why one out of order is refused.
 */
export class SnapshotGenerations {
  private readonly byId = new Map<string, Generation>();

  /**
   * The generation that takes this part, its part count moved on. Part 0 starts the generation
   * afresh (abandoning the oldest past the limit); any other part must be the one it expects.
   */
  accept(id: string, part: number): Generation {
    let generation = this.byId.get(id);
    if (part === 0) {
      generation = { nextPart: 0, customers: new Set(), invoices: new Set(), blacklisted: new Set() };
      this.byId.delete(id);
      this.byId.set(id, generation);
      for (const old of this.byId.keys()) {
        if (this.byId.size <= MAX_GENERATIONS) break;
        this.byId.delete(old);
      }
    } else if (!generation || generation.nextPart !== part) {
      throw new WatchError('CONFLICT', `Snapshot part ${part} arrived out of order or after a restart: send the snapshot again under a new generation`);
    }
    generation.nextPart++;
    return generation;
  }

  finish(id: string): void {
    this.byId.delete(id);
  }

  /** Every snapshot still being sent. */
  open(): Generation[] {
    return [...this.byId.values()];
  }
}

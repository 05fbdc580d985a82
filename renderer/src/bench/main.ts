import { compareImport } from './compare-import';
import { benchCsvImport } from './csv-import';
import { firstOpen } from './first-open';
import { closeLookups, lookupOnce, peerLookup } from './lookup';
import { buildPeer } from './peer';
import { sampleQueries } from './queries';
import { seed } from './seed';
import type { RbBench } from './types';

/**
 * Entry of bench.html (built only with RATEBACK_BENCH=1). Opens nothing on load: run.mjs
 * calls these one at a time, so "first open after a restart" really is the first.
 */
const rbBench: RbBench = { compareImport, benchCsvImport, seed, sampleQueries, buildPeer, peerLookup, lookupOnce, closeLookups, firstOpen };
window.rbBench = rbBench;
document.title = 'Rateback benchmark (ready)';

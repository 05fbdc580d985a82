import { bench } from './browser.mjs';

/**
 * Data-only lookup latency, one query at a time: the app's searchCounter and the bare getAll
 * floor run in the app's page, the FlexSearch peer in a page of its own (its own JS heap, so
 * its gigabyte does not slow the app's garbage collections). For every query the three run
 * back to back; the app and the floor take turns going first (the first to read a key range
 * pays for its cold pages), and the peer goes before or after them. The app's parts run last,
 * so they are all warm. The first `warmup` queries of each kind are run but not recorded.
 */
export async function measureLookups({ appPage, peerPage, queries, kinds, warmup, log }) {
  const result = {};
  for (const kind of kinds) {
    const samples = { app: [], floor: [], peer: [], parts: {}, hits: { app: 0, floor: 0, peer: 0 } };
    const list = queries[kind];
    for (let i = 0; i < list.length; i++) {
      const q = list[i];
      const appFirst = i % 2 === 0;
      const peer = i % 3 === 0 ? await bench(peerPage, 'peerLookup', q) : null;
      const one = await bench(appPage, 'lookupOnce', q, appFirst);
      const last = peer ?? (await bench(peerPage, 'peerLookup', q));
      if (i < warmup) continue;
      samples.app.push(one.app);
      samples.floor.push(one.floor);
      samples.peer.push(last.ms);
      samples.hits.app += one.hits.app;
      samples.hits.floor += one.hits.floor;
      samples.hits.peer += last.hits;
      for (const [part, ms] of Object.entries(one.parts)) if (ms !== null) (samples.parts[part] ??= []).push(ms);
    }
    const recorded = Math.max(1, list.length - warmup);
    for (const way of ['app', 'floor', 'peer']) samples.hits[way] /= recorded;
    result[kind] = samples;
    log(`lookups ${kind}: ${recorded} queries recorded`);
  }
  return result;
}

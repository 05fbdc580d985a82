/**
 * The benchmark page's contract with tests/bench/run.mjs: everything it can call lives on one
 * `window.rbBench` object. Results are raw samples (milliseconds); run.mjs computes the
 * percentiles, so there is one percentile rule for every figure. Lookups are driven one query
 * at a time, so the app and its FlexSearch peer can live in two pages (two JS heaps).
 */

export const QUERY_KINDS = ['name-prefix', 'phone-digits', 'email'] as const;
export type QueryKind = (typeof QUERY_KINDS)[number];
export type QuerySets = Record<QueryKind, string[]>;

export interface BookShape {
  seed: number;
  customers: number;
  invoicesPerCustomer: number;
  /** The generator's "today" (YYYY-MM-DD). */
  today: string;
}

export interface CompareImportOptions extends BookShape {
  /** Each path runs `rounds` times; odd rounds run the paths in reverse order. */
  rounds: number;
}

export interface WriteTimes {
  customersMs: number[];
  invoicesMs: number[];
}

/** app: the import path; bare: one bulkPut of prepared rows; bare-chunked: the same in the app's chunks. */
export const IMPORT_PATHS = ['app', 'bare', 'bare-chunked'] as const;
export type ImportPath = (typeof IMPORT_PATHS)[number];

export type CompareImportResult = Record<ImportPath | 'prepare', WriteTimes> & {
  customers: number;
  invoices: number;
};

export interface SeedOptions extends BookShape {
  /** Customers generated and imported per step, to bound the page's memory. */
  chunkCustomers: number;
}

export interface SeedResult {
  customers: number;
  invoices: number;
  ratings: number;
  statusChanges: number;
  members: number;
  customersMs: number;
  invoicesMs: number;
  generateMs: number;
  totalMs: number;
}

export interface PeerBuildResult {
  documents: number;
  readMs: number;
  indexMs: number;
}

export const LOOKUP_PARTS = ['raw-tokens-25', 'dexie-tokens', 'dexie-tokens-in-tx', 'dexie-invoice-number', 'zod-parse'] as const;
export type LookupPart = (typeof LOOKUP_PARTS)[number];

/** One query on the app's book: milliseconds and result counts. */
export interface LookupSample {
  /** The app's searchCounter(db, q, 20). */
  app: number;
  /** One bare index.getAll(range, 20) on the tokens index through the raw IDBDatabase. */
  floor: number;
  /** Where the app's time goes (see lookup-parts.ts); null where a part does not apply. */
  parts: Record<LookupPart, number | null>;
  hits: { app: number; floor: number };
}

/** One query on the FlexSearch peer. */
export interface PeerSample {
  ms: number;
  hits: number;
}

export interface FirstOpenResult {
  openMs: number;
  firstSearchMs: number;
  hits: number;
}

export type { CsvImportBenchResult } from './csv-import';
import type { CsvImportBenchResult } from './csv-import';

export interface RbBench {
  compareImport(opts: CompareImportOptions): Promise<CompareImportResult>;
  benchCsvImport(rows: number): Promise<CsvImportBenchResult>;
  seed(opts: SeedOptions): Promise<SeedResult>;
  sampleQueries(opts: { perKind: number; seed: number }): Promise<QuerySets>;
  buildPeer(): Promise<PeerBuildResult>;
  peerLookup(q: string): PeerSample;
  lookupOnce(q: string, appFirst: boolean): Promise<LookupSample>;
  closeLookups(): void;
  firstOpen(query: string): Promise<FirstOpenResult>;
}

declare global {
  interface Window {
    rbBench: RbBench;
  }
}

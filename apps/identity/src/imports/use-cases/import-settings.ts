/** How an import's job works through its rows (ID-I4, rule 6). */
export interface ImportSettings {
  /** Rows validated or applied, then saved with the import's progress, at once. */
  chunkRows: number;
  /** Chunks of validation one run of the job goes through before it lets others run (no events to wait for). */
  validationChunksPerRun: number;
  /** The largest file taken, in bytes. */
  maxFileBytes: number;
  /** Rows (of different users) applied at once within a chunk. */
  applyConcurrency: number;
}

export const DEFAULT_IMPORT_SETTINGS: ImportSettings = {
  chunkRows: 500,
  validationChunksPerRun: 10,
  maxFileBytes: 50 * 1024 * 1024,
  applyConcurrency: 8,
};

export const IMPORT_SETTINGS = Symbol('IMPORT_SETTINGS');

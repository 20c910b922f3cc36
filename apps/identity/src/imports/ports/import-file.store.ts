/** The file of one import. */
export interface ImportFileRef {
  tenantId: string;
  importId: string;
}

/** A file being stored, part after part, never held whole. */
export interface ImportFileUpload {
  write(part: Uint8Array): Promise<void>;
  /** Ends the file; what follows may read it. */
  finish(): Promise<void>;
  /** Drops what was written. */
  abort(): Promise<void>;
}

/** Where import files are kept while their import runs (GridFS). */
export interface ImportFileStore {
  create(ref: ImportFileRef, fileName: string | null): ImportFileUpload;
  /** The file's bytes, read part by part. */
  open(ref: ImportFileRef): AsyncIterable<Uint8Array>;
  remove(ref: ImportFileRef): Promise<void>;
}

export const IMPORT_FILE_STORE = Symbol('IMPORT_FILE_STORE');

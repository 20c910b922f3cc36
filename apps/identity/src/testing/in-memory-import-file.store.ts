import type { ImportFileRef, ImportFileStore, ImportFileUpload } from '../imports/ports/import-file.store';

/** Import files in memory, handed out in small parts as GridFS would, so that readers meet split characters and records. */
export class InMemoryImportFileStore implements ImportFileStore {
  readonly files = new Map<string, Buffer>();
  /** The size of the parts a file is read in. */
  partBytes = 7;

  create(ref: ImportFileRef): ImportFileUpload {
    const parts: Buffer[] = [];
    const key = keyOf(ref);
    return {
      write: async (part) => {
        parts.push(Buffer.from(part));
      },
      finish: async () => {
        this.files.set(key, Buffer.concat(parts));
      },
      abort: async () => {
        parts.length = 0;
      },
    };
  }

  async *open(ref: ImportFileRef): AsyncIterable<Uint8Array> {
    const file = this.files.get(keyOf(ref));
    if (!file) throw new Error(`No file for import ${ref.importId}`);
    for (let at = 0; at < file.length; at += this.partBytes) yield file.subarray(at, at + this.partBytes);
  }

  async remove(ref: ImportFileRef): Promise<void> {
    this.files.delete(keyOf(ref));
  }

  /** Stores a file as an upload would. */
  put(ref: ImportFileRef, content: string | Buffer): void {
    this.files.set(keyOf(ref), Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8'));
  }
}

function keyOf(ref: ImportFileRef): string {
  return `${ref.tenantId}:${ref.importId}`;
}

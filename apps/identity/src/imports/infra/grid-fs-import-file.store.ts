import { once } from 'node:events';
import { Inject, Injectable } from '@nestjs/common';
import { mongo, type Connection } from 'mongoose';
import { MONGO_CONNECTION } from '@lms/service-kit';
import type { ImportFileRef, ImportFileStore, ImportFileUpload } from '../ports/import-file.store';

/** The GridFS bucket of import files: `import_files.files` and `import_files.chunks`. */
const BUCKET = 'import_files';

/**
 * Import files in GridFS, under the import's id: written as they are uploaded and read as
 * they are parsed, in chunks of 255 kB, so that no file is ever held whole in memory.
 */
@Injectable()
export class GridFsImportFileStore implements ImportFileStore {
  constructor(@Inject(MONGO_CONNECTION) private readonly connection: Connection) {}

  private bucket(): mongo.GridFSBucket {
    return new mongo.GridFSBucket(this.connection.db as mongo.Db, { bucketName: BUCKET });
  }

  create(ref: ImportFileRef, fileName: string | null): ImportFileUpload {
    const upload = this.bucket().openUploadStreamWithId(
      ref.importId as never,
      fileName ?? `${ref.importId}.csv`,
      {
        metadata: { tenantId: ref.tenantId },
      },
    );
    let failure: Error | null = null;
    upload.on('error', (error: Error) => (failure = error));
    return {
      async write(part) {
        if (failure) throw failure;
        if (!upload.write(part)) await once(upload, 'drain');
      },
      async finish() {
        if (failure) throw failure;
        upload.end();
        await once(upload, 'finish');
      },
      async abort() {
        await upload.abort().catch(() => undefined);
      },
    };
  }

  async *open(ref: ImportFileRef): AsyncIterable<Uint8Array> {
    const file = await this.bucket()
      .find({ _id: ref.importId as never })
      .next();
    if (!file || (file.metadata as { tenantId?: string } | undefined)?.tenantId !== ref.tenantId)
      throw new Error(`No file for import ${ref.importId}`);
    yield* this.bucket().openDownloadStream(ref.importId as never) as AsyncIterable<Uint8Array>;
  }

  async remove(ref: ImportFileRef): Promise<void> {
    await this.bucket()
      .delete(ref.importId as never)
      .catch(() => undefined);
  }
}

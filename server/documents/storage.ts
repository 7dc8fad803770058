import type { Readable } from 'node:stream'
import mongoose, { isValidObjectId, type Connection } from 'mongoose'
import { DOCUMENT_TYPES, type DocumentKind } from '../../shared/protocol/documents'
import { AppError } from '../platform/errors'
import { describeHead, HEAD_BYTES, sniffHead, zipOfficeKind, type HeadKind } from './sniff'

/**
 * How much of the end of an upload is kept in memory for the ZIP check: the central directory and
 * its end record. A real DOCX/XLSX directory is a few KiB; 1 MiB leaves ample room.
 */
const ZIP_KEEP_BYTES = 1024 * 1024

type ObjectId = mongoose.mongo.ObjectId
type UploadStream = mongoose.mongo.GridFSBucketWriteStream

/** Too large: answered with HTTP 413 (code VALIDATION) instead of the usual 400. */
export class TooLargeError extends AppError {
  constructor(maxBytes: number) {
    super('VALIDATION', 'document_too_large', { maxBytes })
  }
}

/** The client went away before the whole file arrived; nobody is left to answer. */
export class UploadAbortedError extends Error {}

export interface StoredFile {
  id: ObjectId
  kind: DocumentKind
  size: number
}

export interface UploadMeta {
  cycleId: string
  cardId: string
  step: number
  userId: string
}

/** Resolves once the write stream has taken (and, for a full chunk, stored) `chunk`. */
function write(stream: UploadStream, chunk: Buffer): Promise<void> {
  return new Promise((resolve, reject) => stream.write(chunk, (err) => (err ? reject(err) : resolve())))
}

function end(stream: UploadStream): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.once('error', reject)
    stream.end(() => resolve())
  })
}

/**
 * GridFS bucket "documents" (documents.files, documents.chunks). Works unchanged on FerretDB v1:
 * it needs nothing but inserts, finds, deletes and the unique index on chunks {files_id, n}.
 */
export function createDocumentStorage(db: Connection) {
  const conn = db.db
  if (!conn) throw new Error('the database connection is not open')
  const bucket = new mongoose.mongo.GridFSBucket(conn, { bucketName: 'documents' })
  const files = conn.collection('documents.files')
  const chunks = conn.collection('documents.chunks')

  return {
    /** The indexes GridFS would create lazily on the first upload, made at start instead. */
    async init() {
      await chunks.createIndex({ files_id: 1, n: 1 }, { unique: true })
      await files.createIndex({ filename: 1, uploadDate: 1 })
    },

    /**
     * Streams `body` into GridFS while checking it, and returns the stored file only when it is
     * complete and of an allowed type. On ANY failure (a refused type, too large, the client gone,
     * a database error) whatever was written is deleted before the error is rethrown. Nothing is
     * written before the first bytes have shown an allowed type. Each chunk is awaited until the
     * driver has taken it, so no insert is still in flight when the cleanup runs.
     */
    async store(body: Readable, name: string, meta: UploadMeta, maxBytes: number, isComplete: () => boolean): Promise<StoredFile> {
      let head = Buffer.alloc(0)
      let headKind: HeadKind | undefined
      let tail: Buffer[] = []
      let tailBytes = 0
      let size = 0
      let upload: UploadStream | undefined

      const open = (kind: HeadKind) => {
        // The type recorded with the file is filled in on the card; GridFS keeps the ids for audits.
        upload = bucket.openUploadStream(name, { metadata: { ...meta, sniffed: kind } })
        // Errors are taken from the write/end callbacks; this keeps a late one from being unhandled.
        upload.on('error', () => undefined)
        return upload
      }

      const decideHead = (): HeadKind => {
        const kind = sniffHead(head)
        if (!kind) throw new AppError('VALIDATION', 'document_type', { detected: describeHead(head) })
        headKind = kind
        return kind
      }

      try {
        // Keep the request on error: the refusal is answered and the rest of the body discarded.
        for await (const data of body.iterator({ destroyOnReturn: false })) {
          const chunk = data as Buffer
          size += chunk.length
          if (size > maxBytes) throw new TooLargeError(maxBytes)
          tail.push(chunk)
          tailBytes += chunk.length
          while (tail.length > 1 && tailBytes - (tail[0]?.length ?? 0) >= ZIP_KEEP_BYTES) tailBytes -= tail.shift()?.length ?? 0
          if (headKind === undefined) {
            head = Buffer.concat([head, chunk])
            if (head.length < HEAD_BYTES) continue
            await write(open(decideHead()), head)
            continue
          }
          await write(upload as UploadStream, chunk)
        }
        if (!isComplete()) throw new UploadAbortedError('the upload ended before its last byte')
        if (headKind === undefined) await write(open(decideHead()), head)
        let kind: DocumentKind
        if (headKind === 'zip') {
          const verdict = zipOfficeKind(Buffer.concat(tail), size)
          if (!verdict.ok) throw new AppError('VALIDATION', verdict.reason)
          kind = verdict.kind
        } else {
          kind = headKind as Exclude<HeadKind, 'zip'>
        }
        const stream = upload as UploadStream
        await end(stream)
        return { id: stream.id, kind, size }
      } catch (err) {
        if (upload) await this.discard(upload)
        throw err
      } finally {
        tail = []
      }
    },

    /**
     * Deletes a half-written or just finished upload. `abort()` removes the chunks written so far;
     * a stream that failed while ending may or may not have written its files document, so both
     * collections are swept by id as well (idempotent).
     */
    async discard(upload: UploadStream) {
      await upload.abort().catch(() => undefined)
      upload.destroy()
      await this.remove(upload.id)
    },

    async remove(id: string | ObjectId) {
      const oid = typeof id === 'string' ? new mongoose.mongo.ObjectId(id) : id
      await Promise.all([chunks.deleteMany({ files_id: { $eq: oid } }), files.deleteOne({ _id: { $eq: oid } })])
    },

    /** The file's GridFS metadata, or null for an unknown or malformed id. */
    async find(id: string) {
      if (!isValidObjectId(id) || !/^[0-9a-f]{24}$/i.test(id)) return null
      const [file] = await bucket.find({ _id: { $eq: new mongoose.mongo.ObjectId(id) } }).limit(1).toArray()
      return file ?? null
    },

    openDownload(id: ObjectId) {
      return bucket.openDownloadStream(id)
    },

    mimeOf(kind: DocumentKind): string {
      return DOCUMENT_TYPES[kind].mime
    },
  }
}
export type DocumentStorage = ReturnType<typeof createDocumentStorage>

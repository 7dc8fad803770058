import type { Readable } from 'node:stream'
import type { Connection } from 'mongoose'
import { createRepositories } from '../app'
import type { Clock } from '../platform/clock'
import { displayModel } from '../displays/model'
import { createDocumentStorage } from '../documents/storage'
import { APP_COLLECTIONS, inspectArchive, readArchive, type ArchiveHeader, type Counts, type Document } from './archive'

/** Refused: the target database already holds data (and --force was not given). */
export class NotEmptyError extends Error {
  constructor(readonly collections: Counts) {
    super(
      `The database is not empty (${Object.entries(collections)
        .map(([name, n]) => `${name}: ${n}`)
        .join(', ')}). Restore only into an empty database, or pass --force to drop the app's collections first.`,
    )
  }
}

export interface RestoreReport {
  header: ArchiveHeader
  /** Per collection: documents in the archive and documents in the database afterwards. */
  collections: { name: string; archived: number; restored: number }[]
  dropped: string[]
}

const BATCH_DOCS = 500
// Well under MongoDB's 48 MB message limit; GridFS chunks are ~340 KB each in Extended JSON.
const BATCH_CHARS = 8 * 1024 * 1024

/**
 * Loads an archive into the database behind `conn`. `open` is called twice: the whole archive is
 * checked first, so a damaged file is refused before anything (with `force`: the old data) is
 * touched. The target must be empty unless `force`, which drops the app's collections first. The
 * app's indexes (unique usernames, cycle periods, GridFS chunks) are built before the first insert,
 * so the restored data is checked against them as it goes in.
 */
export async function restoreArchive(
  conn: Connection,
  open: () => Readable,
  opts: { force?: boolean; clock: Clock },
): Promise<RestoreReport> {
  const db = conn.db
  if (!db) throw new Error('the database connection is not open')
  const { header, counts } = await inspectArchive(open())

  const targets = [...new Set([...APP_COLLECTIONS, ...header.collections])]
  const existing = new Set((await db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name))
  const present = targets.filter((name) => existing.has(name))
  const occupied: Counts = {}
  for (const name of present) {
    const n = await db.collection(name).countDocuments({})
    if (n > 0) occupied[name] = n
  }
  const dropped: string[] = []
  if (Object.keys(occupied).length > 0) {
    if (!opts.force) throw new NotEmptyError(occupied)
    for (const name of present) {
      await db.collection(name).drop()
      dropped.push(name)
    }
  }

  await createIndexes(conn, opts.clock)

  let batch: Document[] = []
  let batchCollection = ''
  let batchChars = 0
  const flush = async () => {
    if (batch.length) await db.collection(batchCollection).insertMany(batch, { ordered: true })
    batch = []
    batchChars = 0
  }
  for await (const item of readArchive(open())) {
    if (item.kind !== 'doc') continue
    if (item.collection !== batchCollection || batch.length >= BATCH_DOCS || batchChars + item.size > BATCH_CHARS) {
      await flush()
      batchCollection = item.collection
    }
    batch.push(item.doc)
    batchChars += item.size
  }
  await flush()

  const collections: RestoreReport['collections'] = []
  for (const name of header.collections) {
    collections.push({ name, archived: counts[name] ?? 0, restored: await db.collection(name).countDocuments({}) })
  }
  const wrong = collections.filter((c) => c.archived !== c.restored)
  if (wrong.length) {
    throw new Error(`restore incomplete: ${wrong.map((c) => `${c.name} ${c.restored}/${c.archived}`).join(', ')}`)
  }
  return { header, collections, dropped }
}

/** The indexes the server builds at start, built before the data goes in. */
async function createIndexes(conn: Connection, clock: Clock): Promise<void> {
  await createRepositories(conn, clock)
  await displayModel(conn).init()
  await createDocumentStorage(conn).init()
}

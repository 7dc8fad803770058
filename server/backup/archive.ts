import { readFileSync } from 'node:fs'
import { Readable, type Writable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { createGunzip, createGzip } from 'node:zlib'
import { StringDecoder } from 'node:string_decoder'
import mongoose from 'mongoose'
import { BOARD_CARDS, BOARD_STAMPS } from '../cards/boardCache'

/**
 * The backup archive: ONE gzip'd file of newline-delimited JSON.
 *
 *   line 1      {"format":"papan-sop-backup","version":1,"createdAt":…,"app":{…},"collections":[…]}
 *   then        {"collection":"cards","doc":{…}}   one line per document, in MongoDB Extended JSON
 *               (canonical mode), so ObjectId, Date, Binary, Int32/Int64/Double survive exactly
 *   last line   {"end":{"counts":{"cards":4,…}}}
 *
 * The counts sit in a trailer, not in the header, because a backup of a running server only knows
 * them once it has read everything; a file without the trailer is a truncated one and is refused.
 */

const EJSON = mongoose.mongo.BSON.EJSON
type Db = mongoose.mongo.Db
export type Document = mongoose.mongo.BSON.Document

export const ARCHIVE_FORMAT = 'papan-sop-backup'
/**
 * 2 added the card ledger (`card_events`). A version 1 archive (cards that hold their own history)
 * is restored as it is, and the server migrates its cards into the ledger when it starts.
 */
export const ARCHIVE_VERSION = 2
const READABLE_VERSIONS = new Set([1, 2])

/**
 * The order collections are read in. Every cycle a card names is read before the cards; the GridFS
 * files after the cards (a card lists a document only once the file is complete, so every listed
 * document is in the archive) and the chunks after the files (a files document is written after its
 * last chunk). Collections not named here (a later version's) follow alphabetically.
 */
export const COLLECTION_ORDER = [
  'meta',
  'users',
  'calendars',
  'templates',
  'cycles',
  'cards',
  // After the cards: an event read after its card's document is at worst one the projection had
  // not caught up with (repaired at start); read before it, the document could be ahead of its chain.
  'card_events',
  'notifications',
  'timer_events',
  'displays',
  'documents.files',
  'documents.chunks',
] as const

/**
 * Sessions are not backed up: they are transient, and a restored server should not honour
 * logins from before the backup (everyone signs in again). Nor are the board stamps: they tell
 * running nodes of each other's writes (server/cards/boardCache.ts), and a restored database has
 * no running node yet. Nor the boards' card lists: they are made again from the cards. A restore
 * with --force drops all three.
 */
const SKIPPED = new Set(['sessions', BOARD_STAMPS, BOARD_CARDS])

/** Every collection the app owns: what a restore checks for emptiness and --force drops. */
export const APP_COLLECTIONS = [...COLLECTION_ORDER, ...SKIPPED]

export interface ArchiveHeader {
  format: typeof ARCHIVE_FORMAT
  version: number
  createdAt: string
  app: { name: string; version: string }
  database: { name: string }
  collections: string[]
}

export type Counts = Record<string, number>

export interface ArchiveSummary {
  header: ArchiveHeader
  counts: Counts
  bytes?: number
}

export class ArchiveError extends Error {}

function appInfo(): { name: string; version: string } {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { name: string; version: string }
  return { name: pkg.name, version: pkg.version }
}

function ordered(names: string[]): string[] {
  const known: readonly string[] = COLLECTION_ORDER
  const rank = (name: string) => (known.includes(name) ? known.indexOf(name) : known.length)
  return names
    .filter((name) => !name.startsWith('system.') && !SKIPPED.has(name))
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
}

/** Header and end marker are plain JSON; documents are canonical Extended JSON. */
function line(value: unknown): string {
  return JSON.stringify(value) + '\n'
}

function docLine(collection: string, doc: Document): string {
  return `{"collection":${JSON.stringify(collection)},"doc":${EJSON.stringify(doc, { relaxed: false })}}\n`
}

/**
 * The archive's lines, read from `db` collection by collection in COLLECTION_ORDER. Each document is
 * read atomically; writes made while this runs may or may not be included (see the README).
 * `counts` is filled in as it goes.
 */
async function* archiveLines(db: Db, counts: Counts): AsyncGenerator<string> {
  const collections = ordered((await db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name))
  const header: ArchiveHeader = {
    format: ARCHIVE_FORMAT,
    version: ARCHIVE_VERSION,
    createdAt: new Date().toISOString(),
    app: appInfo(),
    database: { name: db.databaseName },
    collections,
  }
  yield line(header)
  for (const name of collections) {
    counts[name] = 0
    // promoteValues/promoteLongs off: numbers keep their BSON type (Int32, Int64, Double) on the
    // way out instead of all becoming JS numbers. No sort: FerretDB would sort the chunks in memory.
    const cursor = db.collection(name).find({}, { promoteValues: false, promoteLongs: false, batchSize: 100 })
    // A plain scan could in principle meet a document twice; the _id decides.
    const seen = new Set<string>()
    for await (const doc of cursor) {
      const id = EJSON.stringify(doc._id, { relaxed: false })
      if (seen.has(id)) continue
      seen.add(id)
      counts[name]++
      yield docLine(name, doc)
    }
  }
  yield line({ end: { counts } })
}

/** Writes a gzip'd archive of `db` to `out` (a file, an HTTP response) and returns what it wrote. */
export async function writeArchive(db: Db, out: Writable): Promise<Counts> {
  const counts: Counts = {}
  await pipeline(Readable.from(archiveLines(db, counts)), createGzip(), out)
  return counts
}

type ArchiveLine =
  | { kind: 'header'; header: ArchiveHeader }
  | { kind: 'doc'; collection: string; doc: Document; size: number }
  | { kind: 'end'; counts: Counts }

/**
 * The lines of a byte stream. Not node:readline: it does not pass on the stream's errors, and a
 * cut-off gzip must fail the read, not crash the process.
 */
async function* linesOf(stream: Readable): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8')
  // Pieces of the unfinished line; only new text is searched, so a long line costs linear time.
  let pieces: string[] = []
  for await (const chunk of stream) {
    let text = decoder.write(chunk as Buffer)
    let at: number
    while ((at = text.indexOf('\n')) >= 0) {
      pieces.push(text.slice(0, at))
      yield pieces.join('')
      pieces = []
      text = text.slice(at + 1)
    }
    if (text) pieces.push(text)
  }
  pieces.push(decoder.end())
  const last = pieces.join('')
  if (last) yield last
}

/** Parses an archive; throws ArchiveError on anything that is not a complete, well-formed one. */
export async function* readArchive(input: Readable): AsyncGenerator<ArchiveLine> {
  const gunzip = createGunzip()
  input.on('error', (err) => gunzip.destroy(err))
  input.pipe(gunzip)
  let n = 0
  let header: ArchiveHeader | undefined
  let ended = false
  try {
    for await (const text of linesOf(gunzip)) {
      n++
      if (ended) throw new ArchiveError(`line ${n}: data after the end marker`)
      if (!text) continue
      let value: Record<string, unknown>
      try {
        value = JSON.parse(text) as Record<string, unknown>
      } catch (err) {
        throw new ArchiveError(`line ${n}: not JSON (${(err as Error).message})`)
      }
      if (!header) {
        if (value.format !== ARCHIVE_FORMAT) throw new ArchiveError('not a Papan SOP backup (unknown header)')
        if (!READABLE_VERSIONS.has(value.version as number)) throw new ArchiveError(`unsupported backup version ${String(value.version)}`)
        header = value as unknown as ArchiveHeader
        yield { kind: 'header', header }
      } else if ('end' in value) {
        ended = true
        yield { kind: 'end', counts: (value.end as { counts: Counts }).counts }
      } else if (typeof value.collection === 'string' && header.collections.includes(value.collection) && value.doc && typeof value.doc === 'object') {
        let doc: Document
        try {
          // relaxed: false keeps Int32/Double/Long wrappers, so an insert writes the original types.
          doc = EJSON.deserialize(value.doc as Document, { relaxed: false }) as Document
        } catch (err) {
          throw new ArchiveError(`line ${n}: not Extended JSON (${(err as Error).message})`)
        }
        yield { kind: 'doc', collection: value.collection, doc, size: text.length }
      } else {
        throw new ArchiveError(`line ${n}: not a document of a listed collection`)
      }
    }
  } catch (err) {
    if (err instanceof ArchiveError) throw err
    // zlib: "unexpected end of file" for a cut-off download, "incorrect header check" for non-gzip.
    throw new ArchiveError(`unreadable archive: ${(err as Error).message}`)
  }
  if (!header) throw new ArchiveError('empty archive')
  if (!ended) throw new ArchiveError('the archive is incomplete (no end marker): the backup was interrupted')
}

/** Reads the whole archive and checks the trailer's counts against the documents actually in it. */
export async function inspectArchive(input: Readable): Promise<ArchiveSummary> {
  let header: ArchiveHeader | undefined
  const seen: Counts = {}
  let trailer: Counts | undefined
  for await (const item of readArchive(input)) {
    if (item.kind === 'header') {
      header = item.header
      for (const name of header.collections) seen[name] = 0
    } else if (item.kind === 'doc') seen[item.collection] = (seen[item.collection] ?? 0) + 1
    else trailer = item.counts
  }
  if (!header || !trailer) throw new ArchiveError('incomplete archive')
  for (const name of header.collections) {
    if (trailer[name] !== seen[name]) {
      throw new ArchiveError(`${name}: the archive says ${String(trailer[name])} documents but holds ${String(seen[name])}`)
    }
  }
  return { header, counts: trailer }
}

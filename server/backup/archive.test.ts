import { Readable, Writable } from 'node:stream'
import { gzipSync } from 'node:zlib'
import mongoose from 'mongoose'
import { describe, expect, it } from 'vitest'
import { ArchiveError, inspectArchive, readArchive, writeArchive, type Document } from './archive'

const { BSON } = mongoose.mongo
const { Binary, Decimal128, Double, Int32, Long, ObjectId, BSONRegExp, Timestamp } = BSON

/** Just enough of a driver Db for writeArchive: named collections that yield the given documents. */
function fakeDb(collections: Record<string, Document[]>) {
  return {
    databaseName: 'fake',
    listCollections: () => ({ toArray: async () => Object.keys(collections).map((name) => ({ name })) }),
    collection: (name: string) => ({
      find: () =>
        (async function* () {
          yield* collections[name] ?? []
        })(),
    }),
  } as unknown as mongoose.mongo.Db
}

async function archiveOf(collections: Record<string, Document[]>): Promise<Buffer> {
  const parts: Buffer[] = []
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      parts.push(chunk)
      done()
    },
  })
  await writeArchive(fakeDb(collections), sink)
  return Buffer.concat(parts)
}

async function docsOf(archive: Buffer): Promise<{ collection: string; doc: Document }[]> {
  const out: { collection: string; doc: Document }[] = []
  for await (const item of readArchive(Readable.from([archive]))) if (item.kind === 'doc') out.push(item)
  return out
}

const bytes = Buffer.from(Array.from({ length: 256 }, (_, i) => i))
const TRICKY: Document = {
  _id: new ObjectId('65a1b2c3d4e5f60718293a4b'),
  at: new Date('2026-03-31T23:59:59.999Z'),
  before1970: new Date(-86_400_000 * 365.25 * 30),
  data: new Binary(bytes),
  uuid: new Binary(Buffer.from('0123456789abcdef0123456789abcdef', 'hex'), Binary.SUBTYPE_UUID),
  nested: [[1, [2, [3, []]]], { a: [{ b: null, c: [new ObjectId('65a1b2c3d4e5f60718293a4c'), new Date(0)] }] }],
  int: new Int32(7),
  wholeDouble: new Double(1),
  negZero: new Double(-0),
  nan: Number.NaN,
  inf: Number.NEGATIVE_INFINITY,
  long: Long.fromString('9007199254740993'),
  decimal: Decimal128.fromString('1234567890.123456789'),
  regex: new BSONRegExp('^kabid\\.', 'i'),
  ts: new Timestamp({ t: 1_700_000_000, i: 3 }),
  text: 'Catatan: "kutip", baris\nbaru, \u2028 pemisah, emoji 📄, <script>alert(1)</script>',
  empty: { inner: {} },
}

describe('the archive format', () => {
  it('gives back every tricky value byte for byte (BSON in = BSON out)', async () => {
    const chunk = { _id: new ObjectId(), files_id: new ObjectId(), n: 0, data: new Binary(Buffer.alloc(255 * 1024, 0xab)) }
    const archive = await archiveOf({ cards: [TRICKY], 'documents.chunks': [chunk] })
    const docs = await docsOf(archive)
    expect(docs.map((d) => d.collection)).toEqual(['cards', 'documents.chunks'])
    expect(Buffer.from(BSON.serialize(docs[0]!.doc)).equals(Buffer.from(BSON.serialize(TRICKY)))).toBe(true)
    expect(Buffer.from(BSON.serialize(docs[1]!.doc)).equals(Buffer.from(BSON.serialize(chunk)))).toBe(true)
  })

  it('orders collections so that what a document refers to is read after it, and skips sessions', async () => {
    const archive = await archiveOf({
      'documents.chunks': [],
      zeta: [],
      sessions: [{ _id: 'x' }],
      'documents.files': [],
      cards: [],
      cycles: [],
      users: [],
      'system.views': [],
    })
    const summary = await inspectArchive(Readable.from([archive]))
    expect(summary.header.collections).toEqual(['users', 'cycles', 'cards', 'documents.files', 'documents.chunks', 'zeta'])
    expect(summary.header).toMatchObject({ format: 'papan-sop-backup', version: 2, app: { name: 'papan-sop' } })
  })

  it('counts each _id once even if a scan meets a document twice', async () => {
    const user = { _id: new ObjectId(), username: 'a' }
    const summary = await inspectArchive(Readable.from([await archiveOf({ users: [user, user] })]))
    expect(summary.counts).toEqual({ users: 1 })
  })

  it('refuses a cut-off archive, one without its end marker, a count that does not match, and a stranger', async () => {
    const archive = await archiveOf({ users: [{ _id: 1 }, { _id: 2 }] })
    await expect(inspectArchive(Readable.from([archive.subarray(0, archive.length - 12)]))).rejects.toThrow(ArchiveError)

    const header = '{"format":"papan-sop-backup","version":1,"createdAt":"x","app":{"name":"p","version":"0"},"database":{"name":"d"},"collections":["users"]}'
    const doc = '{"collection":"users","doc":{"_id":{"$numberInt":"1"}}}'
    const gz = (...lines: string[]) => Readable.from([gzipSync(lines.join('\n') + '\n')])
    await expect(inspectArchive(gz(header, doc))).rejects.toThrow(/incomplete/)
    await expect(inspectArchive(gz(header, doc, '{"end":{"counts":{"users":2}}}'))).rejects.toThrow(/says 2 documents but holds 1/)
    await expect(inspectArchive(gz(header, '{"collection":"other","doc":{}}', '{"end":{"counts":{}}}'))).rejects.toThrow(/listed collection/)
    await expect(inspectArchive(gz('{"hello":1}'))).rejects.toThrow(/not a Papan SOP backup/)
    await expect(inspectArchive(Readable.from([Buffer.from('plain text')]))).rejects.toThrow(/unreadable/)
    expect((await inspectArchive(gz(header, doc, '{"end":{"counts":{"users":1}}}'))).counts).toEqual({ users: 1 })
  })
})

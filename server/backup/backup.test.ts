import { createReadStream } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { Readable } from 'node:stream'
import mongoose from 'mongoose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CardDetail, CardDto } from '../../shared/protocol/board'
import type { CycleDto } from '../../shared/protocol/cycles'
import type { DocumentDto } from '../../shared/protocol/documents'
import { DEFAULT_CALENDAR } from '../../shared/time/calendar'
import { connectDb } from '../platform/db/connect'
import { type Board, api, createCycle, createUser, detailOf, login, opId, sendOk, unpacked, setupAdmin, useHarness, type TestServer, type TestUser } from '../test/harness'
import { COLLECTION_ORDER, inspectArchive, writeArchive } from './archive'
import { downloadBackup } from './remote'
import { NotEmptyError, restoreArchive } from './restore'

const h = useHarness()
const TOKEN = 'cadangan-malam-' + 'x'.repeat(24)
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1')
// Larger than one GridFS chunk (255 KiB), so a file of several chunks is restored too.
const BIG_PDF = Buffer.concat([PDF, Buffer.from(Array.from({ length: 600_000 }, (_, i) => (i * 31) % 253))])

let dir: string
let source: TestServer
let admin: TestUser
let sekretaris: TestUser
let kabid: TestUser
let cycle: CycleDto
let documents: DocumentDto[] = []
let before: FullBoard
let archiveFile: string

/** The board and every card's detail (history, notes, visits, documents), as the card panel loads it. */
interface FullBoard extends Board {
  details: CardDetail[]
}

async function board(server: TestServer, user: TestUser, cycleId: string): Promise<FullBoard> {
  const socket = await h.connect(server, user.cookie)
  const snapshot = unpacked(await sendOk(socket, 'board:join', { cycleId }))
  return { ...snapshot, details: await Promise.all(snapshot.cards.map((c) => detailOf(socket, c.id))) }
}

async function upload(server: TestServer, user: TestUser, cardId: string, bytes: Buffer, name: string): Promise<DocumentDto> {
  const res = await fetch(`${server.url}/api/cards/${cardId}/documents?name=${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: { cookie: user.cookie, 'content-type': 'application/pdf', origin: server.url },
    body: bytes,
  })
  const body = (await res.json()) as { document: DocumentDto }
  if (res.status !== 201) throw new Error(`upload: HTTP ${res.status} ${JSON.stringify(body)}`)
  return body.document
}

async function download(server: TestServer, user: TestUser, id: string): Promise<Buffer> {
  const res = await fetch(`${server.url}/api/documents/${id}`, { headers: { cookie: user.cookie } })
  expect(res.status).toBe(200)
  return Buffer.from(await res.arrayBuffer())
}

async function eventually<T>(read: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 4000): Promise<T> {
  const until = Date.now() + timeoutMs
  for (;;) {
    const value = await read()
    if (ok(value) || Date.now() > until) return value
    await new Promise((r) => setTimeout(r, 50))
  }
}

/** What must survive a backup and restore: everything on the board except who is watching now. */
function comparable(snapshot: Board) {
  const { viewers: _viewers, serverTime: _serverTime, ...rest } = snapshot
  return rest
}

function cardOf(snapshot: Board, unitId: string): CardDto {
  const card = snapshot.cards.find((c) => c.unit?.id === unitId)
  if (!card) throw new Error(`no card for ${unitId}`)
  return card
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'papan-backup-'))
  archiveFile = path.join(dir, 'cadangan.ndjson.gz')

  // ---- a scripted cycle on the source server ----
  source = await h.startServer({ deps: { backupToken: TOKEN } })
  admin = await setupAdmin(source, { name: 'Admin Utama', password: 'sandi-utama-123' })
  sekretaris = await createUser(source, admin, { name: 'Sari Sekretaris', username: 'sari', role: 'sekretaris', password: 'sandi-sekretaris-456' })
  kabid = await createUser(source, admin, { name: 'Budi Kabid', username: 'budi', role: 'kepala_bidang', unitId: 'ppik' })
  cycle = await createCycle(source, admin)

  const s = await h.connect(source, sekretaris.cookie)
  const a = await h.connect(source, admin.cookie)
  const start = unpacked(await sendOk(s, 'board:join', { cycleId: cycle.id }))
  await sendOk(a, 'board:join', { cycleId: cycle.id })
  let ppik = cardOf(start, 'ppik')
  ppik = await sendOk(s, 'card:move', { opId: opId(), cardId: ppik.id, version: ppik.version, to: { step: 2, lane: 'kepala_bidang' } })
  await sendOk(s, 'card:note', { opId: opId(), cardId: ppik.id, text: 'Laporan PPIK sudah diterima <b>lengkap</b>.' })
  // The administrator jumps it to verification (an override, with its reason), the Sekretaris returns it.
  ppik = await sendOk(a, 'card:move', { opId: opId(), cardId: ppik.id, version: ppik.version, to: { step: 11, lane: 'sekretaris' }, note: 'Percepatan uji cadangan.' })
  ppik = await sendOk(s, 'card:move', { opId: opId(), cardId: ppik.id, version: ppik.version, to: { step: 10, lane: 'kasubag_program' }, note: 'Capaian IKU belum sesuai Renja.' })
  expect(ppik).toMatchObject({ step: 10, rounds: 1 })
  let psdm = cardOf(start, 'psdm')
  psdm = await sendOk(s, 'card:move', { opId: opId(), cardId: psdm.id, version: psdm.version, to: { step: 2, lane: 'kepala_bidang' } })

  documents = [await upload(source, admin, ppik.id, PDF, 'Laporan TW I.pdf'), await upload(source, admin, ppik.id, BIG_PDF, 'Lampiran besar.pdf')]

  const calendar = await api(source, 'PUT', '/api/calendar', {
    cookie: admin.cookie,
    body: { ...DEFAULT_CALENDAR, holidays: [...DEFAULT_CALENDAR.holidays, { date: '2030-02-12', name: 'Libur daerah (uji)', kind: 'lokal', source: 'uji' }] },
  })
  expect(calendar.status).toBe(200)

  // Arrivals notify the lane's people; the notifier works in the background.
  const notes = await eventually(
    () => api<{ notifications: unknown[] }>(source, 'GET', '/api/notifications', { cookie: sekretaris.cookie }),
    (r) => r.body.notifications.length > 0,
  )
  expect(notes.body.notifications.length).toBeGreaterThan(0)

  before = await board(source, sekretaris, cycle.id)
})

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true })
})

describe('backup through the running server', () => {
  it('GET /api/admin/backup: only an administrator or the BACKUP_TOKEN', async () => {
    const anonymous = await fetch(`${source.url}/api/admin/backup`)
    expect(anonymous.status).toBe(401)
    const notAdmin = await fetch(`${source.url}/api/admin/backup`, { headers: { cookie: sekretaris.cookie } })
    expect(notAdmin.status).toBe(403)
    const wrongToken = await fetch(`${source.url}/api/admin/backup`, { headers: { authorization: `Bearer ${TOKEN}x` } })
    expect(wrongToken.status).toBe(401)

    const asAdmin = await fetch(`${source.url}/api/admin/backup`, { headers: { cookie: admin.cookie } })
    expect(asAdmin.status).toBe(200)
    expect(asAdmin.headers.get('content-type')).toBe('application/gzip')
    expect(asAdmin.headers.get('content-disposition')).toMatch(/^attachment; filename="papan-backup-.*\.ndjson\.gz"$/)
    const summary = await inspectArchive(Readable.from([Buffer.from(await asAdmin.arrayBuffer())]))
    expect(summary.counts).toMatchObject({ users: 3, cycles: 1, cards: 4 })
  })

  it('writes an archive of every collection the app uses, without sessions', async () => {
    await downloadBackup(source.url, TOKEN, archiveFile)
    const { header, counts } = await inspectArchive(createReadStream(archiveFile))
    // Fixed order, whatever order the database lists them in; empty ones (displays) are kept too.
    expect(header.collections).toEqual(COLLECTION_ORDER.filter((c) => header.collections.includes(c)))
    expect(header.collections).toEqual(expect.arrayContaining(['meta', 'users', 'calendars', 'templates', 'cycles', 'cards', 'card_events', 'notifications', 'displays', 'documents.files', 'documents.chunks']))
    expect(header.collections).not.toContain('sessions')
    // meta: the setup marker, the key of the known-browser cookies (server/auth/knownBrowsers.ts)
    // the marks that every card is in the ledger and that no card document holds its lists
    // (server/ledger/migrate.ts), and that the notifications are numbered (server/notifications/migrate.ts).
    expect(counts).toMatchObject({ meta: 5, users: 3, calendars: 1, templates: 1, cycles: 1, cards: 4, 'documents.files': 2 })
    // 1 chunk for the small PDF, 3 for the 600 KB one.
    expect(counts['documents.chunks']).toBe(4)
    expect(counts.notifications).toBeGreaterThan(0)
  })
})

describe('restore', () => {
  it('into an empty database gives back the same boards, histories, logins and document bytes', async () => {
    const restoredDb = `${source.dbName}_restored`
    const conn = await connectDb(h.uriOf(restoredDb))
    try {
      const report = await restoreArchive(conn, () => createReadStream(archiveFile), { clock: () => new Date() })
      expect(report.dropped).toEqual([])
      for (const c of report.collections) expect(c.restored, c.name).toBe(c.archived)
      // The unique indexes are back (a second admin username is refused by the index, not just the code).
      const indexes = await conn.collection('users').indexes()
      expect(indexes.some((i) => i.unique && i.key.username === 1)).toBe(true)
      const chunkIndexes = await conn.collection('documents.chunks').indexes()
      expect(chunkIndexes.some((i) => i.unique && i.key.files_id === 1 && i.key.n === 1)).toBe(true)
    } finally {
      await conn.close()
    }

    const restored = await h.startServer({ dbName: restoredDb })
    // Passwords (their hashes) came along; sessions did not.
    expect((await api(restored, 'GET', '/api/auth/me', { cookie: sekretaris.cookie })).status).toBe(401)
    const sari = { ...sekretaris, cookie: await login(restored, 'sari', 'sandi-sekretaris-456') }
    const boss = { ...admin, cookie: await login(restored, 'admin', 'sandi-utama-123') }
    await login(restored, 'budi', kabid.password)
    expect((await api(restored, 'POST', '/api/auth/login', { body: { username: 'sari', password: 'salah-sandi-000' } })).status).toBe(401)

    const after = await board(restored, sari, cycle.id)
    expect(comparable(after)).toEqual(comparable(before))
    const ppikId = cardOf(after, 'ppik').id
    const ppik = after.details.find((d) => d.cardId === ppikId)!
    expect(ppik.history.map((e) => e.kind)).toEqual(['create', 'advance', 'override', 'return'])
    expect(ppik.notes.map((n) => n.text)).toEqual(['Laporan PPIK sudah diterima <b>lengkap</b>.'])
    expect(ppik.documents.map((d) => d.name)).toEqual(['Laporan TW I.pdf', 'Lampiran besar.pdf'])
    expect(after.calendar.holidays.some((d) => d.date === '2030-02-12')).toBe(true)

    expect((await download(restored, boss, documents[0]!.id)).equals(PDF)).toBe(true)
    expect((await download(restored, sari, documents[1]!.id)).equals(BIG_PDF)).toBe(true)

    const notifications = await api<{ notifications: unknown[] }>(restored, 'GET', '/api/notifications', { cookie: sari.cookie })
    const original = await api<{ notifications: unknown[] }>(source, 'GET', '/api/notifications', { cookie: sekretaris.cookie })
    expect(notifications.body.notifications).toEqual(original.body.notifications)

    // The restored board is live: a move goes through on the restored version numbers.
    const s = await h.connect(restored, boss.cookie)
    await sendOk(s, 'board:join', { cycleId: cycle.id })
    const psdm = cardOf(after, 'psdm')
    const moved = await sendOk(s, 'card:move', { opId: opId(), cardId: psdm.id, version: psdm.version, to: { step: 3, lane: 'kasubag_program' }, note: 'Lanjut setelah pemulihan.' })
    expect(moved).toMatchObject({ step: 3, version: psdm.version + 1 })
  })

  it('refuses a database that holds data, and with force replaces it', async () => {
    const conn = await connectDb(h.uriOf(source.dbName))
    try {
      const refused = restoreArchive(conn, () => createReadStream(archiveFile), { clock: () => new Date() })
      await expect(refused).rejects.toBeInstanceOf(NotEmptyError)
      await expect(refused).rejects.toThrow(/users: 3/)
      expect(await conn.collection('users').countDocuments()).toBe(3)
    } finally {
      await conn.close()
    }

    // A database with something after the backup: --force drops it and puts the archive back.
    const target = await h.startServer()
    const other = await setupAdmin(target, { username: 'lain', password: 'sandi-cadangan-789' })
    await createCycle(target, other)
    const conn2 = await connectDb(h.uriOf(target.dbName))
    try {
      const report = await restoreArchive(conn2, () => createReadStream(archiveFile), { force: true, clock: () => new Date() })
      expect(report.dropped).toEqual(expect.arrayContaining(['users', 'cycles', 'cards', 'sessions', 'meta']))
      expect(await conn2.collection('users').countDocuments({ username: 'lain' })).toBe(0)
      expect(await conn2.collection('sessions').countDocuments()).toBe(0)
      expect(await conn2.collection('users').countDocuments()).toBe(3)
    } finally {
      await conn2.close()
    }
  })

  it('refuses a damaged archive before touching the database', async () => {
    const damaged = path.join(dir, 'rusak.ndjson.gz')
    const { readFile } = await import('node:fs/promises')
    const whole = await readFile(archiveFile)
    await writeFile(damaged, whole.subarray(0, Math.floor(whole.length / 2)))
    const name = `${source.dbName}_damaged`
    const conn = await connectDb(h.uriOf(name))
    try {
      await expect(restoreArchive(conn, () => createReadStream(damaged), { clock: () => new Date() })).rejects.toThrow(/unreadable|incomplete/)
      const collections = await conn.db!.listCollections().toArray()
      expect(collections).toEqual([])
    } finally {
      await conn.close()
    }
  })

  // FerretDB v1 refuses arrays directly inside arrays, so the nesting here goes through objects.
  it('keeps BSON types exactly through a real database (ObjectId, Date, Binary, Int32/Int64/Double, nested arrays)', async () => {
    const { BSON } = mongoose.mongo
    const name = `${source.dbName}_types`
    const conn = await connectDb(h.uriOf(name))
    const doc = {
      _id: new BSON.ObjectId(),
      at: new Date('2026-07-01T00:00:00.123Z'),
      data: new BSON.Binary(Buffer.from([0, 1, 2, 253, 254, 255])),
      int: new BSON.Int32(42),
      whole: new BSON.Double(3),
      long: BSON.Long.fromString('9007199254740993'),
      nested: [{ list: [1, 2.5, { deeper: [new Date(0), new BSON.ObjectId(), { empty: [] }] }] }, null, 'x'],
    }
    const restoredName = `${name}_restored`
    const conn2 = await connectDb(h.uriOf(restoredName))
    try {
      await conn.collection('zz_tricky').insertOne(doc)
      const file = path.join(dir, 'types.ndjson.gz')
      const { createWriteStream } = await import('node:fs')
      await writeArchive(conn.db!, createWriteStream(file))
      await restoreArchive(conn2, () => createReadStream(file), { clock: () => new Date() })
      const opts = { promoteValues: false, promoteLongs: false } as const
      const original = await conn.collection('zz_tricky').findOne({}, opts)
      const back = await conn2.collection('zz_tricky').findOne({}, opts)
      expect(Buffer.from(BSON.serialize(back!)).equals(Buffer.from(BSON.serialize(original!)))).toBe(true)
    } finally {
      await conn.close()
      await conn2.close()
    }
  })
})

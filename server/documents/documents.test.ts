import { request as httpRequest } from 'node:http'
import { crc32 } from 'node:zlib'
import { beforeAll, describe, expect, it } from 'vitest'
import type { CardDto } from '../../shared/protocol/board'
import type { CycleArchiveDto, DocumentDto } from '../../shared/protocol/documents'
import {
  type Board,
  api,
  createCycle,
  createUser,
  detailOf,
  opId,
  record,
  sendOk,
  unpacked,
  setupAdmin,
  useHarness,
  type ClientSocket,
  type TestServer,
  type TestUser,
} from '../test/harness'
import { sanitizeFileName, sniffHead, zipOfficeKind } from './sniff'

const h = useHarness()

const MAX = 1024 * 1024
let server: TestServer
let admin: TestUser
let sekretaris: TestUser
let kepalaBadan: TestUser

beforeAll(async () => {
  server = await h.startServer({ deps: { documentMaxBytes: MAX } })
  admin = await setupAdmin(server, { name: 'Admin Utama', role: 'kepala_badan' })
  ;[sekretaris, kepalaBadan] = await Promise.all([
    createUser(server, admin, { name: 'Sari Sekretaris', role: 'sekretaris' }),
    createUser(server, admin, { name: 'Bayu Kepala Badan', role: 'kepala_badan' }),
  ])
})

// ---- fixtures, built here so the tests show exactly what is sent ----

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1')
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('0000000d49484452000000010000000108060000001f15c489', 'hex'),
])
const ELF = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(400_000, 0x90)])
const TEXT = Buffer.from('Ini hanya teks biasa, bukan PDF.\n'.repeat(20))

/** A real ZIP (stored entries, no compression) with a central directory, as Office writes one. */
function zip(entries: Record<string, string | Buffer>): Buffer {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const [name, content] of Object.entries(entries)) {
    const data = typeof content === 'string' ? Buffer.from(content) : content
    const nameBuf = Buffer.from(name)
    const crc = crc32(data)
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt32LE(crc, 14)
    local.writeUInt32LE(data.length, 18)
    local.writeUInt32LE(data.length, 22)
    local.writeUInt16LE(nameBuf.length, 26)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt32LE(crc, 16)
    central.writeUInt32LE(data.length, 20)
    central.writeUInt32LE(data.length, 24)
    central.writeUInt16LE(nameBuf.length, 28)
    central.writeUInt32LE(offset, 42)
    locals.push(local, nameBuf, data)
    centrals.push(central, nameBuf)
    offset += local.length + nameBuf.length + data.length
  }
  const cd = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(Object.keys(entries).length, 8)
  end.writeUInt16LE(Object.keys(entries).length, 10)
  end.writeUInt32LE(cd.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, cd, end])
}

const CT = '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'
const DOCX = zip({ '[Content_Types].xml': CT, '_rels/.rels': '<Relationships/>', 'word/document.xml': '<w:document/>' })
const XLSX = zip({ '[Content_Types].xml': CT, '_rels/.rels': '<Relationships/>', 'xl/workbook.xml': '<workbook/>', 'xl/worksheets/sheet1.xml': '<worksheet/>' })
// A ZIP that is no Office document, large enough that GridFS has written chunks before the check.
const PLAIN_ZIP = zip({ 'data.bin': Buffer.alloc(600_000, 0x41), 'readme.txt': 'halo' })

// ---- helpers ----

async function joined(user: TestUser, cycleId: string): Promise<{ socket: ClientSocket; board: Board }> {
  const socket = await h.connect(server, user.cookie)
  return { socket, board: unpacked(await sendOk(socket, 'board:join', { cycleId })) }
}

async function freshCard(): Promise<{ cycleId: string; card: CardDto }> {
  const cycle = await createCycle(server, admin)
  const { board } = await joined(admin, cycle.id)
  const card = board.cards[0]
  if (!card) throw new Error('no cards')
  return { cycleId: cycle.id, card }
}

interface UploadAnswer {
  status: number
  body: { document?: DocumentDto; card?: CardDto; error?: { code: string; reason?: string; params?: Record<string, string | number> } }
}

async function upload(cardId: string, user: TestUser | null, body: Buffer | ReadableStream<Uint8Array>, name: string, contentType = 'application/octet-stream'): Promise<UploadAnswer> {
  const headers: Record<string, string> = { 'content-type': contentType, origin: server.url }
  if (user) headers.cookie = user.cookie
  const res = await fetch(`${server.url}/api/cards/${cardId}/documents?name=${encodeURIComponent(name)}`, {
    method: 'POST',
    headers,
    body,
    // Required by fetch for a streamed request body.
    ...(body instanceof ReadableStream ? { duplex: 'half' } : {}),
  } as RequestInit)
  return { status: res.status, body: (await res.json()) as UploadAnswer['body'] }
}

async function download(id: string, cookie?: string) {
  const res = await fetch(`${server.url}/api/documents/${id}`, { headers: cookie ? { cookie } : {} })
  return { res, bytes: Buffer.from(await res.arrayBuffer()) }
}

async function storedCounts() {
  const db = server.db
  const [files, chunks] = await Promise.all([
    db.collection('documents.files').countDocuments({}),
    db.collection('documents.chunks').countDocuments({}),
  ])
  return { files, chunks }
}

async function eventually<T>(read: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 4000): Promise<T> {
  const until = Date.now() + timeoutMs
  for (;;) {
    const value = await read()
    if (ok(value) || Date.now() > until) return value
    await new Promise((r) => setTimeout(r, 50))
  }
}

// ---- tests ----

describe('type detection (pure)', () => {
  it('decides by content and names the file after what it is', () => {
    expect(sniffHead(PDF)).toBe('pdf')
    expect(sniffHead(PNG)).toBe('png')
    expect(sniffHead(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toBe('jpeg')
    expect(sniffHead(ELF)).toBeNull()
    expect(sniffHead(TEXT)).toBeNull()
    expect(sniffHead(DOCX)).toBe('zip')
    expect(zipOfficeKind(DOCX, DOCX.length)).toEqual({ ok: true, kind: 'docx' })
    expect(zipOfficeKind(XLSX, XLSX.length)).toEqual({ ok: true, kind: 'xlsx' })
    expect(zipOfficeKind(PLAIN_ZIP, PLAIN_ZIP.length).ok).toBe(false)
    expect(zipOfficeKind(PDF, PDF.length).ok).toBe(false)
    expect(sanitizeFileName('../../etc/Laporan\u0000 TW III.pdf', 'pdf')).toBe('Laporan TW III.pdf')
    expect(sanitizeFileName('C:\\Users\\x\\rekap.XLSX', 'xlsx')).toBe('rekap.xlsx')
    expect(sanitizeFileName('laporan.docx', 'pdf')).toBe('laporan.docx.pdf')
    expect(sanitizeFileName('...', 'png')).toBe('dokumen.png')
    expect(sanitizeFileName('\u202egpj.exe', 'jpeg')).toBe('gpj.exe.jpg')
  })
})

describe('upload and download', () => {
  it('stores PDF, PNG, DOCX and XLSX on the current step and gives back identical bytes', async () => {
    const { card } = await freshCard()
    const cases = [
      { bytes: PDF, name: 'Laporan TW III.pdf', type: 'application/pdf' },
      { bytes: PNG, name: 'foto.png', type: 'image/png' },
      { bytes: DOCX, name: 'Rekap kinerja.docx', type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
      { bytes: XLSX, name: 'capaian.xlsx', type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
    ]
    for (const [i, c] of cases.entries()) {
      const res = await upload(card.id, sekretaris, c.bytes, c.name)
      expect(res.status, JSON.stringify(res.body)).toBe(201)
      const doc = res.body.document as DocumentDto
      expect(doc).toMatchObject({ step: 1, name: c.name, type: c.type, size: c.bytes.length, by: { id: sekretaris.id, name: 'Sari Sekretaris' } })
      // The answer's card is the slim one: it counts the documents; the card panel lists them.
      expect(res.body.card?.documentCount).toBe(i + 1)

      const { res: got, bytes } = await download(doc.id, kepalaBadan.cookie)
      expect(got.status).toBe(200)
      expect(bytes.equals(c.bytes)).toBe(true)
      expect(got.headers.get('content-type')).toBe(c.type)
      expect(got.headers.get('x-content-type-options')).toBe('nosniff')
      expect(got.headers.get('content-disposition')).toBe(`attachment; filename="${c.name}"; filename*=UTF-8''${encodeURIComponent(c.name)}`)
    }
    const { board, socket } = await joined(kepalaBadan, card.cycleId)
    expect(board.cards.find((c) => c.id === card.id)?.documentCount).toBe(cases.length)
    expect((await detailOf(socket, card.id)).documents.map((d) => d.name)).toEqual(cases.map((c) => c.name))
  })

  it('a larger file spanning several GridFS chunks comes back byte for byte', async () => {
    const { card } = await freshCard()
    const big = Buffer.concat([PDF, Buffer.from(Array.from({ length: 900_000 }, (_, i) => (i * 7) % 251))])
    const res = await upload(card.id, admin, big, 'besar.pdf')
    expect(res.status).toBe(201)
    const { bytes } = await download(res.body.document?.id ?? '', sekretaris.cookie)
    expect(bytes.equals(big)).toBe(true)
  })

  it("broadcasts card:updated with the card's document count to the cycle's room", async () => {
    const { cycleId, card } = await freshCard()
    const other = await joined(kepalaBadan, cycleId)
    const seen = record(other.socket, 'card:updated')
    const res = await upload(card.id, sekretaris, PDF, 'disposisi.pdf')
    expect(res.status).toBe(201)
    const event = await seen.waitFor((e) => e.card.id === card.id)
    expect(event.card.documentCount).toBe(1)
    expect((await detailOf(other.socket, card.id)).documents).toEqual([res.body.document])
    expect(event.card.version).toBe(card.version)
  })
})

describe('refusals leave nothing stored', () => {
  it.each([
    ['an ELF program', ELF, 'elf'],
    ['plain text', TEXT, 'unknown'],
  ])('%s named report.pdf and sent as application/pdf is refused', async (_what, bytes, detected) => {
    const { card } = await freshCard()
    const before = await storedCounts()
    const res = await upload(card.id, sekretaris, bytes, 'report.pdf', 'application/pdf')
    expect(res.status).toBe(400)
    // What the file really is, for the client to say; the accepted types are the client's words too.
    expect(res.body.error).toEqual({ code: 'VALIDATION', reason: 'document_type', params: { detected } })
    expect(await storedCounts()).toEqual(before)
    const { board, socket } = await joined(admin, card.cycleId)
    expect(board.cards.find((c) => c.id === card.id)?.documentCount).toBe(0)
    expect((await detailOf(socket, card.id)).documents).toEqual([])
  })

  it('a ZIP that is no Word or Excel document is refused after streaming, and its chunks are deleted', async () => {
    const { card } = await freshCard()
    const before = await storedCounts()
    const res = await upload(card.id, sekretaris, PLAIN_ZIP, 'laporan.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
    expect(res.status).toBe(400)
    expect(res.body.error).toEqual({ code: 'VALIDATION', reason: 'document_not_office' })
    expect(await storedCounts()).toEqual(before)
  })

  it('an oversized file announced by Content-Length gets 413 at once', async () => {
    const { card } = await freshCard()
    const before = await storedCounts()
    const res = await upload(card.id, sekretaris, Buffer.concat([PDF, Buffer.alloc(MAX)]), 'besar.pdf')
    expect(res.status).toBe(413)
    expect(res.body.error).toEqual({ code: 'VALIDATION', reason: 'document_too_large', params: { maxBytes: MAX } })
    expect(await storedCounts()).toEqual(before)
  })

  it('an oversized file streamed without a length gets 413 midway, and what was written is deleted', async () => {
    const { card } = await freshCard()
    const before = await storedCounts()
    let sent = 0
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent > 2 * MAX) return controller.close()
        const chunk = sent === 0 ? Buffer.concat([PDF, Buffer.alloc(64 * 1024 - PDF.length, 1)]) : Buffer.alloc(64 * 1024, 1)
        sent += chunk.length
        controller.enqueue(chunk)
      },
    })
    const res = await upload(card.id, sekretaris, body, 'besar.pdf')
    expect(res.status).toBe(413)
    expect(res.body.error).toEqual({ code: 'VALIDATION', reason: 'document_too_large', params: { maxBytes: MAX } })
    expect(await storedCounts()).toEqual(before)
  })

  it('an upload the client aborts midway leaves nothing', async () => {
    const { card } = await freshCard()
    const before = await storedCounts()
    const url = new URL(`${server.url}/api/cards/${card.id}/documents?name=putus.pdf`)
    const req = httpRequest(url, {
      method: 'POST',
      headers: { cookie: sekretaris.cookie, origin: server.url, 'content-type': 'application/pdf', 'content-length': String(900_000) },
    })
    req.on('error', () => undefined)
    req.write(PDF)
    req.write(Buffer.alloc(600_000, 2))
    // GridFS has written whole chunks (255 KiB each) of the unfinished file before the abort.
    const midway = await eventually(storedCounts, (c) => c.chunks > before.chunks)
    expect(midway.chunks).toBeGreaterThan(before.chunks)
    req.destroy()
    expect(await eventually(storedCounts, (c) => c.chunks === before.chunks && c.files === before.files)).toEqual(before)
    const { board, socket } = await joined(admin, card.cycleId)
    expect(board.cards.find((c) => c.id === card.id)?.documentCount).toBe(0)
    expect((await detailOf(socket, card.id)).documents).toEqual([])
  })

  it('a user who does not hold the card may not upload (FORBIDDEN)', async () => {
    const { card } = await freshCard()
    const before = await storedCounts()
    const res = await upload(card.id, kepalaBadan, PDF, 'laporan.pdf')
    expect(res.status).toBe(403)
    expect(res.body.error).toEqual({ code: 'FORBIDDEN', reason: 'document_not_your_lane', params: { unit: card.unit.shortName, lane: 'Sekretaris' } })
    expect(await storedCounts()).toEqual(before)
  })

  it('an upload without a session is refused', async () => {
    const { card } = await freshCard()
    const res = await upload(card.id, null, PDF, 'laporan.pdf')
    expect(res.status).toBe(401)
    expect(res.body.error?.code).toBe('UNAUTHENTICATED')
  })
})

describe('download and delete rights', () => {
  it('a download without a session (anonymous or a made-up cookie) is 401; an unknown id is 404', async () => {
    const { card } = await freshCard()
    const doc = (await upload(card.id, sekretaris, PDF, 'rahasia.pdf')).body.document as DocumentDto
    const anonymous = await download(doc.id)
    expect(anonymous.res.status).toBe(401)
    expect(JSON.parse(anonymous.bytes.toString())).toMatchObject({ error: { code: 'UNAUTHENTICATED' } })
    expect((await download(doc.id, 'papan_sid=bukan-sesi')).res.status).toBe(401)
    expect((await download('0123456789abcdef01234567', sekretaris.cookie)).res.status).toBe(404)
    expect((await download('not-an-id', sekretaris.cookie)).res.status).toBe(404)
  })

  it('only the uploader or an administrator deletes; the card and the room follow', async () => {
    const { cycleId, card } = await freshCard()
    const doc = (await upload(card.id, sekretaris, PDF, 'hapus.pdf')).body.document as DocumentDto
    const refused = await api(server, 'DELETE', `/api/documents/${doc.id}`, { cookie: kepalaBadan.cookie })
    expect(refused.status).toBe(403)
    const before = await storedCounts()
    const other = await joined(kepalaBadan, cycleId)
    const seen = record(other.socket, 'card:updated')
    const res = await api<{ card: CardDto }>(server, 'DELETE', `/api/documents/${doc.id}`, { cookie: sekretaris.cookie })
    expect(res.status).toBe(200)
    expect(res.body.card.documentCount).toBe(0)
    expect((await seen.waitFor((e) => e.card.id === card.id)).card.documentCount).toBe(0)
    expect((await detailOf(other.socket, card.id)).documents).toEqual([])
    const after = await storedCounts()
    expect(after.files).toBe(before.files - 1)
    expect(after.chunks).toBe(before.chunks - 1)
    expect((await download(doc.id, sekretaris.cookie)).res.status).toBe(404)
  })
})

describe('the quarter archive (step 13)', () => {
  it('lists the documents filed at the last step of every card of the cycle', async () => {
    const { cycleId, card } = await freshCard()
    const { socket } = await joined(admin, cycleId)
    // Step 1's document is no part of the archive.
    await upload(card.id, admin, PDF, 'tahap1.pdf')
    await sendOk(socket, 'card:move', { opId: opId(), cardId: card.id, version: card.version, to: { step: 13, lane: 'sekretaris' }, note: 'Uji arsip' })
    const res = await upload(card.id, sekretaris, PDF, 'Laporan monev TW III.pdf')
    expect(res.status).toBe(201)
    expect(res.body.document?.step).toBe(13)

    const archive = await api<CycleArchiveDto>(server, 'GET', `/api/cycles/${cycleId}/documents`, { cookie: kepalaBadan.cookie })
    expect(archive.status).toBe(200)
    expect(archive.body.step).toBe(13)
    expect(archive.body.documents).toEqual([{ ...res.body.document, cardId: card.id, unit: card.unit }])
    expect((await api(server, 'GET', `/api/cycles/${cycleId}/documents`)).status).toBe(401)
  })
})

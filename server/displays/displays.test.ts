import { io as ioClient } from 'socket.io-client'
import { afterEach, describe, expect, it } from 'vitest'
import { WallCard, WallCardChanged, WallCycle, WallMove, type DisplayCreated, type DisplayDto } from '../../shared/protocol/displays'
import { WALL_TICKER_SIZE } from '../../shared/protocol/constants'
import {
  api,
  connectError,
  createCycle,
  createUser,
  disconnected,
  opId,
  record,
  send,
  sendOk,
  unpacked,
  setupAdmin,
  useHarness,
  type ClientSocket,
  type TestServer,
  type TestUser,
} from '../test/harness'

const h = useHarness()

const opened: ClientSocket[] = []
afterEach(() => {
  for (const s of opened.splice(0)) s.disconnect()
})

function openDisplay(server: TestServer, token: string, cookie?: string): ClientSocket {
  const socket: ClientSocket = ioClient(server.url, {
    auth: { displayToken: token },
    extraHeaders: cookie ? { cookie } : {},
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
  })
  opened.push(socket)
  return socket
}

async function connectDisplay(server: TestServer, token: string, cookie?: string): Promise<ClientSocket> {
  const socket = openDisplay(server, token, cookie)
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve())
    socket.once('connect_error', reject)
  })
  return socket
}

async function createDisplay(server: TestServer, admin: TestUser, cycleId: string, label = 'TV Ruang Perencanaan') {
  const res = await api<DisplayCreated>(server, 'POST', '/api/displays', { cookie: admin.cookie, body: { cycleId, label } })
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  return res.body
}

describe('display tokens', () => {
  it('are created, listed and revoked by administrators only; the secret is shown once and stored hashed', async () => {
    const server = await h.startServer()
    const admin = await setupAdmin(server)
    const sari = await createUser(server, admin, { role: 'sekretaris' })
    const cycle = await createCycle(server, admin)

    const created = await createDisplay(server, admin, cycle.id)
    expect(created.token).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(created.path).toBe(`/wall/${created.token}`)
    expect(created.display).toMatchObject({ cycleId: cycle.id, cycleTitle: cycle.title, cyclePeriod: { year: cycle.year, quarter: cycle.quarter }, label: 'TV Ruang Perencanaan', online: 0, lastSeenAt: null })

    const list = await api<{ displays: DisplayDto[] }>(server, 'GET', '/api/displays', { cookie: admin.cookie })
    expect(list.status).toBe(200)
    expect(list.body.displays).toEqual([created.display])
    expect(JSON.stringify(list.body)).not.toContain(created.token)
    const stored = await server.db.collection('displays').findOne({})
    expect(JSON.stringify(stored)).not.toContain(created.token)
    expect(stored?.tokenHash).toMatch(/^[0-9a-f]{64}$/)

    // Not for people without the administrator flag, nor for nobody.
    const body = { cycleId: cycle.id, label: 'TV' }
    expect((await api(server, 'POST', '/api/displays', { cookie: sari.cookie, body })).status).toBe(403)
    expect((await api(server, 'POST', '/api/displays', { body })).status).toBe(401)
    expect((await api(server, 'GET', '/api/displays', { cookie: sari.cookie })).status).toBe(403)
    expect((await api(server, 'DELETE', `/api/displays/${created.display.id}`, { cookie: sari.cookie })).status).toBe(403)

    // Validated: an unknown cycle, an empty label, extra fields.
    expect((await api(server, 'POST', '/api/displays', { cookie: admin.cookie, body: { cycleId: 'a'.repeat(24), label: 'TV' } })).status).toBe(404)
    expect((await api(server, 'POST', '/api/displays', { cookie: admin.cookie, body: { cycleId: cycle.id, label: '  ' } })).status).toBe(400)
    expect((await api(server, 'POST', '/api/displays', { cookie: admin.cookie, body: { ...body, cycleId: { $ne: null } } })).status).toBe(400)

    expect((await api(server, 'DELETE', `/api/displays/${created.display.id}`, { cookie: admin.cookie })).status).toBe(204)
    expect((await api(server, 'DELETE', `/api/displays/${created.display.id}`, { cookie: admin.cookie })).status).toBe(404)
    const after = await api<{ displays: DisplayDto[] }>(server, 'GET', '/api/displays', { cookie: admin.cookie })
    expect(after.body.displays).toEqual([])
  })

  it('a display socket reads only its own cycle, gets its facts, and every command is refused and changes nothing', async () => {
    const server = await h.startServer()
    const admin = await setupAdmin(server)
    const cycle = await createCycle(server, admin)
    const other = await createCycle(server, admin)
    const { token } = await createDisplay(server, admin, cycle.id)

    // The admin's cookie rides along too (a TV whose browser someone logged in on): the token wins.
    const wall = await connectDisplay(server, token, admin.cookie)
    const snap = await sendOk(wall, 'wall:join', {})
    expect(snap.cycle.id).toBe(cycle.id)
    expect(snap.display.label).toBe('TV Ruang Perencanaan')
    expect(snap.cards).toHaveLength(4)
    expect(snap.cards.map((c) => c.unit.id).sort()).toEqual(cycle.units.map((u) => u.id).sort())
    expect(snap.cards.find((c) => c.unit.id === 'ppik')).toMatchObject({ step: 1, lane: 'sekretaris', unit: { shortName: 'PPIK' } })
    expect(snap.cycle).toEqual({ id: cycle.id, title: cycle.title, year: cycle.year, quarter: cycle.quarter, unitIds: cycle.units.map((u) => u.id), status: 'running' })
    expect(snap.calendar.zoneLabel).toBe('WITA')
    expect(Date.parse(snap.serverTime)).not.toBeNaN()
    expect((await sendOk(wall, 'wall:join', { cycleId: cycle.id })).cycle.id).toBe(cycle.id)

    const elsewhere = await send(wall, 'wall:join', { cycleId: other.id })
    expect(elsewhere.ok ? 'ok' : elsewhere.error.code).toBe('FORBIDDEN')
    expect((await send(wall, 'wall:join', { cycleId: 'x' })).ok).toBe(false)

    const card = snap.cards[0]
    if (!card) throw new Error('no card')
    const attempts: [string, unknown][] = [
      ['board:join', { cycleId: cycle.id }],
      ['board:join', { cycleId: other.id }],
      ['board:leave', { cycleId: cycle.id }],
      ['card:move', { opId: opId(), cardId: card.id, version: card.version, to: { step: 2, lane: 'kepala_bidang' } }],
      ['card:note', { opId: opId(), cardId: card.id, text: 'dari TV' }],
      ['card:checklist', { opId: opId(), cardId: card.id, index: 0, checked: true }],
      ['card:output', { opId: opId(), cardId: card.id, output: 'x' }],
      // Nor a card's past: its notes and history are what people wrote and who they are.
      ['card:detail', { cardId: card.id }],
      ['card:anything-new', { opId: opId() }],
    ]
    for (const [event, payload] of attempts) {
      const ack = await send(wall, event as 'card:move', payload)
      expect(ack.ok ? 'ok' : ack.error.code, event).toBe('FORBIDDEN')
    }

    // Nothing changed: a person's board sees the card as it was.
    const person = await h.connect(server, admin.cookie)
    const board = unpacked(await sendOk(person, 'board:join', { cycleId: cycle.id }))
    const now = board.cards.find((c) => c.id === card.id)
    expect(now).toMatchObject({ step: 1, version: card.version, noteCount: 0, lastNote: null, output: '' })
    expect(now?.checklist.some(Boolean)).toBe(false)
    // And a person cannot use the display's command.
    const personWall = await send(person, 'wall:join', {})
    expect(personWall.ok ? 'ok' : personWall.error.code).toBe('FORBIDDEN')

    // The display hears the wall's own fact of a move on the board.
    const moved = record(wall, 'wall:card')
    await sendOk(person, 'card:move', { opId: opId(), cardId: card.id, version: card.version, to: { step: 2, lane: 'kepala_bidang' } })
    const fact = await moved.waitFor()
    expect(fact.card).toMatchObject({ id: card.id, step: 2, lane: 'kepala_bidang', version: card.version + 1 })
    expect(fact.move).toMatchObject({ cardId: card.id, version: card.version + 1, from: { step: 1, lane: 'sekretaris' }, to: { step: 2, lane: 'kepala_bidang' } })
  })

  it('a display receives only what the wall shows: no note, no mover, no history, no viewers', async () => {
    const server = await h.startServer()
    const admin = await setupAdmin(server, { name: 'Admin Utama', role: 'kepala_badan' })
    const cycle = await createCycle(server, admin)
    const { token } = await createDisplay(server, admin, cycle.id)
    const sari = await createUser(server, admin, { name: 'Sari Wulandari', role: 'sekretaris' })

    // Every frame the display gets, whatever its event: what is not listened to must not come either.
    const wall = await connectDisplay(server, token)
    const frames: unknown[][] = []
    wall.onAny((event: string, ...args: unknown[]) => frames.push([event, ...args]))
    const snap = await sendOk(wall, 'wall:join', {})

    const boardOfAdmin = await h.connect(server, admin.cookie)
    const presence = record(boardOfAdmin, 'presence:changed')
    const boardMoved = record(boardOfAdmin, 'card:moved')
    const boardNoted = record(boardOfAdmin, 'card:noted')
    const board = unpacked(await sendOk(boardOfAdmin, 'board:join', { cycleId: cycle.id }))
    const boardOfSari = await h.connect(server, sari.cookie)
    await sendOk(boardOfSari, 'board:join', { cycleId: cycle.id })
    await presence.waitFor((p) => p.viewers.some((v) => v.name === 'Sari Wulandari'))

    const [a, b] = board.cards
    if (!a || !b) throw new Error('no cards')
    const words = {
      moveNote: 'Berkas diantar lewat ajudan',
      note: 'Catatan: anggaran belum cair, jangan diumumkan',
      reason: 'Dipindah karena pejabat cuti sakit',
      output: 'ND-117/rahasia/2030',
    }
    const opIds = [opId(), opId(), opId(), opId(), opId()] as const
    const wallFacts = record(wall, 'wall:card')
    const movedA = await sendOk(boardOfSari, 'card:move', { opId: opIds[0], cardId: a.id, version: a.version, to: { step: 2, lane: 'kepala_bidang' }, note: words.moveNote })
    await sendOk(boardOfSari, 'card:note', { opId: opIds[1], cardId: a.id, text: words.note })
    const overridden = await sendOk(boardOfAdmin, 'card:move', { opId: opIds[2], cardId: a.id, version: movedA.version, to: { step: 5, lane: 'kepala_seksi' }, note: words.reason })
    await sendOk(boardOfAdmin, 'card:output', { opId: opIds[3], cardId: a.id, output: words.output })
    // The last command: what the server sent the display before it has arrived once this fact has
    // (one connection's frames keep their order), presence announced above included.
    const fence = await sendOk(boardOfSari, 'card:move', { opId: opIds[4], cardId: b.id, version: b.version, to: { step: 2, lane: 'kepala_bidang' } })
    await wallFacts.waitFor((f) => f.card.id === b.id && f.card.version === fence.version)

    // The boards still get everything.
    expect(await boardMoved.waitFor((f) => f.id === a.id && f.version === movedA.version)).toMatchObject({ by: 'Sari Wulandari', note: words.moveNote })
    const noted = await boardNoted.waitFor()
    expect(noted.note.text).toBe(words.note)
    // With the card, so a board keeps its note count and newest note right.
    expect(noted.card).toMatchObject({ id: a.id, noteCount: 1, lastNote: { text: words.note } })

    // The display: wall:card only, each exactly a WallCard (and a move), and none of the words or names.
    // The output changed nothing the wall shows, so it was not sent: one fact per move.
    expect(frames.map(([event]) => event)).toEqual(['wall:card', 'wall:card', 'wall:card'])
    const facts = frames.map(([, payload]) => WallCardChanged.parse(payload))
    const rejoined = await sendOk(wall, 'wall:join', {})
    const seen = JSON.stringify([snap, frames, rejoined])
    for (const secret of [...Object.values(words), ...opIds, 'Sari Wulandari', 'Admin Utama', sari.id, admin.id]) expect(seen).not.toContain(secret)
    // Field names, outside the SOP itself (whose steps have an Output column) and the calendar.
    const cardsSeen = JSON.stringify([frames, [snap, rejoined].map((x) => [x.cycle, x.cards, x.moves])])
    for (const field of ['history', 'notes', 'note', 'by', 'opId', 'viewers', 'output', 'checklist', 'documents', 'visits', 'createdBy', 'name']) {
      expect(cardsSeen).not.toContain(`"${field}"`)
    }

    expect(facts[0]).toEqual({
      card: { id: a.id, cycleId: cycle.id, unit: { id: a.unit.id, shortName: a.unit.shortName }, step: 2, lane: 'kepala_bidang', version: movedA.version, enteredStepAt: movedA.enteredStepAt },
      move: { cardId: a.id, version: movedA.version, kind: 'advance', at: movedA.lastEntry.at, from: { step: 1, lane: 'sekretaris' }, to: { step: 2, lane: 'kepala_bidang' } },
    })
    expect(facts[1]?.move).toMatchObject({ kind: 'override', from: { step: 2, lane: 'kepala_bidang' }, to: { step: 5, lane: 'kepala_seksi' } })
    expect(facts[2]?.move).toMatchObject({ cardId: b.id, kind: 'advance' })

    // The snapshots: the wall's own shapes, nothing more; after the moves, the ticker's moves newest first.
    for (const s of [snap, rejoined]) {
      WallCycle.parse(s.cycle)
      s.cards.forEach((c) => WallCard.parse(c))
      s.moves.forEach((m) => WallMove.parse(m))
    }
    expect(snap.moves).toEqual([])
    expect(rejoined.cards.find((c) => c.id === a.id)).toMatchObject({ step: 5, lane: 'kepala_seksi', version: overridden.version })
    expect(rejoined.moves).toEqual([facts[2]?.move, facts[1]?.move, facts[0]?.move])
  })

  it('display sockets are not viewers in the presence list', async () => {
    const server = await h.startServer()
    const admin = await setupAdmin(server, { name: 'Admin Utama', role: 'kepala_badan' })
    const cycle = await createCycle(server, admin)
    const { token } = await createDisplay(server, admin, cycle.id)

    const person = await h.connect(server, admin.cookie)
    const presence = record(person, 'presence:changed')
    await sendOk(person, 'board:join', { cycleId: cycle.id })
    const wall = await connectDisplay(server, token)
    await sendOk(wall, 'wall:join', {})
    // A second person joining makes presence go out; the wall must not be in it.
    const sari = await createUser(server, admin, { name: 'Sari', role: 'sekretaris' })
    const other = await h.connect(server, sari.cookie)
    const joined = unpacked(await sendOk(other, 'board:join', { cycleId: cycle.id }))
    expect(joined.viewers.map((v) => v.name).sort()).toEqual(['Admin Utama', 'Sari'])
    const seen = await presence.waitFor((p) => p.viewers.length === 2)
    expect(seen.viewers.map((v) => v.name).sort()).toEqual(['Admin Utama', 'Sari'])

    const list = await api<{ displays: DisplayDto[] }>(server, 'GET', '/api/displays', { cookie: admin.cookie })
    expect(list.body.displays[0]?.online).toBe(1)
    expect(list.body.displays[0]?.lastSeenAt).not.toBeNull()
  })

  it('revoking disconnects the open display sockets and refuses new connections', async () => {
    const server = await h.startServer()
    const admin = await setupAdmin(server)
    const cycle = await createCycle(server, admin)
    const kept = await createDisplay(server, admin, cycle.id, 'TV Lobi')
    const revoked = await createDisplay(server, admin, cycle.id)

    const wall = await connectDisplay(server, revoked.token)
    await sendOk(wall, 'wall:join', {})
    const other = await connectDisplay(server, kept.token)
    await sendOk(other, 'wall:join', {})

    const gone = disconnected(wall)
    expect((await api(server, 'DELETE', `/api/displays/${revoked.display.id}`, { cookie: admin.cookie })).status).toBe(204)
    expect(await gone).toBe('io server disconnect')
    expect(other.connected).toBe(true)

    expect((await connectError(openDisplay(server, revoked.token))).message).toBe('UNAUTHENTICATED')
    expect((await connectError(openDisplay(server, 'not-a-token'))).message).toBe('UNAUTHENTICATED')
    expect((await connectError(openDisplay(server, 'A'.repeat(43)))).message).toBe('UNAUTHENTICATED')
    // A token of the wrong type is no token.
    const odd = ioClient(server.url, { auth: { displayToken: 42 }, transports: ['websocket'], forceNew: true, reconnection: false }) as ClientSocket
    opened.push(odd)
    expect((await connectError(odd)).message).toBe('UNAUTHENTICATED')
  })
  it("the ticker is the cycle's latest moves and undos, newest first, however they fall across the cards", async () => {
    const server = await h.startServer({ deps: { undoWindowMs: 600_000 } })
    const admin = await setupAdmin(server)
    const cycle = await createCycle(server, admin)
    const { token } = await createDisplay(server, admin, cycle.id)
    const board = await h.connect(server, admin.cookie)
    const [a, b, c] = unpacked(await sendOk(board, 'board:join', { cycleId: cycle.id })).cards
    // b once, then a handed back and forth nine times with a note between, then c, then b's move undone.
    const made: { cardId: string; version: number }[] = []
    const movedB = await sendOk(board, 'card:move', { opId: opId(), cardId: b!.id, version: b!.version, to: { step: 2, lane: 'kepala_bidang' } })
    made.push({ cardId: b!.id, version: movedB.version })
    let card = a!
    for (let i = 0; i < 9; i++) {
      const to = i === 0 ? { step: 2, lane: 'kepala_bidang' } : { step: 2, lane: i % 2 ? 'kasubag_program' : 'kepala_bidang' }
      const moved = await sendOk(board, 'card:move', { opId: opId(), cardId: card.id, version: card.version, to })
      made.push({ cardId: card.id, version: moved.version })
      if (i === 4) await sendOk(board, 'card:note', { opId: opId(), cardId: card.id, text: 'di tengah' })
      card = moved
    }
    const movedC = await sendOk(board, 'card:move', { opId: opId(), cardId: c!.id, version: c!.version, to: { step: 2, lane: 'kepala_bidang' } })
    made.push({ cardId: c!.id, version: movedC.version })
    const undone = await sendOk(board, 'card:undo', { opId: opId(), cardId: b!.id, seq: movedB.lastEntry.seq! })
    made.push({ cardId: b!.id, version: undone.version })

    const wall = await connectDisplay(server, token)
    const { moves } = await sendOk(wall, 'wall:join', {})
    expect(moves.map((m) => ({ cardId: m.cardId, version: m.version }))).toEqual(made.slice(-WALL_TICKER_SIZE).reverse())
    expect(moves[0]).toMatchObject({ kind: 'undo', cardId: b!.id })
  })
})

import { Types } from 'mongoose'
import { toMovedFact } from '../../shared/protocol/cardMoved'
import { beforeAll, describe, expect, it } from 'vitest'
import type { CardDto } from '../../shared/protocol/board'
import type { CycleDto } from '../../shared/protocol/cycles'
import {
  type Board,
  api,
  createCycle,
  createUser,
  detailOf,
  opId,
  record,
  roundTrip,
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

/*
 * One server and one set of users for the file (scrypt makes users the slow part); every test
 * starts its own cycle, so no test sees another's cards.
 */
let server: TestServer
let admin: TestUser
let sekretaris: TestUser
let kabid: TestUser
let kabidPsdm: TestUser
let kasubag: TestUser
let kasi: TestUser
let kaban: TestUser

beforeAll(async () => {
  server = await h.startServer()
  admin = await setupAdmin(server, { name: 'Admin Utama', role: 'kepala_badan' })
  ;[sekretaris, kabid, kabidPsdm, kasubag, kasi, kaban] = await Promise.all([
    createUser(server, admin, { name: 'Sari Sekretaris', role: 'sekretaris' }),
    createUser(server, admin, { name: 'Bambang Kabid PPIK', role: 'kepala_bidang', unitId: 'ppik' }),
    createUser(server, admin, { name: 'Dewi Kabid PSDM', role: 'kepala_bidang', unitId: 'psdm' }),
    createUser(server, admin, { name: 'Kurnia Kasubag', role: 'kasubag_program' }),
    createUser(server, admin, { name: 'Siti Kasi PPIK', role: 'kepala_seksi', unitId: 'ppik' }),
    createUser(server, admin, { name: 'Hasan Kepala Badan', role: 'kepala_badan' }),
  ])
})

async function joined(user: TestUser, cycleId: string): Promise<{ socket: ClientSocket; board: Board }> {
  const socket = await h.connect(server, user.cookie)
  const board = unpacked(await sendOk(socket, 'board:join', { cycleId }))
  return { socket, board }
}

function cardOf(board: Board, unitId: string): CardDto {
  const card = board.cards.find((c) => c.unit.id === unitId)
  if (!card) throw new Error(`no card for ${unitId}`)
  return card
}

/** The card as stored, read past the app. */
function stored(cardId: string) {
  return server.db.collection('cards').findOne({ _id: new Types.ObjectId(cardId) })
}

/** The card's events in the ledger, in chain order: its history and notes are there. */
async function kindsOf(cardId: string) {
  const chain = await server.db.collection('card_events').find({ cardId: new Types.ObjectId(cardId) }).sort({ seq: 1 }).toArray()
  return chain.map((e) => e.kind as string)
}

function move(socket: ClientSocket, card: Pick<CardDto, 'id' | 'version'>, step: number, lane: string, note?: string) {
  return send(socket, 'card:move', { opId: opId(), cardId: card.id, version: card.version, to: { step, lane }, ...(note ? { note } : {}) })
}

async function moveOk(socket: ClientSocket, card: Pick<CardDto, 'id' | 'version'>, step: number, lane: string, note?: string) {
  const ack = await move(socket, card, step, lane, note)
  if (!ack.ok) throw new Error(`move to ${step}/${lane} refused: ${ack.error.code} ${ack.error.reason ?? ''}`)
  return ack.data
}

describe('card:move', () => {
  it('acks the moved card to the sender and broadcasts it to the room only', async () => {
    const cycle = await createCycle(server, admin)
    const a = await joined(sekretaris, cycle.id)
    const b = await joined(kasubag, cycle.id)
    const outsider = await h.connect(server, kabid.cookie) // connected, but not on this board
    const seenByB = record(b.socket, 'card:moved')
    const seenByA = record(a.socket, 'card:moved')
    const seenByOutsider = record(outsider, 'card:moved')
    const before = cardOf(a.board, 'ppik')
    expect(before).toMatchObject({ step: 1, lane: 'sekretaris', version: 1 })

    const op = opId()
    const ack = await send(a.socket, 'card:move', { opId: op, cardId: before.id, version: 1, to: { step: 2, lane: 'kepala_bidang' } })
    if (!ack.ok) throw new Error(ack.error.code)
    const card = ack.data
    expect(card).toMatchObject({ id: before.id, step: 2, lane: 'kepala_bidang', version: 2, rounds: 0 })
    const { history } = await detailOf(a.socket, card.id)
    expect(history).toHaveLength(2)
    expect(history[1]).toEqual({
      opId: op,
      seq: 2,
      kind: 'advance',
      at: card.enteredStepAt,
      by: { id: sekretaris.id, name: 'Sari Sekretaris' },
      from: { step: 1, lane: 'sekretaris' },
      to: { step: 2, lane: 'kepala_bidang' },
      note: '',
    })

    const broadcast = await seenByB.waitFor()
    expect(broadcast).toEqual(toMovedFact(card))
    // The move travels as the card's lastEntry: the same entry the card's history ends with.
    expect(card.lastEntry).toEqual(history[1])
    const { note: _none, by: mover, ...entry } = history[1]!
    expect(broadcast).toMatchObject({ ...entry, by: mover.name })
    expect(broadcast.note).toBeUndefined()

    await Promise.all([roundTrip(a.socket), roundTrip(outsider), roundTrip(b.socket)])
    expect(seenByA.events).toEqual([])
    expect(seenByOutsider.events).toEqual([])
    expect(seenByB.events).toHaveLength(1)

    const doc = await stored(before.id)
    expect(doc).toMatchObject({ step: 2, lane: 'kepala_bidang', version: 2, lastEntry: { kind: 'advance' } })
    expect(await kindsOf(before.id)).toEqual(['create', 'move'])

    // The next holder sees it on a fresh join, and nothing else on the board moved.
    const later = await joined(kabid, cycle.id)
    expect(cardOf(later.board, 'ppik')).toEqual(card)
    expect(later.board.cards.filter((c) => c.unit.id !== 'ppik').every((c) => c.step === 1 && c.version === 1)).toBe(true)
  })

  it('applies exactly one of two concurrent moves of the same version; the other is STALE with the current card', async () => {
    const cycle = await createCycle(server, admin)
    const a = await joined(sekretaris, cycle.id)
    const b = await joined(admin, cycle.id)
    const watcher = await joined(kaban, cycle.id)
    const seen = record(watcher.socket, 'card:moved')

    // Every card of the board at once, so a race in the storage layer has many chances to show.
    const results = await Promise.all(
      a.board.cards.flatMap((card) => [
        move(a.socket, card, 2, 'kepala_bidang').then((ack) => ({ ack, card, by: sekretaris })),
        move(b.socket, card, 2, 'kasubag_program').then((ack) => ({ ack, card, by: admin })),
      ]),
    )

    for (const card of a.board.cards) {
      const both = results.filter((r) => r.card.id === card.id)
      const won = both.filter((r) => r.ack.ok)
      const lost = both.filter((r) => !r.ack.ok)
      expect(won, card.unit.id).toHaveLength(1)
      expect(lost, card.unit.id).toHaveLength(1)
      const winner = won[0]
      const loser = lost[0]
      if (!winner?.ack.ok || !loser || loser.ack.ok) throw new Error('unreachable')

      expect(loser.ack.error.code).toBe('STALE')
      expect(loser.ack.error.card).toEqual(winner.ack.data)
      // Who moved it and where, for the client to say so in its own words.
      expect(loser.ack.error).toMatchObject({ reason: 'stale', params: { name: winner.by.name, step: 2 } })

      const doc = await stored(card.id)
      expect(doc).toMatchObject({ version: 2, step: 2, lane: winner.ack.data.lane, lastEntry: { by: { id: winner.by.id } } })
      expect(await kindsOf(card.id)).toEqual(['create', 'move'])
    }

    await roundTrip(watcher.socket)
    expect(seen.events).toHaveLength(a.board.cards.length)
    expect(new Set(seen.events.map((e) => e.id)).size).toBe(a.board.cards.length)
  })

  it('refuses a move against an old version with the current card', async () => {
    const cycle = await createCycle(server, admin)
    const a = await joined(sekretaris, cycle.id)
    const card = cardOf(a.board, 'mpk')
    const moved = await moveOk(a.socket, card, 2, 'kepala_bidang')
    const stale = await move(a.socket, card, 2, 'kasubag_program') // still version 1
    expect(stale).toMatchObject({ ok: false, error: { code: 'STALE', card: moved } })
    if (stale.ok) return
    expect(stale.error.reason).toBe('stale')
    expect(stale.error.params).toEqual({ name: 'Sari Sekretaris', step: 2, lane: 'Kepala Bidang' })
  })

  it('applies a repeated operation id once and acks every repeat with the card', async () => {
    const cycle = await createCycle(server, admin)
    const a = await joined(sekretaris, cycle.id)
    const watcher = await joined(kasubag, cycle.id)
    const seen = record(watcher.socket, 'card:moved')
    const [card, other] = a.board.cards
    if (!card || !other) throw new Error('expected cards')

    const payload = { opId: opId(), cardId: card.id, version: 1, to: { step: 2, lane: 'kepala_bidang' } }
    const first = await sendOk(a.socket, 'card:move', payload)
    const again = await sendOk(a.socket, 'card:move', payload) // a resend after a reconnect
    expect(first.version).toBe(2)
    expect(again).toEqual(first)

    // Resent concurrently, as a flaky connection might.
    const concurrent = { opId: opId(), cardId: other.id, version: 1, to: { step: 2, lane: 'kasubag_program' } }
    const acks = await Promise.all([1, 2, 3].map(() => send(a.socket, 'card:move', concurrent)))
    expect(acks.map((ack) => ack.ok)).toEqual([true, true, true])
    expect(acks.map((ack) => (ack.ok ? ack.data.version : 0))).toEqual([2, 2, 2])

    for (const [id, op] of [[card.id, payload.opId], [other.id, concurrent.opId]] as const) {
      const doc = await stored(id)
      expect(doc?.version).toBe(2)
      expect(await server.db.collection('card_events').countDocuments({ cardId: new Types.ObjectId(id), opId: op })).toBe(1)
    }
    await roundTrip(watcher.socket)
    expect(seen.events.map((e) => e.id).sort()).toEqual([card.id, other.id].sort())
  })

  it('walks a card through the whole SOP with the right role at each step, including one return 11 → 10', async () => {
    const cycle = await createCycle(server, admin)
    const s = await joined(sekretaris, cycle.id)
    const b = (await joined(kabid, cycle.id)).socket
    const k = (await joined(kasubag, cycle.id)).socket
    const ks = (await joined(kasi, cycle.id)).socket
    let card = cardOf(s.board, 'ppik')

    card = await moveOk(s.socket, card, 2, 'kepala_bidang')
    card = await moveOk(b, card, 3, 'kasubag_program')
    card = await moveOk(k, card, 4, 'kasubag_program')
    card = await moveOk(k, card, 5, 'kepala_seksi')
    card = await moveOk(ks, card, 6, 'kasubag_program')
    card = await moveOk(k, card, 7, 'kasubag_program')
    card = await moveOk(k, card, 8, 'kasubag_program')
    card = await moveOk(k, card, 9, 'kepala_bidang')
    card = await moveOk(b, card, 10, 'kasubag_program')
    card = await moveOk(k, card, 11, 'sekretaris')
    expect(card).toMatchObject({ step: 11, lane: 'sekretaris', version: 11, rounds: 0 })

    // "Tidak": back to step 10, which needs a note.
    const noNote = await move(s.socket, card, 10, 'kasubag_program')
    expect(noNote).toEqual({ ok: false, error: { code: 'NOTE_REQUIRED', reason: 'note_required_return' } })
    const blankNote = await send(s.socket, 'card:move', {
      opId: opId(), cardId: card.id, version: card.version, to: { step: 10, lane: 'kasubag_program' }, note: '   ',
    })
    expect(blankNote.ok).toBe(false)
    expect(await stored(card.id)).toMatchObject({ step: 11, version: 11, rounds: 0 })

    card = await moveOk(s.socket, card, 10, 'kasubag_program', 'Capaian IKU triwulan belum sesuai Renja.')
    expect(card).toMatchObject({ step: 10, lane: 'kasubag_program', version: 12, rounds: 1 })
    expect(card.lastEntry).toMatchObject({
      kind: 'return',
      from: { step: 11, lane: 'sekretaris' },
      to: { step: 10, lane: 'kasubag_program' },
      note: 'Capaian IKU triwulan belum sesuai Renja.',
      by: { id: sekretaris.id, name: 'Sari Sekretaris' },
    })

    card = await moveOk(k, card, 11, 'sekretaris')
    card = await moveOk(s.socket, card, 12, 'kasubag_program')
    card = await moveOk(k, card, 13, 'sekretaris')
    card = await moveOk(s.socket, card, 14, 'sekretaris')
    expect(card).toMatchObject({ step: 14, lane: 'sekretaris', version: 16, rounds: 1 })
    const { history } = await detailOf(s.socket, card.id)
    expect(history.map((e) => e.kind)).toEqual([
      'create', 'advance', 'advance', 'advance', 'advance', 'advance', 'advance', 'advance', 'advance',
      'advance', 'advance', 'return', 'advance', 'advance', 'advance', 'finish',
    ])
    expect(history.map((e) => e.to.step)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 10, 11, 12, 13, 14])

    // Finished: its holder cannot reopen it.
    expect(await move(s.socket, card, 13, 'sekretaris', 'buka lagi')).toEqual({ ok: false, error: { code: 'MOVE_NOT_ALLOWED', reason: 'finished' } })

    const list = await api<{ cycles: CycleDto[] }>(server, 'GET', '/api/cycles', { cookie: sekretaris.cookie })
    expect(list.body.cycles.find((c) => c.id === cycle.id)?.progress).toEqual({ cards: 4, finished: 1, stepsDone: 13, stepsTotal: 52 })
  })

  it('a return is only the decision of step 11: step 10 cannot go back to 9', async () => {
    const cycle = await createCycle(server, admin)
    const a = await joined(admin, cycle.id)
    let card = cardOf(a.board, 'psdm')
    card = await moveOk(a.socket, card, 10, 'kasubag_program', 'lompat untuk pengujian')
    const k = (await joined(kasubag, cycle.id)).socket
    expect(await move(k, card, 9, 'kasubag_program', 'kembali')).toEqual({ ok: false, error: { code: 'MOVE_NOT_ALLOWED', reason: 'skip_not_allowed' } })
  })

  it('refuses non-holders as FORBIDDEN and skips by non-admins as MOVE_NOT_ALLOWED; an admin overrides with a reason', async () => {
    const cycle = await createCycle(server, admin)
    const s = await joined(sekretaris, cycle.id)
    const watcher = await joined(kaban, cycle.id)
    const seen = record(watcher.socket, 'card:moved')
    let card = cardOf(s.board, 'ppik')
    card = await moveOk(s.socket, card, 2, 'kepala_bidang')

    const otherUnit = (await joined(kabidPsdm, cycle.id)).socket
    const refusedOtherUnit = await move(otherUnit, card, 2, 'kasubag_program')
    expect(refusedOtherUnit).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', reason: 'not_your_unit', params: { unit: card.unit.shortName } } })

    const notHolder = (await joined(kasubag, cycle.id)).socket
    expect(await move(notHolder, card, 3, 'kasubag_program')).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', reason: 'not_your_lane', params: { unit: card.unit.shortName, lane: 'Kepala Bidang' } },
    })

    const b = (await joined(kabid, cycle.id)).socket
    expect(await move(b, card, 4, 'kasubag_program')).toEqual({ ok: false, error: { code: 'MOVE_NOT_ALLOWED', reason: 'skip_not_allowed' } })
    expect(await move(b, card, 1, 'sekretaris')).toEqual({ ok: false, error: { code: 'MOVE_NOT_ALLOWED', reason: 'skip_not_allowed' } })
    expect(await move(b, card, 3, 'kepala_badan')).toMatchObject({ ok: false, error: { code: 'MOVE_NOT_ALLOWED' } })
    expect(await move(b, card, 2, 'kepala_bidang')).toEqual({ ok: false, error: { code: 'MOVE_NOT_ALLOWED', reason: 'same_cell' } })
    expect(await move(b, card, 20, 'kepala_bidang')).toEqual({ ok: false, error: { code: 'MOVE_NOT_ALLOWED', reason: 'no_such_cell' } })

    const adminSocket = (await joined(admin, cycle.id)).socket
    expect(await move(adminSocket, card, 7, 'kasubag_program')).toEqual({ ok: false, error: { code: 'NOTE_REQUIRED', reason: 'note_required_override' } })

    await roundTrip(watcher.socket)
    expect(seen.events).toHaveLength(1) // only the first, real move
    expect(await stored(card.id)).toMatchObject({ step: 2, lane: 'kepala_bidang', version: 2 })

    const overridden = await moveOk(adminSocket, card, 7, 'kasubag_program', 'Data sudah dikumpulkan di luar aplikasi.')
    expect(overridden).toMatchObject({ step: 7, lane: 'kasubag_program', version: 3, rounds: 0 })
    expect(overridden.lastEntry).toMatchObject({
      kind: 'override',
      by: { id: admin.id, name: 'Admin Utama' },
      from: { step: 2, lane: 'kepala_bidang' },
      to: { step: 7, lane: 'kasubag_program' },
      note: 'Data sudah dikumpulkan di luar aplikasi.',
    })
    expect((await seen.waitFor((e) => e.version === 3)).kind).toBe('override')
  })
})

describe('restart', () => {
  it('keeps the board (places, versions, history) and the sessions across a restart', async () => {
    const first = await h.startServer()
    const boss = await setupAdmin(first, { name: 'Admin Restart' })
    const cycle = await createCycle(first, boss, { year: 2026, quarter: 3 })
    const socket = await h.connect(first, boss.cookie)
    const board = unpacked(await sendOk(socket, 'board:join', { cycleId: cycle.id }))
    let card = cardOf(board, 'ppik')
    card = await moveOk(socket, card, 2, 'kasubag_program')
    card = await moveOk(socket, card, 3, 'kasubag_program')
    await moveOk(socket, cardOf(board, 'mpk'), 5, 'kepala_seksi', 'lompat')
    await sendOk(socket, 'card:note', { opId: opId(), cardId: card.id, text: 'Catatan sebelum restart' })
    await sendOk(socket, 'card:output', { opId: opId(), cardId: card.id, output: 'Data terolah v1' })
    const before = unpacked(await sendOk(socket, 'board:join', { cycleId: cycle.id }))
    await first.close()

    const second = await h.startServer({ dbName: first.dbName })
    const again = await h.connect(second, boss.cookie)
    const after = unpacked(await sendOk(again, 'board:join', { cycleId: cycle.id }))
    expect(after.cards).toEqual(before.cards)
    expect(after.cycle).toEqual(before.cycle)
    expect(cardOf(after, 'ppik')).toMatchObject({ step: 3, version: 3, output: 'Data terolah v1' })
    expect((await detailOf(again, cardOf(after, 'ppik').id)).history).toHaveLength(3)
    expect(cardOf(after, 'ppik')).toMatchObject({ noteCount: 1, lastNote: { text: 'Catatan sebelum restart' } })

    // And it keeps working: the next move continues from the stored version.
    const next = await moveOk(again, cardOf(after, 'ppik'), 4, 'kasubag_program')
    expect(next.version).toBe(4)
  })
})

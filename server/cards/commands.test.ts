import { Types } from 'mongoose'
import { toMovedFact } from '../../shared/protocol/cardMoved'
import { beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { ErrorBody } from '../../shared/protocol/errors'
import type { CardDto } from '../../shared/protocol/board'
import {
  type Board,
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

let server: TestServer
let admin: TestUser
let sekretaris: TestUser
let kasubag: TestUser

beforeAll(async () => {
  server = await h.startServer()
  admin = await setupAdmin(server, { name: 'Admin Utama', role: 'kepala_badan' })
  ;[sekretaris, kasubag] = await Promise.all([
    createUser(server, admin, { name: 'Sari Sekretaris', role: 'sekretaris' }),
    createUser(server, admin, { name: 'Kurnia Kasubag', role: 'kasubag_program' }),
  ])
})

async function joined(user: TestUser, cycleId: string): Promise<{ socket: ClientSocket; board: Board }> {
  const socket = await h.connect(server, user.cookie)
  return { socket, board: unpacked(await sendOk(socket, 'board:join', { cycleId })) }
}

function firstCard(board: Board): CardDto {
  const card = board.cards[0]
  if (!card) throw new Error('no cards')
  return card
}

function stored(cardId: string) {
  return server.db.collection('cards').findOne({ _id: new Types.ObjectId(cardId) })
}

/** The card's events in the ledger, in chain order: its history and notes are there. */
async function kindsOf(cardId: string) {
  const chain = await server.db.collection('card_events').find({ cardId: new Types.ObjectId(cardId) }).sort({ seq: 1 }).toArray()
  return chain.map((e) => e.kind as string)
}

describe('card:note', () => {
  it('acks the note, broadcasts card:noted to the others, and stores a repeated opId once', async () => {
    const cycle = await createCycle(server, admin)
    const a = await joined(sekretaris, cycle.id)
    const b = await joined(kasubag, cycle.id)
    const seenByB = record(b.socket, 'card:noted')
    const seenByA = record(a.socket, 'card:noted')
    const card = firstCard(a.board)

    const payload = { opId: opId(), cardId: card.id, text: '  Format isian sudah dikirim ke semua bidang.  ' }
    const note = await sendOk(a.socket, 'card:note', payload)
    expect(note).toEqual({
      id: payload.opId,
      at: expect.any(String),
      by: { id: sekretaris.id, name: 'Sari Sekretaris' },
      text: 'Format isian sudah dikirim ke semua bidang.',
    })
    // With the card as it is now: one note more, that note its newest; its place unchanged.
    const lastNote = { at: note.at, by: note.by.name, text: note.text }
    expect(await seenByB.waitFor()).toEqual({ cycleId: cycle.id, cardId: card.id, note, card: { ...card, seq: card.seq + 1, noteCount: 1, lastNote } })

    expect(await sendOk(a.socket, 'card:note', payload)).toEqual(note)
    await Promise.all([roundTrip(a.socket), roundTrip(b.socket)])
    expect(seenByA.events).toEqual([])
    expect(seenByB.events).toHaveLength(1)

    const doc = await stored(card.id)
    expect(doc).toMatchObject({ noteCount: 1, lastNote: { id: note.id, text: note.text } })
    expect(await kindsOf(card.id)).toEqual(['create', 'note'])
    expect(doc?.version).toBe(1) // notes do not move the card

    const rejoined = unpacked(await sendOk(b.socket, 'board:join', { cycleId: cycle.id }))
    expect(rejoined.cards.find((c) => c.id === card.id)).toMatchObject({ noteCount: 1, lastNote: { at: note.at, by: note.by.name, text: note.text } })
    expect((await detailOf(b.socket, card.id)).notes).toEqual([note])
  })
})

describe('board:join after a reconnect', () => {
  it('sends only the cards whose chain went on since what the client says it has', async () => {
    const cycle = await createCycle(server, admin)
    const a = await joined(sekretaris, cycle.id)
    const b = await joined(kasubag, cycle.id)
    const [moved, noted, ...rest] = a.board.cards
    if (!moved || !noted) throw new Error('expected cards')
    const have = b.board.cards.map((c): [string, number] => [c.id, c.seq])

    // While b is away: a move, and a note (a note moves no card, but it is news too).
    const after = await sendOk(a.socket, 'card:move', { opId: opId(), cardId: moved.id, version: moved.version, to: { step: 2, lane: 'kepala_bidang' } })
    await sendOk(a.socket, 'card:note', { opId: opId(), cardId: noted.id, text: 'Sudah dikirim.' })

    const again = await sendOk(b.socket, 'board:join', { cycleId: cycle.id, have })
    expect(again.partial).toBe(true)
    const sent = unpacked(again).cards
    expect(sent.map((c) => c.id).sort()).toEqual([moved.id, noted.id].sort())
    expect(sent.find((c) => c.id === moved.id)).toEqual(after)
    expect(sent.find((c) => c.id === noted.id)).toMatchObject({ seq: noted.seq + 1, noteCount: 1, version: noted.version })

    // A card the client does not name is sent; a stale seq is sent again; a full join has no `partial`.
    const fewer = await sendOk(b.socket, 'board:join', { cycleId: cycle.id, have: have.filter(([id]) => id !== rest[0]?.id) })
    expect(unpacked(fewer).cards.map((c) => c.id)).toContain(rest[0]?.id)
    const full = await sendOk(b.socket, 'board:join', { cycleId: cycle.id })
    expect(full.partial).toBeUndefined()
    expect(full.cards.rows).toHaveLength(a.board.cards.length)
  })

  it('refuses a have list that is not [card id, seq] pairs', async () => {
    const cycle = await createCycle(server, admin)
    const { socket } = await joined(sekretaris, cycle.id)
    for (const have of [[['nope', 1]], [[cycle.id]], 'all', Array.from({ length: 5001 }, () => [cycle.id, 1])]) {
      const ack = await send(socket, 'board:join', { cycleId: cycle.id, have } as never)
      expect(ack).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    }
  })
})

describe('card:checklist and card:output', () => {
  it('lets the holder tick Kelengkapan and set the Output, broadcasting card:updated', async () => {
    const cycle = await createCycle(server, admin)
    const a = await joined(sekretaris, cycle.id)
    const b = await joined(kasubag, cycle.id)
    const seen = record(b.socket, 'card:updated')
    const card = firstCard(a.board)
    expect(card.checklist).toEqual([false]) // step 1: "Format Isian"

    const ticked = await sendOk(a.socket, 'card:checklist', { opId: opId(), cardId: card.id, index: 0, checked: true })
    expect(ticked).toMatchObject({ id: card.id, checklist: [true], version: 1, step: 1 })
    expect((await seen.waitFor()).card).toEqual(ticked)

    const withOutput = await sendOk(a.socket, 'card:output', { opId: opId(), cardId: card.id, output: ' Disposisi 800/12/BKPSDM ' })
    expect(withOutput).toMatchObject({ output: 'Disposisi 800/12/BKPSDM', checklist: [true], version: 1 })
    expect((await seen.waitFor((e) => e.card.output !== '')).card).toEqual(withOutput)

    // An item the step does not have.
    expect(await send(a.socket, 'card:checklist', { opId: opId(), cardId: card.id, index: 1, checked: true })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    })

    // Mutu Baku belongs to a step: the next step starts empty, and the old ticks stay with step 1.
    const moved = await sendOk(a.socket, 'card:move', { opId: opId(), cardId: card.id, version: 1, to: { step: 2, lane: 'kasubag_program' } })
    expect(moved).toMatchObject({ step: 2, checklist: [false], output: '' })
    expect(await stored(card.id)).toMatchObject({ mutu: { s1: { checks: { i0: true }, output: 'Disposisi 800/12/BKPSDM' } } })
  })

  it('refuses a non-holder as FORBIDDEN and changes nothing', async () => {
    const cycle = await createCycle(server, admin)
    const a = await joined(sekretaris, cycle.id)
    const b = await joined(kasubag, cycle.id)
    const seen = record(a.socket, 'card:updated')
    const card = firstCard(a.board)
    const before = await stored(card.id)

    expect(await send(b.socket, 'card:checklist', { opId: opId(), cardId: card.id, index: 0, checked: true })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', reason: 'not_your_lane', params: { lane: 'Sekretaris', unit: card.unit.shortName } },
    })
    expect(await send(b.socket, 'card:output', { opId: opId(), cardId: card.id, output: 'bukan milik saya' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', reason: 'not_your_lane', params: { lane: 'Sekretaris', unit: card.unit.shortName } },
    })
    await roundTrip(a.socket)
    expect(seen.events).toEqual([])
    expect(await stored(card.id)).toEqual(before)
  })

  it('keeps every change when a move, a note and a tick on one card arrive together', async () => {
    const cycle = await createCycle(server, admin)
    const a = await joined(sekretaris, cycle.id)
    for (const card of a.board.cards) {
      const note = { opId: opId(), cardId: card.id, text: 'bersamaan' }
      const [tick, , moved] = await Promise.all([
        send(a.socket, 'card:checklist', { opId: opId(), cardId: card.id, index: 0, checked: true }),
        send(a.socket, 'card:note', note),
        send(a.socket, 'card:move', { opId: opId(), cardId: card.id, version: 1, to: { step: 2, lane: 'kepala_bidang' } }),
      ])
      expect(moved.ok).toBe(true)
      const doc = await stored(card.id)
      expect(doc).toMatchObject({ step: 2, version: 2 })
      expect(doc).toMatchObject({ noteCount: 1, lastEntry: { kind: 'advance' } })
      const kinds = await kindsOf(card.id)
      expect(kinds.filter((k) => k === 'move')).toHaveLength(1)
      expect(kinds.filter((k) => k === 'note')).toHaveLength(1)
      // The tick either landed on step 1 before the move, or was refused because the card had moved on.
      if (tick.ok) expect(doc?.mutu).toMatchObject({ s1: { checks: { i0: true } } })
      else expect(tick.error.code).toMatch(/STALE|FORBIDDEN/)
    }
  })
})

describe('hostile and malformed commands', () => {
  it('answers each with ok:false and the right code, changes nothing, and keeps serving', async () => {
    const cycle = await createCycle(server, admin)
    // The administrator may move anything, so only validation stands in the way.
    const { socket, board } = await joined(admin, cycle.id)
    const watcher = await joined(sekretaris, cycle.id)
    const moved = record(watcher.socket, 'card:moved')
    const noted = record(watcher.socket, 'card:noted')
    const updated = record(watcher.socket, 'card:updated')
    const card = firstCard(board)
    const before = await stored(card.id)
    const valid = { opId: opId(), cardId: card.id, version: 1, to: { step: 2, lane: 'kepala_bidang' } }
    const withKey = (key: string, value: unknown) => JSON.parse(JSON.stringify(valid).replace('{', `{${JSON.stringify(key)}:${JSON.stringify(value)},`)) as unknown
    const unknownId = new Types.ObjectId().toHexString()
    const huge = 'x'.repeat(100_000)

    const cases: [string, 'board:join' | 'card:move' | 'card:note' | 'card:checklist' | 'card:output', unknown, string][] = [
      ['empty object', 'card:move', {}, 'VALIDATION'],
      ['missing opId', 'card:move', { ...valid, opId: undefined }, 'VALIDATION'],
      ['missing to', 'card:move', { ...valid, to: undefined }, 'VALIDATION'],
      ['version as a string', 'card:move', { ...valid, version: '1' }, 'VALIDATION'],
      ['negative version', 'card:move', { ...valid, version: -1 }, 'VALIDATION'],
      ['fractional version', 'card:move', { ...valid, version: 1.5 }, 'VALIDATION'],
      ['operator as cardId', 'card:move', { ...valid, cardId: { $gt: '' } }, 'VALIDATION'],
      ['operator as lane', 'card:move', { ...valid, to: { step: 2, lane: { $ne: null } } }, 'VALIDATION'],
      ['step as a string', 'card:move', { ...valid, to: { step: '2', lane: 'kepala_bidang' } }, 'VALIDATION'],
      ['uppercase cardId', 'card:move', { ...valid, cardId: card.id.toUpperCase() }, 'VALIDATION'],
      ['short opId', 'card:move', { ...valid, opId: 'x' }, 'VALIDATION'],
      ['opId with odd characters', 'card:move', { ...valid, opId: 'abc$def.ghi' }, 'VALIDATION'],
      ['__proto__ key', 'card:move', withKey('__proto__', { isAdmin: true }), 'VALIDATION'],
      ['constructor key', 'card:move', withKey('constructor', { prototype: { isAdmin: true } }), 'VALIDATION'],
      ['extra key', 'card:move', { ...valid, admin: true }, 'VALIDATION'],
      ['100 kB note', 'card:move', { ...valid, note: huge }, 'VALIDATION'],
      ['a string', 'card:move', 'card please', 'VALIDATION'],
      ['a number', 'card:move', 42, 'VALIDATION'],
      ['null', 'card:move', null, 'VALIDATION'],
      ['an array', 'card:move', [valid], 'VALIDATION'],
      ['unknown card', 'card:move', { ...valid, cardId: unknownId }, 'NOT_FOUND'],
      ['unknown cycle', 'board:join', { cycleId: unknownId }, 'NOT_FOUND'],
      ['operator as cycleId', 'board:join', { cycleId: { $ne: null } }, 'VALIDATION'],
      ['cycleId plus extra key', 'board:join', { cycleId: cycle.id, $where: '1' }, 'VALIDATION'],
      ['100 kB note text', 'card:note', { opId: opId(), cardId: card.id, text: huge }, 'VALIDATION'],
      ['blank note text', 'card:note', { opId: opId(), cardId: card.id, text: '   ' }, 'VALIDATION'],
      ['note on an unknown card', 'card:note', { opId: opId(), cardId: unknownId, text: 'halo' }, 'NOT_FOUND'],
      ['note with an operator cardId', 'card:note', { opId: opId(), cardId: { $exists: true }, text: 'halo' }, 'VALIDATION'],
      ['negative checklist index', 'card:checklist', { opId: opId(), cardId: card.id, index: -1, checked: true }, 'VALIDATION'],
      ['checklist index as a string', 'card:checklist', { opId: opId(), cardId: card.id, index: '0', checked: true }, 'VALIDATION'],
      ['checked as a string', 'card:checklist', { opId: opId(), cardId: card.id, index: 0, checked: 'yes' }, 'VALIDATION'],
      ['checklist on an unknown card', 'card:checklist', { opId: opId(), cardId: unknownId, index: 0, checked: true }, 'NOT_FOUND'],
      ['output too long', 'card:output', { opId: opId(), cardId: card.id, output: 'y'.repeat(501) }, 'VALIDATION'],
      ['output as an object', 'card:output', { opId: opId(), cardId: card.id, output: { $set: { step: 9 } } }, 'VALIDATION'],
    ]

    for (const [label, event, payload, code] of cases) {
      const ack = await send(socket, event, payload)
      expect(ack, label).toMatchObject({ ok: false, error: { code } })
      // A code and a reason from the closed lists, never a sentence: the client words it.
      if (!ack.ok) expect(ErrorBody.extend({ card: z.unknown().optional() }).parse(ack.error), label).toMatchObject({ reason: expect.any(String) })
    }

    // No ack callback at all: the server ignores the command rather than act unanswered.
    ;(socket as unknown as { emit(event: string, payload: unknown): void }).emit('card:move', valid)
    await roundTrip(socket)

    expect(await stored(card.id)).toEqual(before)
    await roundTrip(watcher.socket)
    expect([moved.events, noted.events, updated.events]).toEqual([[], [], []])
    expect(socket.connected).toBe(true)

    // Still serving: the same move, well-formed, goes through.
    const ok = await sendOk(socket, 'card:move', { ...valid, opId: opId() })
    expect(ok).toMatchObject({ step: 2, lane: 'kepala_bidang', version: 2 })
    expect(await moved.waitFor()).toEqual(toMovedFact(ok))
  })

  it('does not join a board that does not exist', async () => {
    const { socket } = await joined(admin, (await createCycle(server, admin)).id)
    const ack = await send(socket, 'board:join', { cycleId: new Types.ObjectId().toHexString() })
    expect(ack).toEqual({ ok: false, error: { code: 'NOT_FOUND', reason: 'not_found_cycle' } })
  })
})

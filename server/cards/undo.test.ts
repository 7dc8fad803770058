import { Types } from 'mongoose'
import { toMovedFact } from '../../shared/protocol/cardMoved'
import { beforeAll, describe, expect, it } from 'vitest'
import type { CardDto } from '../../shared/protocol/board'
import { WallMove } from '../../shared/protocol/displays'
import { toWallMove } from '../displays/projection'
import { auditLedger } from '../ledger/audit'
import {
  createCycle,
  createUser,
  detailOf,
  opId,
  record,
  roundTrip,
  send,
  sendOk,
  setupAdmin,
  useHarness,
  wita,
  type ClientSocket,
  type TestServer,
  type TestUser,
} from '../test/harness'

const h = useHarness()

/*
 * card:undo with real sockets. The server's clock is the test's: a move and its undo happen at the
 * same instant unless a test moves the clock on, so only the expiry test depends on time.
 */
let now = wita('2027-01-11 09:00') // a Monday, in office hours
let server: TestServer
let admin: TestUser
let sekretaris: TestUser
let kasubag: TestUser

beforeAll(async () => {
  server = await h.startServer({ clock: () => new Date(now) })
  admin = await setupAdmin(server, { name: 'Admin Utama', role: 'kepala_badan' })
  ;[sekretaris, kasubag] = await Promise.all([
    createUser(server, admin, { name: 'Sari Sekretaris', role: 'sekretaris' }),
    createUser(server, admin, { name: 'Kurnia Kasubag', role: 'kasubag_program' }),
  ])
})

/** A fresh cycle, the Sekretaris and the Kasubag Program on its board, PPIK's card as it starts. */
async function board() {
  const cycle = await createCycle(server, admin)
  const a = await h.joinBoard(server, sekretaris, cycle.id)
  const b = await h.joinBoard(server, kasubag, cycle.id)
  const card = a.board.cards.find((c) => c.unit.id === 'ppik')!
  return { a, b, card }
}

/** The Sekretaris's move of step 1 to step 2 (Kasubag Program), and its place in the chain. */
async function moveToKasubag(socket: ClientSocket, card: CardDto) {
  const op = opId()
  const moved = await sendOk(socket, 'card:move', { opId: op, cardId: card.id, version: card.version, to: { step: 2, lane: 'kasubag_program' } })
  const seq = moved.lastEntry.opId === op ? moved.lastEntry.seq : undefined
  if (!seq) throw new Error('the move ack names no seq')
  return { moved, seq }
}

function undo(socket: ClientSocket, card: CardDto, seq: number, op = opId()) {
  return send(socket, 'card:undo', { opId: op, cardId: card.id, seq })
}

const undoEvents = (cardId: string) => server.db.collection('card_events').countDocuments({ cardId: new Types.ObjectId(cardId), kind: 'undo' })

describe('card:undo', () => {
  it('puts the card back where it was with its step clock, as a new version, seen live, the chain intact', async () => {
    const { a, b, card } = await board()
    expect(a.board.undoWindowMs).toBe(10_000)
    const seenByB = record(b.socket, 'card:moved')
    const before = await detailOf(a.socket, card.id)
    const { moved, seq } = await moveToKasubag(a.socket, card)
    expect(moved).toMatchObject({ step: 2, lane: 'kasubag_program', version: 2 })
    // The board's fact names the move's place in the chain as the ack does.
    expect((await seenByB.waitFor((f) => f.version === 2)).seq).toBe(seq)
    now += 4000

    const ack = await undo(a.socket, card, seq)
    if (!ack.ok) throw new Error(`undo refused: ${ack.error.code} ${ack.error.reason ?? ''}`)
    const undone = ack.data
    const detail = await detailOf(a.socket, card.id)
    expect(undone).toMatchObject({ step: 1, lane: 'sekretaris', version: 3, rounds: card.rounds })
    // The step clock as before the move: the same entry instant and thresholds, the visit open again.
    expect({ enteredStepAt: undone.enteredStepAt, dueAt: undone.dueAt, atRiskAt: undone.atRiskAt, visits: detail.visits }).toEqual({
      enteredStepAt: card.enteredStepAt,
      dueAt: card.dueAt,
      atRiskAt: card.atRiskAt,
      visits: before.visits,
    })
    expect(undone.dueAt).not.toBeNull()
    // Both the move and its undo stay in the history.
    expect(detail.history.map((e) => e.kind)).toEqual(['create', 'advance', 'undo'])
    const entry = detail.history.at(-1)!
    expect(undone.lastEntry).toEqual(entry)
    expect(entry).toMatchObject({
      seq: seq + 1,
      kind: 'undo',
      by: { id: sekretaris.id, name: 'Sari Sekretaris' },
      from: { step: 2, lane: 'kasubag_program' },
      to: { step: 1, lane: 'sekretaris' },
      at: new Date(now).toISOString(),
    })

    const fact = await seenByB.waitFor((f) => f.kind === 'undo')
    expect(fact).toEqual(toMovedFact(undone))
    // The undo restores the entry instant of the step it goes back to, so the fact carries it.
    expect(fact.enteredStepAt).toBe(undone.enteredStepAt)
    expect(fact).toMatchObject({ opId: entry.opId, seq: entry.seq, kind: 'undo', from: entry.from, to: entry.to })
    // Walls get it as a move back.
    expect(WallMove.parse(toWallMove(undone.id, undone.version, entry))).toMatchObject({ kind: 'undo', from: entry.from, to: entry.to })

    // A move made against the undone version is stale; one against the undo's goes through.
    const late = await send(b.socket, 'card:move', { opId: opId(), cardId: card.id, version: 2, to: { step: 3, lane: 'kasubag_program' } })
    expect(late).toMatchObject({ ok: false, error: { code: 'STALE', card: { version: 3, step: 1 } } })
    await moveToKasubag(a.socket, undone)

    expect((await auditLedger(server.db)).breaks).toEqual([])
  })

  it('is refused once the window has passed', async () => {
    const { a, card } = await board()
    const { seq } = await moveToKasubag(a.socket, card)
    now += 10_001
    expect(await undo(a.socket, card, seq)).toEqual({ ok: false, error: { code: 'FORBIDDEN', reason: 'undo_expired', params: { seconds: 10 } } })
    expect(await undoEvents(card.id)).toBe(0)
  })

  it('is refused when anything happened to the card since, even a note by someone else', async () => {
    const { a, b, card } = await board()
    const { moved, seq } = await moveToKasubag(a.socket, card)
    await sendOk(b.socket, 'card:note', { opId: opId(), cardId: card.id, text: 'Sudah saya terima.' })
    const ack = await undo(a.socket, card, seq)
    expect(ack).toMatchObject({ ok: false, error: { code: 'STALE', reason: 'undo_overtaken', card: { step: 2, lane: 'kasubag_program', version: moved.version } } })
    expect(await undoEvents(card.id)).toBe(0)
  })

  it("is refused for another person's move, and for what is no move", async () => {
    const { a, b, card } = await board()
    const { seq } = await moveToKasubag(a.socket, card)
    expect(await undo(b.socket, card, seq)).toEqual({ ok: false, error: { code: 'FORBIDDEN', reason: 'undo_not_yours' } })
    // seq 1 is the card's creation; seq + 1 does not exist.
    for (const other of [1, seq + 1]) {
      expect(await undo(a.socket, card, other)).toEqual({ ok: false, error: { code: 'NOT_FOUND', reason: 'undo_not_a_move' } })
    }
    expect(await undoEvents(card.id)).toBe(0)
  })

  it('applies a resent undo once', async () => {
    const { a, b, card } = await board()
    const seenByB = record(b.socket, 'card:moved')
    const { seq } = await moveToKasubag(a.socket, card)
    const op = opId()
    const [first, again] = [await undo(a.socket, card, seq, op), await undo(a.socket, card, seq, op)]
    expect(first).toMatchObject({ ok: true, data: { step: 1, version: 3 } })
    expect(again).toEqual(first)
    // Two at once, as a reconnecting client's resend may race its first try.
    const { moved: twice, seq: seq2 } = await moveToKasubag(a.socket, first.ok ? first.data : card)
    const op2 = opId()
    const racing = await Promise.all([undo(a.socket, twice, seq2, op2), undo(a.socket, twice, seq2, op2)])
    expect(racing.map((r) => r.ok && r.data.version)).toEqual([5, 5])

    expect(await undoEvents(card.id)).toBe(2)
    await roundTrip(b.socket)
    expect(seenByB.events.filter((f) => f.kind === 'undo')).toHaveLength(2)
  })
})

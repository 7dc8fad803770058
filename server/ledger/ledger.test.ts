import { Types, type Connection } from 'mongoose'
import { describe, expect, it } from 'vitest'
import type { CardDto } from '../../shared/protocol/board'
import { cardModel } from '../cards/model'
import { listsOf } from '../cards/projection'
import { restoredBackup, V1_BACKUP, V2_BACKUP } from '../test/fixtures'
import { api, createCycle, createUser, detailOf, opId, send, sendOk, unpacked, setupAdmin, useHarness, type TestServer } from '../test/harness'
import type { AuditReport } from './audit'
import { auditLedger } from './audit'
import { cardEventModel } from './model'
import { createLedger, seal } from './repository'

/*
 * The card ledger against the real embedded database: the unique claim, two app instances on one
 * database, a crash between the event and its projection, the audit, and the migration of a real
 * backup made before the ledger existed.
 */

const h = useHarness()


async function boardOf(server: TestServer, cookie: string, cycleId: string) {
  const socket = await h.connect(server, cookie)
  return { socket, board: unpacked(await sendOk(socket, 'board:join', { cycleId })) }
}

const eventsOf = (db: Connection, cardId: string) =>
  db.collection('card_events').find({ cardId: new Types.ObjectId(cardId) }).sort({ seq: 1 }).toArray()

async function audit(server: TestServer, cookie: string): Promise<AuditReport> {
  const res = await api<AuditReport>(server, 'GET', '/api/admin/audit', { cookie })
  expect(res.status).toBe(200)
  return res.body
}

describe('the claim', () => {
  it('of two writers of the same place in a chain, exactly one insert succeeds; the other learns it was taken', async () => {
    const server = await h.startServer()
    const admin = await setupAdmin(server)
    const cycle = await createCycle(server, admin)
    const { board } = await boardOf(server, admin.cookie, cycle.id)
    const ledger = createLedger(cardEventModel(server.db))
    const card = (await cardModel(server.db).findById(board.cards[0]!.id).lean())!
    for (let round = 0; round < 10; round++) {
      const at = { cardId: card._id, cycleId: card.cycleId, seq: card.seq + round, head: round === 0 ? card.head : 'x' }
      const note = (text: string) => seal({ kind: 'note', payload: { text }, opId: opId(), at: new Date(), by: { id: 'a', name: 'A' }, version: card.version }, at)
      const results = await Promise.all([ledger.append(note('satu')), ledger.append(note('dua'))])
      expect(results.filter((r) => 'appended' in r), `round ${round}`).toHaveLength(1)
      expect(results.filter((r) => 'taken' in r && r.taken === 'seq'), `round ${round}`).toHaveLength(1)
    }
    // The same operation id twice is refused as applied, whatever its place.
    const repeat = (seq: number) => seal({ kind: 'note', payload: { text: 'lagi' }, opId: 'same-op-1234', at: new Date(), by: { id: 'a', name: 'A' }, version: 1 }, { cardId: card._id, cycleId: card.cycleId, seq, head: '' })
    expect('appended' in (await ledger.append(repeat(100)))).toBe(true)
    expect(await ledger.append(repeat(101))).toEqual({ taken: 'opId' })
  })

  it('two app instances on one embedded database: one of two racing moves wins, notes from both are all kept, every chain holds', async () => {
    const a = await h.startServer()
    const b = await h.startServer({ dbName: a.dbName })
    const admin = await setupAdmin(a)
    const sekretaris = await createUser(a, admin, { role: 'sekretaris' })
    const cycle = await createCycle(a, admin)
    const onA = await boardOf(a, sekretaris.cookie, cycle.id)
    const onB = await boardOf(b, sekretaris.cookie, cycle.id)

    // Racing moves of the same version, one through each node, ten cards over.
    for (const card of onA.board.cards) {
      const move = (n: string) => ({ opId: opId(), cardId: card.id, version: card.version, to: { step: 2, lane: 'kepala_bidang' }, note: n })
      const [x, y] = await Promise.all([send(onA.socket, 'card:move', move('a')), send(onB.socket, 'card:move', move('b'))])
      const wins = [x, y].filter((r) => r.ok)
      expect(wins, card.unit.id).toHaveLength(1)
      const lost = [x, y].find((r) => !r.ok)!
      expect(lost.ok === false && lost.error.code).toBe('STALE')
      // The loser is told who won: the card as it is now, moved once.
      expect(lost.ok === false && (lost.error.card as CardDto).version).toBe(card.version + 1)
    }

    // Notes from both nodes at once on one card: every one is kept, in one unbroken chain.
    const card = onA.board.cards[0]!
    const notes = Array.from({ length: 12 }, (_, i) => ({ opId: opId(), cardId: card.id, text: `catatan ${i}` }))
    await Promise.all(notes.map((n, i) => sendOk(i % 2 ? onB.socket : onA.socket, 'card:note', n)))
    const onBoard = await boardOf(b, sekretaris.cookie, cycle.id)
    const after = onBoard.board.cards.find((c) => c.id === card.id)!
    expect(after.noteCount).toBe(12)
    expect((await detailOf(onBoard.socket, card.id)).notes.map((n) => n.text).sort()).toEqual(notes.map((n) => n.text).sort())
    expect(after.version).toBe(card.version + 1)
    const chain = await eventsOf(a.db, card.id)
    expect(chain.map((e) => e.seq)).toEqual(chain.map((_, i) => i + 1))
    expect(chain.filter((e) => e.kind === 'note')).toHaveLength(12)
    expect((await audit(a, admin.cookie)).breaks).toEqual([])
  })
})

describe('a crash between the event and its projection', () => {
  /** An event in the ledger that the card document never got: the process died in between. */
  async function strandedNote(server: TestServer, cardId: string, text: string) {
    const card = (await cardModel(server.db).findById(cardId).lean())!
    const event = seal(
      { kind: 'note', payload: { text }, opId: opId(), at: new Date(), by: { id: 'x', name: 'Sari' }, version: card.version },
      { cardId: card._id, cycleId: card.cycleId, seq: card.seq, head: card.head },
    )
    expect('appended' in (await createLedger(cardEventModel(server.db)).append(event))).toBe(true)
    return event
  }

  it('is repaired by the next write to the card, which continues the chain', async () => {
    const server = await h.startServer()
    const admin = await setupAdmin(server)
    const cycle = await createCycle(server, admin)
    const { socket, board } = await boardOf(server, admin.cookie, cycle.id)
    const card = board.cards[0]!
    await strandedNote(server, card.id, 'tertinggal')
    const moved = await sendOk(socket, 'card:move', { opId: opId(), cardId: card.id, version: card.version, to: { step: 2, lane: 'kepala_bidang' } })
    expect(moved).toMatchObject({ noteCount: 1, lastNote: { text: 'tertinggal' } })
    expect((await detailOf(socket, card.id)).notes.map((n) => n.text)).toEqual(['tertinggal'])
    expect(moved.version).toBe(card.version + 1)
    expect((await eventsOf(server.db, card.id)).map((e) => e.kind)).toEqual(['create', 'note', 'move'])
    expect((await audit(server, admin.cookie)).breaks).toEqual([])
  })

  it('is repaired at the next start', async () => {
    const first = await h.startServer()
    const admin = await setupAdmin(first)
    const cycle = await createCycle(first, admin)
    const card = (await boardOf(first, admin.cookie, cycle.id)).board.cards[1]!
    await strandedNote(first, card.id, 'sebelum mati')
    // Before the restart the document is behind its chain: not a break (nothing was edited or
    // deleted), and the chain holds the stranded event.
    expect((await audit(first, admin.cookie)).breaks).toEqual([])
    expect((await eventsOf(first.db, card.id)).map((e) => e.kind)).toEqual(['create', 'note'])
    await first.close()
    const again = await h.startServer({ dbName: first.dbName })
    const { board, socket } = await boardOf(again, admin.cookie, cycle.id)
    expect(board.cards.find((c) => c.id === card.id)).toMatchObject({ noteCount: 1, lastNote: { text: 'sebelum mati' } })
    expect((await detailOf(socket, card.id)).notes.map((n) => n.text)).toEqual(['sebelum mati'])
    expect((await audit(again, admin.cookie)).breaks).toEqual([])
  })
})

describe('the audit', () => {
  it('names the first broken link of an edited, a deleted and a missing last event; only for administrators', async () => {
    const server = await h.startServer()
    const admin = await setupAdmin(server)
    const sekretaris = await createUser(server, admin, { role: 'sekretaris' })
    const cycle = await createCycle(server, admin)
    const { socket, board } = await boardOf(server, admin.cookie, cycle.id)
    const [edited, gapped, cut] = board.cards
    for (const card of [edited!, gapped!, cut!]) {
      let version = card.version
      for (const step of [2, 3, 4]) {
        const lane = board.template.steps.find((s) => s.no === step)!.defaultLane
        version = (await sendOk(socket, 'card:move', { opId: opId(), cardId: card.id, version, to: { step, lane } })).version
      }
    }
    expect((await audit(server, admin.cookie)).breaks).toEqual([])

    const events = server.db.collection('card_events')
    // Someone with database access rewrites who moved it, deletes a move, deletes the last move.
    await events.updateOne({ cardId: new Types.ObjectId(edited!.id), seq: 3 }, { $set: { 'by.name': 'Orang Lain' } })
    await events.deleteOne({ cardId: new Types.ObjectId(gapped!.id), seq: 2 })
    await events.deleteOne({ cardId: new Types.ObjectId(cut!.id), seq: 4 })
    const report = await audit(server, admin.cookie)
    expect(report.breaks).toEqual(
      expect.arrayContaining([
        { cardId: edited!.id, seq: 3, reason: 'hash' },
        { cardId: gapped!.id, seq: 2, reason: 'gap' },
        { cardId: cut!.id, seq: 4, reason: 'head' },
      ]),
    )
    expect(report.breaks).toHaveLength(3)
    expect((await api(server, 'GET', '/api/admin/audit', { cookie: sekretaris.cookie })).status).toBe(403)
  })
})

/** A fresh database with a backup restored into it, and its card documents as the backup had them. */
const restored = (fixture: string, prefix: string) => restoredBackup(h.uriOf, fixture, prefix)

describe('migration of a backup made before the ledger', () => {
  it('takes every card into the ledger once, losing no history entry, note, visit, document or operation id', async () => {
    const { dbName, old } = await restored(V1_BACKUP, 'migrate')
    expect(old).toHaveLength(8)
    expect(old.every((c) => c.seq === undefined && Array.isArray(c.opIds))).toBe(true)

    const server = await h.startServer({ dbName })
    const cards = await server.db.collection('cards').find().sort({ _id: 1 }).toArray()
    for (const [i, now] of cards.entries()) {
      const was = old[i]!
      const what = `card ${String(was._id)} (${(was.unit as { id: string }).id})`
      for (const field of ['cycleId', 'unit', 'step', 'lane', 'version', 'enteredStepAt']) {
        expect(now[field], `${what}: ${field}`).toEqual(was[field])
      }
      // What an old document left unwritten it meant as the default.
      const defaults: Record<string, unknown> = { dueAt: null, atRiskAt: null, rounds: 0, visits: [], mutu: {}, documents: [] }
      for (const [field, none] of Object.entries(defaults)) expect(now[field], `${what}: ${field}`).toEqual(was[field] ?? none)
      expect(now.opIds, what).toBeUndefined()
      const chain = await eventsOf(server.db, String(was._id))
      // The document is slim; its history and notes are its chain's: every entry as it was, now
      // with its event's place in the chain (`seq`) besides, and every note.
      const lists = listsOf(chain as never)
      const history = (was.history ?? []) as object[]
      const notes = (was.notes ?? []) as object[]
      expect(lists.history, `${what}: history`).toMatchObject(history)
      expect(lists.history, `${what}: history`).toHaveLength(history.length)
      expect(lists.notes, `${what}: notes`).toEqual(notes)
      expect(now, what).toMatchObject({ noteCount: notes.length, lastEntry: history.at(-1) })
      expect(now.history, what).toBeUndefined()
      expect(now.notes, what).toBeUndefined()
      expect(now.seq, what).toBe(chain.length)
      // Every operation the old card had applied is an event now, so a resend is still recognised.
      const opIds = new Set(chain.map((e) => e.opId))
      for (const op of was.opIds as string[]) expect(opIds.has(op), `${what}: ${op}`).toBe(true)
      expect(chain.at(-1)?.kind, what).toBe('migrated')
    }
    const report = await auditLedger(server.db)
    expect(report.breaks).toEqual([])
    expect(report.cards).toBe(8)

    // Idempotent: a second start migrates nothing and changes no chain.
    const events = await server.db.collection('card_events').countDocuments()
    await server.close()
    const again = await h.startServer({ dbName })
    expect(await again.db.collection('card_events').countDocuments()).toBe(events)

    // The board goes on: a resent old operation is recognised, a new move extends the chain.
    const admin = (await again.db.collection('users').findOne({ username: 'admin' }))!
    const login = await api(again, 'POST', '/api/auth/login', { body: { username: 'admin', password: 'rahasia-sekali-123' } })
    expect(login.status, `${String(admin.username)} signs in`).toBe(200)
    const cookie = (login.headers.getSetCookie()[0] ?? '').split(';')[0] ?? ''
    const psdm = old.find((c) => (c.unit as { id: string }).id === 'psdm' && (c.history as unknown[]).length > 1)!
    const { socket } = await boardOf(again, cookie, String(psdm.cycleId))
    const lastOp = (psdm.history as { opId: string }[]).at(-1)!.opId
    const resent = await sendOk(socket, 'card:move', { opId: lastOp, cardId: String(psdm._id), version: 1, to: { step: 2, lane: 'kepala_bidang' } })
    expect(resent.version).toBe(psdm.version)
    const step = psdm.step as number
    const lane = unpacked(await sendOk(socket, 'board:join', { cycleId: String(psdm.cycleId) })).template.steps.find((s) => s.no === step + 1)!.defaultLane
    const moved = await sendOk(socket, 'card:move', { opId: opId(), cardId: String(psdm._id), version: psdm.version as number, to: { step: step + 1, lane } })
    expect(moved).toMatchObject({ noteCount: 2, documentCount: 1 })
    const detail = await detailOf(socket, String(psdm._id))
    expect(detail.history).toHaveLength((psdm.history as unknown[]).length + 1)
    expect(detail.notes).toHaveLength(2)
    expect(detail.documents).toHaveLength(1)
    expect((await auditLedger(again.db)).breaks).toEqual([])
  })
})

describe('migration of a backup made before the slim card documents', () => {
  it('makes every card document slim, its history and notes read from its chain, losing nothing', async () => {
    const { dbName, old } = await restored(V2_BACKUP, 'slim')
    expect(old).toHaveLength(6)
    expect(old.every((c) => typeof c.seq === 'number' && Array.isArray(c.history) && Array.isArray(c.notes))).toBe(true)

    // The clock where the fixture's left it: every crossing passed by then was announced.
    const clock = () => new Date('2027-01-18T03:25:00Z')
    const server = await h.startServer({ dbName, clock })
    const cards = await server.db.collection('cards').find().sort({ _id: 1 }).toArray()
    expect(cards).toHaveLength(6)

    // Crossings that version announced (claims in `timer_events`) are not announced again,
    // although the cards still have those thresholds and they have passed.
    await server.app.timers.settled()
    expect(await server.db.collection('card_events').countDocuments({ kind: 'timer' })).toBe(0)
    const legacy = await server.db.collection('timer_events').find().toArray()
    expect(legacy.length).toBeGreaterThan(0)
    for (const claim of legacy) {
      const card = cards.find((c) => String(c._id) === claim.cardId)!
      expect((claim.state === 'at_risk' ? card.atRiskAt : card.dueAt) as Date).toEqual(claim.at)
      const again = await server.db.collection('card_events').countDocuments({ cardId: card._id, opId: `timer-${claim.state}-${(claim.at as Date).getTime()}` })
      expect(again, `${claim._id} announced again`).toBe(0)
    }
    const login = await api(server, 'POST', '/api/auth/login', { body: { username: 'admin', password: 'rahasia-sekali-123' } })
    expect(login.status).toBe(200)
    const cookie = (login.headers.getSetCookie()[0] ?? '').split(';')[0] ?? ''
    const socket = await h.connect(server, cookie)
    for (const [i, now] of cards.entries()) {
      const was = old[i]!
      const what = `card ${String(was._id)} (${(was.unit as { id: string }).id})`
      for (const field of ['cycleId', 'unit', 'step', 'lane', 'version', 'seq', 'head', 'enteredStepAt', 'dueAt', 'atRiskAt', 'rounds', 'visits', 'documents']) {
        expect(now[field], `${what}: ${field}`).toEqual(was[field])
      }
      // mongoose leaves an empty Mutu Baku unwritten.
      expect(now.mutu ?? {}, `${what}: mutu`).toEqual(was.mutu ?? {})
      const history = was.history as Record<string, unknown>[]
      const notes = was.notes as { id: string; at: Date; by: { id: string; name: string }; text: string }[]
      expect(now.history, what).toBeUndefined()
      expect(now.notes, what).toBeUndefined()
      expect(now, what).toMatchObject({ noteCount: notes.length, lastEntry: history.at(-1) })
      const lastNote = notes.at(-1)
      expect(now.lastNote, what).toEqual(lastNote ? { ...lastNote, text: lastNote.text.slice(0, 140) } : null)
      // The card panel shows every entry and note the document held, word for word.
      const detail = await detailOf(socket, String(was._id))
      expect(detail.history, `${what}: history`).toEqual(
        history.map((h) => ({ ...h, at: (h.at as Date).toISOString(), note: h.note ?? '', from: h.from ?? null })),
      )
      expect(detail.notes, `${what}: notes`).toEqual(notes.map((n) => ({ ...n, at: n.at.toISOString() })))
      expect(detail.documents.map((d) => d.id)).toEqual((was.documents as { id: string }[]).map((d) => d.id))
    }
    // The long note is kept whole in the chain, only its preview is cut.
    expect(cards.some((c) => ((c.lastNote as { text?: string } | null)?.text ?? '').length === 140)).toBe(true)
    expect((await auditLedger(server.db)).breaks).toEqual([])

    // Idempotent: a second start changes nothing; the board goes on from the slim documents.
    const before = await server.db.collection('cards').find().sort({ _id: 1 }).toArray()
    await server.close()
    const again = await h.startServer({ dbName, clock })
    await again.app.timers.settled()
    expect(await again.db.collection('cards').find().sort({ _id: 1 }).toArray()).toEqual(before)
    const onAgain = await h.connect(again, cookie)
    const psdm = cards.find((c) => (c.unit as { id: string }).id === 'psdm')!
    const board = unpacked(await sendOk(onAgain, 'board:join', { cycleId: String(psdm.cycleId) }))
    const card = board.cards.find((c) => c.id === String(psdm._id))!
    expect(card).toMatchObject({ noteCount: 2, documentCount: 1, output: 'Laporan capaian PSDM' })
    expect(card.checklist[0]).toBe(true)
    const lane = board.template.steps.find((s) => s.no === card.step + 1)!.defaultLane
    const moved = await sendOk(onAgain, 'card:move', { opId: opId(), cardId: card.id, version: card.version, to: { step: card.step + 1, lane } })
    expect(moved).toMatchObject({ version: card.version + 1, noteCount: 2, lastEntry: { kind: 'advance' } })
    const oldPsdm = old.find((c) => String(c._id) === card.id)!
    expect((await detailOf(onAgain, card.id)).history).toHaveLength((oldPsdm.history as unknown[]).length + 1)
    expect((await auditLedger(again.db)).breaks).toEqual([])
  })
})

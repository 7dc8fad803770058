import { describe, expect, it } from 'vitest'
import type { TimerThreshold } from '../../shared/protocol/events'
import { DEFAULT_CALENDAR } from '../../shared/time/calendar'
import { api, createCycle, detailOf, fakeClock, opId, record, roundTrip, send, sendOk, unpacked, setupAdmin, useHarness, wita, type TestServer } from '../test/harness'

const h = useHarness()


const PPIK = [{ id: 'ppik', name: 'Bidang PPIK', shortName: 'PPIK' }]

/** PPIK's card on a board opened by the administrator, the clock at Monday 11 Jan 2027, 08.00 WITA. */
async function ppikOnMonday() {
  const t = fakeClock('2027-01-11 08:00')
  const server = await h.startServer({ clock: t.clock })
  const admin = await setupAdmin(server)
  const cycle = await createCycle(server, admin, { year: 2027, quarter: 1, units: PPIK })
  const socket = await h.connect(server, admin.cookie)
  const card = unpacked(await sendOk(socket, 'board:join', { cycleId: cycle.id })).cards[0]!
  return { t, server, admin, cycle, socket, card }
}

/** The crossings recorded in the card ledger (each is the claim that it was announced). */
function crossings(server: TestServer) {
  return server.db.collection('card_events').find({ kind: 'timer' }).sort({ at: 1 }).toArray()
}

/** Lets the scheduler look now (as a move would) and waits until it has finished looking. */
async function tick(...servers: TestServer[]) {
  for (const s of servers) s.app.timers.poke()
  for (const s of servers) await s.app.timers.settled()
}

describe('step timers', () => {
  it('stores the step 1 thresholds (15 menit of office time) when a cycle starts', async () => {
    const t = fakeClock('2027-01-11 08:00') // Monday
    const server = await h.startServer({ clock: t.clock })
    const admin = await setupAdmin(server)
    await createCycle(server, admin, { year: 2027, quarter: 1, units: PPIK })
    const socket = await h.connect(server, admin.cookie)
    const cycles = await api<{ cycles: { id: string }[] }>(server, 'GET', '/api/cycles', { cookie: admin.cookie })
    const board = unpacked(await sendOk(socket, 'board:join', { cycleId: cycles.body.cycles[0]!.id }))
    const card = board.cards[0]!
    expect(card.dueAt).toBe(new Date(wita('2027-01-11 08:15')).toISOString())
    expect(card.atRiskAt).toBe(new Date(wita('2027-01-11 08:11') + 15_000).toISOString())
    expect((await detailOf(socket, card.id)).visits).toEqual([
      { step: 1, round: 1, enteredAt: new Date(wita('2027-01-11 08:00')).toISOString(), leftAt: null, workingMs: null, standardMs: 15 * 60_000 },
    ])
    expect(board.calendar.zoneLabel).toBe('WITA')
  })

  it('announces at-risk and then overdue once each, as the clock passes them', async () => {
    const { t, server, socket } = await ppikOnMonday()
    const timers = record(socket, 'card:timer')

    t.set('2027-01-11 08:10')
    await tick(server)
    await roundTrip(socket)
    expect(timers.events).toEqual([])

    t.set('2027-01-11 08:12')
    await tick(server)
    await tick(server)
    await timers.waitFor((e) => e.state === 'at_risk')

    t.set('2027-01-11 08:16')
    await tick(server)
    await tick(server)
    await timers.waitFor((e) => e.state === 'overdue')
    await roundTrip(socket)
    expect(timers.events.map((e: TimerThreshold) => e.state)).toEqual(['at_risk', 'overdue'])
  })

  it('announces a threshold once even with two server instances on one database', async () => {
    const t = fakeClock('2027-01-11 08:00')
    const a = await h.startServer({ clock: t.clock })
    const b = await h.startServer({ clock: t.clock, dbName: a.dbName })
    const admin = await setupAdmin(a)
    const cycle = await createCycle(a, admin, { year: 2027, quarter: 1, units: PPIK })
    const onA = await h.connect(a, admin.cookie)
    const onB = await h.connect(b, admin.cookie)
    await sendOk(onA, 'board:join', { cycleId: cycle.id })
    await sendOk(onB, 'board:join', { cycleId: cycle.id })
    const seenA = record(onA, 'card:timer')
    const seenB = record(onB, 'card:timer')

    t.set('2027-01-11 08:20')
    await Promise.all([tick(a, b), tick(b, a)])
    await tick(a, b)
    await roundTrip(onA)
    await roundTrip(onB)
    // Without a shared adapter each node reaches only its own sockets: the sum is what was announced.
    const all = [...seenA.events, ...seenB.events].map((e) => e.state).sort()
    expect(all).toEqual(['at_risk', 'overdue'])
  })

  it("announces the thresholds another node's move wrote, which this node learns from the stamps", async () => {
    const t = fakeClock('2027-01-11 08:00')
    const a = await h.startServer({ clock: t.clock })
    const b = await h.startServer({ clock: t.clock, dbName: a.dbName })
    const admin = await setupAdmin(a)
    const cycle = await createCycle(a, admin, { year: 2027, quarter: 1, units: PPIK })
    // b holds the step 1 clock; a will not announce anything.
    await tick(b)
    await a.app.timers.stop()
    const onA = await h.connect(a, admin.cookie)
    const onB = await h.connect(b, admin.cookie)
    const card = unpacked(await sendOk(onA, 'board:join', { cycleId: cycle.id })).cards[0]!
    await sendOk(onB, 'board:join', { cycleId: cycle.id })
    const seen = record(onB, 'card:timer')
    await sendOk(onA, 'card:move', { opId: opId(), cardId: card.id, version: card.version, to: { step: 2, lane: 'kepala_bidang' } })

    // Past step 1's thresholds but not step 2's: b knows the card has moved on.
    t.set('2027-01-11 09:00')
    await tick(b)
    await roundTrip(onB)
    expect(seen.events).toEqual([])
    t.set('2027-01-13 09:00') // past step 2's due instant (2 hari)
    await tick(b)
    await seen.waitFor((e) => e.state === 'overdue')
    expect(seen.events.map((e) => [e.state, e.at])).toEqual([
      ['at_risk', expect.stringMatching(/^2027-01-1[23]T/)],
      ['overdue', new Date(wita('2027-01-13 08:00')).toISOString()],
    ])
  })

  it('does not announce a crossing again when an undo brings its thresholds back', async () => {
    const { t, server, socket, card } = await ppikOnMonday()
    const seen = record(socket, 'card:timer')
    t.set('2027-01-11 08:12')
    await tick(server)
    await seen.waitFor((e) => e.state === 'at_risk')

    // Moved on and taken back: the card is in step 1 again, with the thresholds it had.
    const moved = await sendOk(socket, 'card:move', { opId: opId(), cardId: card.id, version: card.version, to: { step: 2, lane: 'kepala_bidang' } })
    const undone = await sendOk(socket, 'card:undo', { opId: opId(), cardId: card.id, seq: moved.lastEntry.seq! })
    expect(undone).toMatchObject({ step: 1, atRiskAt: card.atRiskAt, version: moved.version + 1 })
    await tick(server)
    await roundTrip(socket)
    expect(seen.events.map((e) => e.state)).toEqual(['at_risk'])
    expect((await crossings(server)).map((e) => e.payload.state)).toEqual(['at_risk'])
  })

  it('lets the mover undo a move after a timer crossing, which no one did', async () => {
    const t = fakeClock('2027-01-11 08:00')
    const server = await h.startServer({ clock: t.clock, deps: { undoWindowMs: 7 * 86_400_000, sessionIdleMs: 7 * 86_400_000 } })
    const admin = await setupAdmin(server)
    const cycle = await createCycle(server, admin, { year: 2027, quarter: 1, units: PPIK })
    const socket = await h.connect(server, admin.cookie)
    const card = unpacked(await sendOk(socket, 'board:join', { cycleId: cycle.id })).cards[0]!
    const moved = await sendOk(socket, 'card:move', { opId: opId(), cardId: card.id, version: card.version, to: { step: 2, lane: 'kepala_bidang' } })
    const seen = record(socket, 'card:timer')
    t.set('2027-01-13 09:00') // past step 2's due instant (2 hari)
    await tick(server)
    await seen.waitFor((e) => e.state === 'overdue')
    expect((await crossings(server)).map((e) => e.payload.state)).toEqual(['at_risk', 'overdue'])
    const undone = await sendOk(socket, 'card:undo', { opId: opId(), cardId: card.id, seq: moved.lastEntry.seq! })
    expect(undone).toMatchObject({ step: 1, lane: 'sekretaris', version: moved.version + 1 })
    // A note is someone's doing: after one, the undo of the next move is refused.
    const again = await sendOk(socket, 'card:move', { opId: opId(), cardId: card.id, version: undone.version, to: { step: 2, lane: 'kepala_bidang' } })
    await sendOk(socket, 'card:note', { opId: opId(), cardId: card.id, text: 'sudah dibaca' })
    const refused = await send(socket, 'card:undo', { opId: opId(), cardId: card.id, seq: again.lastEntry.seq! })
    expect(refused).toMatchObject({ ok: false, error: { code: 'STALE', reason: 'undo_overtaken' } })
  })

  it('after a restart announces what passed while it was down, and nothing twice', async () => {
    const t = fakeClock('2027-01-11 08:00')
    const first = await h.startServer({ clock: t.clock })
    const admin = await setupAdmin(first)
    await createCycle(first, admin, { year: 2027, quarter: 1, units: PPIK })
    t.set('2027-01-11 08:12')
    await tick(first)
    await first.close()

    t.set('2027-01-11 09:00')
    const second = await h.startServer({ clock: t.clock, dbName: first.dbName })
    await second.app.timers.settled()
    await tick(second)
    const claims = await crossings(second)
    expect(claims.map((c) => [c.payload.state, (c.at as Date).toISOString()])).toEqual([
      ['at_risk', new Date(wita('2027-01-11 08:12')).toISOString()],
      ['overdue', new Date(wita('2027-01-11 09:00')).toISOString()],
    ])
  })

  it('a move closes the visit with its working time and starts the next step clock', async () => {
    const { t, socket, card } = await ppikOnMonday()
    t.set('2027-01-11 11:50')
    const moved = await sendOk(socket, 'card:move', { opId: opId(), cardId: card.id, version: card.version, to: { step: 2, lane: 'kepala_bidang' } })
    const { visits } = await detailOf(socket, card.id)
    expect(visits[0]).toMatchObject({ step: 1, leftAt: new Date(wita('2027-01-11 11:50')).toISOString(), workingMs: 230 * 60_000 })
    expect(visits[1]).toMatchObject({ step: 2, round: 1, leftAt: null })
    // 2 hari from Monday 11.50: Wednesday 11.50.
    expect(moved.dueAt).toBe(new Date(wita('2027-01-13 11:50')).toISOString())

    // A hand-off within the step keeps the step's clock.
    const handed = await sendOk(socket, 'card:move', { opId: opId(), cardId: card.id, version: moved.version, to: { step: 2, lane: 'kasubag_program' } })
    expect(handed.dueAt).toBe(moved.dueAt)
    expect((await detailOf(socket, card.id)).visits).toEqual(visits)
  })

  it('a calendar edit mid-step moves the due instant and tells every board', async () => {
    const { server, admin, cycle, socket, card } = await ppikOnMonday()
    const moved = await sendOk(socket, 'card:move', { opId: opId(), cardId: card.id, version: card.version, to: { step: 2, lane: 'kepala_bidang' } })
    expect(moved.dueAt).toBe(new Date(wita('2027-01-13 08:00')).toISOString())

    const watcher = await h.connect(server, admin.cookie)
    await sendOk(watcher, 'board:join', { cycleId: cycle.id })
    const updates = record(watcher, 'card:updated')
    const calendars = record(watcher, 'calendar:changed')
    const calendar = {
      ...DEFAULT_CALENDAR,
      holidays: [...DEFAULT_CALENDAR.holidays, { date: '2027-01-12', name: 'Libur daerah (uji)', kind: 'lokal', source: 'uji' }],
    }
    const res = await api(server, 'PUT', '/api/calendar', { cookie: admin.cookie, body: calendar })
    expect(res.status).toBe(200)
    const update = await updates.waitFor((u) => u.card.id === card.id)
    expect(update.card.dueAt).toBe(new Date(wita('2027-01-14 08:00')).toISOString())
    await calendars.waitFor((c) => c.calendar.holidays.some((d) => d.date === '2027-01-12'))
  })

  it('only administrators edit the calendar, and a malformed one is refused', async () => {
    const server = await h.startServer()
    const admin = await setupAdmin(server)
    const bad = await api(server, 'PUT', '/api/calendar', { cookie: admin.cookie, body: { ...DEFAULT_CALENDAR, holidays: [{ date: '2027-02-30', name: 'x', kind: 'lokal', source: '' }] } })
    expect(bad.status).toBe(400)
    const anonymous = await api(server, 'PUT', '/api/calendar', { body: DEFAULT_CALENDAR })
    expect(anonymous.status).toBe(401)
  })
})

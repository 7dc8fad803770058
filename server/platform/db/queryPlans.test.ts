import { describe, expect, it } from 'vitest'
import type { Connection } from 'mongoose'
import type { NotificationList, TaskList } from '../../../shared/protocol/notifications'
import type { WorkCalendar } from '../../../shared/time/calendar'
import type { DisplayCreated } from '../../../shared/protocol/displays'
import { io as ioClient } from 'socket.io-client'
import { api, createCycle, createUser, fakeClock, nextEvent, opId, sendOk, setupAdmin, unpacked, useHarness, type ClientSocket, type TestServer } from '../../test/harness'

const h = useHarness()

interface Operation {
  collection: string
  method: string
  filter: Record<string, unknown>
}

/** Operations that carry no filter: an insert finds its place by the collection's unique indexes. */
const UNFILTERED = new Set(['insertOne', 'insertMany'])

/**
 * Collections whose size is the office's, not its history's: read whole, they stay small
 * however many quarters the installation runs (users: one per person; cycles: read once per node
 * and kept; the board cache's stamps: one per board and writing node; displays: one per wall).
 */
const SMALL = new Set(['users', 'cycles', 'board_stamps', 'displays'])

/** Every filtered operation the app sends through this connection while `run` runs. */
async function operationsOf(db: Connection, run: () => Promise<void>): Promise<Operation[]> {
  const seen: Operation[] = []
  const listen = (op: { collectionName: string; method: string; params?: unknown[] }) => {
    if (UNFILTERED.has(op.method)) return
    seen.push({ collection: op.collectionName, method: op.method, filter: (op.params?.[0] ?? {}) as Record<string, unknown> })
  }
  db.on('operation-start', listen)
  try {
    await run()
  } finally {
    db.off('operation-start', listen)
  }
  return seen
}

/**
 * Whether the embedded FerretDB answers the filter from an index, by its own query plan. A
 * collection not made yet (no work calendar saved) has nothing to read, and no plan to say so.
 */
async function pushedDown(db: Connection, op: Operation): Promise<boolean> {
  if (!(await db.db!.listCollections({ name: op.collection }).hasNext())) return true
  const plan = await db.db!.command({ explain: { find: op.collection, filter: op.filter } })
  return plan.filterPushdown === true
}

/** The operations of `ops` that read a collection growing with the installation's history. */
async function scanning(server: TestServer, ops: Operation[]): Promise<Operation[]> {
  const out: Operation[] = []
  for (const op of ops) if (!SMALL.has(op.collection) && !(await pushedDown(server.db, op))) out.push(op)
  return out
}

/*
 * The embedded FerretDB v1 (SQLite) answers from an index only a filter on `_id` alone; anything
 * else reads the whole collection. On the move path that would make every move cost as much as the
 * database is large (bench S10 measures it), so every query there must be one FerretDB pushes down.
 */
describe('query plans on the move and timer paths', () => {
  it('a move, its broadcast, its arrival notification, a second join, the bell and Tugas saya read by _id only', async () => {
    const server = await h.startServer()
    const admin = await setupAdmin(server)
    const kabid = await createUser(server, admin, { role: 'kepala_bidang', unitId: 'ppik' })
    const cycle = await createCycle(server, admin, { year: 2026, quarter: 3 })
    const mover = await h.connect(server, admin.cookie)
    const holder = await h.connect(server, kabid.cookie)
    const board = unpacked(await sendOk(mover, 'board:join', { cycleId: cycle.id }))
    const card = board.cards.find((c) => c.unit.id === 'ppik')
    if (!card) throw new Error('no ppik card')

    const ops = await operationsOf(server.db, async () => {
      const arrived = nextEvent(holder, 'notification:new')
      await sendOk(mover, 'card:move', { opId: opId(), cardId: card.id, version: card.version, to: { step: 2, lane: 'kepala_bidang' } })
      await arrived
      await sendOk(holder, 'board:join', { cycleId: cycle.id })
      // The holder's bell, as a board's first page asks for it, and their "mark all read".
      const inbox = await api<NotificationList>(server, 'GET', '/api/notifications', { cookie: kabid.cookie })
      expect(inbox.body.unread).toBe(1)
      const read = await api<{ unread: number }>(server, 'POST', '/api/notifications/read', { cookie: kabid.cookie, body: { all: true } })
      expect(read.body.unread).toBe(0)
      // And their "Tugas saya", where the card now waits.
      const tasks = await api<TaskList>(server, 'GET', '/api/tasks', { cookie: kabid.cookie })
      expect(tasks.body.cards.map((c) => c.id)).toEqual([card.id])
    })

    const writes = ops.filter((op) => op.collection === 'cards' && op.method === 'updateOne')
    expect(writes.length).toBeGreaterThan(0)
    expect(await scanning(server, ops)).toEqual([])
  })

  it("another node's first join of the board reads its cards by their ids", async () => {
    const server = await h.startServer()
    const admin = await setupAdmin(server)
    const cycle = await createCycle(server, admin, { year: 2026, quarter: 3 })
    const other = await h.startServer({ dbName: server.dbName })
    const socket = await h.connect(other, admin.cookie)
    let cards = 0
    const ops = await operationsOf(other.db, async () => {
      cards = unpacked(await sendOk(socket, 'board:join', { cycleId: cycle.id })).cards.length
    })
    expect(cards).toBeGreaterThan(0)
    expect(ops.filter((op) => op.collection === 'cards')).toHaveLength(cards)
    expect(await scanning(other, ops)).toEqual([])
  })

  it('a timer pass, its crossings and their notifications read by _id only once the node holds the clocks', async () => {
    const t = fakeClock('2027-01-11 08:00')
    const server = await h.startServer({ clock: t.clock })
    const admin = await setupAdmin(server)
    await createCycle(server, admin, { year: 2027, quarter: 1 })
    const pass = async () => {
      server.app.timers.poke()
      await server.app.timers.settled()
    }
    await pass() // the first pass after a start reads every running clock once

    t.set('2027-01-11 08:20') // past step 1's at-risk and due instants
    const ops = await operationsOf(server.db, pass)
    const crossings = await server.db.collection('card_events').countDocuments({ kind: 'timer' })
    const cards = await server.db.collection('cards').countDocuments({})
    expect(crossings).toBe(2 * cards)
    expect(ops.filter((op) => op.collection === 'cards').length).toBeGreaterThan(0)
    expect(await scanning(server, ops)).toEqual([])
  })

  it("a wall display's join, with its ticker of the latest moves, reads by _id only", async () => {
    const server = await h.startServer()
    const admin = await setupAdmin(server)
    const cycle = await createCycle(server, admin, { year: 2026, quarter: 3 })
    const board = await h.connect(server, admin.cookie)
    const [card] = unpacked(await sendOk(board, 'board:join', { cycleId: cycle.id })).cards
    await sendOk(board, 'card:move', { opId: opId(), cardId: card!.id, version: card!.version, to: { step: 2, lane: 'kepala_bidang' } })
    const created = await api<DisplayCreated>(server, 'POST', '/api/displays', { cookie: admin.cookie, body: { cycleId: cycle.id, label: 'TV' } })
    const wall: ClientSocket = ioClient(server.url, { auth: { displayToken: created.body.token }, transports: ['websocket'], forceNew: true, reconnection: false })
    try {
      await new Promise<void>((resolve, reject) => {
        wall.once('connect', () => resolve())
        wall.once('connect_error', reject)
      })
      let moves = 0
      const ops = await operationsOf(server.db, async () => {
        moves = (await sendOk(wall, 'wall:join', {})).moves.length
      })
      expect(moves).toBe(1)
      expect(await scanning(server, ops)).toEqual([])
    } finally {
      wall.disconnect()
    }
  })

  it('a calendar edit gives every running step its new thresholds reading by _id only', async () => {
    const server = await h.startServer()
    const admin = await setupAdmin(server)
    await createCycle(server, admin, { year: 2026, quarter: 3 })
    const { calendar } = (await api<{ calendar: WorkCalendar }>(server, 'GET', '/api/calendar', { cookie: admin.cookie })).body
    const holiday = { date: '2026-12-28', name: 'Libur (uji)', kind: 'lokal', source: 'uji' }
    const ops = await operationsOf(server.db, async () => {
      const saved = await api(server, 'PUT', '/api/calendar', { cookie: admin.cookie, body: { ...calendar, holidays: [...calendar.holidays, holiday] } })
      expect(saved.status).toBe(200)
    })
    const recomputed = await server.db.collection('card_events').countDocuments({ kind: 'clock' })
    expect(recomputed).toBe(await server.db.collection('cards').countDocuments({}))
    expect(await scanning(server, ops)).toEqual([])
  })

  it('the check itself tells a scanning filter from one by _id', async () => {
    const server = await h.startServer()
    await server.db.collection('cards').insertOne({ cycleId: 'x' })
    const byId = { collection: 'cards', method: 'findOne', filter: { _id: 'a' } }
    expect(await pushedDown(server.db, byId)).toBe(true)
    expect(await pushedDown(server.db, { ...byId, filter: { cycleId: 'x' } })).toBe(false)
    expect(await pushedDown(server.db, { ...byId, filter: { _id: 'a', version: 2 } })).toBe(false)
  })
})

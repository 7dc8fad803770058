import { RedisAdapter } from '@socket.io/redis-adapter'
import { toMovedFact } from '../../shared/protocol/cardMoved'
import { describe, expect, it } from 'vitest'
import type { Clock } from '../platform/clock'
import {
  api,
  createCycle,
  createUser,
  disconnected,
  fakeClock,
  opId,
  record,
  roundTrip,
  send,
  sendOk,
  unpacked,
  setupAdmin,
  useHarness,
  type TestServer,
} from '../test/harness'

/*
 * Two nodes on one database, sharing broadcasts through the Redis on 127.0.0.1:6379 (.ci/run
 * starts it). Each test gets channels of its own, so parallel runs and other tests never hear
 * each other.
 */

const h = useHarness()
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379'
let keyCounter = 0

const PPIK = [{ id: 'ppik', name: 'Bidang PPIK', shortName: 'PPIK' }]

/** Two apps on one database with the Redis adapter, once both listen on their channels. */
async function twoNodes(clock?: Clock): Promise<[TestServer, TestServer]> {
  const deps = { redisUrl: REDIS_URL, redisKey: `papan-test-${process.pid}-${Date.now()}-${++keyCounter}` }
  const a = await h.startServer({ clock, deps })
  const b = await h.startServer({ clock, dbName: a.dbName, deps })
  // The adapters connect in the background; a broadcast sent before the other node subscribed
  // would not reach it. The number of subscribed nodes is what Redis reports.
  for (const node of [a, b]) {
    await until(async () => (await node.app.io.of('/').adapter.serverCount()) === 2, 'both nodes subscribed')
  }
  return [a, b]
}

async function until(check: () => Promise<boolean>, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for: ${what}`)
    await new Promise((r) => setTimeout(r, 20))
  }
}

/** No more of a cross-node broadcast can be on its way: Redis delivers within milliseconds here. */
const quiet = () => new Promise((r) => setTimeout(r, 250))

const byId = (v: { userId: string }[]) => [...v].sort((x, y) => x.userId.localeCompare(y.userId))

describe('several nodes with the Redis adapter', () => {
  it('uses no Redis without REDIS_URL', async () => {
    const server = await h.startServer()
    expect(server.app.io.of('/').adapter).not.toBeInstanceOf(RedisAdapter)
  })

  it('a move acked on node A reaches a board open on node B', async () => {
    const [a, b] = await twoNodes()
    expect(a.app.io.of('/').adapter).toBeInstanceOf(RedisAdapter)
    const admin = await setupAdmin(a)
    const sekretaris = await createUser(a, admin, { role: 'sekretaris' })
    const cycle = await createCycle(a, admin)

    const mover = await h.connect(a, sekretaris.cookie)
    const watcher = await h.connect(b, admin.cookie)
    const card = unpacked(await sendOk(mover, 'board:join', { cycleId: cycle.id })).cards[0]!
    await sendOk(watcher, 'board:join', { cycleId: cycle.id })
    const seen = record(watcher, 'card:moved')
    const seenByMover = record(mover, 'card:moved')

    const acked = await sendOk(mover, 'card:move', { opId: opId(), cardId: card.id, version: card.version, to: { step: 2, lane: 'kepala_bidang' } })
    const moved = await seen.waitFor()
    expect(moved).toEqual(toMovedFact(acked))
    expect(moved).toMatchObject({ kind: 'advance', from: { step: 1 }, to: { step: 2, lane: 'kepala_bidang' } })
    await quiet()
    expect(seen.events).toHaveLength(1)
    // The sender gets its ack, not its own broadcast, also when the room spans nodes.
    expect(seenByMover.events).toEqual([])
  })

  it('lists the viewers of both nodes from either node', async () => {
    const [a, b] = await twoNodes()
    const admin = await setupAdmin(a, { name: 'Admin Utama', role: 'kepala_badan' })
    const sari = await createUser(a, admin, { name: 'Sari Sekretaris', role: 'sekretaris' })
    const cycle = await createCycle(a, admin)
    const both = [
      { userId: admin.id, name: 'Admin Utama', role: 'kepala_badan' },
      { userId: sari.id, name: 'Sari Sekretaris', role: 'sekretaris' },
    ]

    const onA = await h.connect(a, admin.cookie)
    const presenceA = record(onA, 'presence:changed')
    await sendOk(onA, 'board:join', { cycleId: cycle.id })
    const onB = await h.connect(b, sari.cookie)
    const joinedB = unpacked(await sendOk(onB, 'board:join', { cycleId: cycle.id }))
    expect(byId(joinedB.viewers)).toEqual(byId(both))
    expect(byId((await presenceA.waitFor((p) => p.viewers.length === 2)).viewers)).toEqual(byId(both))

    // Rejoining on A asks again from A's side.
    const again = unpacked(await sendOk(onA, 'board:join', { cycleId: cycle.id }))
    expect(byId(again.viewers)).toEqual(byId(both))

    onB.disconnect()
    const after = await presenceA.waitFor((p) => p.viewers.length === 1)
    expect(after.viewers).toEqual([both[0]])
  })

  it('a cycle cancelled through node A is read-only on node B, which had read it before', async () => {
    const [a, b] = await twoNodes()
    const admin = await setupAdmin(a)
    const cycle = await createCycle(a, admin, { year: 2027, quarter: 3, units: PPIK })
    const onB = await h.connect(b, admin.cookie)
    const card = unpacked(await sendOk(onB, 'board:join', { cycleId: cycle.id })).cards[0]!
    const told = record(onB, 'cycle:ended')
    const res = await api(a, 'POST', `/api/cycles/${cycle.id}/cancel`, { cookie: admin.cookie, body: { reason: 'Dimulai karena keliru' } })
    expect(res.status).toBe(200)
    expect((await told.waitFor()).cycle.status).toBe('cancelled')
    // B forgets its copy when A says so; the board heard it through the same Redis, so B has too.
    await until(async () => {
      const moved = await send(onB, 'card:move', { opId: opId(), cardId: card.id, version: 1, to: { step: 2, lane: 'kepala_bidang' } })
      return !moved.ok && moved.error.reason === 'cycle_cancelled'
    }, 'the move refused on node B')
    expect(await b.db.collection('card_events').countDocuments({ kind: 'move' })).toBe(0)
  })

  it('deactivating a user through node A disconnects their socket on node B', async () => {
    const [a, b] = await twoNodes()
    const admin = await setupAdmin(a)
    const kasubag = await createUser(a, admin, { role: 'kasubag_program' })
    const onB = await h.connect(b, kasubag.cookie)
    const adminOnB = await h.connect(b, admin.cookie)
    const gone = disconnected(onB)

    const res = await api(a, 'PATCH', `/api/users/${kasubag.id}`, { cookie: admin.cookie, body: { active: false } })
    expect(res.status).toBe(200)
    expect(await gone).toBe('io server disconnect')
    await roundTrip(adminOnB)
    expect(adminOnB.connected).toBe(true)
  })

  it('announces a timer threshold once, and it reaches the boards on both nodes exactly once each', async () => {
    const { clock, set } = fakeClock('2027-01-11 08:00') // Monday, office hours
    const [a, b] = await twoNodes(clock)
    const admin = await setupAdmin(a)
    const cycle = await createCycle(a, admin, { year: 2027, quarter: 1, units: PPIK })
    const onA = await h.connect(a, admin.cookie)
    const onB = await h.connect(b, admin.cookie)
    await sendOk(onA, 'board:join', { cycleId: cycle.id })
    await sendOk(onB, 'board:join', { cycleId: cycle.id })
    const seenA = record(onA, 'card:timer')
    const seenB = record(onB, 'card:timer')

    // Step 1 is 15 menit: at 08.20 it is past at-risk and overdue.
    set('2027-01-11 08:20')
    const tick = async () => {
      a.app.timers.poke()
      b.app.timers.poke()
      await Promise.all([a.app.timers.settled(), b.app.timers.settled()])
    }
    await tick()
    await tick()
    for (const seen of [seenA, seenB]) {
      await seen.waitFor((e) => e.state === 'at_risk')
      await seen.waitFor((e) => e.state === 'overdue')
    }
    await tick()
    await quiet()
    expect(seenA.events.map((e) => e.state).sort()).toEqual(['at_risk', 'overdue'])
    expect(seenB.events.map((e) => e.state).sort()).toEqual(['at_risk', 'overdue'])
    const claims = await a.db.collection('card_events').countDocuments({ kind: 'timer' })
    expect(claims).toBe(2)
  })
})

import { describe, expect, it } from 'vitest'
import type { CycleDto } from '../../shared/protocol/cycles'
import type { TaskList } from '../../shared/protocol/notifications'
import { BALANGAN_UNITS } from '../../shared/sop/balangan'
import { api, createCycle, createUser, fakeClock, nextEvent, opId, send, sendOk, setupAdmin, unpacked, useHarness, type TestServer, type TestUser } from '../test/harness'

const h = useHarness()

const cancel = (server: TestServer, user: TestUser, id: string, body: unknown) =>
  api<{ cycle: CycleDto }>(server, 'POST', `/api/cycles/${id}/cancel`, { cookie: user.cookie, body })
const close = (server: TestServer, user: TestUser, id: string) => api<{ cycle: CycleDto }>(server, 'POST', `/api/cycles/${id}/close`, { cookie: user.cookie, body: {} })

describe('cycle lifecycle', () => {
  it('cancels a running cycle with a reason: read-only, off Tugas saya and the timers, its period free to start again', async () => {
    const t = fakeClock('2027-01-11 08:00')
    const server = await h.startServer({ clock: t.clock })
    const admin = await setupAdmin(server, { name: 'Admin Utama' })
    const sekretaris = await createUser(server, admin, { role: 'sekretaris', name: 'Sekretaris' })
    const mistaken = await createCycle(server, admin, { year: 2027, quarter: 1 })
    expect(mistaken).toMatchObject({ status: 'running', ended: null })
    const socket = await h.connect(server, sekretaris.cookie)
    const card = unpacked(await sendOk(socket, 'board:join', { cycleId: mistaken.id })).cards[0]!
    expect((await api<TaskList>(server, 'GET', '/api/tasks', { cookie: sekretaris.cookie })).body.cards).toHaveLength(4)

    // Only an administrator, and only with a reason.
    expect((await cancel(server, sekretaris, mistaken.id, { reason: 'Salah triwulan' })).status).toBe(403)
    const noReason = await cancel(server, admin, mistaken.id, { reason: '  ' })
    expect(noReason.status).toBe(400)
    expect(noReason.body).toMatchObject({ error: { code: 'VALIDATION' } })

    const told = nextEvent(socket, 'cycle:ended')
    t.set('2027-01-11 08:05')
    const res = await cancel(server, admin, mistaken.id, { reason: 'Salah triwulan, seharusnya IV 2026' })
    expect(res.status).toBe(200)
    const ended = { at: new Date(t.clock()).toISOString(), by: { id: admin.id, name: 'Admin Utama' }, reason: 'Salah triwulan, seharusnya IV 2026' }
    expect(res.body.cycle).toMatchObject({ id: mistaken.id, status: 'cancelled', ended })
    expect((await told).cycle).toMatchObject({ id: mistaken.id, status: 'cancelled', ended })

    // Read-only: every change to its cards is refused, reading still works.
    const moved = await send(socket, 'card:move', { opId: opId(), cardId: card.id, version: 1, to: { step: 2, lane: 'kepala_bidang' } })
    expect(moved).toEqual({ ok: false, error: { code: 'CONFLICT', reason: 'cycle_cancelled' } })
    const noted = await send(socket, 'card:note', { opId: opId(), cardId: card.id, text: 'catatan' })
    expect(noted).toMatchObject({ ok: false, error: { code: 'CONFLICT', reason: 'cycle_cancelled' } })
    expect(unpacked(await sendOk(socket, 'board:join', { cycleId: mistaken.id })).cycle).toMatchObject({ status: 'cancelled', ended })
    // It cannot end twice.
    expect((await cancel(server, admin, mistaken.id, { reason: 'lagi' })).body).toEqual({ error: { code: 'CONFLICT', reason: 'cycle_ended' } })

    // Off Tugas saya, and its clocks have stopped: passing its deadlines (step 1 has 15 minutes)
    // announces nothing.
    expect((await api<TaskList>(server, 'GET', '/api/tasks', { cookie: sekretaris.cookie })).body.cards).toEqual([])
    t.set('2027-01-11 11:00')
    server.app.timers.poke()
    await server.app.timers.settled()
    expect(await server.db.collection('card_events').countDocuments({ kind: 'timer' })).toBe(0)
    expect(await server.db.collection('notifications').countDocuments()).toBe(0)

    // The same period starts again; both are listed, each with its status.
    const again = await createCycle(server, admin, { year: 2027, quarter: 1, units: BALANGAN_UNITS.slice(0, 2) })
    const list = await api<{ cycles: CycleDto[] }>(server, 'GET', '/api/cycles', { cookie: sekretaris.cookie })
    expect(list.body.cycles.map((c) => [c.id, c.status])).toEqual([
      [again.id, 'running'],
      [mistaken.id, 'cancelled'],
    ])
    // The new one holds the period: a third start of it is refused as before.
    const third = await api(server, 'POST', '/api/cycles', { cookie: admin.cookie, body: { year: 2027, quarter: 1, units: BALANGAN_UNITS } })
    expect(third.body).toEqual({ error: { code: 'CONFLICT', reason: 'cycle_started', params: { year: 2027, quarter: 1 } } })
    expect((await api<TaskList>(server, 'GET', '/api/tasks', { cookie: sekretaris.cookie })).body.cards.map((c) => c.cycleId)).toEqual([again.id, again.id])
  })

  it('closes only a finished cycle; a closed one is read-only, still listed and reported, and keeps its period', async () => {
    const server = await h.startServer()
    const admin = await setupAdmin(server)
    const cycle = await createCycle(server, admin, { year: 2027, quarter: 2, units: BALANGAN_UNITS.slice(0, 2) })
    const socket = await h.connect(server, admin.cookie)
    const [first, second] = unpacked(await sendOk(socket, 'board:join', { cycleId: cycle.id })).cards
    if (!first || !second) throw new Error('expected two cards')
    await sendOk(socket, 'card:move', { opId: opId(), cardId: first.id, version: 1, to: { step: 14, lane: 'sekretaris' }, note: 'Selesai di luar aplikasi' })

    const early = await close(server, admin, cycle.id)
    expect(early.status).toBe(409)
    expect(early.body).toEqual({ error: { code: 'CONFLICT', reason: 'cycle_unfinished', params: { open: 1 } } })

    const last = await sendOk(socket, 'card:move', { opId: opId(), cardId: second.id, version: 1, to: { step: 14, lane: 'sekretaris' }, note: 'Selesai di luar aplikasi' })
    const told = nextEvent(socket, 'cycle:ended')
    const closed = await close(server, admin, cycle.id)
    expect(closed.status).toBe(200)
    expect(closed.body.cycle).toMatchObject({ status: 'closed', ended: { by: { id: admin.id }, reason: '' }, progress: { cards: 2, finished: 2 } })
    expect((await told).cycle.status).toBe('closed')

    // Not even the administrator's override changes it now.
    const moved = await send(socket, 'card:move', { opId: opId(), cardId: second.id, version: last.version, to: { step: 13, lane: 'kasubag_program' }, note: 'buka lagi' })
    expect(moved).toEqual({ ok: false, error: { code: 'CONFLICT', reason: 'cycle_closed' } })
    expect((await api(server, 'GET', `/api/cycles/${cycle.id}/stats`, { cookie: admin.cookie })).status).toBe(200)
    const again = await api(server, 'POST', '/api/cycles', { cookie: admin.cookie, body: { year: 2027, quarter: 2, units: BALANGAN_UNITS } })
    expect(again.body).toMatchObject({ error: { reason: 'cycle_started' } })
    expect((await cancel(server, admin, cycle.id, { reason: 'terlambat dibatalkan' })).body).toEqual({ error: { code: 'CONFLICT', reason: 'cycle_ended' } })
  })
})

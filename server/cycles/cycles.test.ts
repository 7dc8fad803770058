import { describe, expect, it } from 'vitest'
import type { BoardSnapshot } from '../../shared/protocol/board'
import type { CycleDto } from '../../shared/protocol/cycles'
import { BALANGAN_UNITS, MONEV_KINERJA } from '../../shared/sop/balangan'
import { api, createCycle, createUser, detailOf, opId, sendOk, unpacked, setupAdmin, useHarness } from '../test/harness'

const h = useHarness()

describe('cycles', () => {
  it('starts a cycle with one card per unit in step 1 (Sekretaris), version 1, one "create" entry', async () => {
    const server = await h.startServer()
    const admin = await setupAdmin(server, { name: 'Admin Utama' })
    const res = await api<{ cycle: CycleDto }>(server, 'POST', '/api/cycles', {
      cookie: admin.cookie,
      body: { year: 2026, quarter: 3, units: BALANGAN_UNITS },
    })
    expect(res.status).toBe(201)
    const cycle = res.body.cycle
    expect(cycle).toMatchObject({
      title: 'Triwulan III 2026',
      year: 2026,
      quarter: 3,
      templateId: MONEV_KINERJA.id,
      templateVersion: MONEV_KINERJA.version,
      templateName: MONEV_KINERJA.identity.name,
      units: BALANGAN_UNITS,
      createdBy: 'Admin Utama',
      progress: { cards: 4, finished: 0, stepsDone: 0, stepsTotal: 52 },
    })

    const socket = await h.connect(server, admin.cookie)
    const board = unpacked(await sendOk(socket, 'board:join', { cycleId: cycle.id }))
    expect(board.cycle).toEqual(cycle)
    expect(board.template).toEqual(MONEV_KINERJA)
    expect(board.cards.map((c) => c.unit)).toEqual(BALANGAN_UNITS)
    for (const card of board.cards) {
      expect(card).toMatchObject({ cycleId: cycle.id, step: 1, lane: 'sekretaris', version: 1, rounds: 0, checklist: [false], output: '' })
      expect(card).toMatchObject({ noteCount: 0, documentCount: 0, lastNote: null })
      const detail = await detailOf(socket, card.id)
      expect(detail).toMatchObject({ cardId: card.id, version: 1, notes: [], documents: [] })
      expect(card.lastEntry).toEqual(detail.history[0])
      expect(detail.history).toEqual([
        {
          opId: expect.any(String),
          seq: 1,
          kind: 'create',
          at: card.enteredStepAt,
          by: { id: admin.id, name: 'Admin Utama' },
          from: null,
          to: { step: 1, lane: 'sekretaris' },
          note: '',
        },
      ])
    }
    expect(await server.db.collection('cards').countDocuments()).toBe(4)
  })

  it('refuses the same period twice with CONFLICT and leaves no extra cards', async () => {
    const server = await h.startServer()
    const admin = await setupAdmin(server)
    await createCycle(server, admin, { year: 2026, quarter: 1 })
    const again = await api(server, 'POST', '/api/cycles', {
      cookie: admin.cookie,
      body: { year: 2026, quarter: 1, units: [{ id: 'baru', name: 'Unit Baru', shortName: 'Baru' }] },
    })
    expect(again.status).toBe(409)
    expect(again.body).toEqual({ error: { code: 'CONFLICT', reason: 'cycle_started', params: { year: 2026, quarter: 1 } } })
    expect(await server.db.collection('cycles').countDocuments()).toBe(1)
    expect(await server.db.collection('cards').countDocuments()).toBe(4)
    // Another quarter of the same year is a different period.
    await createCycle(server, admin, { year: 2026, quarter: 2 })
  })

  it('lets exactly one of two racing starts of one period through', async () => {
    const server = await h.startServer()
    const admin = await setupAdmin(server)
    const body = { year: 2027, quarter: 4, units: BALANGAN_UNITS }
    const results = await Promise.all([1, 2].map(() => api(server, 'POST', '/api/cycles', { cookie: admin.cookie, body })))
    expect(results.map((r) => r.status).sort()).toEqual([201, 409])
    expect(await server.db.collection('cards').countDocuments()).toBe(4)
  })

  it('lists cycles, newest period first, with their progress, to any signed-in user', async () => {
    const server = await h.startServer()
    const admin = await setupAdmin(server)
    const staff = await createUser(server, admin, { role: 'kasubag_program' })
    const older = await createCycle(server, admin, { year: 2026, quarter: 1, units: BALANGAN_UNITS.slice(0, 2) })
    const newer = await createCycle(server, admin, { year: 2026, quarter: 2 })

    const socket = await h.connect(server, admin.cookie)
    const board = unpacked(await sendOk(socket, 'board:join', { cycleId: older.id }))
    const [first, second] = board.cards
    if (!first || !second) throw new Error('expected two cards')
    await sendOk(socket, 'card:move', { opId: opId(), cardId: first.id, version: 1, to: { step: 2, lane: 'kepala_bidang' } })
    await sendOk(socket, 'card:move', { opId: opId(), cardId: second.id, version: 1, to: { step: 14, lane: 'sekretaris' }, note: 'Diselesaikan di luar aplikasi' })

    const list = await api<{ cycles: CycleDto[] }>(server, 'GET', '/api/cycles', { cookie: staff.cookie })
    expect(list.status).toBe(200)
    expect(list.body.cycles.map((c) => c.id)).toEqual([newer.id, older.id])
    expect(list.body.cycles[0]?.progress).toEqual({ cards: 4, finished: 0, stepsDone: 0, stepsTotal: 52 })
    expect(list.body.cycles[1]?.progress).toEqual({ cards: 2, finished: 1, stepsDone: 1 + 13, stepsTotal: 26 })
  })

  it('serves a board over HTTP as its join does, counting the reader among its viewers', async () => {
    const server = await h.startServer()
    const admin = await setupAdmin(server, { name: 'Admin Utama' })
    const staff = await createUser(server, admin, { role: 'kasubag_program', name: 'Rina Kasubag' })
    const cycle = await createCycle(server, admin, { year: 2026, quarter: 3 })
    const socket = await h.connect(server, admin.cookie)
    const joined = unpacked(await sendOk(socket, 'board:join', { cycleId: cycle.id }))
    const [card] = joined.cards
    if (!card) throw new Error('expected a card')
    await sendOk(socket, 'card:move', { opId: opId(), cardId: card.id, version: 1, to: { step: 2, lane: 'kepala_bidang' } })

    const res = await api<BoardSnapshot>(server, 'GET', `/api/cycles/${cycle.id}/board`, { cookie: staff.cookie })
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('no-store')
    const board = unpacked(res.body)
    const again = unpacked(await sendOk(socket, 'board:join', { cycleId: cycle.id }))
    expect(board.cards).toEqual(again.cards)
    expect(board.cards.find((c) => c.id === card.id)).toMatchObject({ step: 2, lane: 'kepala_bidang', version: 2 })
    expect(board).toMatchObject({ cycle: again.cycle, template: again.template, calendar: again.calendar })
    expect(board.partial).toBeUndefined()
    // The reader joins over the socket next: already counted, beside whoever is there.
    expect(board.viewers.map((v) => v.name).sort()).toEqual(['Admin Utama', 'Rina Kasubag'])

    expect((await api(server, 'GET', `/api/cycles/${cycle.id}/board`)).status).toBe(401)
    for (const id of ['0123456789abcdef01234567', 'bukan-id']) {
      const missing = await api(server, 'GET', `/api/cycles/${id}/board`, { cookie: staff.cookie })
      expect(missing.status).toBe(404)
      expect(missing.body).toEqual({ error: { code: 'NOT_FOUND', reason: 'not_found_cycle' } })
    }
  })

  it('is for signed-in users to read and administrators to start', async () => {
    const server = await h.startServer()
    const admin = await setupAdmin(server)
    const staff = await createUser(server, admin, { role: 'sekretaris' })
    const body = { year: 2026, quarter: 3, units: BALANGAN_UNITS }

    expect((await api(server, 'GET', '/api/cycles')).status).toBe(401)
    expect((await api(server, 'POST', '/api/cycles', { body })).status).toBe(401)
    const byStaff = await api(server, 'POST', '/api/cycles', { cookie: staff.cookie, body })
    expect(byStaff.status).toBe(403)
    expect(byStaff.body).toMatchObject({ error: { code: 'FORBIDDEN' } })
    expect(await server.db.collection('cycles').countDocuments()).toBe(0)
  })

  it.each([
    ['quarter 5', { year: 2026, quarter: 5, units: BALANGAN_UNITS }],
    ['no units', { year: 2026, quarter: 1, units: [] }],
    ['duplicate unit ids', { year: 2026, quarter: 1, units: [BALANGAN_UNITS[0], BALANGAN_UNITS[0]] }],
    ['year as an operator', { year: { $gt: 0 }, quarter: 1, units: BALANGAN_UNITS }],
    ['an extra key', { year: 2026, quarter: 1, units: BALANGAN_UNITS, template: {} }],
    ['a unit id with odd characters', { year: 2026, quarter: 1, units: [{ id: '$bad', name: 'X', shortName: 'X' }] }],
  ])('refuses %s as VALIDATION', async (_label, body) => {
    const server = await h.startServer()
    const admin = await setupAdmin(server)
    const res = await api(server, 'POST', '/api/cycles', { cookie: admin.cookie, body })
    expect(res.status).toBe(400)
    expect(res.body).toMatchObject({ error: { code: 'VALIDATION' } })
    expect(await server.db.collection('cycles').countDocuments()).toBe(0)
  })
})

import { describe, expect, it } from 'vitest'
import type { CycleDto } from '../../shared/protocol/cycles'
import { connectDb } from '../platform/db/connect'
import { restoredBackup, V2_BACKUP } from '../test/fixtures'
import { api, useHarness } from '../test/harness'

const h = useHarness()

describe('migration of cycles made before they could end', () => {
  it('keeps every cycle as it was, running, and frees a period once its cycle is cancelled', async () => {
    // As that version's installation has it: the one-cycle-per-period index, not today's.
    const { dbName } = await restoredBackup(h.uriOf, V2_BACKUP, 'cycles', async (conn) => {
      const cycles = conn.collection('cycles')
      for (const index of await cycles.indexes()) if (index.name !== '_id_') await cycles.dropIndex(index.name!)
      await cycles.createIndex({ templateId: 1, year: 1, quarter: 1 }, { unique: true })
    })
    const before = await connectDb(h.uriOf(dbName))
    const old = await before.collection('cycles').find().sort({ _id: 1 }).toArray()
    await before.close()
    expect(old.map((c) => [c.title, c.status, c.slot])).toEqual([
      ['Triwulan I 2027', undefined, undefined],
      ['Triwulan II 2027', undefined, undefined],
    ])

    const server = await h.startServer({ dbName, clock: () => new Date('2027-01-18T03:25:00Z') })
    const now = await server.db.collection('cycles').find().sort({ _id: 1 }).toArray()
    for (const [i, cycle] of now.entries()) {
      const { status, slot, ended, ...rest } = cycle
      expect(rest, String(cycle.title)).toEqual(old[i])
      expect({ status, slot, ended }).toEqual({ status: 'running', slot: 'live', ended: undefined })
    }
    const indexes = (await server.db.collection('cycles').indexes()).map((i) => i.name)
    expect(indexes).not.toContain('templateId_1_year_1_quarter_1')
    expect(indexes).toContain('templateId_1_year_1_quarter_1_slot_1')

    const login = await api(server, 'POST', '/api/auth/login', { body: { username: 'admin', password: 'rahasia-sekali-123' } })
    const cookie = (login.headers.getSetCookie()[0] ?? '').split(';')[0] ?? ''
    const listed = await api<{ cycles: CycleDto[] }>(server, 'GET', '/api/cycles', { cookie })
    expect(listed.body.cycles.map((c) => [c.title, c.status, c.ended])).toEqual([
      ['Triwulan II 2027', 'running', null],
      ['Triwulan I 2027', 'running', null],
    ])
    const first = listed.body.cycles[1]!
    const units = first.units
    expect((await api(server, 'POST', '/api/cycles', { cookie, body: { year: 2027, quarter: 1, units } })).status).toBe(409)
    expect((await api(server, 'POST', `/api/cycles/${first.id}/cancel`, { cookie, body: { reason: 'Diulang dengan unit baru' } })).status).toBe(200)
    expect((await api(server, 'POST', '/api/cycles', { cookie, body: { year: 2027, quarter: 1, units } })).status).toBe(201)

    // Idempotent: a restart changes nothing more.
    const after = await server.db.collection('cycles').find().sort({ _id: 1 }).toArray()
    await server.close()
    const again = await h.startServer({ dbName })
    expect(await again.db.collection('cycles').find().sort({ _id: 1 }).toArray()).toEqual(after)
  })
})

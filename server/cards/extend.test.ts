import { describe, expect, it } from 'vitest'
import { api, createCycle, createUser, detailOf, fakeClock, opId, record, send, sendOk, setupAdmin, unpacked, useHarness, wita } from '../test/harness'

const h = useHarness()

const PPIK = [{ id: 'ppik', name: 'Bidang PPIK', shortName: 'PPIK' }]
const iso = (local: string) => new Date(wita(local)).toISOString()

/** PPIK's card in step 1 (15 menit), entered Monday 11 Jan 2027 08.00 WITA; the Sekretaris's board and a Kepala Bidang's. */
async function ppik() {
  const t = fakeClock('2027-01-11 08:00')
  const server = await h.startServer({ clock: t.clock })
  const admin = await setupAdmin(server)
  const sekretaris = await createUser(server, admin, { role: 'sekretaris', name: 'Sri Sekretaris' })
  const kabid = await createUser(server, admin, { role: 'kepala_bidang', unitId: 'ppik' })
  const cycle = await createCycle(server, admin, { year: 2027, quarter: 1, units: PPIK })
  const socket = await h.connect(server, sekretaris.cookie)
  const card = unpacked(await sendOk(socket, 'board:join', { cycleId: cycle.id })).cards[0]!
  return { t, server, admin, sekretaris, kabid, cycle, socket, card }
}

describe('dispensation (card:extend)', () => {
  it('extends the current step by N units of its Waktu, in the history with its reason, told to every board', async () => {
    const { t, server, kabid, cycle, socket, card } = await ppik()
    expect(card.dueAt).toBe(iso('2027-01-11 08:15'))
    const watcher = await h.connect(server, kabid.cookie)
    await sendOk(watcher, 'board:join', { cycleId: cycle.id })
    const heard = record(watcher, 'card:updated')

    t.set('2027-01-11 08:10')
    const extended = await sendOk(socket, 'card:extend', { opId: opId(), cardId: card.id, version: 1, amount: 5, reason: 'Menunggu data dari BKN' })
    // 15 + 5 menit of office time from the entry; the at-risk instant follows (at 75 % of 20 menit).
    expect(extended).toMatchObject({ version: 1, extended: 5, dueAt: iso('2027-01-11 08:20'), atRiskAt: iso('2027-01-11 08:15') })
    expect((await heard.waitFor()).card).toMatchObject({ id: card.id, extended: 5, dueAt: iso('2027-01-11 08:20') })

    const detail = await detailOf(socket, card.id)
    expect(detail.history.at(-1)).toMatchObject({ kind: 'extend', amount: 5, note: 'Menunggu data dari BKN', by: { name: 'Sri Sekretaris' }, from: null, to: { step: 1, lane: 'sekretaris' } })
    expect(detail.visits).toEqual([expect.objectContaining({ step: 1, extended: 5, standardMs: 20 * 60_000, leftAt: null })])

    // A second one adds to the first; a move to the next step starts its own clock without it.
    const again = await sendOk(socket, 'card:extend', { opId: opId(), cardId: card.id, version: 1, amount: 1, reason: 'Masih menunggu' })
    expect(again).toMatchObject({ extended: 6, dueAt: iso('2027-01-11 08:21') })
    const moved = await sendOk(socket, 'card:move', { opId: opId(), cardId: card.id, version: 1, to: { step: 2, lane: 'kepala_bidang' } })
    expect(moved.extended).toBeUndefined()
    const visits = (await detailOf(socket, card.id)).visits
    expect(visits.map((v) => [v.step, v.extended])).toEqual([
      [1, 6],
      [2, undefined],
    ])

    // Counted in the reports: the dashboard's summary and the printed report's list.
    const stats = await api<{ stats: { summary: { extensions: number }; extensions: { amount: number; note: string; to: { step: number } }[] } }>(
      server,
      'GET',
      `/api/cycles/${cycle.id}/stats`,
      { cookie: kabid.cookie },
    )
    expect(stats.body.stats.summary.extensions).toBe(2)
    expect(stats.body.stats.extensions.map((x) => [x.to.step, x.amount, x.note])).toEqual([
      [1, 5, 'Menunggu data dari BKN'],
      [1, 1, 'Masih menunggu'],
    ])
  })

  it('is for the Sekretaris and administrators only, with a reason, on the version seen, for a card whose clock runs', async () => {
    const { server, admin, kabid, cycle, socket, card } = await ppik()
    const byKabid = await h.connect(server, kabid.cookie)
    await sendOk(byKabid, 'board:join', { cycleId: cycle.id })
    const ask = (s: typeof socket, over: Record<string, unknown> = {}) =>
      send(s, 'card:extend', { opId: opId(), cardId: card.id, version: 1, amount: 1, reason: 'Alasan yang cukup', ...over } as never)

    expect(await ask(byKabid)).toEqual({ ok: false, error: { code: 'FORBIDDEN', reason: 'extend_forbidden' } })
    expect(await ask(socket, { reason: ' ' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    expect(await ask(socket, { amount: 0 })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    expect(await ask(socket, { version: 2 })).toMatchObject({ ok: false, error: { code: 'STALE' } })
    expect((await detailOf(socket, card.id)).history.map((e) => e.kind)).toEqual(['create'])

    const bySocketOfAdmin = await h.connect(server, admin.cookie)
    await sendOk(bySocketOfAdmin, 'board:join', { cycleId: cycle.id })
    await sendOk(bySocketOfAdmin, 'card:move', { opId: opId(), cardId: card.id, version: 1, to: { step: 14, lane: 'sekretaris' }, note: 'Selesai di luar aplikasi' })
    expect(await ask(bySocketOfAdmin, { version: 2 })).toEqual({ ok: false, error: { code: 'CONFLICT', reason: 'extend_no_clock' } })
  })

  it('moves the overdue announcement to the new deadline', async () => {
    const { t, server, socket, card } = await ppik()
    await sendOk(socket, 'card:extend', { opId: opId(), cardId: card.id, version: 1, amount: 10, reason: 'Server SIASN gangguan' })
    const timers = record(socket, 'card:timer')
    t.set('2027-01-11 08:16')
    server.app.timers.poke()
    await server.app.timers.settled()
    t.set('2027-01-11 08:26')
    server.app.timers.poke()
    await server.app.timers.settled()
    const overdue = await timers.waitFor((e) => e.state === 'overdue')
    expect(overdue.at).toBe(iso('2027-01-11 08:25'))
    const crossings = await server.db.collection('card_events').find({ kind: 'timer' }).toArray()
    expect(crossings.map((e) => e.opId).sort()).toEqual([`timer-at_risk-${wita('2027-01-11 08:18') + 45_000}`, `timer-overdue-${wita('2027-01-11 08:25')}`].sort())
  })
})

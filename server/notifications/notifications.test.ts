import { Types } from 'mongoose'
import { describe, expect, it } from 'vitest'
import type { NotificationList, TaskList } from '../../shared/protocol/notifications'
import { api, createCycle, createUser, fakeClock, opId, record, roundTrip, sendOk, unpacked, setupAdmin, useHarness } from '../test/harness'

const h = useHarness()

const UNITS = [
  { id: 'ppik', name: 'Bidang PPIK', shortName: 'PPIK' },
  { id: 'psdm', name: 'Bidang PSDM', shortName: 'PSDM' },
]

async function people() {
  const server = await h.startServer()
  const admin = await setupAdmin(server, { role: 'kepala_badan' })
  const [sekretaris, kabidPpik, kabidPsdm, kasubag] = await Promise.all([
    createUser(server, admin, { name: 'Sari Sekretaris', role: 'sekretaris' }),
    createUser(server, admin, { name: 'Kabid PPIK', role: 'kepala_bidang', unitId: 'ppik' }),
    createUser(server, admin, { name: 'Kabid PSDM', role: 'kepala_bidang', unitId: 'psdm' }),
    createUser(server, admin, { name: 'Kurnia Kasubag', role: 'kasubag_program' }),
  ])
  return { server, admin, sekretaris: sekretaris!, kabidPpik: kabidPpik!, kabidPsdm: kabidPsdm!, kasubag: kasubag! }
}

describe('notifications and tasks', () => {
  it('tells the holders of the lane a card arrives in, and only them, live and kept until read', async () => {
    const { server, admin, sekretaris, kabidPpik, kabidPsdm } = await people()
    const cycle = await createCycle(server, admin, { units: UNITS })
    const ppikSocket = await h.connect(server, kabidPpik.cookie)
    const psdmSocket = await h.connect(server, kabidPsdm.cookie)
    const ppikInbox = record(ppikSocket, 'notification:new')
    const psdmInbox = record(psdmSocket, 'notification:new')

    const mover = await h.connect(server, sekretaris.cookie)
    const board = unpacked(await sendOk(mover, 'board:join', { cycleId: cycle.id }))
    const card = board.cards.find((c) => c.unit.id === 'ppik')!
    await sendOk(mover, 'card:move', { opId: opId(), cardId: card.id, version: card.version, to: { step: 2, lane: 'kepala_bidang' } })

    const note = await ppikInbox.waitFor()
    expect(note).toMatchObject({ kind: 'arrived', cardId: card.id, cycleTitle: cycle.title, cyclePeriod: { year: cycle.year, quarter: cycle.quarter }, unit: { id: 'ppik' }, step: 2, lane: 'kepala_bidang', by: 'Sari Sekretaris', read: false, returned: false, note: '' })
    await roundTrip(psdmSocket)
    expect(psdmInbox.events).toEqual([])

    const list = await api<NotificationList>(server, 'GET', '/api/notifications', { cookie: kabidPpik.cookie })
    expect(list.body.unread).toBe(1)
    expect(list.body.notifications.map((n) => n.id)).toEqual([note.id])
    const read = await api<{ unread: number }>(server, 'POST', '/api/notifications/read', { cookie: kabidPpik.cookie, body: { ids: [note.id] } })
    expect(read.body.unread).toBe(0)
    // Someone else cannot mark it, nor see it.
    const others = await api<NotificationList>(server, 'GET', '/api/notifications', { cookie: kabidPsdm.cookie })
    expect(others.body.notifications).toEqual([])

    // A notification stored before the period was: its period is read from the title written then.
    await server.db.collection('notifications').updateOne({ _id: new Types.ObjectId(note.id) }, { $unset: { cycleYear: '', cycleQuarter: '' }, $set: { cycleTitle: 'Triwulan IV 2026' } })
    const old = await api<NotificationList>(server, 'GET', '/api/notifications', { cookie: kabidPpik.cookie })
    expect(old.body.notifications[0]?.cyclePeriod).toEqual({ year: 2026, quarter: 4 })
  })

  it('quotes the note of a return to the holder it goes back to', async () => {
    const { server, admin, sekretaris, kasubag } = await people()
    const cycle = await createCycle(server, admin, { units: UNITS })
    const inbox = record(await h.connect(server, kasubag.cookie), 'notification:new')
    const adminSocket = await h.connect(server, admin.cookie)
    const card = unpacked(await sendOk(adminSocket, 'board:join', { cycleId: cycle.id })).cards.find((c) => c.unit.id === 'ppik')!
    const atVerification = await sendOk(adminSocket, 'card:move', { opId: opId(), cardId: card.id, version: card.version, to: { step: 11, lane: 'sekretaris' }, note: 'Ke verifikasi untuk uji' })
    const mover = await h.connect(server, sekretaris.cookie)
    await sendOk(mover, 'board:join', { cycleId: cycle.id })
    await sendOk(mover, 'card:move', { opId: opId(), cardId: card.id, version: atVerification.version, to: { step: 10, lane: 'kasubag_program' }, note: 'Angka IKU belum sesuai' })

    const returned = await inbox.waitFor((n) => n.step === 10)
    expect(returned).toMatchObject({ kind: 'arrived', returned: true, note: 'Angka IKU belum sesuai', by: 'Sari Sekretaris', step: 10, lane: 'kasubag_program' })
    const list = await api<NotificationList>(server, 'GET', '/api/notifications', { cookie: kasubag.cookie })
    expect(list.body.notifications.find((n) => n.id === returned.id)).toMatchObject({ returned: true, note: 'Angka IKU belum sesuai' })
  })

  it('notifies the holders and every Sekretaris once when a card becomes at risk', async () => {
    const t = fakeClock('2027-01-11 08:00')
    const server = await h.startServer({ clock: t.clock })
    const admin = await setupAdmin(server, { role: 'kepala_badan' })
    const [sekretaris, kasubag] = await Promise.all([
      createUser(server, admin, { name: 'Sari Sekretaris', role: 'sekretaris' }),
      createUser(server, admin, { name: 'Kurnia Kasubag', role: 'kasubag_program' }),
    ])
    await createCycle(server, admin, { units: UNITS.slice(0, 1) })
    const inbox = record(await h.connect(server, sekretaris!.cookie), 'notification:new')

    t.set('2027-01-11 08:12')
    server.app.timers.poke()
    await server.app.timers.settled()
    const risk = await inbox.waitFor((n) => n.kind === 'at_risk')
    expect(risk).toMatchObject({ step: 1, lane: 'sekretaris', unit: { id: 'ppik' }, by: '' })
    const sekretarisList = await api<NotificationList>(server, 'GET', '/api/notifications', { cookie: sekretaris!.cookie })
    expect(sekretarisList.body.notifications.map((n) => n.kind)).toEqual(['at_risk'])
    const kasubagList = await api<NotificationList>(server, 'GET', '/api/notifications', { cookie: kasubag!.cookie })
    expect(kasubagList.body.notifications).toEqual([])
  })

  it('lists in "Tugas saya" exactly the cards the user may act on now', async () => {
    const { server, admin, sekretaris, kabidPpik, kabidPsdm } = await people()
    const cycle = await createCycle(server, admin, { units: UNITS })
    const tasksOf = async (cookie: string) => (await api<TaskList>(server, 'GET', '/api/tasks', { cookie })).body

    const mine = await tasksOf(sekretaris.cookie)
    expect(mine.cards.map((c) => c.unit.id).sort()).toEqual(['ppik', 'psdm'])
    expect(mine.cycles).toMatchObject([{ id: cycle.id, title: cycle.title, year: cycle.year, quarter: cycle.quarter, template: { id: 'monev-kinerja' } }])
    expect((await tasksOf(kabidPpik.cookie)).cards).toEqual([])

    const mover = await h.connect(server, sekretaris.cookie)
    const card = mine.cards.find((c) => c.unit.id === 'ppik')!
    await sendOk(mover, 'card:move', { opId: opId(), cardId: card.id, version: card.version, to: { step: 2, lane: 'kepala_bidang' } })

    expect((await tasksOf(kabidPpik.cookie)).cards.map((c) => c.id)).toEqual([card.id])
    expect((await tasksOf(kabidPsdm.cookie)).cards).toEqual([])
    expect((await tasksOf(sekretaris.cookie)).cards.map((c) => c.unit.id)).toEqual(['psdm'])
  })
})

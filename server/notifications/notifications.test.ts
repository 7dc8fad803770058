import { describe, expect, it } from 'vitest'
import type { NotificationList, TaskList } from '../../shared/protocol/notifications'
import { Types } from 'mongoose'
import { restoredBackup, V1_BACKUP, V2_BACKUP } from '../test/fixtures'
import { createNotificationsRepository, type NewNotification } from './repository'
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
    await server.db.collection<{ _id: string }>('notifications').updateOne({ _id: note.id }, { $unset: { cycleYear: '', cycleQuarter: '' }, $set: { cycleTitle: 'Triwulan IV 2026' } })
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

describe('numbered notifications', () => {
  it('two nodes notifying one user at once give each notification its own number, losing none', async () => {
    const a = await h.startServer()
    const b = await h.startServer({ dbName: a.dbName })
    const userId = String(new Types.ObjectId())
    const nodes = [createNotificationsRepository(a.db), createNotificationsRepository(b.db)]
    const one = (i: number): NewNotification => ({
      kind: 'arrived',
      at: new Date(Date.UTC(2027, 0, 11, 0, i)),
      cycleId: 'c',
      cycleTitle: 'Triwulan I 2027',
      cyclePeriod: { year: 2027, quarter: 1 },
      cardId: `card-${i}`,
      unit: { id: 'ppik', shortName: 'PPIK' },
      step: 2,
      lane: 'kepala_bidang',
      by: 'Admin',
      returned: false,
      note: '',
    })
    const sent = await Promise.all(Array.from({ length: 20 }, (_, i) => nodes[i % 2]!.add([userId], one(i))))
    const ids = sent.map(([d]) => d!.notification.id)
    expect(new Set(ids).size).toBe(20)
    expect(ids.map((id) => Number(id.split(':')[1])).sort((x, y) => x - y)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1))
    // Each node reads the other's: the newest first, all unread.
    for (const node of nodes) {
      const list = await node.listFor(userId)
      expect(list.unread).toBe(20)
      expect(list.notifications.map((n) => n.cardId).sort()).toEqual(sent.map(([d]) => d!.notification.cardId).sort())
    }
  })
})

describe('notifications of a backup made before they were numbered per user', () => {
  const fieldsOf = ({ _id: _old, seq: _seq, legacyId: _legacy, ...fields }: Record<string, unknown>) => fields

  it('keeps every one, each field and read mark, numbered per user in the order they came', async () => {
    let old: Record<string, unknown>[] = []
    const { dbName } = await restoredBackup(h.uriOf, V1_BACKUP, 'numbered', async (conn) => {
      old = await conn.collection('notifications').find().toArray()
    })
    expect(old.length).toBe(30)
    expect(old.filter((n) => n.read)).toHaveLength(2)

    const server = await h.startServer({ dbName })
    const now = await server.db.collection<Record<string, unknown> & { _id: string }>('notifications').find().toArray()
    expect(now).toHaveLength(old.length)
    for (const was of old) {
      const copy = now.find((n) => n.legacyId === String(was._id))
      expect(copy, `notification ${String(was._id)}`).toBeDefined()
      expect(fieldsOf(copy!)).toEqual(fieldsOf(was))
      expect(copy!._id).toBe(`${String(was.userId)}:${copy!.seq as number}`)
    }
    // Per user 1, 2, 3 … in the order they came.
    const users = new Set(old.map((n) => String(n.userId)))
    for (const userId of users) {
      const mine = now.filter((n) => String(n.userId) === userId).sort((a, b) => (a.seq as number) - (b.seq as number))
      expect(mine.map((n) => n.seq)).toEqual(mine.map((_, i) => i + 1))
      const times = mine.map((n) => (n.at as Date).getTime())
      expect(times).toEqual([...times].sort((a, b) => a - b))
    }
  })

  it('finishes a numbering cut short without a copy twice, and the inbox reads and marks them', async () => {
    const { dbName } = await restoredBackup(h.uriOf, V2_BACKUP, 'numbered-again', async (conn) => {
      // As a run that died after its first copy: admin's oldest, numbered 1, beside its original.
      const admin = await conn.collection('users').findOne({ username: 'admin' })
      const notifications = conn.collection<Record<string, unknown> & { _id: unknown }>('notifications')
      const [first] = await notifications.find({ userId: admin!._id }).sort({ at: 1, _id: 1 }).limit(1).toArray()
      await notifications.insertOne({ ...first, _id: `${String(admin!._id)}:1`, seq: 1, legacyId: String(first!._id) })
    })
    const server = await h.startServer({ dbName })
    expect(await server.db.collection('notifications').countDocuments({})).toBe(35)
    const login = await api(server, 'POST', '/api/auth/login', { body: { username: 'admin', password: 'rahasia-sekali-123' } })
    const cookie = (login.headers.getSetCookie()[0] ?? '').split(';')[0] ?? ''
    const list = await api<NotificationList>(server, 'GET', '/api/notifications', { cookie })
    expect(list.body.notifications).toHaveLength(8)
    expect(list.body.unread).toBe(8)
    const times = list.body.notifications.map((n) => n.at)
    expect(times).toEqual([...times].sort().reverse())
    expect(list.body.notifications.map((n) => n.id.split(':')[1])).toEqual(['8', '7', '6', '5', '4', '3', '2', '1'])

    const read = await api<{ unread: number }>(server, 'POST', '/api/notifications/read', { cookie, body: { ids: [list.body.notifications[0]!.id] } })
    expect(read.body.unread).toBe(7)
    const all = await api<{ unread: number }>(server, 'POST', '/api/notifications/read', { cookie, body: { all: true } })
    expect(all.body.unread).toBe(0)
    expect((await api<NotificationList>(server, 'GET', '/api/notifications', { cookie })).body.notifications.every((n) => n.read)).toBe(true)
  })
})

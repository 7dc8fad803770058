import { describe, expect, it } from 'vitest'
import { createCycle, createUser, opId, record, roundTrip, sendOk, unpacked, setupAdmin, useHarness } from '../test/harness'

const h = useHarness()

describe('presence', () => {
  it('shows who is viewing a board, once per user, and drops a viewer who disconnects', async () => {
    const server = await h.startServer()
    const admin = await setupAdmin(server, { name: 'Admin Utama', role: 'kepala_badan' })
    const sari = await createUser(server, admin, { name: 'Sari Sekretaris', role: 'sekretaris' })
    const cycle = await createCycle(server, admin)
    const other = await createCycle(server, admin)

    const a = await h.connect(server, admin.cookie)
    const presenceA = record(a, 'presence:changed')
    const joinedA = unpacked(await sendOk(a, 'board:join', { cycleId: cycle.id }))
    expect(joinedA.viewers).toEqual([{ userId: admin.id, name: 'Admin Utama', role: 'kepala_badan' }])

    const b = await h.connect(server, sari.cookie)
    const presenceB = record(b, 'presence:changed')
    const joinedB = unpacked(await sendOk(b, 'board:join', { cycleId: cycle.id }))
    const both = [
      { userId: admin.id, name: 'Admin Utama', role: 'kepala_badan' },
      { userId: sari.id, name: 'Sari Sekretaris', role: 'sekretaris' },
    ]
    const byId = (v: { userId: string }[]) => [...v].sort((x, y) => x.userId.localeCompare(y.userId))
    expect(byId(joinedB.viewers)).toEqual(byId(both))
    const seenByA = await presenceA.waitFor((p) => p.viewers.length === 2)
    expect(seenByA.cycleId).toBe(cycle.id)
    expect(byId(seenByA.viewers)).toEqual(byId(both))
    await presenceB.waitFor((p) => p.viewers.length === 2)

    // A second tab of the same user is still one viewer.
    const b2 = await h.connect(server, sari.cookie)
    const joinedB2 = unpacked(await sendOk(b2, 'board:join', { cycleId: cycle.id }))
    expect(joinedB2.viewers).toHaveLength(2)

    // Someone on another board does not hear about this one.
    const elsewhere = await h.connect(server, sari.cookie)
    const presenceElsewhere = record(elsewhere, 'presence:changed')
    await sendOk(elsewhere, 'board:join', { cycleId: other.id })

    // One of Sari's two tabs leaves the board: she is still viewing it, from the other. A board
    // joined twice by one tab counts that tab once.
    await sendOk(b2, 'board:leave', { cycleId: cycle.id })
    const rejoined = unpacked(await sendOk(a, 'board:join', { cycleId: cycle.id }))
    expect(byId(rejoined.viewers)).toEqual(byId(both))

    b2.disconnect()
    b.disconnect()
    const afterLeave = await presenceA.waitFor((p) => p.viewers.length === 1)
    expect(afterLeave).toEqual({ cycleId: cycle.id, viewers: [{ userId: admin.id, name: 'Admin Utama', role: 'kepala_badan' }] })
    expect(presenceElsewhere.events.every((p) => p.cycleId === other.id)).toBe(true)
  })

  it('board:leave removes the viewer and stops the broadcasts to it', async () => {
    const server = await h.startServer()
    const admin = await setupAdmin(server)
    const sari = await createUser(server, admin, { role: 'sekretaris' })
    const cycle = await createCycle(server, admin)
    const a = await h.connect(server, admin.cookie)
    const b = await h.connect(server, sari.cookie)
    const presenceA = record(a, 'presence:changed')
    const board = unpacked(await sendOk(a, 'board:join', { cycleId: cycle.id }))
    await sendOk(b, 'board:join', { cycleId: cycle.id })
    await presenceA.waitFor((p) => p.viewers.length === 2)

    const afterLeave = record(a, 'presence:changed')
    const movedSeenByB = record(b, 'card:moved')
    expect(await sendOk(b, 'board:leave', { cycleId: cycle.id })).toBeNull()
    expect((await afterLeave.waitFor((p) => p.viewers.length === 1)).viewers).toEqual([expect.objectContaining({ userId: admin.id })])

    const card = board.cards[0]
    if (!card) throw new Error('no card')
    await sendOk(a, 'card:move', { opId: opId(), cardId: card.id, version: 1, to: { step: 2, lane: 'kepala_bidang' } })
    await roundTrip(b)
    expect(movedSeenByB.events).toEqual([])
  })
})

import { Types } from 'mongoose'
import { describe, expect, it } from 'vitest'
import { createCycle, createUser, opId, sendOk, setupAdmin, unpacked, useHarness, type TestServer } from '../test/harness'

/*
 * Each node serves board:join from its own copy of the board's cards (server/cards/boardCache.ts).
 * Two app instances on one embedded database: what one writes, the other's next join shows; and
 * a join that nothing invalidated is answered from memory, not by reading the cards again.
 */

const h = useHarness()

async function join(server: TestServer, cookie: string, cycleId: string) {
  const socket = await h.connect(server, cookie)
  const board = unpacked(await sendOk(socket, 'board:join', { cycleId }))
  return { socket, board, card: (id: string) => board.cards.find((c) => c.id === id)! }
}

/** A change behind every node's back (an operator in the database shell): no stamp tells of it. */
async function renameBehindTheBack(server: TestServer, cardId: string, shortName: string) {
  const done = await server.db.collection('cards').updateOne({ _id: new Types.ObjectId(cardId) }, { $set: { 'unit.shortName': shortName } })
  expect(done.modifiedCount).toBe(1)
}

describe('the board cache', () => {
  it("shows on one node's next join what another node wrote, and answers from memory while nobody else wrote", async () => {
    const a = await h.startServer()
    const b = await h.startServer({ dbName: a.dbName })
    const admin = await setupAdmin(a)
    const sekretaris = await createUser(a, admin, { role: 'sekretaris' })
    const cycle = await createCycle(a, admin)
    const first = await join(a, sekretaris.cookie, cycle.id)
    const [one, two, three] = first.board.cards

    // Node B moves one card and notes another: node A's next join has both.
    const onB = await join(b, sekretaris.cookie, cycle.id)
    await sendOk(onB.socket, 'card:move', { opId: opId(), cardId: one!.id, version: one!.version, to: { step: 2, lane: 'kepala_bidang' } })
    await sendOk(onB.socket, 'card:note', { opId: opId(), cardId: two!.id, text: 'dari node B' })
    const second = await join(a, sekretaris.cookie, cycle.id)
    expect(second.card(one!.id)).toMatchObject({ step: 2, lane: 'kepala_bidang', version: one!.version + 1 })
    expect(second.card(two!.id)).toMatchObject({ noteCount: 1, lastNote: { text: 'dari node B' } })

    // Nothing tells node A of this edit, so its join answers from what it holds; its own move
    // it holds at once.
    await renameBehindTheBack(a, three!.id, 'DIUBAH')
    await sendOk(second.socket, 'card:move', { opId: opId(), cardId: two!.id, version: two!.version, to: { step: 2, lane: 'kepala_bidang' } })
    const third = await join(a, sekretaris.cookie, cycle.id)
    expect(third.card(three!.id).unit.shortName).toBe(three!.unit.shortName)
    expect(third.card(two!.id)).toMatchObject({ step: 2, version: two!.version + 1, noteCount: 1 })

    // Any write through node B changes B's stamp: node A reads the board again, edit included.
    await sendOk(onB.socket, 'card:note', { opId: opId(), cardId: one!.id, text: 'lagi dari B' })
    const fourth = await join(a, sekretaris.cookie, cycle.id)
    expect(fourth.card(three!.id).unit.shortName).toBe('DIUBAH')
    expect(fourth.card(one!.id)).toMatchObject({ noteCount: 1, step: 2 })
    expect(fourth.board.cards.map((c) => c.id)).toEqual(first.board.cards.map((c) => c.id))
  })

  it("makes a board's missing card list (a cycle of an earlier version, a restore) from its cards, once", async () => {
    const a = await h.startServer()
    const admin = await setupAdmin(a)
    const cycle = await createCycle(a, admin)
    const lists = a.db.collection<{ _id: string; cardIds: string[] }>('board_cards')
    const made = await lists.findOne({ _id: cycle.id })
    expect(made?.cardIds).toHaveLength(await a.db.collection('cards').countDocuments({ cycleId: new Types.ObjectId(cycle.id) }))
    await lists.deleteOne({ _id: cycle.id })
    await a.close()

    const again = await h.startServer({ dbName: a.dbName })
    const { board } = await join(again, admin.cookie, cycle.id)
    expect(board.cards.map((c) => c.id).sort()).toEqual([...made!.cardIds].sort())
    const remade = await again.db.collection<{ _id: string; cardIds: string[] }>('board_cards').findOne({ _id: cycle.id })
    expect(remade?.cardIds.sort()).toEqual([...made!.cardIds].sort())
  })

  it('reads the board again after a restart of the node', async () => {
    const a = await h.startServer()
    const admin = await setupAdmin(a)
    const cycle = await createCycle(a, admin)
    const before = await join(a, admin.cookie, cycle.id)
    const card = before.board.cards[0]!
    await renameBehindTheBack(a, card.id, 'BARU')
    await a.close()
    const again = await h.startServer({ dbName: a.dbName })
    const after = await join(again, admin.cookie, cycle.id)
    expect(after.card(card.id).unit.shortName).toBe('BARU')
  })
})

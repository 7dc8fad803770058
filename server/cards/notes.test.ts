import { describe, expect, it } from 'vitest'
import type { PersonDto } from '../../shared/protocol/users'
import { api, createCycle, createUser, detailOf, fakeClock, opId, record, roundTrip, send, sendOk, setupAdmin, unpacked, useHarness } from '../test/harness'

const h = useHarness()

const PPIK = [{ id: 'ppik', name: 'Bidang PPIK', shortName: 'PPIK' }]

/** PPIK's card; the Sekretaris writes notes on it, a Kepala Bidang and the Kasubag watch. */
async function noted() {
  const t = fakeClock('2027-01-11 08:00')
  const server = await h.startServer({ clock: t.clock })
  const admin = await setupAdmin(server)
  const sekretaris = await createUser(server, admin, { role: 'sekretaris', name: 'Sri Sekretaris', username: 'sri' })
  const kabid = await createUser(server, admin, { role: 'kepala_bidang', unitId: 'ppik', name: 'Budi Kabid', username: 'budi.ppik' })
  const kasubag = await createUser(server, admin, { role: 'kasubag_program', name: 'Kiki Kasubag', username: 'kiki' })
  const cycle = await createCycle(server, admin, { year: 2027, quarter: 1, units: PPIK })
  const socket = await h.connect(server, sekretaris.cookie)
  const card = unpacked(await sendOk(socket, 'board:join', { cycleId: cycle.id })).cards[0]!
  return { t, server, admin, sekretaris, kabid, kasubag, cycle, socket, card }
}

describe('notes: edit, delete, @mentions', () => {
  it('lets the author rewrite a note (shown as edited, told to boards) and delete it (the card falls back to the note before)', async () => {
    const { t, server, kabid, cycle, socket, card } = await noted()
    const watcher = await h.connect(server, kabid.cookie)
    await sendOk(watcher, 'board:join', { cycleId: cycle.id })
    const first = await sendOk(socket, 'card:note', { opId: opId(), cardId: card.id, text: 'Data triwulan sudah masuk.' })
    const second = await sendOk(socket, 'card:note', { opId: opId(), cardId: card.id, text: 'Tabel 2 salah ketik.' })
    const heard = record(watcher, 'card:updated')

    t.set('2027-01-11 09:00')
    const edited = await sendOk(socket, 'card:noteEdit', { opId: opId(), cardId: card.id, noteId: second.id, text: 'Tabel 2 dan 3 salah ketik.' })
    expect(edited).toMatchObject({ noteCount: 2, version: 1, lastNote: { text: 'Tabel 2 dan 3 salah ketik.' } })
    expect((await heard.waitFor()).card).toMatchObject({ id: card.id, lastNote: { text: 'Tabel 2 dan 3 salah ketik.' } })
    const afterEdit = await detailOf(watcher, card.id)
    expect(afterEdit.notes.map((n) => [n.id, n.text, n.editedAt])).toEqual([
      [first.id, 'Data triwulan sudah masuk.', undefined],
      [second.id, 'Tabel 2 dan 3 salah ketik.', new Date(t.clock()).toISOString()],
    ])

    const deleteOp = opId()
    const deleted = await sendOk(socket, 'card:noteDelete', { opId: deleteOp, cardId: card.id, noteId: second.id })
    expect(deleted).toMatchObject({ noteCount: 1, lastNote: { text: 'Data triwulan sudah masuk.' } })
    expect((await heard.waitFor((f) => f.card.noteCount === 1)).card.lastNote?.text).toBe('Data triwulan sudah masuk.')
    expect((await detailOf(socket, card.id)).notes.map((n) => n.id)).toEqual([first.id])
    // A resend of the delete is answered as applied; the board after a reload says the same.
    expect(await sendOk(socket, 'card:noteDelete', { opId: deleteOp, cardId: card.id, noteId: second.id })).toMatchObject({ noteCount: 1 })
    const rejoined = unpacked(await sendOk(watcher, 'board:join', { cycleId: cycle.id })).cards[0]!
    expect(rejoined).toMatchObject({ noteCount: 1, lastNote: { text: 'Data triwulan sudah masuk.' } })

    // Deleting the last one leaves the card without notes.
    expect(await sendOk(socket, 'card:noteDelete', { opId: opId(), cardId: card.id, noteId: first.id })).toMatchObject({ noteCount: 0, lastNote: null })
  })

  it("refuses another person's note and a note the card does not have", async () => {
    const { server, kabid, cycle, socket, card } = await noted()
    const note = await sendOk(socket, 'card:note', { opId: opId(), cardId: card.id, text: 'Catatan Sekretaris.' })
    const other = await h.connect(server, kabid.cookie)
    await sendOk(other, 'board:join', { cycleId: cycle.id })
    const edit = await send(other, 'card:noteEdit', { opId: opId(), cardId: card.id, noteId: note.id, text: 'Diubah orang lain.' })
    expect(edit).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', reason: 'note_not_yours' } })
    const del = await send(other, 'card:noteDelete', { opId: opId(), cardId: card.id, noteId: note.id })
    expect(del).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', reason: 'note_not_yours' } })
    const missing = await send(socket, 'card:noteEdit', { opId: opId(), cardId: card.id, noteId: 'no-such-note', text: 'x' })
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', reason: 'note_not_found' } })
    expect((await detailOf(socket, card.id)).notes.map((n) => n.text)).toEqual(['Catatan Sekretaris.'])
  })

  it('notifies each person a note names (@username), once, not its author; a rewrite tells only the newly named', async () => {
    const { server, sekretaris, kabid, kasubag, socket, card } = await noted()
    const kabidSocket = await h.connect(server, kabid.cookie)
    const kasubagSocket = await h.connect(server, kasubag.cookie)
    const kabidInbox = record(kabidSocket, 'notification:new')
    const kasubagInbox = record(kasubagSocket, 'notification:new')
    const ownInbox = record(socket, 'notification:new')

    const note = await sendOk(socket, 'card:note', { opId: opId(), cardId: card.id, text: 'Mohon dicek @budi.ppik, terima kasih @budi.ppik. (@sri @tidakada)' })
    expect(await kabidInbox.waitFor()).toMatchObject({ kind: 'mentioned', cardId: card.id, unit: { id: 'ppik' }, step: 1, by: 'Sri Sekretaris', note: note.text })
    await sendOk(socket, 'card:noteEdit', { opId: opId(), cardId: card.id, noteId: note.id, text: `${note.text} Juga @kiki.` })
    expect(await kasubagInbox.waitFor()).toMatchObject({ kind: 'mentioned', note: expect.stringContaining('Juga @kiki.') })
    await Promise.all([roundTrip(kabidSocket), roundTrip(socket)])
    expect(kabidInbox.events).toHaveLength(1)
    expect(ownInbox.events).toEqual([])

    // Whom a note can name: every active colleague, for anyone signed in.
    const people = await api<{ people: PersonDto[] }>(server, 'GET', '/api/people', { cookie: sekretaris.cookie })
    expect(people.body.people.map((p) => p.username)).toEqual(expect.arrayContaining(['sri', 'budi.ppik', 'kiki']))
    expect(Object.keys(people.body.people[0]!).sort()).toEqual(['name', 'role', 'unitId', 'username'])
  })
})

import { beforeAll, describe, expect, it } from 'vitest'
import type { CardDto } from '../../shared/protocol/board'
import {
  createCycle,
  createUser,
  opId,
  send,
  sendOk,
  unpacked,
  setupAdmin,
  useHarness,
  type ClientSocket,
  type TestServer,
} from '../test/harness'

/*
 * The authorization matrix, over real sockets against the real server: every role (the
 * unit-scoped ones from the card's own unit and from another) × every kind of move. The expected
 * answers are written out below by hand from the SOP (docs/realtime.md, "card:move"), not derived
 * from shared/rules: a change of the rules has to change this table too.
 *
 * The card is always PPIK's. Before each attempt an administrator puts it on the row's starting
 * cell with an override; a refused attempt must leave it exactly as it was.
 */

const h = useHarness()

const ACTORS = ['admin', 'sekretaris', 'kabidOwn', 'kabidOther', 'kasubag', 'kasiOwn', 'kasiOther', 'kaban'] as const
type ActorName = (typeof ACTORS)[number]
type Kind = 'advance' | 'handoff' | 'return' | 'finish' | 'override'
type Outcome = 'ok' | 'FORBIDDEN' | 'MOVE_NOT_ALLOWED' | 'NOTE_REQUIRED'

const ok = 'ok' as const
const F = 'FORBIDDEN' as const
const NA = 'MOVE_NOT_ALLOWED' as const
const NR = 'NOTE_REQUIRED' as const

interface Row {
  name: string
  /** The group (and cycle) the row belongs to; for `ok` answers also the history entry's kind. */
  kind: Kind
  from: { step: number; lane: string }
  to: { step: number; lane: string }
  note?: string
  /** In the order of ACTORS: admin, sekretaris, kabidOwn, kabidOther, kasubag, kasiOwn, kasiOther, kaban. */
  expect: [Outcome, Outcome, Outcome, Outcome, Outcome, Outcome, Outcome, Outcome]
}

const NOTE = 'Alasan perpindahan untuk pengujian.'

//                                                                               admin sekr kbOwn kbOth kasub ksOwn ksOth kaban
const TABLE: Row[] = [
  { kind: 'advance', name: 'Sekretaris lane, 1 → 2', from: { step: 1, lane: 'sekretaris' }, to: { step: 2, lane: 'kepala_bidang' },
    expect: [ok, ok, F, F, F, F, F, F] },
  { kind: 'advance', name: 'Kepala Bidang lane (unit-scoped), 2 → 3', from: { step: 2, lane: 'kepala_bidang' }, to: { step: 3, lane: 'kasubag_program' },
    expect: [ok, F, ok, F, F, F, F, F] },
  { kind: 'advance', name: 'Kepala Seksi lane (unit-scoped), 5 → 6', from: { step: 5, lane: 'kepala_seksi' }, to: { step: 6, lane: 'kasubag_program' },
    expect: [ok, F, F, F, F, ok, F, F] },
  { kind: 'advance', name: 'Kasubag Program lane, 4 → 5 (Kepala Seksi)', from: { step: 4, lane: 'kasubag_program' }, to: { step: 5, lane: 'kepala_seksi' },
    expect: [ok, F, F, F, ok, F, F, F] },
  { kind: 'advance', name: 'Kasubag Program lane, 12 → 13', from: { step: 12, lane: 'kasubag_program' }, to: { step: 13, lane: 'sekretaris' },
    expect: [ok, F, F, F, ok, F, F, F] },
  { kind: 'advance', name: 'Kepala Badan lane, 12 → 13', from: { step: 12, lane: 'kepala_badan' }, to: { step: 13, lane: 'sekretaris' },
    expect: [ok, F, F, F, F, F, F, ok] },
  { kind: 'advance', name: 'to a lane the next step does not involve, 1 → 2 (Sekretaris)', from: { step: 1, lane: 'sekretaris' }, to: { step: 2, lane: 'sekretaris' },
    expect: [NA, NA, F, F, F, F, F, F] },
  { kind: 'advance', name: 'skipping a step, 1 → 3', from: { step: 1, lane: 'sekretaris' }, to: { step: 3, lane: 'kasubag_program' }, note: NOTE,
    expect: [ok, NA, F, F, F, F, F, F] },

  { kind: 'handoff', name: 'from Kepala Bidang (unit-scoped), step 2', from: { step: 2, lane: 'kepala_bidang' }, to: { step: 2, lane: 'kasubag_program' },
    expect: [ok, F, ok, F, F, F, F, F] },
  { kind: 'handoff', name: 'from Kasubag Program, step 2', from: { step: 2, lane: 'kasubag_program' }, to: { step: 2, lane: 'kepala_bidang' },
    expect: [ok, F, F, F, ok, F, F, F] },
  { kind: 'handoff', name: 'from Kepala Seksi (unit-scoped), step 5', from: { step: 5, lane: 'kepala_seksi' }, to: { step: 5, lane: 'kepala_bidang' },
    expect: [ok, F, F, F, F, ok, F, F] },
  { kind: 'handoff', name: 'from Kepala Badan, step 12', from: { step: 12, lane: 'kepala_badan' }, to: { step: 12, lane: 'kasubag_program' },
    expect: [ok, F, F, F, F, F, F, ok] },

  { kind: 'return', name: '11 → 10 with a note, from Sekretaris', from: { step: 11, lane: 'sekretaris' }, to: { step: 10, lane: 'kasubag_program' }, note: NOTE,
    expect: [ok, ok, F, F, F, F, F, F] },
  { kind: 'return', name: '11 → 10 without a note, from Sekretaris', from: { step: 11, lane: 'sekretaris' }, to: { step: 10, lane: 'kasubag_program' },
    expect: [NR, NR, F, F, F, F, F, F] },
  { kind: 'return', name: '11 → 10 (Kepala Bidang) with a note, from Kasubag Program', from: { step: 11, lane: 'kasubag_program' }, to: { step: 10, lane: 'kepala_bidang' }, note: NOTE,
    expect: [ok, F, F, F, ok, F, F, F] },
  { kind: 'return', name: 'a return where the SOP has none, 10 → 9 with a note', from: { step: 10, lane: 'kepala_bidang' }, to: { step: 9, lane: 'kepala_bidang' }, note: NOTE,
    expect: [ok, F, NA, F, F, F, F, F] },

  { kind: 'finish', name: '13 → Selesai', from: { step: 13, lane: 'sekretaris' }, to: { step: 14, lane: 'sekretaris' },
    expect: [ok, ok, F, F, F, F, F, F] },

  { kind: 'override', name: 'jump 1 → 5 with a reason', from: { step: 1, lane: 'sekretaris' }, to: { step: 5, lane: 'kepala_seksi' }, note: NOTE,
    expect: [ok, NA, F, F, F, F, F, F] },
  { kind: 'override', name: 'jump 1 → 5 without a reason', from: { step: 1, lane: 'sekretaris' }, to: { step: 5, lane: 'kepala_seksi' },
    expect: [NR, NA, F, F, F, F, F, F] },
  { kind: 'override', name: 'back from a unit-scoped lane, 9 → 3 with a reason', from: { step: 9, lane: 'kepala_bidang' }, to: { step: 3, lane: 'kasubag_program' }, note: NOTE,
    expect: [ok, F, NA, F, F, F, F, F] },
  { kind: 'override', name: 'reopening a finished card, Selesai → 13 with a reason', from: { step: 14, lane: 'sekretaris' }, to: { step: 13, lane: 'sekretaris' }, note: NOTE,
    expect: [ok, NA, F, F, F, F, F, F] },
]

/** Rows whose `ok` is recorded under another history kind than their group's. */
const OK_KIND: Partial<Record<string, Kind>> = {
  'skipping a step, 1 → 3': 'override',
  'a return where the SOP has none, 10 → 9 with a note': 'override',
}

const KINDS: Kind[] = ['advance', 'handoff', 'return', 'finish', 'override']

let server: TestServer
const sockets = new Map<ActorName, ClientSocket>()
const cycles = new Map<Kind, string>()

beforeAll(async () => {
  server = await h.startServer()
  const admin = await setupAdmin(server, { name: 'Admin', role: 'kepala_badan' })
  const users = {
    admin,
    sekretaris: await createUser(server, admin, { role: 'sekretaris' }),
    kabidOwn: await createUser(server, admin, { role: 'kepala_bidang', unitId: 'ppik' }),
    kabidOther: await createUser(server, admin, { role: 'kepala_bidang', unitId: 'psdm' }),
    kasubag: await createUser(server, admin, { role: 'kasubag_program' }),
    kasiOwn: await createUser(server, admin, { role: 'kepala_seksi', unitId: 'ppik' }),
    kasiOther: await createUser(server, admin, { role: 'kepala_seksi', unitId: 'psdm' }),
    kaban: await createUser(server, admin, { role: 'kepala_badan' }),
  } satisfies Record<ActorName, unknown>
  await Promise.all(ACTORS.map(async (name) => sockets.set(name, await h.connect(server, users[name].cookie))))
  for (const kind of KINDS) cycles.set(kind, (await createCycle(server, admin)).id)
})

function socketOf(name: ActorName): ClientSocket {
  const socket = sockets.get(name)
  if (!socket) throw new Error(`no socket for ${name}`)
  return socket
}

async function ppikCard(cycleId: string): Promise<CardDto> {
  const board = unpacked(await sendOk(socketOf('admin'), 'board:join', { cycleId }))
  const card = board.cards.find((c) => c.unit.id === 'ppik')
  if (!card) throw new Error('no PPIK card')
  return card
}

/** The card as the last answer about it showed it, per cycle: saves a snapshot per attempt. */
const known = new Map<string, CardDto>()

/** The administrator puts the card on `at` (an override with a reason, or nothing if it is there). */
async function place(cycleId: string, at: { step: number; lane: string }): Promise<CardDto> {
  const card = known.get(cycleId) ?? (await ppikCard(cycleId))
  if (card.step === at.step && card.lane === at.lane) return card
  const placed = await sendOk(socketOf('admin'), 'card:move', { opId: opId(), cardId: card.id, version: card.version, to: at, note: 'Menyiapkan pengujian.' })
  known.set(cycleId, placed)
  return placed
}

describe('authorization matrix: every role × every move kind × own / other unit', () => {
  it('covers every actor and every move kind', () => {
    for (const row of TABLE) expect(row.expect).toHaveLength(ACTORS.length)
    expect(new Set(TABLE.map((r) => r.kind))).toEqual(new Set(KINDS))
  })

  describe.each(KINDS)('%s', (kind) => {
    it.each(TABLE.filter((r) => r.kind === kind).map((r) => [r.name, r] as const))('%s', async (_name, row) => {
      const cycleId = cycles.get(kind)!
      const answers: Partial<Record<ActorName, Outcome>> = {}
      for (const actor of ACTORS) {
        const before = await place(cycleId, row.from)
        const ack = await send(socketOf(actor), 'card:move', {
          opId: opId(),
          cardId: before.id,
          version: before.version,
          to: row.to,
          ...(row.note ? { note: row.note } : {}),
        })
        if (ack.ok) {
          answers[actor] = 'ok'
          known.set(cycleId, ack.data)
          expect(ack.data).toMatchObject({ step: row.to.step, lane: row.to.lane, version: before.version + 1 })
          expect(ack.data.lastEntry).toMatchObject({ kind: OK_KIND[row.name] ?? row.kind, by: { name: expect.any(String) } })
        } else {
          answers[actor] = ack.error.code as Outcome
          // Refused means untouched: place, version, history, clocks, everything.
          const after = await ppikCard(cycleId)
          known.set(cycleId, after)
          expect(after, `${actor}: card changed although refused`).toEqual(before)
        }
      }
      const expected = Object.fromEntries(ACTORS.map((a, i) => [a, row.expect[i]]))
      expect(answers).toEqual(expected)
    })
  })
})

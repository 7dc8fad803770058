import { createRepositories } from '../../../server/app'
import { systemClock } from '../../../server/platform/clock'
import { connectDb } from '../../../server/platform/db/connect'
import { createCycle, createUser, setupAdmin, unpacked, type ServerAddress, type TestUser } from '../../../server/test/client'
import type { BoardSnapshot, CardDto } from '../../../shared/protocol/board'
import { MONEV_KINERJA } from '../../../shared/sop/balangan'
import type { Unit } from '../../../shared/domain/template'
import type { Ack } from '../../../shared/protocol/events'
import { ThinSocket } from './thinSocket'

/**
 * The people and the board of a benchmark, made the way an installation makes them: the first
 * administrator through the setup page's API, users and a small cycle through the HTTP API. A
 * board larger than the API allows a cycle (50 units) is written through the repositories, as
 * scripts/demo.ts writes, straight into the database the server under test uses.
 */
export interface Bench {
  admin: TestUser
  /** Sessions to spread watchers over: several people, none of them holding the moved cards. */
  viewers: TestUser[]
  cycleId: string
}

export function unitsOf(count: number): Unit[] {
  return Array.from({ length: count }, (_, i) => {
    const n = String(i + 1).padStart(4, '0')
    return { id: `u${n}`, name: `Unit Uji Beban ${n}`, shortName: `U${n}` }
  })
}

export async function prepareBench(server: ServerAddress & { dbUri: string }, opts: { cards: number; viewers?: number }): Promise<Bench> {
  // Role kepala_badan: the benchmark's moves (steps 1 and 2) never arrive in their lane, so the
  // watchers receive the board's broadcasts only, not notifications meant for a lane's holder.
  const admin = await setupAdmin(server, { role: 'kepala_badan' })
  const viewers: TestUser[] = []
  for (let i = 0; i < (opts.viewers ?? 5); i++) {
    viewers.push(await createUser(server, admin, { role: 'kepala_badan', username: `pengamat${i + 1}`, name: `Pengamat ${i + 1}` }))
  }
  const cycleId = await createBoard(server, admin, opts.cards)
  return { admin, viewers, cycleId }
}

let period = 0

export async function createBoard(server: ServerAddress & { dbUri: string }, admin: TestUser, cards: number): Promise<string> {
  const n = period++
  const year = 2040 + Math.floor(n / 4)
  const quarter = (n % 4) + 1
  if (cards <= 50) return (await createCycle(server, admin, { year, quarter, units: unitsOf(cards) })).id
  const db = await connectDb(server.dbUri)
  try {
    const { cycles, calendars } = await createRepositories(db, systemClock)
    const cycle = await cycles.create({ year, quarter, units: unitsOf(cards) }, MONEV_KINERJA, { id: admin.id, name: admin.name }, await calendars.get())
    return cycle.id
  } finally {
    await db.close()
  }
}

/**
 * Where the benchmark moves a card next: on from step 1 into step 2, then handed back and forth
 * between step 2's two lanes. Every move is one the SOP allows without a note, so each is a
 * real move with its history entry, clock and broadcast.
 */
export function nextPlace(card: { step: number; lane: string }): { step: number; lane: string } {
  if (card.step === 1) return { step: 2, lane: 'kasubag_program' }
  return { step: 2, lane: card.lane === 'kasubag_program' ? 'kepala_bidang' : 'kasubag_program' }
}

/** A socket that moves cards: joins the board and keeps each card's latest version from its acks. */
export class Mover {
  readonly cards = new Map<string, { step: number; lane: string; version: number }>()
  private seq = 0

  private constructor(
    readonly socket: ThinSocket,
    private readonly tag: string,
  ) {}

  static async join(url: string, cookie: string, cycleId: string, tag: string): Promise<Mover> {
    const mover = new Mover(await ThinSocket.connect(url, { cookie }), tag)
    await mover.refresh(cycleId)
    return mover
  }

  /** (Re)reads every card's place and version from a board snapshot. */
  async refresh(cycleId: string): Promise<void> {
    const ack = await this.socket.call<Ack<BoardSnapshot>>('board:join', { cycleId }, 60_000)
    if (!ack.ok) throw new Error(`board:join refused: ${ack.error.code}`)
    for (const c of unpacked(ack.data).cards) this.cards.set(c.id, { step: c.step, lane: c.lane, version: c.version })
  }

  /** A fresh operation id; the watchers recognise the move by it. */
  opId(): string {
    return `${this.tag}-${++this.seq}-bench`
  }

  /** Moves `cardId` on; resolves when acked (throws when refused). */
  async move(cardId: string, opId = this.opId()): Promise<void> {
    const card = this.cards.get(cardId)
    if (!card) throw new Error(`unknown card ${cardId}`)
    const ack = await this.socket.call<Ack<CardDto>>('card:move', { opId, cardId, version: card.version, to: nextPlace(card) })
    if (!ack.ok) throw new Error(`card:move refused: ${ack.error.code} ${ack.error.reason ?? ''}`)
    this.cards.set(cardId, { step: ack.data.step, lane: ack.data.lane, version: ack.data.version })
  }
}

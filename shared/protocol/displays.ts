import { z } from '../zod'
import type { MoveKind } from '../domain/moves'
import type { SopTemplate } from '../domain/template'
import type { WorkCalendar } from '../time/calendar'
import { LaneId, ObjectId, Position, UnitId } from './common'
import type { CyclePeriod } from '../domain/period'
import { CYCLE_STATUSES } from './cycles'

/** POST /api/displays: a wall display of one cycle, named after where the screen hangs. */
export const DisplayCreate = z.strictObject({
  cycleId: ObjectId,
  label: z.string().trim().min(1).max(80),
})
export type DisplayCreate = z.infer<typeof DisplayCreate>

/** What an administrator sees of a display token; the token itself is shown only once, at creation. */
export interface DisplayDto {
  id: string
  cycleId: string
  /** The Indonesian title stored with the cycle; readers see `cyclePeriod` in their words. */
  cycleTitle: string
  /** Null when the cycle is gone. */
  cyclePeriod: CyclePeriod | null
  label: string
  createdAt: string
  createdBy: { id: string; name: string }
  /** The last time a screen connected or disconnected with this token; null if never. */
  lastSeenAt: string | null
  /** Screens connected with it right now. */
  online: number
}

/** The answer to POST /api/displays: the only time the secret is readable. */
export interface DisplayCreated {
  display: DisplayDto
  token: string
  /** Path to open on the TV: `/wall/<token>`. */
  path: string
}

/**
 * `wall:join`: a display socket joins its own cycle's room. `cycleId` may be omitted (the token
 * names the cycle); naming another cycle is refused.
 */
export const WallJoin = z.strictObject({ cycleId: ObjectId.optional() })
export type WallJoin = z.infer<typeof WallJoin>

/*
 * What a wall display receives. The screen hangs where anyone walks past and is signed in as
 * nobody, so it gets its own facts, cut down to what it shows: where each unit's card is and when
 * its step clock started. Never what people wrote (notes, move reasons, outputs, documents) nor
 * who they are (movers, viewers, the cycle's creator). The server builds these in one place,
 * server/displays/projection.ts; the schemas are strict so a test can prove nothing else rides along.
 */

const WallPlace = z.strictObject(Position.shape)

/** A card on the wall: its unit, its cell, and its step's start (the wall computes the clock from the calendar). */
export const WallCard = z.strictObject({
  id: ObjectId,
  cycleId: ObjectId,
  unit: z.strictObject({ id: UnitId, shortName: z.string() }),
  step: Position.shape.step,
  lane: LaneId,
  /** The card's version: of a fact and a snapshot, the higher one is current. */
  version: z.int().min(0),
  enteredStepAt: z.iso.datetime(),
  /** A dispensation's units of the step's Waktu: the wall's clock counts them. */
  extended: z.int().min(1).optional(),
})
export type WallCard = z.infer<typeof WallCard>

type WallMoveKind = MoveKind | 'undo'
const WALL_MOVE_KINDS = { advance: 'advance', handoff: 'handoff', return: 'return', finish: 'finish', override: 'override', undo: 'undo' } satisfies Record<WallMoveKind, WallMoveKind>

/** One move for the ticker: which card went from where to where, when; no mover, no note. */
export const WallMove = z.strictObject({
  cardId: ObjectId,
  /** The card's version after the move; with cardId, the move's identity. */
  version: z.int().min(1),
  /** 'undo': the mover took a move back; from → to is the way back. */
  kind: z.enum(WALL_MOVE_KINDS),
  at: z.iso.datetime(),
  from: WallPlace,
  to: WallPlace,
})
export type WallMove = z.infer<typeof WallMove>

/** The cycle as the wall shows it: its period (the title, worded by the wall's locale), and its units in the order of their rows. */
export const WallCycle = z.strictObject({
  id: ObjectId,
  title: z.string(),
  year: z.int(),
  quarter: z.int(),
  unitIds: z.array(UnitId),
  /** A cancelled cycle's wall shows only that it was cancelled; a closed one shows its finished board. */
  status: z.enum(CYCLE_STATUSES),
})
export type WallCycle = z.infer<typeof WallCycle>

/** `wall:card`: a card changed (`move` is set when it moved). Sent to the cycle's wall room only. */
export const WallCardChanged = z.strictObject({ card: WallCard, move: WallMove.nullable() })
export type WallCardChanged = z.infer<typeof WallCardChanged>

/** The answer to `wall:join`: what a wall needs to draw and tick. */
export interface WallSnapshot {
  display: { id: string; label: string }
  cycle: WallCycle
  /** The SOP the cycle runs (its lanes, steps and their Waktu): the published document, no one's work. */
  template: SopTemplate
  calendar: WorkCalendar
  cards: WallCard[]
  /** The cycle's latest moves, newest first, at most WALL_TICKER_SIZE. */
  moves: WallMove[]
  serverTime: string
}

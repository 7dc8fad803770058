import { z } from 'zod'
import type { SopTemplate } from '../sop/template'
import type { WorkCalendar } from '../time/calendar'
import type { CardDto } from './board'
import type { CycleDto } from './cycles'
import { ObjectId } from './common'

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
  cycleTitle: string
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

/** What a wall needs to draw and tick: like the board snapshot, without viewers and notes. */
export interface WallSnapshot {
  display: { id: string; label: string }
  cycle: CycleDto
  template: SopTemplate
  calendar: WorkCalendar
  /** Every card with its history (for the ticker of moves); notes are left out. */
  cards: CardDto[]
  serverTime: string
}

import { z } from '../zod'
import type { CardDto } from './board'
import type { CyclePeriod } from '../domain/period'
import type { SopTemplate } from '../domain/template'

/** 'mentioned': a note on the card names the user (@username); `note` quotes it, `by` is its author. */
export type NotificationKind = 'arrived' | 'at_risk' | 'overdue' | 'mentioned'

/** An in-app notification for one user; kept until read. */
export interface NotificationDto {
  id: string
  kind: NotificationKind
  at: string
  read: boolean
  cycleId: string
  /** The Indonesian title stored with the notification; readers see `cyclePeriod` in their words. */
  cycleTitle: string
  /** Null only for an old notification whose stored title does not say its period. */
  cyclePeriod: CyclePeriod | null
  cardId: string
  unit: { id: string; shortName: string }
  step: number
  lane: string
  /** Who caused it (the mover, for 'arrived'); empty for the server's timer. */
  by: string
  /** For 'arrived': the card was sent back (a decision's "Tidak"), so it is work to redo. */
  returned: boolean
  /** For 'arrived': the mover's note (a return's reason, a hand-off's request); for 'mentioned' the note; '' without one. */
  note: string
}

export interface NotificationList {
  notifications: NotificationDto[]
  unread: number
}

/** A notification's id: its user's id and its number among theirs (server/notifications/repository.ts). */
export const NotificationId = z.string().regex(/^[0-9a-f]{24}:[1-9][0-9]{0,9}$/, 'bukan id yang sah')

/**
 * Marks these notifications as read, or all of the user's. "All" is said in so many words: a
 * missing, empty or unreadable body must never mean everything.
 */
export const NotificationsRead = z.union([
  z.strictObject({ ids: z.array(NotificationId).min(1).max(200) }),
  z.strictObject({ all: z.literal(true) }),
])
export type NotificationsRead = z.infer<typeof NotificationsRead>

/** "Tugas saya": the cards the signed-in user may act on now, with what is needed to act on them. */
export interface TaskList {
  cycles: ({ id: string; title: string; template: SopTemplate } & CyclePeriod)[]
  cards: CardDto[]
  /** For correcting the browser's clock, as the board snapshot does. */
  serverTime: string
}

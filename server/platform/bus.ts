import type { TimerThreshold } from '../../shared/protocol/events'
import type { CardDto, NoteDto } from '../../shared/protocol/board'
import type { NotificationDto } from '../../shared/protocol/notifications'
import type { WorkCalendar } from '../../shared/time/calendar'
import type { SopTemplate } from '../../shared/domain/template'
import type { CycleDto } from '../../shared/protocol/cycles'
import type { Logger } from './logger'

/**
 * What the services tell the rest of the server once a change is stored. `origin` is the socket
 * whose command it was: that client has the change from its ack, so boards are told but it is not.
 */
export interface Facts {
  /** A move or an undo: the card's new place is `card`, the move `card.lastEntry`. */
  'card.moved': { card: CardDto; template: SopTemplate; origin?: string }
  /** A tick, an output, a document, or due instants recomputed after a calendar edit. */
  'card.updated': { card: CardDto; origin?: string }
  'card.noted': { card: CardDto; note: NoteDto; origin?: string }
  /** A note (new or rewritten) names these usernames for the first time: the notifier tells them. */
  'note.mentioned': { card: CardDto; note: NoteDto; usernames: string[] }
  /** A dispensation moved the card's thresholds: boards get the card, walls its clock, the timers wake by it. */
  'card.extended': { card: CardDto; origin?: string }
  /** A step clock crossed a threshold (claimed once across the nodes). */
  'timer.crossed': TimerThreshold
  /** A cycle was cancelled or closed. */
  'cycle.ended': { cycle: CycleDto }
  /** The work calendar was saved (after the running clocks were recomputed with it). */
  'calendar.changed': { calendar: WorkCalendar }
  /** A notification was stored for `userId`: their open tabs get it. */
  'notification.created': { userId: string; notification: NotificationDto }
}

type Subscriber<K extends keyof Facts> = (fact: Facts[K]) => void

/**
 * The typed in-process bus between the services (which publish) and the realtime broadcast,
 * the timer scheduler and the notifier (which subscribe). Synchronous: a subscriber that has
 * slow work to do starts it and returns. A subscriber that throws is logged, and the others
 * still hear the fact.
 */
export function createBus(log: Logger) {
  const subscribers = new Map<keyof Facts, Subscriber<never>[]>()
  return {
    subscribe<K extends keyof Facts>(name: K, subscriber: Subscriber<K>): void {
      subscribers.set(name, [...(subscribers.get(name) ?? []), subscriber as Subscriber<never>])
    },
    publish<K extends keyof Facts>(name: K, fact: Facts[K]): void {
      for (const subscriber of subscribers.get(name) ?? []) {
        try {
          ;(subscriber as Subscriber<K>)(fact)
        } catch (err) {
          log.error({ err, fact: name }, 'a subscriber of a fact failed')
        }
      }
    },
  }
}
export type Bus = ReturnType<typeof createBus>

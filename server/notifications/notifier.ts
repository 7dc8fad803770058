import type { HistoryEntryDto } from '../../shared/protocol/board'
import type { TimerThreshold } from '../../shared/protocol/events'
import type { NotificationKind } from '../../shared/protocol/notifications'
import { laneOf, type SopTemplate } from '../../shared/domain/template'
import type { Clock } from '../platform/clock'
import type { Bus } from '../platform/bus'
import type { UsersRepository } from '../users/repository'
import type { NotificationsRepository } from './repository'

export interface NotifiedCard {
  id: string
  cycleId: string
  unit: { id: string; shortName: string }
  step: number
  lane: string
}

/** How much of a note a mention notification quotes. */
const MENTION_QUOTE_CHARS = 500

/**
 * Who hears about what (issue 3, part 6): a card arriving in a lane notifies that lane's users
 * (of the card's unit, for unit-scoped lanes); a card at risk or overdue notifies its holders and
 * those of the lane that opens the SOP, who oversee it (every Sekretaris, in the Balangan SOP).
 * A note's @username mentions notify those people. Each notification is stored per user and
 * pushed to that user's open tabs.
 */
export function createNotifier(deps: {
  users: UsersRepository
  notifications: NotificationsRepository
  /** Each stored notification is published (notification.created): the user's open tabs get it. */
  bus: Bus
  clock: Clock
  /** The cycle's stored title and its period; null for a cycle that is gone. */
  cycleOf: (cycleId: string) => Promise<{ title: string; year: number; quarter: number } | null>
}) {
  const { users, notifications, bus, clock } = deps

  async function holders(template: SopTemplate, card: NotifiedCard): Promise<string[]> {
    const scoped = laneOf(template, card.lane)?.unitScoped ?? false
    return (await users.activeWithRole(card.lane, scoped ? card.unit.id : null)).map((u) => u.id)
  }

  async function send(userIds: string[], kind: NotificationKind, card: NotifiedCard, by: string, move = { returned: false, note: '' }): Promise<void> {
    const cycle = await deps.cycleOf(card.cycleId)
    const delivered = await notifications.add([...new Set(userIds)], {
      kind,
      at: clock(),
      cycleId: card.cycleId,
      cycleTitle: cycle?.title ?? '',
      cyclePeriod: { year: cycle?.year ?? 0, quarter: cycle?.quarter ?? 0 },
      cardId: card.id,
      unit: card.unit,
      step: card.step,
      lane: card.lane,
      by,
      ...move,
    })
    for (const { userId, notification } of delivered) bus.publish('notification.created', { userId, notification })
  }

  return {
    /** `entry` is the move that brought it: a return's note is what the new holder must act on. */
    async cardArrived(template: SopTemplate, card: NotifiedCard, entry: Pick<HistoryEntryDto, 'by' | 'kind' | 'note'>): Promise<void> {
      const to = (await holders(template, card)).filter((id) => id !== entry.by.id)
      await send(to, 'arrived', card, entry.by.name, { returned: entry.kind === 'return', note: entry.note })
    },

    /** A note names these usernames: each named active account but its author hears of it, with the note. */
    async mentioned(card: NotifiedCard, note: { by: { id: string; name: string }; text: string }, usernames: string[]): Promise<void> {
      const to = (await users.activeByUsernames(usernames)).map((u) => u.id).filter((id) => id !== note.by.id)
      if (to.length) await send(to, 'mentioned', card, note.by.name, { returned: false, note: note.text.slice(0, MENTION_QUOTE_CHARS) })
    },

    async thresholdCrossed(template: SopTemplate, card: NotifiedCard, event: TimerThreshold): Promise<void> {
      const opener = template.steps[0]?.defaultLane
      const overseers = opener ? await holders(template, { ...card, lane: opener }) : []
      await send([...(await holders(template, card)), ...overseers], event.state, card, '')
    },
  }
}
export type Notifier = ReturnType<typeof createNotifier>

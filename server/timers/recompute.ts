import type { CalendarRepository } from '../calendar/repository'
import { toCardDto, visitsOf, type CardsRepository } from '../cards/repository'
import type { CyclesRepository } from '../cycles/repository'
import type { Bus } from '../platform/bus'
import type { ClockIndex } from './clocks'
import { extendedOf, recomputeThresholds } from '../../shared/domain/stepClock'

/**
 * After a calendar edit: every running step keeps its entry instant and gets the due and at-risk
 * instants the new calendar gives it; boards receive the changed cards and the calendar. The
 * cards of an ended cycle keep theirs: its clocks have stopped and its history is not rewritten.
 */
export async function recomputeRunningClocks(deps: {
  cards: CardsRepository
  clocks: ClockIndex
  cycles: CyclesRepository
  calendars: CalendarRepository
  bus: Bus
}): Promise<void> {
  const { cards, clocks, cycles, calendars, bus } = deps
  const cal = await calendars.get()
  for (const running of await clocks.current(await cycles.stoppedIds())) {
    // The card as it is now, read by id; setThresholds below is guarded by this version.
    const card = await cards.findById(running.cardId)
    if (!card?.dueAt) continue
    const cycleId = String(card.cycleId)
    const template = await cycles.templateOf(cycleId)
    const next = template && recomputeThresholds(cal, template, card.step, card.enteredStepAt, extendedOf(visitsOf(card)))
    if (!template || !next) continue
    const visits = visitsOf(card).map((v) => (v.leftAt ? v : { ...v, standardMs: next.standardMs }))
    const updated = await cards.setThresholds(String(card._id), card.version, { dueAt: next.dueAt, atRiskAt: next.atRiskAt, visits })
    if (updated) bus.publish('card.updated', { card: toCardDto(updated, template) })
  }
  bus.publish('calendar.changed', { calendar: cal })
}

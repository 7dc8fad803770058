import type { Connection } from 'mongoose'
import type { FullCard } from '../../shared/protocol/board'
import type { CycleDto } from '../../shared/protocol/cycles'
import type { SopTemplate } from '../../shared/domain/template'
import type { WorkCalendar } from '../../shared/time/calendar'
import type { CalendarRepository } from '../calendar/repository'
import { NO_LISTS } from '../cards/projection'
import { toFullCard, type CardsRepository } from '../cards/repository'
import { cycleModel } from '../cycles/model'
import type { CyclesRepository } from '../cycles/repository'
import { AppError } from '../platform/errors'

export interface CycleData {
  cycle: CycleDto
  template: SopTemplate
  /** With their histories, notes, visits and documents: what the reports compute from. */
  cards: FullCard[]
  calendar: WorkCalendar
}

/** Reads what the dashboard, the exports and the report compute from: a cycle with all its cards. */
export function createReportsRepository(deps: { db: Connection; cycles: CyclesRepository; cards: CardsRepository; calendars: CalendarRepository }) {
  const Cycle = cycleModel(deps.db)

  return {
    /** The cycle, its template snapshot, its cards (in the board's order) and the work calendar; NOT_FOUND otherwise. */
    async load(cycleId: string): Promise<CycleData> {
      const found = await deps.cycles.find(cycleId)
      if (!found) throw new AppError('NOT_FOUND', 'not_found_cycle')
      const [records, lists] = await Promise.all([deps.cards.listForCycle(cycleId), deps.cards.listsOfCycle(cycleId)])
      return {
        cycle: found.dto,
        template: found.template,
        cards: records.map((r) => toFullCard(r, found.template, lists.get(String(r._id)) ?? NO_LISTS)),
        calendar: await deps.calendars.get(),
      }
    },

    /** The cycle of the same template with the latest period before `cycle`'s, or null. */
    async previousOf(cycle: CycleDto): Promise<CycleData | null> {
      const prev = await Cycle.findOne(
        {
          templateId: cycle.templateId,
          // A cancelled cycle was a mistake, not a quarter to compare with.
          status: { $ne: 'cancelled' },
          $or: [{ year: { $lt: cycle.year } }, { year: cycle.year, quarter: { $lt: cycle.quarter } }],
        },
        { _id: 1 },
      )
        .sort({ year: -1, quarter: -1 })
        .lean()
      return prev ? this.load(String(prev._id)) : null
    },
  }
}
export type ReportsRepository = ReturnType<typeof createReportsRepository>

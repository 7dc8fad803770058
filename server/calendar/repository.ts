import type { Connection } from 'mongoose'
import { DEFAULT_CALENDAR, type WorkCalendar } from '../../shared/time/calendar'

interface CalendarDoc {
  _id: string
  calendar: WorkCalendar
  updatedAt: Date
  updatedBy: string
}

/**
 * The agency's working calendar: one document. Until an administrator saves one, the calendar
 * shipped in shared/ (office hours of Perpres 21/2023 and the SKB 3 Menteri holidays) applies.
 */
export function createCalendarRepository(conn: Connection) {
  const collection = conn.collection<CalendarDoc>('calendars')
  let cached: WorkCalendar | undefined

  return {
    async get(): Promise<WorkCalendar> {
      if (cached) return cached
      const doc = await collection.findOne({ _id: 'default' })
      cached = doc?.calendar ?? DEFAULT_CALENDAR
      return cached
    },

    /** Drops the cached copy, so an edit saved by another node is read again. */
    forget(): void {
      cached = undefined
    },

    async save(calendar: WorkCalendar, by: string, at: Date): Promise<void> {
      await collection.replaceOne({ _id: 'default' }, { calendar, updatedAt: at, updatedBy: by }, { upsert: true })
      cached = calendar
    },
  }
}
export type CalendarRepository = ReturnType<typeof createCalendarRepository>

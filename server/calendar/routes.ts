import { Router } from 'express'
import { WorkCalendarSchema } from '../../shared/time/schema'
import type { Clock } from '../platform/clock'
import { currentAdmin, currentUser } from '../platform/http/middleware'
import type { CalendarRepository } from './repository'

interface CalendarDeps {
  calendars: CalendarRepository
  clock: Clock
  /** Recomputes the running clocks with the saved calendar and tells every board. */
  onChanged: () => Promise<void>
}

export function calendarRoutes({ calendars, clock, onChanged }: CalendarDeps): Router {
  const router = Router()

  router.get('/calendar', async (req, res) => {
    currentUser(req)
    res.json({ calendar: await calendars.get() })
  })

  router.put('/calendar', async (req, res) => {
    const admin = currentAdmin(req)
    const calendar = WorkCalendarSchema.parse(req.body)
    await calendars.save(calendar, admin.name, clock())
    await onChanged()
    res.json({ calendar })
  })

  return router
}

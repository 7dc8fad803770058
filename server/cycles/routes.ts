import { Router } from 'express'
import { CycleCreate } from '../../shared/schemas/cycles'
import type { SopTemplate } from '../../shared/sop/template'
import { currentAdmin, currentUser } from '../http/middleware'
import type { CalendarRepository } from '../calendar/repository'
import type { CyclesRepository } from './repository'

interface CyclesDeps {
  cycles: CyclesRepository
  calendars: CalendarRepository
  template: SopTemplate
  /** New cards have step clocks: the timer scheduler should look again. */
  onStarted: () => void
}

export function cyclesRoutes({ cycles, calendars, template, onStarted }: CyclesDeps): Router {
  const router = Router()

  router.get('/cycles', async (req, res) => {
    currentUser(req)
    res.json({ cycles: await cycles.list() })
  })

  router.post('/cycles', async (req, res) => {
    const admin = currentAdmin(req)
    const input = CycleCreate.parse(req.body)
    const cycle = await cycles.create(input, template, { id: admin.id, name: admin.name }, await calendars.get())
    onStarted()
    res.status(201).json({ cycle })
  })

  return router
}

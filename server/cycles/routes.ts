import { Router } from 'express'
import { CycleCreate } from '../../shared/protocol/cycles'
import { MONEV_KINERJA } from '../../shared/sop/balangan'
import { AppError } from '../platform/errors'
import { currentAdmin, currentUser } from '../platform/http/middleware'
import type { CalendarRepository } from '../calendar/repository'
import type { TemplatesRepository } from '../templates/repository'
import type { CyclesRepository } from './repository'

interface CyclesDeps {
  cycles: CyclesRepository
  calendars: CalendarRepository
  templates: TemplatesRepository
  /** New cards have step clocks: the timer scheduler should look again. */
  onStarted: () => void
}

export function cyclesRoutes({ cycles, calendars, templates, onStarted }: CyclesDeps): Router {
  const router = Router()

  router.get('/cycles', async (req, res) => {
    currentUser(req)
    res.json({ cycles: await cycles.list() })
  })

  router.post('/cycles', async (req, res) => {
    const admin = currentAdmin(req)
    const input = CycleCreate.parse(req.body)
    // Without a choice (clients from before templates could be edited), the shipped SOP's latest version.
    const template = await templates.get(input.templateId ?? MONEV_KINERJA.id, input.templateVersion ?? 'latest')
    if (!template) throw new AppError('NOT_FOUND', 'not_found_template')
    const cycle = await cycles.create(input, template, { id: admin.id, name: admin.name }, await calendars.get())
    onStarted()
    res.status(201).json({ cycle })
  })

  return router
}

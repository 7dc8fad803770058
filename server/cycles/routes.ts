import { Router } from 'express'
import { CycleCancel, CycleCreate, type CycleDto } from '../../shared/protocol/cycles'
import { MONEV_KINERJA } from '../../shared/sop/balangan'
import { AppError } from '../platform/errors'
import { currentAdmin, currentUser } from '../platform/http/middleware'
import type { CalendarRepository } from '../calendar/repository'
import type { TemplatesRepository } from '../templates/repository'
import type { BoardReader } from '../realtime/io'
import type { CyclesRepository } from './repository'

interface CyclesDeps {
  cycles: CyclesRepository
  calendars: CalendarRepository
  templates: TemplatesRepository
  /** New cards have step clocks: the timer scheduler should look again. */
  onStarted: () => void
  /** A cycle was cancelled or closed: its boards and walls are told, other nodes forget it, its clocks stop. */
  onEnded: (cycle: CycleDto) => void
  /** A board's snapshot, as board:join answers it. */
  boardOf: BoardReader
}

export function cyclesRoutes({ cycles, calendars, templates, onStarted, onEnded, boardOf }: CyclesDeps): Router {
  const router = Router()

  router.get('/cycles', async (req, res) => {
    currentUser(req)
    res.json({ cycles: await cycles.list() })
  })

  // The board's page asks for this with the page itself (a preload the page's answer names:
  // server/platform/http/staticFiles.ts), so the cards are drawn before the socket is up.
  router.get('/cycles/:id/board', async (req, res) => {
    const user = currentUser(req)
    const snapshot = await boardOf(req.params.id, { userId: user.id, name: user.name, role: user.role })
    if (!snapshot) throw new AppError('NOT_FOUND', 'not_found_cycle')
    // The board changes with every move: never answered from a cache.
    res.setHeader('Cache-Control', 'no-store')
    res.json(snapshot)
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

  router.post('/cycles/:id/cancel', async (req, res) => {
    const admin = currentAdmin(req)
    const { reason } = CycleCancel.parse(req.body)
    const cycle = await cycles.end(req.params.id, 'cancelled', { id: admin.id, name: admin.name }, reason)
    onEnded(cycle)
    res.json({ cycle })
  })

  router.post('/cycles/:id/close', async (req, res) => {
    const admin = currentAdmin(req)
    const cycle = await cycles.end(req.params.id, 'closed', { id: admin.id, name: admin.name }, '')
    onEnded(cycle)
    res.json({ cycle })
  })

  return router
}

import { Router } from 'express'
import { DisplayCreate, type DisplayCreated, type DisplayDto } from '../../shared/protocol/displays'
import { AppError } from '../platform/errors'
import { currentAdmin } from '../platform/http/middleware'
import type { CyclesRepository } from '../cycles/repository'
import type { DisplaysRepository, DisplayView } from './repository'

interface DisplaysDeps {
  displays: DisplaysRepository
  cycles: CyclesRepository
  /** How many screens are connected with a display right now (across nodes). */
  onlineCount: (displayId: string) => Promise<number>
  /** Closes the display's open sockets, so a revocation takes effect at once. */
  onRevoked: (displayId: string) => void
}

/** Wall display tokens: administrators only. */
export function displaysRoutes({ displays, cycles, onlineCount, onRevoked }: DisplaysDeps): Router {
  const router = Router()

  async function toDto(view: DisplayView): Promise<DisplayDto> {
    const [summary, online] = await Promise.all([cycles.summaryOf(view.cycleId), onlineCount(view.id)])
    return { ...view, cycleTitle: summary?.title ?? '', cyclePeriod: summary && { year: summary.year, quarter: summary.quarter }, online }
  }

  router.get('/displays', async (req, res) => {
    currentAdmin(req)
    const views = await displays.list()
    res.json({ displays: await Promise.all(views.map(toDto)) })
  })

  router.post('/displays', async (req, res) => {
    const admin = currentAdmin(req)
    const input = DisplayCreate.parse(req.body)
    if (!(await cycles.summaryOf(input.cycleId))) throw new AppError('NOT_FOUND', 'not_found_cycle')
    const { display, token } = await displays.create({ ...input, by: { id: admin.id, name: admin.name } })
    const body: DisplayCreated = { display: await toDto(display), token, path: `/wall/${token}` }
    res.status(201).json(body)
  })

  router.delete('/displays/:id', async (req, res) => {
    currentAdmin(req)
    const id = String(req.params.id)
    if (!(await displays.revoke(id))) throw new AppError('NOT_FOUND', 'not_found_display')
    onRevoked(id)
    res.status(204).end()
  })

  return router
}

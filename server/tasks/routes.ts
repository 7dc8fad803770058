import { Router } from 'express'
import { mayAct } from '../../shared/domain/moves'
import type { CardDto } from '../../shared/protocol/board'
import type { TaskList } from '../../shared/protocol/notifications'
import { toCardDto, type CardsRepository } from '../cards/repository'
import type { CyclesRepository } from '../cycles/repository'
import type { Clock } from '../platform/clock'
import { currentUser } from '../platform/http/middleware'

/**
 * "Tugas saya": the running cards the user holds now, in running cycles (a cancelled or closed
 * one asks nothing of anyone). An administrator's power to override any card is not a task, so
 * administrators see the cards of their own lane like everyone else.
 */
export function tasksRoutes({ cards, cycles, clock }: { cards: CardsRepository; cycles: CyclesRepository; clock: Clock }): Router {
  const router = Router()

  router.get('/tasks', async (req, res) => {
    const user = currentUser(req)
    const holder = { id: user.id, role: user.role, unitId: user.unitId, isAdmin: false }
    const list: TaskList = { cycles: [], cards: [], serverTime: clock().toISOString() }
    const seen = new Set<string>()
    for (const card of await cards.inLane(user.role)) {
      const summary = await cycles.summaryOf(String(card.cycleId))
      if (summary?.status !== 'running') continue
      if (mayAct(summary.template, holder, { step: card.step, lane: card.lane, unitId: card.unit?.id ?? '' })) continue
      if (!seen.has(summary.id)) {
        seen.add(summary.id)
        list.cycles.push(summary)
      }
      list.cards.push(toCardDto(card, summary.template) satisfies CardDto)
    }
    res.json(list)
  })

  return router
}

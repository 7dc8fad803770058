import { Router } from 'express'
import { mayAct } from '../../shared/domain/moves'
import type { CardDto } from '../../shared/protocol/board'
import type { TaskList } from '../../shared/protocol/notifications'
import type { CardRecord } from '../cards/model'
import { toCardDto, type CardsRepository } from '../cards/repository'
import type { CyclesRepository } from '../cycles/repository'
import type { Clock } from '../platform/clock'
import { currentUser } from '../platform/http/middleware'
import type { ClockIndex } from '../timers/clocks'

/**
 * "Tugas saya": the running cards the user holds now, in running cycles (a cancelled or closed
 * one asks nothing of anyone). An administrator's power to override any card is not a task, so
 * administrators see the cards of their own lane like everyone else. The candidates come from the
 * node's copy of the running clocks; each is then read by its id, as it is now.
 */
export function tasksRoutes({ cards, clocks, cycles, clock }: { cards: CardsRepository; clocks: ClockIndex; cycles: CyclesRepository; clock: Clock }): Router {
  const router = Router()

  router.get('/tasks', async (req, res) => {
    const user = currentUser(req)
    const holder = { id: user.id, role: user.role, unitId: user.unitId, isAdmin: false }
    const list: TaskList = { cycles: [], cards: [], serverTime: clock().toISOString() }
    const seen = new Set<string>()
    const waiting = (await clocks.current(await cycles.stoppedIds())).filter((c) => c.lane === user.role)
    const found = await Promise.all(waiting.map((c) => cards.findById(c.cardId)))
    // Due first, as the page groups them; one moved on since the copy was made is not a task here.
    const inLane = found
      .filter((c): c is CardRecord & { dueAt: Date } => c?.lane === user.role && c.dueAt instanceof Date)
      .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime())
    for (const card of inLane) {
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

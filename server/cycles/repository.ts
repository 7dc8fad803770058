import { isDuplicateKey } from '../platform/db/duplicateKey'
import { isValidObjectId, type Types } from 'mongoose'
import type { PersonRef } from '../../shared/protocol/board'
import { cycleProgress } from '../../shared/domain/progress'
import { cycleTitle, type CyclePeriod } from '../../shared/domain/period'
import type { CycleCreate, CycleDto, CycleStatus } from '../../shared/protocol/cycles'
import type { SopTemplate } from '../../shared/domain/template'
import type { WorkCalendar } from '../../shared/time/calendar'
import type { Clock } from '../platform/clock'
import { AppError } from '../platform/errors'
import type { CardsRepository } from '../cards/repository'
import { LIVE_SLOT, type CycleModel, type CycleRecord } from './model'

export interface CycleSummary extends CyclePeriod {
  id: string
  title: string
  template: SopTemplate
  status: CycleStatus
}

export interface CycleWithTemplate {
  dto: CycleDto
  template: SopTemplate
}

function toCycleDto(c: CycleRecord, steps: number[]): CycleDto {
  const template = c.template as SopTemplate
  return {
    id: String(c._id),
    title: c.title,
    year: c.year,
    quarter: c.quarter,
    templateId: c.templateId,
    templateVersion: c.templateVersion,
    templateName: template.identity.name,
    units: c.units.map((u) => ({ id: u.id ?? '', name: u.name ?? '', shortName: u.shortName ?? '' })),
    createdAt: c.createdAt.toISOString(),
    createdBy: c.createdBy,
    status: statusOf(c),
    ended: c.ended?.at ? { at: c.ended.at.toISOString(), by: { id: c.ended.by?.id ?? '', name: c.ended.by?.name ?? '' }, reason: c.ended.reason ?? '' } : null,
    progress: cycleProgress(template, steps),
  }
}

// A cycle written before cycles could end is running (server/cycles/migrate.ts writes it so).
const statusOf = (c: CycleRecord): CycleStatus => (c.status as CycleStatus | undefined) ?? 'running'

export function createCyclesRepository(Cycle: CycleModel, cards: CardsRepository, clock: Clock) {
  // A cycle changes once at most after it starts (cancelled or closed; its cards change, not it),
  // so each node reads it once: every board:join and move needs it, and a reconnecting office
  // joins a thousand times within seconds. The node that ends a cycle tells the others to forget it.
  const records = new Map<string, CycleRecord>()

  async function recordOf(cycleId: string): Promise<CycleRecord | null> {
    const cached = records.get(cycleId)
    if (cached) return cached
    if (!isValidObjectId(cycleId)) return null
    const c = await Cycle.findById(cycleId).lean<CycleRecord>()
    if (c) records.set(cycleId, c)
    return c
  }

  async function summaryOf(cycleId: string): Promise<CycleSummary | null> {
    const c = await recordOf(cycleId)
    return c && { id: cycleId, title: c.title, year: c.year, quarter: c.quarter, template: c.template as SopTemplate, status: statusOf(c) }
  }

  /** Ends a running cycle: the write is conditional on it still running, an ended one stays as it ended. */
  async function end(id: string, status: Exclude<CycleStatus, 'running'>, by: PersonRef, reason: string): Promise<CycleDto> {
    const found = await recordOf(id)
    if (!found) throw new AppError('NOT_FOUND', 'not_found_cycle')
    const steps = (await cards.stepsByCycle([found._id])).get(id) ?? []
    if (status === 'closed') {
      const { cards: total, finished } = cycleProgress(found.template as SopTemplate, steps)
      if (finished < total) throw new AppError('CONFLICT', 'cycle_unfinished', { open: total - finished })
    }
    const ended = { at: clock(), by, reason }
    const slot = status === 'cancelled' ? id : LIVE_SLOT
    const updated = await Cycle.findOneAndUpdate({ _id: found._id, status: 'running' }, { $set: { status, slot, ended } }, { returnDocument: 'after' }).lean<CycleRecord>()
    records.delete(id)
    if (!updated) throw new AppError('CONFLICT', 'cycle_ended')
    return toCycleDto(updated, steps)
  }

  return {
    async list(): Promise<CycleDto[]> {
      const cycles = await Cycle.find().sort({ year: -1, quarter: -1, createdAt: -1 }).lean<CycleRecord[]>()
      const steps = await cards.stepsByCycle(cycles.map((c) => c._id))
      return cycles.map((c) => toCycleDto(c, steps.get(String(c._id)) ?? []))
    },

    /** The cycle and its progress; a caller that has read the cards passes their steps, saving a read. */
    async find(id: string, cardSteps?: number[]): Promise<CycleWithTemplate | null> {
      const c = await recordOf(id)
      if (!c) return null
      const steps = cardSteps ?? (await cards.stepsByCycle([c._id])).get(id) ?? []
      return { dto: toCycleDto(c, steps), template: c.template as SopTemplate }
    },

    summaryOf,
    end,

    /** Another node ended the cycle: read it again at its next use. */
    forget(cycleId: string): void {
      records.delete(cycleId)
    },

    /**
     * The template of a cycle whose cards may still change; a cancelled or closed one is read-only
     * (CONFLICT), a missing one NOT_FOUND.
     */
    async writableTemplateOf(cycleId: string, notFound: AppError): Promise<SopTemplate> {
      const c = await summaryOf(cycleId)
      if (!c) throw notFound
      if (c.status !== 'running') throw new AppError('CONFLICT', c.status === 'cancelled' ? 'cycle_cancelled' : 'cycle_closed')
      return c.template
    },

    /**
     * The cycles whose clocks have stopped (cancelled or closed), read fresh, not from this node's
     * memory: the timers and Tugas saya leave their cards out whichever node ended them.
     */
    async stoppedIds(): Promise<Types.ObjectId[]> {
      const stopped = await Cycle.find({ status: { $in: ['cancelled', 'closed'] } }, { _id: 1 }).lean<{ _id: Types.ObjectId }[]>()
      return stopped.map((c) => c._id)
    },

    async templateOf(cycleId: string): Promise<SopTemplate | null> {
      return (await summaryOf(cycleId))?.template ?? null
    },

    /**
     * Creates the cycle, then its cards. Without transactions the two writes are not atomic: if the
     * cards cannot be written, the cycle is removed again so no board exists without its cards.
     */
    async create(input: CycleCreate, template: SopTemplate, by: PersonRef, cal: WorkCalendar): Promise<CycleDto> {
      const title = cycleTitle(input.year, input.quarter)
      let cycleId: Types.ObjectId
      try {
        const doc = await Cycle.create({
          year: input.year,
          quarter: input.quarter,
          title,
          templateId: template.id,
          templateVersion: template.version,
          template,
          units: input.units,
          createdBy: by.name,
        })
        cycleId = doc._id
      } catch (err) {
        if (isDuplicateKey(err)) throw new AppError('CONFLICT', 'cycle_started', { year: input.year, quarter: input.quarter })
        throw err
      }
      try {
        await cards.createForCycle(cycleId, template, input.units, by, clock(), cal)
      } catch (err) {
        await cards.deleteForCycle(cycleId)
        await Cycle.deleteOne({ _id: cycleId })
        records.delete(String(cycleId))
        throw err
      }
      const created = await this.find(String(cycleId))
      if (!created) throw new Error('cycle vanished right after creation')
      return created.dto
    },
  }
}
export type CyclesRepository = ReturnType<typeof createCyclesRepository>

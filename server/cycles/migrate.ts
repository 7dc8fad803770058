import type { Logger } from '../platform/logger'
import { LIVE_SLOT, type CycleModel } from './model'

/** The unique index of the versions before a cycle could be cancelled: one cycle per period, ever. */
const PERIOD_INDEX = 'templateId_1_year_1_quarter_1'

/**
 * Cycles written before they could end are running and hold their period's live slot; then the
 * old one-per-period index goes, so a cancelled cycle frees its period (the new index, with the
 * slot, is built by Cycle.init()). Nothing is removed from any cycle. Idempotent.
 */
export async function migrateCycles(Cycle: CycleModel, log?: Logger): Promise<void> {
  const status = await Cycle.updateMany({ status: { $exists: false } }, { $set: { status: 'running' } }, { timestamps: false })
  const slot = await Cycle.updateMany({ slot: { $exists: false } }, { $set: { slot: LIVE_SLOT } }, { timestamps: false })
  const indexes = await Cycle.collection.indexes()
  const dropped = indexes.some((i) => i.name === PERIOD_INDEX)
  if (dropped) await Cycle.collection.dropIndex(PERIOD_INDEX)
  if (status.modifiedCount || slot.modifiedCount || dropped) {
    log?.info({ cycles: status.modifiedCount, slots: slot.modifiedCount, droppedPeriodIndex: dropped }, 'cycles migrated: each can now be cancelled or closed')
  }
}

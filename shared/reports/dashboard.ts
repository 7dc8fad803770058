import type { CycleDto } from '../protocol/cycles'
import type { SopTemplate } from '../domain/template'
import type { CycleStats, CycleSummaryStats } from './cycleStats'

/** GET /api/cycles/:id/stats: what the cycle dashboard and the printable report show. */
export interface CycleDashboard {
  cycle: CycleDto
  /** The template the cycle started with (identity for the report, lanes and steps for labels). */
  template: SopTemplate
  stats: CycleStats
  /** The cycle of the same template with the latest period before this one, read at the same instant. */
  previous: { cycle: CycleDto; summary: CycleSummaryStats } | null
  serverTime: string
}

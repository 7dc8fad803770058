import { z } from '../zod'
import { UnitId } from './common'
import { TemplateId } from './templates'

export const UnitInput = z.strictObject({
  id: UnitId,
  name: z.string().trim().min(1).max(120),
  shortName: z.string().trim().min(1).max(30),
})

export const CycleCreate = z.strictObject({
  year: z.int().min(2000).max(2100),
  quarter: z.int().min(1).max(4),
  units: z
    .array(UnitInput)
    .min(1)
    .max(50)
    .refine((units) => new Set(units.map((u) => u.id)).size === units.length, 'id unit tidak boleh kembar'),
  /** The SOP to run; the shipped one (monev-kinerja) when omitted. */
  templateId: TemplateId.optional(),
  /** A stored version of it; its latest when omitted. */
  templateVersion: z.int().min(1).optional(),
})
export type CycleCreate = z.infer<typeof CycleCreate>

export interface CycleProgress {
  cards: number
  finished: number
  /** Steps completed over all cards, out of `stepsTotal` = steps × cards. */
  stepsDone: number
  stepsTotal: number
}

/**
 * running: its cards move. closed: finished and archived, read-only, still reported. cancelled:
 * started by mistake, read-only, off the boards, Tugas saya and walls, its period free again.
 */
export const CYCLE_STATUSES = ['running', 'closed', 'cancelled'] as const
export type CycleStatus = (typeof CYCLE_STATUSES)[number]

/** An administrator cancels a running cycle, always saying why. */
export const CycleCancel = z.strictObject({ reason: z.string().trim().min(3).max(500) })
export type CycleCancel = z.infer<typeof CycleCancel>

export interface CycleEnd {
  at: string
  by: { id: string; name: string }
  /** A cancel's reason; empty for a close. */
  reason: string
}

export interface CycleDto {
  id: string
  title: string
  year: number
  quarter: number
  templateId: string
  templateVersion: number
  templateName: string
  units: { id: string; name: string; shortName: string }[]
  createdAt: string
  createdBy: string
  status: CycleStatus
  /** Set once cancelled or closed. */
  ended: CycleEnd | null
  progress: CycleProgress
}

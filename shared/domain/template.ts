/** The shape of an SOP-AP template (Permendagri 52/2011): identity block, lanes and steps. */
import type { z } from '../zod'
import type { SopIdentitySchema, SopLaneSchema, SopStepSchema, TemplateExport, WAKTU_UNITS } from '../protocol/templates'

// The template's types are those of its schemas (shared/protocol/templates.ts), so what the
// server accepts and what the code assumes cannot drift apart.
export type WaktuUnit = (typeof WAKTU_UNITS)[number]
export type SopStep = z.infer<typeof SopStepSchema>
export type Waktu = SopStep['waktu']
export type SopDecision = NonNullable<SopStep['decision']>
export type SopLane = z.infer<typeof SopLaneSchema>
export type SopIdentity = z.infer<typeof SopIdentitySchema>

/** An identity with every field empty: the start of a new template or of an import. */
export function blankIdentity(): SopIdentity {
  return {
    agency: '',
    number: '',
    name: '',
    createdOn: '',
    revisedOn: '',
    approvedOn: '',
    approvedBy: '',
    approverName: '',
    approverRank: '',
    approverNip: '',
    legalBases: [],
    qualifications: [],
    relatedSops: [],
    equipment: [],
    warnings: [],
    recording: [],
  }
}

/** A stored version: the template as submitted plus the version the server gave it. */
export type SopTemplate = z.infer<typeof TemplateExport>

export interface Unit {
  id: string
  name: string
  shortName: string
}

/** A card that advanced past the last step sits in this virtual column, in the lane that closed it. */
export function finishedStep(template: SopTemplate): number {
  return template.steps.length + 1
}

export function stepOf(template: SopTemplate, no: number): SopStep | undefined {
  return template.steps.find((s) => s.no === no)
}

export function laneOf(template: SopTemplate, id: string): SopLane | undefined {
  return template.lanes.find((l) => l.id === id)
}

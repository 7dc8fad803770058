/** The shape of an SOP-AP template (Permendagri 52/2011): identity block, lanes and steps. */

export type WaktuUnit = 'menit' | 'jam' | 'hari' | 'minggu'

export interface Waktu {
  amount: number
  unit: WaktuUnit
}

export interface SopLane {
  /** Stable id; also the value of a user's `role`. */
  id: string
  name: string
  /** A unit-scoped lane (Kepala Bidang, Kepala Seksi) may only act on its own unit's card. */
  unitScoped: boolean
}

export interface SopDecision {
  /** The step the "Tidak" branch returns to; "Ya" is always the next step. */
  noReturnsTo: number
  question: string
}

export interface SopStep {
  no: number
  title: string
  shortTitle: string
  /** Lanes involved in the step; `defaultLane` is one of them. */
  lanes: string[]
  defaultLane: string
  kelengkapan: string[]
  waktu: Waktu
  output: string
  keterangan: string
  decision?: SopDecision
}

export interface SopIdentity {
  agency: string
  number: string
  name: string
  createdOn: string
  revisedOn: string
  approvedOn: string
  approvedBy: string
  approverName: string
  approverRank: string
  approverNip: string
  legalBases: string[]
  qualifications: string[]
  relatedSops: string[]
  equipment: string[]
  warnings: string[]
  recording: string[]
}

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

export interface SopTemplate {
  id: string
  version: number
  identity: SopIdentity
  lanes: SopLane[]
  steps: SopStep[]
}

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

// A cycle's period and its words, apart from the cycle schemas (shared/protocol/cycles.ts): every
// page titles cycles, and the board loads no zod.

export const QUARTERS = ['I', 'II', 'III', 'IV'] as const

/** A cycle's period: what a reader sees as its title, worded in the reader's language ("Triwulan I 2027", "Quarter I 2027"). */
export interface CyclePeriod {
  year: number
  quarter: number
}

/** The quarter as the agency writes it, "I" to "IV", in every language. */
export function quarterNumeral(quarter: number): string {
  return QUARTERS[quarter - 1] ?? String(quarter)
}

/**
 * The Indonesian title stored with a cycle (and in old notifications) for the logs, backups and
 * older clients; readers see the period worded by their own locale (`cycles.titleOf`).
 */
export function cycleTitle(year: number, quarter: number): string {
  return `Triwulan ${quarterNumeral(quarter)} ${year}`
}

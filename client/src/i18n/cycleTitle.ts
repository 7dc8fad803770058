import { quarterNumeral, type CyclePeriod } from '@shared/domain/period'
import { i18n } from '.'

/**
 * A cycle's title in the reader's language ("Triwulan I 2027", "Quarter I 2027"), from its period:
 * the title the server stores is Indonesian, for its logs and backups, and is never shown.
 */
export function cycleTitle(period: CyclePeriod): string {
  return i18n.global.t('cycles.titleOf', { q: quarterNumeral(period.quarter), year: String(period.year) })
}

import type { CardDto } from '../../../shared/schemas/board'
import type { CommandError } from '../realtime/socket'
import { currentLocale, i18n } from '../i18n'

/**
 * A refused or unanswered command in words. The server speaks Indonesian, and its message is the
 * specific one ("… oleh Budi ke Tahap 9"), so it is shown as is in Indonesian; other locales get
 * the code's own sentence. `placeOf` names where a STALE card is now.
 */
export function commandErrorText(error: CommandError, placeOf: (card: CardDto) => string): string {
  const t = i18n.global.t
  if (error.code === 'TIMEOUT') return t('errors.TIMEOUT')
  if (currentLocale() === 'id' && error.message) return error.message
  const last = error.card?.history.at(-1)
  if (error.code === 'STALE' && error.card && last) {
    return t('errors.staleMoved', { name: last.by.name, place: placeOf(error.card) })
  }
  return t(`errors.${error.code}`)
}

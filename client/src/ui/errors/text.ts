import { ERROR_CODES } from '@shared/protocol/errorCodes'
import type { ErrorCode, ErrorParams, ErrorReason } from '@shared/protocol/errors'
import type { CardDto } from '@shared/protocol/board'
import { i18n } from '../../i18n'
import { cycleTitle } from '../../i18n/cycleTitle'

/**
 * The one place an error becomes words. The server sends `{ code, reason?, params? }` and no
 * sentence (shared/protocol/errors.ts); every text is in i18n `errors`, in the user's locale, with the
 * params in it. Some params are turned into words first: a wait in seconds, a size in bytes, the
 * kind of a refused file, a STALE card's place, a cycle's period.
 */

/** An ack's error, an ApiError, or one of the client's own: TIMEOUT (no ack), NETWORK (no answer). */
export interface ErrorLike {
  code: ErrorCode | 'TIMEOUT' | 'NETWORK'
  reason?: ErrorReason
  params?: Readonly<ErrorParams>
  /** With STALE: the card as the server holds it now. */
  card?: CardDto
}

export interface ErrorTextContext {
  /** How the view names the place a STALE card is at now ("Tahap 3 · Sekretaris", "Selesai · …"). */
  placeOf?: (card: CardDto) => string
}

const CODES = new Set<string>([...ERROR_CODES, 'TIMEOUT', 'NETWORK'])

/** Whether a value is an error body the client can word (a known code), whatever else it carries. */
export function isErrorLike(value: unknown): value is ErrorLike {
  return typeof value === 'object' && value !== null && CODES.has(String((value as { code?: unknown }).code))
}

/** The params as the sentence of `reason` uses them. */
function wordsOf(error: ErrorLike, context: ErrorTextContext): Record<string, string | number> {
  const t = i18n.global.t
  const params = { ...error.params }
  switch (error.reason) {
    case 'stale': {
      const step = Number(params.step)
      params.place = error.card && context.placeOf ? context.placeOf(error.card) : `${t('board.stepN', { n: step })} · ${String(params.lane ?? '')}`
      break
    }
    case 'rate_limited': {
      const seconds = Number(params.retryAfterSeconds)
      const minutes = Math.ceil(seconds / 60)
      params.wait = seconds < 60 ? t('errors.wait.seconds', { n: seconds }, seconds) : t('errors.wait.minutes', { n: minutes }, minutes)
      break
    }
    case 'document_too_large': {
      const mib = Number(params.maxBytes) / (1024 * 1024)
      params.size = `${new Intl.NumberFormat(i18n.global.locale.value, { maximumFractionDigits: 1 }).format(mib)} MB`
      break
    }
    case 'document_type':
      params.detected = t(`errors.fileKind.${String(params.detected)}`)
      break
    case 'cycle_started':
      params.title = cycleTitle({ year: Number(params.year), quarter: Number(params.quarter) })
      break
  }
  return params
}

/**
 * The sentence for an error: its reason's own when it has one (with the params in it), else its
 * code's. Anything that is not an error of ours (a bug's TypeError) gets the general sentence.
 */
export function errorText(error: unknown, context: ErrorTextContext = {}): string {
  const t = i18n.global.t
  const te = i18n.global.te
  if (!isErrorLike(error)) return t('errors.INTERNAL')
  const { reason } = error
  if (reason === 'stale' && error.params?.name === undefined) return t('errors.staleChanged', wordsOf(error, context))
  if (reason === 'rate_limited' && !(Number(error.params?.retryAfterSeconds) > 0)) return t('errors.RATE_LIMITED')
  if (reason && te(`errors.reason.${reason}`)) return t(`errors.reason.${reason}`, wordsOf(error, context))
  return t(`errors.${error.code}`)
}

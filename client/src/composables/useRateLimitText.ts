import { useI18n } from 'vue-i18n'
import type { ApiError } from '../api/http'

/**
 * "Terlalu banyak percobaan masuk. Coba lagi dalam 15 detik.": a RATE_LIMITED refusal of the
 * login limits (server/auth/rateLimit.ts) in words, from the wait the server sends as a param.
 */
export function useRateLimitText() {
  const { t } = useI18n()
  return (err: ApiError): string => {
    const seconds = Number(err.params.retryAfterSeconds)
    if (!Number.isFinite(seconds) || seconds <= 0) return t('login.rateLimited')
    const minutes = Math.ceil(seconds / 60)
    const wait = seconds < 60 ? t('login.waitSeconds', { n: seconds }, seconds) : t('login.waitMinutes', { n: minutes }, minutes)
    return t('login.rateLimitedFor', { wait })
  }
}

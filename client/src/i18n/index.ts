import { createI18n } from 'vue-i18n'
import id from './id.json'
import en from './en.json'
import type { AppLocale } from '../lib/time'

/** Bahasa Indonesia is the agency's language and the default; English is second. */
export const LOCALES: readonly AppLocale[] = ['id', 'en']
const STORAGE_KEY = 'papan-sop.locale'

type MessageSchema = typeof id

function storedLocale(): AppLocale {
  try {
    const saved = localStorage.getItem(STORAGE_KEY)
    if (saved === 'id' || saved === 'en') return saved
  } catch {
    // Storage can be blocked (private mode, kiosk policies); the default is fine then.
  }
  return 'id'
}

export const i18n = createI18n<[MessageSchema], AppLocale, false>({
  legacy: false,
  locale: storedLocale(),
  fallbackLocale: 'id',
  messages: { id, en },
  // Server messages and SOP texts are data, never parsed as message syntax; only our own keys are.
  missingWarn: import.meta.env.DEV,
  fallbackWarn: false,
})

export function currentLocale(): AppLocale {
  return i18n.global.locale.value
}

export function setLocale(locale: AppLocale): void {
  i18n.global.locale.value = locale
  document.documentElement.lang = locale
  try {
    localStorage.setItem(STORAGE_KEY, locale)
  } catch {
    // Not persisted; the switch still applies to this tab.
  }
}

document.documentElement.lang = i18n.global.locale.value

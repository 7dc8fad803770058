import { createI18n } from 'vue-i18n'
import id from './id.json'
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

// English is loaded only when chosen (loadLocale): most of the agency reads Indonesian, and the
// first page of a board should not carry a second language over a slow link.
export const i18n = createI18n<[MessageSchema], AppLocale, false>({
  legacy: false,
  locale: 'id',
  fallbackLocale: 'id',
  messages: { id } as Record<AppLocale, MessageSchema>,
  // Server messages and SOP texts are data, never parsed as message syntax; only our own keys are.
  missingWarn: import.meta.env.DEV,
  fallbackWarn: false,
})

export function currentLocale(): AppLocale {
  return i18n.global.locale.value
}

/** Makes sure `locale`'s words are here (English is fetched the first time it is wanted). */
async function loadLocale(locale: AppLocale): Promise<void> {
  if (i18n.global.availableLocales.includes(locale)) return
  const messages = (await import('./en.json')).default
  i18n.global.setLocaleMessage(locale, messages)
}

/** Switches the language once its words are loaded; a failed load leaves the current one. */
export async function setLocale(locale: AppLocale): Promise<void> {
  await loadLocale(locale)
  i18n.global.locale.value = locale
  document.documentElement.lang = locale
  try {
    localStorage.setItem(STORAGE_KEY, locale)
  } catch {
    // Not persisted; the switch still applies to this tab.
  }
}

/** The language the browser chose before, loaded: main.ts waits for it before the app is drawn. */
export async function restoreLocale(): Promise<void> {
  const saved = storedLocale()
  if (saved === 'id') return void (document.documentElement.lang = 'id')
  try {
    await setLocale(saved)
  } catch {
    // Its words could not be fetched (offline): Indonesian, the default, is already there.
    document.documentElement.lang = 'id'
  }
}

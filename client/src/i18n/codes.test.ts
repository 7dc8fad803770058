import { describe, expect, it } from 'vitest'
import { createI18n } from 'vue-i18n'
import { quarterNumeral } from '@shared/domain/period'
import { IMPORT_ISSUE_CODES, IMPORT_PARAMS } from '@shared/sop/importText'
import en from './en.json'
import id from './id.json'

// The app's own i18n module touches the page when imported; these tests have none.
const i18n = createI18n({ legacy: false, locale: 'id', messages: { id, en }, missingWarn: false, fallbackWarn: false })
const MESSAGES = { id, en }

const placeholders = (message: string) => [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!)

/** Every leaf's path, so two locales can be compared key for key. */
function keysOf(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'object' && v !== null ? keysOf(v as object, `${prefix}${k}.`) : [`${prefix}${k}`]))
}

describe.each(['id', 'en'] as const)('the %s words', (locale) => {
  const issues: Partial<Record<string, string>> = MESSAGES[locale].templates.import.issues

  it.each(IMPORT_ISSUE_CODES)("say the importer's %s, quoting only the params it has", (code) => {
    const message = issues[code]
    expect(message).toBeTypeOf('string')
    const names: readonly string[] = IMPORT_PARAMS[code]
    expect(placeholders(message!).filter((p) => !names.includes(p))).toEqual([])
    // vue-i18n compiles it (no stray "|" plural or "@" link), and every placeholder is filled.
    const text = i18n.global.t(`templates.import.issues.${code}`, Object.fromEntries(names.map((n) => [n, `«${n}»`])), { locale })
    expect(text).not.toMatch(/[{}]/)
    for (const name of placeholders(message!)) expect(text).toContain(`«${name}»`)
  })

  it('has words for no importer code that does not exist', () => {
    expect(Object.keys(issues).filter((c) => !(IMPORT_ISSUE_CODES as string[]).includes(c))).toEqual([])
  })

  it('titles a cycle from its period', () => {
    const title = i18n.global.t('cycles.titleOf', { q: quarterNumeral(1), year: '2027' }, { locale })
    // e2e and the server's stored title say "Triwulan I 2027": the Indonesian rendering must not drift from it.
    expect(title).toBe(locale === 'id' ? 'Triwulan I 2027' : 'Quarter I 2027')
  })
})

it('has the same export words in both languages', () => {
  expect(keysOf(en.report.export)).toEqual(keysOf(id.report.export))
})

it.each(['id', 'en'] as const)('compiles every %s message (no stray "@" link, "|" or brace)', async (locale) => {
  // The compiler vue-i18n itself uses: a message it cannot parse makes the whole component fail to render.
  const { baseCompile } = await import('@intlify/message-compiler')
  const broken = keysOf(MESSAGES[locale]).filter((key) => {
    const message = key.split('.').reduce<unknown>((node, k) => (node as Record<string, unknown>)[k], MESSAGES[locale])
    let failed = false
    baseCompile(String(message), { onError: () => void (failed = true) })
    return failed
  })
  expect(broken).toEqual([])
})

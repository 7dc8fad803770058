import { z } from 'zod'
import type { HistoryEntryDto } from '../../shared/protocol/board'
import { quarterNumeral, type CyclePeriod } from '../../shared/domain/period'
// The client's own message files: every word is translated once, in one place, for the page and
// for the files the server writes alike. The import reads them once, when the server starts.
import en from '../../client/src/i18n/en.json'
import id from '../../client/src/i18n/id.json'

export const EXPORT_LOCALES = ['id', 'en'] as const
export type ExportLocale = (typeof EXPORT_LOCALES)[number]

/** `?lang=` of an export link: the page's locale; Indonesian when absent or unknown (a link typed by hand). */
export const ExportQuery = z.object({ lang: z.enum(EXPORT_LOCALES).catch('id') })

/** A kind of history entry added later must get its words in both files before this compiles. */
type ExportMessages = typeof id.report.export & { kinds: Record<HistoryEntryDto['kind'], string> }

export interface ExportWords extends ExportMessages {
  /** "Triwulan I 2027", "Quarter I 2027". */
  cycleTitle: (period: CyclePeriod) => string
}

/** Fills `{name}` placeholders. The keys read here use no plural forms or links, so nothing else of vue-i18n's syntax is needed. */
function fill(message: string, params: Record<string, string>): string {
  return message.replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole)
}

// `satisfies` makes the type checker hold the English file to the Indonesian one's shape for these keys.
const MESSAGES = {
  id: { export: id.report.export, cycleTitle: id.cycles.titleOf },
  en: { export: en.report.export, cycleTitle: en.cycles.titleOf },
} satisfies Record<ExportLocale, { export: ExportMessages; cycleTitle: string }>

export function exportWords(locale: ExportLocale): ExportWords {
  const m = MESSAGES[locale]
  return { ...m.export, cycleTitle: (p) => fill(m.cycleTitle, { q: quarterNumeral(p.quarter), year: String(p.year) }) }
}

import { useI18n } from 'vue-i18n'

/** "12 KB", "1,4 MB" in the current locale (1 KB = 1024 bytes, as file managers show). */
export function useFileSize() {
  const { locale } = useI18n()
  return function fileSize(bytes: number): string {
    const fmt = new Intl.NumberFormat(locale.value === 'en' ? 'en-GB' : 'id-ID', { maximumFractionDigits: 1 })
    if (bytes < 1024) return `${bytes} B`
    if (bytes < 1024 * 1024) return `${fmt.format(bytes / 1024)} KB`
    return `${fmt.format(bytes / (1024 * 1024))} MB`
  }
}

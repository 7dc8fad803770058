import { useI18n } from 'vue-i18n'
import type { TimerReading } from '@shared/time/workingTime'
import { useFormat } from './useFormat'

/** A timer reading in words: the state, why it is paused, and the time used and left. */
export function useTimerText() {
  const { t } = useI18n()
  const { duration, days } = useFormat()

  function stateText(reading: TimerReading): string {
    return t(`timer.state.${reading.state}`)
  }

  /** "di luar jam kerja", "hari libur: Hari Raya Idul Fitri"; empty while the office is open. */
  function pauseText(reading: TimerReading): string {
    const pause = reading.pause
    if (!pause) return ''
    return pause.kind === 'holiday' ? t('timer.pause.holiday', { name: pause.name }) : t(`timer.pause.${pause.kind}`)
  }

  /** "1 j 20 m dipakai · sisa 40 m", or "lewat 2 j 5 m" once overdue; a hari step in days ("sisa 4 hari 3 j"). */
  function amounts(reading: TimerReading): string {
    const d = reading.days
    if (reading.state === 'overdue') return t('timer.late', { late: d ? days(d.late) : duration(-reading.remainingMs) })
    return d
      ? t('timer.usedLeft', { used: days(d.elapsed), left: days(d.remaining, 'ceil') })
      : t('timer.usedLeft', { used: duration(reading.elapsedMs), left: duration(reading.remainingMs, 'ceil') })
  }

  /** One line for labels and announcements: "Dijeda (istirahat), 1 j 20 m dipakai · sisa 40 m". */
  function summary(reading: TimerReading): string {
    const pause = reading.state === 'paused' ? pauseText(reading) : ''
    return t('timer.summary', { state: pause ? `${stateText(reading)} (${pause})` : stateText(reading), amounts: amounts(reading) })
  }

  return { stateText, pauseText, amounts, summary }
}

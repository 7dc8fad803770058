import type { Refusal } from '../../shared/rules/moves'
import type { Position } from '../../shared/schemas/common'
import { finishedStep, laneOf, type SopTemplate } from '../../shared/sop/template'
import type { CardRecord } from './model'

/** Server-side wording of refusals, in Bahasa Indonesia (the client has its own i18n for drags). */

export function cellName(template: SopTemplate, p: Position): string {
  const lane = laneOf(template, p.lane)?.name ?? p.lane
  return p.step === finishedStep(template) ? `Selesai (${lane})` : `Tahap ${p.step} (${lane})`
}

export function refusalMessage(template: SopTemplate, refusal: Refusal, card: Position, to: Position): string {
  const holder = laneOf(template, card.lane)?.name ?? card.lane
  switch (refusal) {
    case 'not_your_lane':
      return `Kartu ini sedang dipegang ${holder}; hanya pemegangnya atau administrator yang dapat memindahkannya.`
    case 'not_your_unit':
      return 'Anda hanya dapat memindahkan kartu unit Anda sendiri.'
    case 'same_cell':
      return 'Kartu sudah berada di sel itu.'
    case 'no_such_cell':
      return 'Sel tujuan tidak ada pada SOP ini.'
    case 'lane_not_involved':
      return `${laneOf(template, to.lane)?.name ?? to.lane} tidak terlibat di Tahap ${to.step}.`
    case 'skip_not_allowed':
      return 'Kartu hanya dapat maju satu tahap, berpindah pelaksana dalam tahap yang sama, atau kembali lewat keputusan "Tidak". Perpindahan lain hanya oleh administrator dengan alasan.'
    case 'finished':
      return 'Kartu ini sudah selesai; hanya administrator yang dapat membukanya kembali, dengan alasan.'
  }
}

export function staleMessage(template: SopTemplate, card: CardRecord): string {
  const last = card.history.at(-1)
  const where = cellName(template, { step: card.step, lane: card.lane })
  return last?.by?.name
    ? `Kartu ini baru saja dipindahkan oleh ${last.by.name} ke ${where}.`
    : `Kartu ini sudah berubah; sekarang di ${where}.`
}

import type { CardDto } from '@shared/protocol/board'
import type { Position, Refusal } from '@shared/domain/moves'
import { finishedStep, laneOf, type SopTemplate } from '@shared/domain/template'
import { i18n } from '../i18n'
import type { AwayChange } from '../lib/boardDiff'

/**
 * Places and changes on a board in words. Lane names are data of the card's template (the board's
 * own, or each card's in Tugas saya); everything around them comes from i18n.
 */
type Template = SopTemplate | null | undefined

const t = i18n.global.t

export function laneName(template: Template, id: string): string {
  return (template && laneOf(template, id)?.name) || id
}

/** "Tahap 3", or "Selesai" for the column after the last step. */
export function stepLabel(template: Template, step: number): string {
  return template && step === finishedStep(template) ? t('board.finishedColumn') : t('board.stepN', { n: step })
}

/** "Tahap 3 · Kasubag Program" */
export function placeLabel(template: Template, pos: Position): string {
  return `${stepLabel(template, pos.step)} · ${laneName(template, pos.lane)}`
}

/** Why the shared rules refuse this card to the user, naming who holds it. */
export function refusalText(template: Template, refusal: Refusal, card: Pick<CardDto, 'lane' | 'unit'>): string {
  return t(`errors.reason.${refusal}`, { lane: laneName(template, card.lane), unit: card.unit.shortName })
}

/** One line of the "while you were away" notice after a reconnect. */
export function awayChangeText(template: Template, change: AwayChange): string {
  const unit = change.card.unit.shortName
  switch (change.kind) {
    case 'moved': {
      const place = placeLabel(template, change.card)
      return change.by ? t('board.change.movedBy', { unit, place, name: change.by }) : t('board.change.moved', { unit, place })
    }
    case 'noted':
      return change.by
        ? t('board.change.notedLatest', { unit, n: change.count, name: change.by }, change.count)
        : t('board.change.notedCount', { unit, n: change.count }, change.count)
    case 'added':
      return t('board.change.added', { unit })
    case 'removed':
      return t('board.change.removed', { unit })
  }
}

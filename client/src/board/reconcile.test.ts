import { describe, expect, it } from 'vitest'
import { applyAck, applyFact, applySnapshot, beginMove, newer, patchCard, placeChanged, rollback, type Held, type Versioned } from './reconcile'

interface Card extends Versioned {
  note: string
}

const card = (version: number, step = version, note = ''): Card => ({ id: 'a', version, step, lane: 'sekretaris', note })
const other = (version: number): Card => ({ id: 'b', version, step: 1, lane: 'sekretaris', note: '' })

const held = (...cards: Card[]): Held<Card> => ({ cards: Object.fromEntries(cards.map((c) => [c.id, c])), pending: {} })

/** The move of the tests: to step 9, as the client shows it before the ack. */
const toNine = (c: Card): Card => ({ ...c, step: 9 })

/** Card `a` at version 2 with a move to step 9 in flight (opId "op1"). */
const moving = (): Held<Card> => beginMove(held(card(2), other(1)), 'a', 'op1', toNine)

describe('newer', () => {
  it.each([
    { held: undefined, heard: card(1), wins: 'heard', why: 'nothing held' },
    { held: card(1), heard: card(2), wins: 'heard', why: 'heard is newer' },
    { held: card(3), heard: card(2), wins: 'held', why: 'held is newer' },
    { held: card(2, 2, 'old'), heard: card(2, 2, 'ticked'), wins: 'heard', why: 'same version: heard has the latest ticks' },
  ])('$why: keeps $wins', ({ held: mine, heard, wins }) => {
    expect(newer(mine, heard)).toBe(wins === 'held' ? mine : heard)
  })
})

describe('applySnapshot', () => {
  it.each([
    { why: 'nothing held: the snapshot', before: held(), snap: [card(2)], shown: card(2) },
    { why: 'older than held: the held card stays (a fact overtook the snapshot)', before: held(card(5)), snap: [card(4)], shown: card(5) },
    { why: 'newer than held: the snapshot', before: held(card(4)), snap: [card(5)], shown: card(5) },
    { why: 'same version: the snapshot', before: held(card(4, 4, 'old')), snap: [card(4, 4, 'new')], shown: card(4, 4, 'new') },
  ])('$why', ({ before, snap, shown }) => {
    expect(applySnapshot(before, snap).cards).toEqual({ a: shown })
  })

  it('drops cards the snapshot no longer has, with their moves in flight', () => {
    const next = applySnapshot(moving(), [other(1)])
    expect(next.cards).toEqual({ b: other(1) })
    expect(next.pending).toEqual({})
  })

  it('keeps a move in flight shown, on top of the newer of its base and the snapshot', () => {
    const next = applySnapshot(moving(), [card(2, 2, 'noted'), other(1)])
    expect(next.cards.a).toEqual(card(2, 9, 'noted'))
    expect(next.pending.a?.base).toEqual(card(2, 2, 'noted'))
    const older = applySnapshot(applyFact(moving(), card(3, 4)), [card(2), other(1)])
    expect(older.pending.a?.base).toEqual(card(3, 4))
  })
})

describe('applyFact', () => {
  it.each([
    { why: 'an unknown card is added', before: held(other(1)), fact: card(1), shown: card(1) },
    { why: 'a newer card replaces', before: held(card(1)), fact: card(2), shown: card(2) },
    { why: 'an older card is ignored', before: held(card(3)), fact: card(2), shown: card(3) },
    { why: 'the same version replaces (an update keeps the version)', before: held(card(2, 2, '')), fact: card(2, 2, 'x'), shown: card(2, 2, 'x') },
  ])('$why', ({ before, fact, shown }) => {
    expect(applyFact(before, fact).cards.a).toEqual(shown)
  })

  it('returns the same object when it ignores the fact', () => {
    const before = held(card(3))
    expect(applyFact(before, card(2))).toBe(before)
  })

  it('during a move: updates the rollback target and keeps showing the move', () => {
    const next = applyFact(moving(), card(3, 5))
    expect(next.cards.a).toEqual(card(3, 9))
    expect(next.pending.a?.base).toEqual(card(3, 5))
    expect(applyFact(next, card(2))).toBe(next)
  })
})

describe('patchCard', () => {
  const note = (c: Card): Card => ({ ...c, note: 'seen' })

  it('changes the card shown', () => {
    expect(patchCard(held(card(1)), 'a', note).cards.a).toEqual(card(1, 1, 'seen'))
  })

  it('during a move: changes the rollback target too', () => {
    const next = patchCard(moving(), 'a', note)
    expect(next.cards.a).toEqual(card(2, 9, 'seen'))
    expect(next.pending.a?.base).toEqual(card(2, 2, 'seen'))
  })

  it('leaves an unknown card, or an unchanged one, alone', () => {
    const before = held(card(1))
    expect(patchCard(before, 'x', note)).toBe(before)
    expect(patchCard(before, 'a', (c) => c)).toBe(before)
  })
})

describe('a move', () => {
  it('is shown at once, with the held card as its rollback target', () => {
    const next = moving()
    expect(next.cards.a).toEqual(card(2, 9))
    expect(next.pending.a).toMatchObject({ opId: 'op1', base: card(2) })
    expect(next.cards.b).toEqual(other(1))
  })

  it('is not begun twice, nor for an unknown card', () => {
    const before = moving()
    expect(beginMove(before, 'a', 'op2', toNine)).toBe(before)
    expect(beginMove(before, 'x', 'op2', toNine)).toBe(before)
  })

  it.each([
    { why: 'the ack replaces the optimistic card', facts: [], ack: card(3, 9), shown: card(3, 9) },
    { why: 'a newer fact heard before the ack stays', facts: [card(4, 7)], ack: card(3, 9), shown: card(4, 7) },
  ])('$why', ({ facts, ack, shown }) => {
    const before = facts.reduce(applyFact, moving())
    const next = applyAck(before, 'op1', ack)
    expect(next.cards.a).toEqual(shown)
    expect(next.pending).toEqual({})
  })

  it.each([
    { why: 'rollback restores the card as it was', facts: [], current: undefined, shown: card(2) },
    { why: 'rollback goes to the card someone else moved meanwhile', facts: [card(3, 5)], current: undefined, shown: card(3, 5) },
    { why: 'a STALE refusal brings the current card', facts: [], current: card(4, 6), shown: card(4, 6) },
    { why: 'a STALE card older than a fact heard meanwhile loses', facts: [card(5, 7)], current: card(4, 6), shown: card(5, 7) },
  ])('$why', ({ facts, current, shown }) => {
    const before = facts.reduce(applyFact, moving())
    const next = rollback(before, 'a', 'op1', current)
    expect(next.cards.a).toEqual(shown)
    expect(next.pending).toEqual({})
  })

  it('an ack or rollback of another move (the board was left or reloaded) changes nothing', () => {
    const before = moving()
    expect(applyAck(before, 'op2', card(3, 9))).toBe(before)
    expect(rollback(before, 'a', 'op2')).toBe(before)
    const left = held(card(2))
    expect(applyAck(left, 'op1', card(3, 9))).toBe(left)
  })
})

describe('placeChanged', () => {
  it.each([
    { before: card(1, 1), after: card(2, 2), changed: true },
    { before: card(1, 1), after: { ...card(1, 1), lane: 'kepala_bidang' }, changed: true },
    { before: card(1, 1), after: card(1, 1, 'noted'), changed: false },
    { before: undefined, after: card(1, 1), changed: false },
  ])('$before.step/$before.lane → $after.step/$after.lane: $changed', ({ before, after, changed }) => {
    expect(placeChanged(before, after)).toBe(changed)
  })
})

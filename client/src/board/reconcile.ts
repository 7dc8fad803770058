/**
 * How a client's copy of the cards follows the server: the pure half of the board store, used by
 * the wall too. The server sends whole cards whose version only grows (every move adds one, other
 * changes keep it), so one rule decides every case: the newer version wins, and at the same
 * version the card just heard wins (it carries the latest ticks and counts of notes and documents).
 * A move in flight keeps showing where the user put the card until its ack settles it or it is
 * rolled back.
 * Nothing here mutates: each function returns the next `Held`, the same object when nothing changed.
 */

export interface Versioned {
  id: string
  version: number
  step: number
  lane: string
}

/** A move sent and not yet answered. */
export interface PendingMove<C> {
  opId: string
  /** The server's card as last heard: the rollback target, kept current by snapshots and facts. */
  base: C
  /** The move applied to a card: what is shown meanwhile, applied again whenever `base` changes. */
  apply: (card: C) => C
}

export interface Held<C> {
  cards: Readonly<Record<string, C>>
  pending: Readonly<Record<string, PendingMove<C>>>
}

/** The card to keep of the one held and the one just heard. */
export function newer<C extends Versioned>(held: C | undefined, heard: C): C {
  return held && held.version > heard.version ? held : heard
}

/** True when a card is shown in another cell than before (not for one that just appeared). */
export function placeChanged(before: Versioned | undefined, after: Versioned | undefined): boolean {
  return !!before && !!after && (before.step !== after.step || before.lane !== after.lane)
}

function withBase<C extends Versioned>(held: Held<C>, waiting: PendingMove<C>, base: C): Held<C> {
  return {
    cards: { ...held.cards, [base.id]: waiting.apply(base) },
    pending: { ...held.pending, [base.id]: { ...waiting, base } },
  }
}

function settle<C extends Versioned>(held: Held<C>, cardId: string, shown: C): Held<C> {
  const { [cardId]: _settled, ...pending } = held.pending
  return { cards: { ...held.cards, [cardId]: shown }, pending }
}

/**
 * A whole board (or wall) as the server read it. Cards it lacks are gone; a fact that overtook it
 * (the socket joins the room before the server reads the cards) is newer and stays.
 */
export function applySnapshot<C extends Versioned>(held: Held<C>, snapshot: readonly C[]): Held<C> {
  const cards: Record<string, C> = {}
  const pending: Record<string, PendingMove<C>> = {}
  for (const card of snapshot) {
    const waiting = held.pending[card.id]
    if (waiting) {
      const base = newer(waiting.base, card)
      pending[card.id] = { ...waiting, base }
      cards[card.id] = waiting.apply(base)
    } else {
      cards[card.id] = newer(held.cards[card.id], card)
    }
  }
  return { cards, pending }
}

/** One card heard from the server (a broadcast, or the ack of a command that is not a move). */
export function applyFact<C extends Versioned>(held: Held<C>, card: C): Held<C> {
  const waiting = held.pending[card.id]
  if (waiting) return waiting.base.version > card.version ? held : withBase(held, waiting, card)
  const mine = held.cards[card.id]
  if (mine && mine.version > card.version) return held
  return { cards: { ...held.cards, [card.id]: card }, pending: held.pending }
}

/** The same change to a card and to its rollback target (a note both keep). */
export function patchCard<C extends Versioned>(held: Held<C>, cardId: string, change: (card: C) => C): Held<C> {
  const waiting = held.pending[cardId]
  if (waiting) return withBase(held, waiting, change(waiting.base))
  const card = held.cards[cardId]
  const next = card && change(card)
  return next && next !== card ? { cards: { ...held.cards, [cardId]: next }, pending: held.pending } : held
}

/** Shows a move at once; refused (unchanged) for an unknown card or one whose move is on its way. */
export function beginMove<C extends Versioned>(held: Held<C>, cardId: string, opId: string, apply: (card: C) => C): Held<C> {
  const card = held.cards[cardId]
  if (!card || held.pending[cardId]) return held
  return { cards: { ...held.cards, [cardId]: apply(card) }, pending: { ...held.pending, [cardId]: { opId, base: card, apply } } }
}

/** The server stored the move: its card replaces the optimistic one, unless a newer one came first. */
export function applyAck<C extends Versioned>(held: Held<C>, opId: string, card: C): Held<C> {
  const waiting = held.pending[card.id]
  if (waiting?.opId !== opId) return held
  return settle(held, card.id, newer(waiting.base, card))
}

/**
 * The server refused the move or did not answer: back to the card as last heard, or to `current`
 * when the refusal says where the card is now (STALE), whichever is newer.
 */
export function rollback<C extends Versioned>(held: Held<C>, cardId: string, opId: string, current?: C): Held<C> {
  const waiting = held.pending[cardId]
  if (waiting?.opId !== opId) return held
  return settle(held, cardId, current ? newer(waiting.base, current) : waiting.base)
}

import type { Types } from 'mongoose'
import type { CardModel } from '../cards/model'
import { applyEvent, listsOf, type CardLists, type CardState, type FoldEvent, type HistoryEntry, type NoteEntry, type StoredDocument } from '../cards/projection'
import type { Logger } from '../platform/logger'
import { canonical } from './chain'
import { seal, type EventDraft, type Ledger } from './repository'

/** A history entry of the old shape: there was no undo before the ledger. */
type OldHistoryEntry = Omit<HistoryEntry, 'kind'> & { kind: Exclude<HistoryEntry['kind'], 'undo' | 'extend'> }

/** A card document as versions before the ledger wrote it: state and history in one, no chain. */
interface OldCard {
  _id: Types.ObjectId
  cycleId: Types.ObjectId
  unit: CardState['unit']
  step: number
  lane: string
  version: number
  enteredStepAt: Date
  dueAt?: Date | null
  atRiskAt?: Date | null
  rounds?: number
  visits?: CardState['visits']
  mutu?: CardState['mutu']
  history?: OldHistoryEntry[]
  notes?: NoteEntry[]
  documents?: StoredDocument[]
  opIds?: string[]
}

const SYSTEM = { id: '', name: '' }
/** The `meta` document that says every card of this database is in the ledger. */
const MIGRATED = 'ledger-migrated'
const person = (p: { id?: string | null; name?: string | null } | null | undefined) => ({ id: p?.id ?? '', name: p?.name ?? '' })

/**
 * The chain an old card stands for: its history entries, notes and documents as the events they
 * were, in the order they happened, and last a `migrated` event with the state the old document
 * held (step clock, visits, Mutu Baku), which the entries alone do not give. Deterministic: the
 * same document always gives the same chain, so a migration cut short is simply run again.
 */
export function chainOf(card: OldCard): FoldEvent[] {
  const drafts: { at: Date; order: number; draft: Omit<EventDraft, 'version'> & { move: boolean } }[] = []
  ;(card.history ?? []).forEach((h, i) => {
    const at = h.at ?? card.enteredStepAt
    const to = { step: h.to?.step ?? card.step, lane: h.to?.lane ?? card.lane }
    const draft =
      i === 0 || h.kind === 'create'
        ? { kind: 'create' as const, payload: { unit: card.unit, to, clock: null }, move: false }
        : {
            kind: 'move' as const,
            payload: { kind: h.kind, from: h.from ? { step: h.from.step, lane: h.from.lane } : to, to, note: h.note ?? '', clock: null, rounds: null },
            move: true,
          }
    drafts.push({ at, order: i, draft: { ...draft, opId: h.opId || `history-${String(card._id)}-${i}`, at, by: person(h.by) } })
  })
  ;(card.notes ?? []).forEach((n, i) => {
    const at = n.at ?? card.enteredStepAt
    drafts.push({ at, order: 10_000 + i, draft: { kind: 'note', payload: { text: n.text ?? '' }, opId: n.id, at, by: person(n.by), move: false } })
  })
  ;(card.documents ?? []).forEach((d, i) => {
    const at = d.at ?? card.enteredStepAt
    const document = { id: d.id, step: d.step, name: d.name, type: d.type, size: d.size, at, by: person(d.by) }
    drafts.push({ at, order: 20_000 + i, draft: { kind: 'document_added', payload: { document }, opId: `document-${d.id}`, at, by: document.by, move: false } })
  })
  // The creation first whatever its instant; then by time, entries before notes before documents.
  drafts.sort((a, b) => (a.draft.kind === 'create' ? -1 : b.draft.kind === 'create' ? 1 : a.at.getTime() - b.at.getTime() || a.order - b.order))

  // An operation id is unique in a chain (the ledger's index says so): a repeat in old data (an
  // entry without one, a note whose id an entry also had) gets a suffix, the first keeps its id.
  const used = new Set<string>()
  for (const { draft } of drafts) {
    let id = draft.opId || `entry-${String(card._id)}`
    for (let n = 2; used.has(id); n++) id = `${draft.opId || `entry-${String(card._id)}`}~${n}`
    used.add(id)
    draft.opId = id
  }

  const events: FoldEvent[] = []
  let head = { cardId: card._id, cycleId: card.cycleId, seq: 0, head: '' }
  let version = 0
  const append = (draft: EventDraft) => {
    const event = seal(draft, head)
    events.push(event)
    head = { ...head, seq: event.seq, head: event.hash }
  }
  for (const { draft } of drafts) {
    const { move, ...rest } = draft
    version = rest.kind === 'create' ? 1 : version + (move ? 1 : 0)
    append({ ...rest, version } as EventDraft)
  }
  const known = new Set(events.map((e) => e.opId))
  const last = events.at(-1)?.at ?? card.enteredStepAt
  append({
    kind: 'migrated',
    payload: {
      state: {
        step: card.step,
        lane: card.lane,
        version: card.version,
        enteredStepAt: card.enteredStepAt,
        dueAt: card.dueAt ?? null,
        atRiskAt: card.atRiskAt ?? null,
        rounds: card.rounds ?? 0,
        visits: card.visits ?? [],
        mutu: card.mutu ?? {},
      },
      opIds: (card.opIds ?? []).filter((id) => !known.has(id)),
    },
    opId: `migrated-${String(card._id)}`,
    at: last.getTime() > card.enteredStepAt.getTime() ? last : card.enteredStepAt,
    by: SYSTEM,
    version: card.version,
  })
  return events
}

/** What a card document of an earlier shape says of itself, beside its chain head. */
type ListedCard = Pick<CardState, 'step' | 'lane' | 'version' | 'documents' | 'visits' | 'mutu' | 'rounds'> & CardLists

/** The parts of a card a migration must not change, as text, to compare before and after. */
function essence(card: ListedCard): string {
  const { step, lane, version, notes, documents, visits, mutu, rounds } = card
  // The folded entries also name their event (`seq`), which the old ones could not.
  const history = card.history.map(({ seq: _seq, ...entry }) => entry)
  return canonical({ step, lane, version, history, notes, documents, visits, mutu, rounds: rounds ?? 0 })
}

function listed(raw: Partial<ListedCard> & Pick<CardState, 'step' | 'lane' | 'version'>): ListedCard {
  return { ...raw, rounds: raw.rounds ?? 0, history: raw.history ?? [], notes: raw.notes ?? [], documents: raw.documents ?? [], visits: raw.visits ?? [], mutu: raw.mutu ?? {} }
}

/** The chain folded into the slim card document, checked to say all that `raw` said; null if it does not. */
function slimOf(raw: ListedCard, events: FoldEvent[]): CardState | null {
  const folded = events.reduce<CardState | null>((s, e) => applyEvent(s, e), null)
  return folded && essence({ ...folded, ...listsOf(events) }) === essence(raw) ? folded : null
}

/**
 * Takes every card of the old shape (no chain head yet) into the ledger: its chain appended, then
 * the document replaced by the chain's slim projection (the ledger's unique operation ids replace
 * its `opIds`). Checked per card: the chain folds back to exactly the document it came from, or
 * that card is left as it was and the migration fails loudly. Idempotent.
 */
export async function migrateCards(Card: CardModel, ledger: Ledger, log: Logger): Promise<number> {
  // Once a database is migrated it says so, and later starts skip the scan of every card. A
  // restored old backup brings its own `meta` without the marker, so its cards are migrated.
  const meta = Card.db.collection<{ _id: string; at: Date }>('meta')
  if (await meta.findOne({ _id: MIGRATED })) return 0
  let migrated = 0
  for await (const raw of Card.find({ seq: { $exists: false } }).lean<OldCard[]>().cursor()) {
    const events = chainOf(raw)
    const slim = slimOf(listed(raw), events)
    if (!slim) throw new Error(`card ${String(raw._id)}: its chain does not reproduce it; not migrated`)
    await ledger.appendMany(events)
    // What is stored is this chain, event for event (a run cut short left the same events).
    const stored = await ledger.after(raw._id, 0)
    if (stored.map((e) => `${e.seq}:${e.hash}`).join() !== events.map((e) => `${e.seq}:${e.hash}`).join()) {
      throw new Error(`card ${String(raw._id)}: the stored chain is not the one made from it; not migrated`)
    }
    // The driver's own replace: mongoose would keep fields off the schema now (`opIds`).
    await Card.collection.replaceOne({ _id: raw._id, seq: { $exists: false } }, slim)
    migrated++
  }
  await meta.updateOne({ _id: MIGRATED }, { $setOnInsert: { at: new Date() } }, { upsert: true })
  if (migrated) log.info({ cards: migrated }, 'cards migrated into the ledger')
  return migrated
}

/** The `meta` document that says no card document of this database holds its lists any more. */
const SLIM = 'cards-slim'

/** A card document as versions from the ledger to 2026-12 wrote it: the projection with its lists. */
type ListingCard = ListedCard & { _id: Types.ObjectId; seq: number }

/**
 * Card documents that still hold their history and notes (written by versions before the slim
 * projection) become slim: each is replaced by the fold of its chain up to the document's own
 * head (a document behind its chain is then caught up by the repair, as after a crash), once
 * that fold is checked to give back every entry, note, document and visit the document listed.
 * Nothing is lost: the lists are in the chain, and a card whose chain does not give them back
 * is left as it was and stops the start. Idempotent.
 */
export async function slimCards(Card: CardModel, ledger: Ledger, log: Logger): Promise<number> {
  const meta = Card.db.collection<{ _id: string; at: Date }>('meta')
  if (await meta.findOne({ _id: SLIM })) return 0
  let slimmed = 0
  for await (const raw of Card.collection.find({ history: { $exists: true } }) as AsyncIterable<ListingCard>) {
    const events = (await ledger.after(raw._id, 0)).filter((e) => e.seq <= raw.seq)
    const slim = slimOf(listed(raw), events)
    if (!slim) throw new Error(`card ${String(raw._id)}: its chain does not give back its history and notes; left as it was`)
    await Card.collection.replaceOne({ _id: raw._id, seq: raw.seq }, slim)
    slimmed++
  }
  await meta.updateOne({ _id: SLIM }, { $setOnInsert: { at: new Date() } }, { upsert: true })
  if (slimmed) log.info({ cards: slimmed }, 'card documents made slim (their history and notes are read from the ledger)')
  return slimmed
}

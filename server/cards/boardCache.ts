import { randomUUID } from 'node:crypto'
import { Schema, Types, type Connection } from 'mongoose'
import type { CardModel, CardRecord } from './model'

/**
 * Each node keeps the card documents of the boards it served in memory, because FerretDB v1
 * answers `find({cycleId})` by reading every card in the database into its own process (2.5 s for
 * a 4000-card board beside another one): that read cannot be on the path of a board:join. A
 * board is read by its cards' ids instead (up to BY_ID_MAX of them), from its list in
 * `board_cards` (one document per cycle, written before its cards); a cycle of a version before
 * the lists, or a restored database, gets its list from one read of every card, once.
 *
 * The cache is this node's copy, kept right in two ways:
 * - what this node writes it puts in itself, after the database write (`written`); a card's
 *   newer chain place (`seq`) always wins, so a read that raced a write never puts an older card back;
 * - what other nodes (or scripts) write it learns of through `board_stamps`: after each write of a
 *   cycle's cards, a writer sets its own stamp document for that cycle to a new token (each
 *   document has one writer, so FerretDB's non-atomic updates lose nothing). A read compares the
 *   other writers' tokens with those it saw when it loaded the cards; any difference, and it reads
 *   the cards again. The stamps are read before the cards, and written after them, so a read
 *   that finds the same tokens holds every write those tokens stand for.
 */

/**
 * Up to this many cards a board is read by id, one round trip each (about 0.45 ms apiece on the
 * bench machine, whatever the database holds); a larger board by one query on its cycle, which
 * FerretDB answers by reading every card (about 0.05 ms per card in the database): for 4000
 * cards 2.1 s by id against 0.5 s beside no other cards and 2.4 s beside 40,000.
 */
const BY_ID_MAX = 500
/** Boards kept per node; the least recently read is dropped first. */
const BOARDS = 16
/** Stamps nobody wrote for this long are deleted at start (a missing stamp only causes a reload). */
const STAMP_MAX_AGE_MS = 7 * 86_400_000

const stampSchema = new Schema({
  _id: { type: String },
  cycleId: { type: String, required: true },
  writer: { type: String, required: true },
  token: { type: String, required: true },
  at: { type: Date, required: true },
})

export const BOARD_STAMPS = 'board_stamps'
/** Each cycle's card ids: derived from the cards, so not backed up, and made again when missing. */
export const BOARD_CARDS = 'board_cards'
interface CardList {
  _id: string
  cardIds: string[]
}

export function boardStampModel(conn: Connection) {
  return conn.model('BoardStamp', stampSchema, BOARD_STAMPS)
}
export type BoardStampModel = ReturnType<typeof boardStampModel>

/** Per cycle, the other writers' tokens: what a reader compares with the ones it last saw. */
export type WriterTokens = Map<string, string>

/** What this node wrote: the card documents of a cycle, or null when the cycle's cards are gone. */
export type WriteListener = (cycleId: string, cards: CardRecord[] | null) => void

export const sameTokens = (a: WriterTokens, b: WriterTokens) => a.size === b.size && [...a].every(([k, v]) => b.get(k) === v)

interface Board {
  cards: Map<string, CardRecord>
  /** The other writers' tokens when the cards were read; null until the first read finished. */
  others: WriterTokens | null
  loading: Promise<void> | null
}

export function createBoardCache(Card: CardModel, Stamp: BoardStampModel) {
  /** This process's name as a writer; new at every start, so no two processes share a stamp. */
  const writer = randomUUID()
  const boards = new Map<string, Board>()
  const lists = Card.db.collection<CardList>(BOARD_CARDS)
  const listeners: WriteListener[] = []
  let tokens = 0

  /** The other writers' tokens of the cycles the stamps matching `filter` belong to. */
  async function othersWhere(filter: { cycleId?: string }): Promise<Map<string, WriterTokens>> {
    const byCycle = new Map<string, WriterTokens>()
    for (const r of await Stamp.find(filter, { cycleId: 1, writer: 1, token: 1 }).lean()) {
      if (r.writer === writer) continue
      const others = byCycle.get(r.cycleId) ?? new Map<string, string>()
      byCycle.set(r.cycleId, others.set(r.writer, r.token))
    }
    return byCycle
  }

  async function othersOf(cycleId: string): Promise<WriterTokens> {
    return (await othersWhere({ cycleId })).get(cycleId) ?? new Map()
  }

  /** A token never used before, so a stamp never returns to a value a reader saw earlier. */
  async function stamp(cycleId: string): Promise<void> {
    const token = `${Date.now().toString(36)}-${(tokens++).toString(36)}-${writer}`
    await Stamp.updateOne({ _id: `${cycleId}:${writer}` }, { $set: { cycleId, writer, token, at: new Date() } }, { upsert: true })
  }

  function keep(board: Board, card: CardRecord): void {
    const id = String(card._id)
    const held = board.cards.get(id)
    if (!held || held.seq <= card.seq) board.cards.set(id, card)
  }

  /** The cycle's card ids from its list; without one, from every card, and kept as its list. */
  async function idsOf(cycleId: string): Promise<string[]> {
    const list = await lists.findOne({ _id: cycleId })
    if (list) return list.cardIds
    const ids = (await Card.find({ cycleId: new Types.ObjectId(cycleId) }, { _id: 1 }).lean()).map((c) => String(c._id))
    // An insert, never a replace: the cycle's own list, written meanwhile by its creation, wins.
    await lists.insertOne({ _id: cycleId, cardIds: ids }).catch((err: unknown) => {
      if ((err as { code?: number }).code !== 11000) throw err
    })
    return (await lists.findOne({ _id: cycleId }))?.cardIds ?? ids
  }

  async function load(cycleId: string, board: Board): Promise<void> {
    const others = await othersOf(cycleId)
    const ids = await idsOf(cycleId)
    const read =
      ids.length <= BY_ID_MAX
        ? await Promise.all(ids.map((id) => Card.findById(id).lean<CardRecord>()))
        : await Card.find({ cycleId: new Types.ObjectId(cycleId) }).lean<CardRecord[]>()
    for (const card of read) if (card) keep(board, card)
    board.others = others
  }

  function boardOf(cycleId: string): Board {
    let board = boards.get(cycleId)
    if (board) boards.delete(cycleId)
    else board = { cards: new Map(), others: null, loading: null }
    // Re-inserted: a Map iterates in insertion order, so the first key is the least recently read.
    boards.set(cycleId, board)
    while (boards.size > BOARDS) boards.delete(boards.keys().next().value as string)
    return board
  }

  return {
    writer,

    async init(): Promise<void> {
      await Stamp.deleteMany({ at: { $lt: new Date(Date.now() - STAMP_MAX_AGE_MS) } })
    },

    /** The cycle's card documents, ordered by `_id`, as of this read at the latest. */
    async cardsOf(cycleId: string): Promise<CardRecord[]> {
      const board = boardOf(cycleId)
      for (;;) {
        if (board.loading) {
          await board.loading
          continue
        }
        if (board.others && sameTokens(board.others, await othersOf(cycleId))) break
        if (board.loading) continue
        board.loading = load(cycleId, board).finally(() => {
          board.loading = null
        })
        await board.loading
        break
      }
      return [...board.cards.values()].sort((a, b) => (String(a._id) < String(b._id) ? -1 : 1))
    },

    /** Before a cycle's cards are written: their ids, so the board can be read by them. */
    async listed(cycleId: string, cardIds: string[]): Promise<void> {
      await lists.replaceOne({ _id: cycleId }, { cardIds }, { upsert: true })
    },

    /**
     * Every cycle's other writers' tokens, in one read (the stamps are one per board and writer):
     * a copy kept elsewhere (the timers' clocks) compares them as cardsOf does.
     */
    othersByCycle: () => othersWhere({}),

    /** Hears this node's writes as they are kept here, before the other writers are told. */
    onWritten(listener: WriteListener): void {
      listeners.push(listener)
    },

    /** After this node wrote card documents of `cycleId`: keeps them, then tells the other writers. */
    async written(cycleId: string, cards: CardRecord[]): Promise<void> {
      const board = boards.get(cycleId)
      if (board) for (const card of cards) keep(board, card)
      for (const listener of listeners) listener(cycleId, cards)
      await stamp(cycleId)
    },

    /** The cycle's cards are gone (its creation was undone). */
    async dropped(cycleId: string): Promise<void> {
      boards.delete(cycleId)
      for (const listener of listeners) listener(cycleId, null)
      await stamp(cycleId)
      await lists.deleteOne({ _id: cycleId })
    },
  }
}
export type BoardCache = ReturnType<typeof createBoardCache>

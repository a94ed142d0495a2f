import { extname } from 'node:path'
import { Worker } from 'node:worker_threads'
import {
  DatabaseCounterStore,
  ROW_COLUMNS,
  upsertStatement,
  type CounterRow,
  type CounterStore,
} from '#services/delivery/counter_store'
import type { WriteReply, WriteRequest, WriterData } from '#services/delivery/sqlite_counter_worker'

/**
 * The rows as numbers, in `ROW_COLUMNS` order, handed to the thread without
 * a copy: the day is an index into `days`, paid is 0 or 1. The thread makes
 * the upsert's JSON parameter of them, so the event loop only fills an array.
 */
function packRows(rows: CounterRow[]): Pick<WriteRequest, 'days' | 'values'> {
  const days: string[] = []
  const values = new Float64Array(rows.length * ROW_COLUMNS.length)
  let at = 0
  for (const row of rows) {
    let day = days.indexOf(row.day)
    if (day < 0) day = days.push(row.day) - 1
    for (const column of ROW_COLUMNS) {
      values[at++] = column === 'day' ? day : column === 'paid' ? Number(row.paid) : row[column]
    }
  }
  return { days, values }
}

/** The thread's module, next to this one: .ts when run from source, .js when built. */
const WORKER_FILE = new URL(`./sqlite_counter_worker${extname(import.meta.url)}`, import.meta.url)

type Waiting = { resolve: () => void; reject: (error: Error) => void }

/**
 * The counter store of a web server on SQLite: each flush's upsert (the
 * same statement as `DatabaseCounterStore`'s) is written by a worker thread
 * on a connection of its own (sqlite_counter_worker.ts). better-sqlite3
 * writes synchronously, so on the main connection a busy topic's flush (a
 * row per vendor shown, thousands a second) held every request in flight
 * for tens of milliseconds. SQLite's WAL lets the thread write while the
 * main connection reads. Reads (caps' totals) stay on the main connection.
 *
 * A write that fails rejects, so the counter keeps its rows for the next
 * flush; a thread that dies is started again by the next write. The thread
 * keeps the process alive only while a write is on its way.
 */
export class SqliteThreadCounterStore implements CounterStore {
  #worker: Worker | null = null
  #waiting = new Map<number, Waiting>()
  #lastId = 0

  constructor(
    private filename: string,
    private busyTimeoutMs: number,
    private reads: CounterStore = new DatabaseCounterStore()
  ) {}

  add(rows: CounterRow[]): Promise<void> {
    if (rows.length === 0) return Promise.resolve()
    const worker = this.#running()
    const id = ++this.#lastId
    const request: WriteRequest = { id, ...packRows(rows) }
    return new Promise((resolve, reject) => {
      this.#waiting.set(id, { resolve, reject })
      worker.ref()
      worker.postMessage(request, [request.values.buffer])
    })
  }

  impressionTotals(bookingIds: number[]) {
    return this.reads.impressionTotals(bookingIds)
  }

  async close() {
    const worker = this.#worker
    this.#worker = null
    if (worker) await worker.terminate()
  }

  #running(): Worker {
    if (this.#worker) return this.#worker
    const workerData: WriterData = {
      filename: this.filename,
      statement: upsertStatement('sqlite'),
      busyTimeoutMs: this.busyTimeoutMs,
      width: ROW_COLUMNS.length,
    }
    const worker = new Worker(WORKER_FILE, { workerData })
    worker.unref()
    worker.on('message', (reply: WriteReply) => this.#settle(worker, reply))
    worker.on('error', (error) => this.#fail(worker, error))
    worker.on('exit', (code) => {
      this.#fail(worker, new Error(`the counter writer thread exited (code ${code})`))
    })
    this.#worker = worker
    return worker
  }

  #settle(worker: Worker, { id, error }: WriteReply) {
    const waiting = this.#waiting.get(id)
    this.#waiting.delete(id)
    if (this.#waiting.size === 0) worker.unref()
    if (!waiting) return
    if (error === null) waiting.resolve()
    else waiting.reject(new Error(`writing the placement counters failed: ${error}`))
  }

  /** A thread that failed takes its writes with it: each rejects, and the next write starts a new one. */
  #fail(worker: Worker, error: Error) {
    if (this.#worker !== worker) return
    this.#worker = null
    const waiting = [...this.#waiting.values()]
    this.#waiting.clear()
    for (const { reject } of waiting) reject(error)
  }
}

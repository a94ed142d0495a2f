/*
|--------------------------------------------------------------------------
| The SQLite counter writer's thread
|--------------------------------------------------------------------------
|
| Runs in a worker thread (see sqlite_counter_writer.ts): its own
| connection to the app's SQLite file, which runs the counter upsert that
| the main thread hands it. better-sqlite3 is synchronous, so the write, and
| any wait for the database's write lock, holds this thread, never the
| event loop that answers requests. Nothing here but plain TypeScript: the
| thread loads this file on its own, compiled or not.
*/
import { parentPort, workerData } from 'node:worker_threads'
import Database from 'better-sqlite3'

/** `width`: the columns of a row, in the statement's order (the 6 of its key, then the counts). */
export type WriterData = {
  filename: string
  statement: string
  busyTimeoutMs: number
  width: number
}
/** One flush: `width` values per row, in column order; the first, the day, indexes `days`. */
export type WriteRequest = { id: number; days: string[]; values: Float64Array<ArrayBuffer> }
export type WriteReply = { id: number; error: string | null }

const { filename, statement, busyTimeoutMs, width } = workerData as WriterData
const connection = new Database(filename, { fileMustExist: true })
connection.pragma(`busy_timeout = ${Math.trunc(busyTimeoutMs)}`)
connection.pragma('synchronous = NORMAL')
const upsert = connection.prepare(statement)

/** The upsert's one parameter: a JSON array of the rows' arrays. */
function parameter(days: string[], values: Float64Array): string {
  const rows: string[] = []
  for (let at = 0; at < values.length; at += width) {
    const row = [JSON.stringify(days[values[at]])]
    for (let column = 1; column < width; column++) row.push(String(values[at + column]))
    rows.push(`[${row.join(',')}]`)
  }
  return `[${rows.join(',')}]`
}

parentPort!.on('message', ({ id, days, values }: WriteRequest) => {
  let reply: WriteReply
  try {
    upsert.run(parameter(days, values))
    reply = { id, error: null }
  } catch (error) {
    reply = { id, error: error instanceof Error ? error.message : String(error) }
  }
  parentPort!.postMessage(reply)
})

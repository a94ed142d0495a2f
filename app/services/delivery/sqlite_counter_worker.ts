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

export type WriterData = { filename: string; statement: string; busyTimeoutMs: number }
export type WriteRequest = { id: number; rows: string }
export type WriteReply = { id: number; error: string | null }

const { filename, statement, busyTimeoutMs } = workerData as WriterData
const connection = new Database(filename, { fileMustExist: true })
connection.pragma(`busy_timeout = ${Math.trunc(busyTimeoutMs)}`)
connection.pragma('synchronous = NORMAL')
const upsert = connection.prepare(statement)

parentPort!.on('message', ({ id, rows }: WriteRequest) => {
  let reply: WriteReply
  try {
    upsert.run(rows)
    reply = { id, error: null }
  } catch (error) {
    reply = { id, error: error instanceof Error ? error.message : String(error) }
  }
  parentPort!.postMessage(reply)
})

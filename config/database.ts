import { mkdirSync } from 'node:fs'
import { dirname, isAbsolute } from 'node:path'
import env from '#start/env'
import app from '@adonisjs/core/services/app'
import { defineConfig } from '@adonisjs/lucid'

const sqliteFile = env.get('SQLITE_FILE', 'tmp/db.sqlite3')
/** The SQLite file (absolute): the connection's, and the counter writer thread's. */
export const sqlitePath = isAbsolute(sqliteFile) ? sqliteFile : app.makePath(sqliteFile)
const databaseUrl = env.get('DATABASE_URL')

/** How long a SQLite connection waits for another's write lock (the counter writer's thread too). */
export const SQLITE_BUSY_TIMEOUT_MS = 5000

const migrations = { naturalSort: true, paths: ['database/migrations'] }

/**
 * Lucid 22 can write model base classes from the live tables after each
 * migration run. Our models declare their own columns, and the output would
 * differ between SQLite (FTS5 tables) and PostgreSQL, so it stays off.
 */
const schemaGeneration = { enabled: false }

const dbConfig = defineConfig({
  connection: env.get('DB_CONNECTION', 'sqlite'),
  connections: {
    /**
     * One connection only: SQLite has one writer, and knex sends a plain
     * BEGIN. Every query inside a transaction must therefore use `trx`.
     */
    sqlite: {
      client: 'better-sqlite3',
      connection: { filename: sqlitePath },
      useNullAsDefault: true,
      pool: {
        min: 1,
        max: 1,
        afterCreate: (connection: any, done: (error: Error | null, connection: any) => void) => {
          connection.pragma('journal_mode = WAL')
          connection.pragma('synchronous = NORMAL')
          connection.pragma('foreign_keys = ON')
          connection.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`)
          // Gathers planner statistics where they are missing or stale (cheap when fresh).
          connection.pragma('optimize = 0x10002')
          done(null, connection)
        },
      },
      migrations,
      schemaGeneration,
    },

    pg: {
      client: 'pg',
      connection: databaseUrl
        ? { connectionString: databaseUrl }
        : {
            host: env.get('PG_HOST', '127.0.0.1'),
            port: env.get('PG_PORT', 5432),
            user: env.get('PG_USER', 'postgres'),
            password: env.get('PG_PASSWORD', ''),
            database: env.get('PG_DB_NAME', 'anbieter'),
          },
      pool: { min: 0, max: 10 },
      migrations,
      schemaGeneration,
    },
  },
})

if (dbConfig.connection === 'sqlite') {
  mkdirSync(dirname(sqlitePath), { recursive: true })
}

export default dbConfig

/*
|--------------------------------------------------------------------------
| Environment variables
|--------------------------------------------------------------------------
|
| Every variable the app reads is validated here, at boot. A wrong value
| stops the process with a message that names the variable.
*/
import { Env } from '@adonisjs/core/env'
import { parseFrameAncestors } from '#services/embeds/frame_ancestors'

const env = await Env.create(new URL('../', import.meta.url), {
  NODE_ENV: Env.schema.enum.optional(['development', 'production', 'test'] as const),
  PORT: Env.schema.number.optional(),
  HOST: Env.schema.string.optional({ format: 'host' }),
  APP_KEY: Env.schema.string(),
  APP_URL: Env.schema.string.optional({ format: 'url', tld: false }),
  LOG_LEVEL: Env.schema.enum.optional([
    'fatal',
    'error',
    'warn',
    'info',
    'debug',
    'trace',
    'silent',
  ] as const),
  WEB_CONCURRENCY: Env.schema.number.optional(),
  /** The server writes its pid here (the cluster primary's), for `counters:report --flush`. */
  PID_FILE: Env.schema.string.optional(),

  /*
  | Database: SQLite by default, PostgreSQL with DB_CONNECTION=pg
  */
  DB_CONNECTION: Env.schema.enum.optional(['sqlite', 'pg'] as const),
  SQLITE_FILE: Env.schema.string.optional(),
  DATABASE_URL: Env.schema.string.optional({ format: 'url', tld: false, protocol: false }),
  PG_HOST: Env.schema.string.optional({ format: 'host' }),
  PG_PORT: Env.schema.number.optional(),
  PG_USER: Env.schema.string.optional(),
  PG_PASSWORD: Env.schema.string.optional(),
  PG_DB_NAME: Env.schema.string.optional(),

  /*
  | Reverse proxies whose X-Forwarded-For is believed (proxy-addr syntax)
  */
  TRUSTED_PROXIES: Env.schema.string.optional(),

  /*
  | Redis: the state several processes share (see config/redis.ts); unset
  | means one process keeping it in memory
  */
  REDIS_HOST: Env.schema.string.optional({ format: 'host' }),
  REDIS_PORT: Env.schema.number.optional(),
  REDIS_PASSWORD: Env.schema.string.optional(),
  REDIS_DB: Env.schema.number.optional(),
  REDIS_PREFIX: Env.schema.string.optional(),

  /*
  | Sessions (signed-in areas only); redis when REDIS_HOST is set
  */
  SESSION_DRIVER: Env.schema.enum.optional(['cookie', 'memory', 'redis'] as const),

  /*
  | Seconds a process keeps its directory cache at most (changes clear it
  | within a second anyway). At most 3 hours: kept topic pages carry the
  | subscription form's token, which is valid for 6.
  */
  DIRECTORY_CACHE_TTL: (name: string, value?: string): number | undefined => {
    if (value === undefined || value === '') return undefined
    const seconds = Number(value)
    if (!Number.isInteger(seconds) || seconds < 0 || seconds > 3 * 60 * 60) {
      throw new Error(`Invalid value for "${name}": a whole number of seconds from 0 to 10800`)
    }
    return seconds
  },

  /*
  | Rate limits (log-in attempts)
  */
  LIMITER_STORE: Env.schema.enum.optional(['memory', 'redis'] as const),

  /*
  | Mail: SMTP in production, captured in tmp/mailbox elsewhere
  */
  MAIL_MAILER: Env.schema.enum.optional(['smtp', 'mailbox'] as const),
  MAIL_FROM_ADDRESS: Env.schema.string.optional({ format: 'email' }),
  MAIL_FROM_NAME: Env.schema.string.optional(),
  MAILBOX_DIR: Env.schema.string.optional(),
  SMTP_HOST: Env.schema.string.optional({ format: 'host' }),
  SMTP_PORT: Env.schema.number.optional(),
  SMTP_USERNAME: Env.schema.string.optional(),
  SMTP_PASSWORD: Env.schema.string.optional(),

  /*
  | Uploads (vendor logos)
  */
  DRIVE_DISK: Env.schema.enum.optional(['fs'] as const),
  UPLOADS_DIR: Env.schema.string.optional(),

  /*
  | The operator's legal texts (Impressum, Datenschutz): a folder with
  | de/ and en/ Markdown files (default resources/legal)
  */
  LEGAL_DIR: Env.schema.string.optional(),

  /*
  | Booking: how long a request holds its share, and how close to its first
  | week an advertiser may still cancel an approved booking
  */
  BOOKING_HOLD_HOURS: Env.schema.number.optional(),
  BOOKING_CANCEL_DAYS: Env.schema.number.optional(),

  /*
  | Placement counters: how often the web server flushes them (ms, default 1000)
  */
  COUNTER_FLUSH_MS: Env.schema.number.optional(),

  /*
  | Subscriptions: how often the web server sends due digests in-process
  | (ms, default 600000; 0 turns it off, e.g. when a cron line runs digest:send)
  */
  DIGEST_INTERVAL_MS: Env.schema.number.optional(),

  /*
  | Embeds: the parent origins that may frame /embed/… (CSP frame-ancestors),
  | separated by spaces; default 'self' (see README, "Embeds")
  */
  EMBED_FRAME_ANCESTORS: (name: string, value?: string): string[] => {
    const parsed = parseFrameAncestors(value)
    if ('error' in parsed) throw new Error(`Invalid value for "${name}": ${parsed.error}`)
    return parsed.sources
  },

  /*
  | The seller on every invoice (the portal's operator)
  */
  SELLER_NAME: Env.schema.string.optional(),
  SELLER_STREET: Env.schema.string.optional(),
  SELLER_POSTAL_CODE: Env.schema.string.optional(),
  SELLER_CITY: Env.schema.string.optional(),
  SELLER_COUNTRY: Env.schema.string.optional(),
  SELLER_EMAIL: Env.schema.string.optional({ format: 'email' }),
  SELLER_PHONE: Env.schema.string.optional(),
  SELLER_VAT_ID: Env.schema.string.optional(),
  SELLER_TAX_NUMBER: Env.schema.string.optional(),
  SELLER_IBAN: Env.schema.string.optional(),
  SELLER_BIC: Env.schema.string.optional(),
})

if (env.get('DB_CONNECTION', 'sqlite') === 'sqlite' && (env.get('WEB_CONCURRENCY') ?? 1) > 1) {
  throw new Error(
    'WEB_CONCURRENCY > 1 is not supported on SQLite (one writer, one connection); ' +
      'use DB_CONNECTION=pg to run several processes.'
  )
}

/*
| Production names its database: no silent fallback to a default SQLite file
| (a relative path would land inside build/, which every build empties) or to
| a PostgreSQL server on localhost.
*/
if (env.get('NODE_ENV') === 'production') {
  const connection = env.get('DB_CONNECTION', 'sqlite')
  if (connection === 'sqlite' && !env.get('SQLITE_FILE')) {
    throw new Error('SQLITE_FILE must be set in production (an absolute path outside build/).')
  }
  if (
    connection === 'pg' &&
    !env.get('DATABASE_URL') &&
    !(env.get('PG_HOST') && env.get('PG_DB_NAME'))
  ) {
    throw new Error(
      'DB_CONNECTION=pg needs DATABASE_URL, or PG_HOST and PG_DB_NAME, in production.'
    )
  }
}

export default env

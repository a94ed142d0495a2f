import type { LucidModel } from '@adonisjs/lucid/types/model'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'

/**
 * A row inside a transaction, locked against concurrent decisions and edits
 * on PostgreSQL (SQLite has one writer anyway). Returns the query, so callers
 * can preload before `firstOrFail()`.
 */
export function lockedById<Model extends LucidModel>(
  model: Model,
  id: number,
  trx: TransactionClientContract
) {
  return model
    .query({ client: trx })
    .where(`${model.table}.id`, id)
    .ifDialect('postgres', (query) => query.forUpdate())
}

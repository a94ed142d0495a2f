import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * The counter batches that reached `placement_counts` from Redis (several
 * processes, REDIS_HOST set). A batch's id is written in the same
 * transaction as its counts, so a batch that is applied again (its process
 * died after the commit, before it deleted the batch from Redis) finds its
 * id here and adds nothing: no counter is ever flushed twice.
 */
export default class extends BaseSchema {
  protected tableName = 'counter_batches'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.string('id', 191).primary()
      table.timestamp('applied_at', { useTz: true }).notNullable()
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}

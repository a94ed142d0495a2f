import testUtils from '@adonisjs/core/services/test_utils'
import { settleAfterResponse } from '#services/after_response'

/**
 * A global transaction for a test whose requests leave work for after the
 * response (sign-up, forgot-password): that work finishes inside the
 * transaction before it rolls back, and never leaks into the next test.
 */
export async function withSettledGlobalTransaction() {
  const rollback = await testUtils.db().withGlobalTransaction()
  return async () => {
    await settleAfterResponse()
    await rollback()
  }
}

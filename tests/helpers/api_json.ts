import testUtils from '@adonisjs/core/services/test_utils'

/**
 * The body the API would send for `value`: through `ctx.serialize()`, as a
 * controller returns it, and then through JSON, which drops undefined keys.
 */
export async function apiJson(value: unknown) {
  const ctx = await testUtils.createHttpContext()
  return JSON.parse(JSON.stringify(await ctx.serialize(value)))
}

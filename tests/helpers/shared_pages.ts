import type { ApiClient } from '@japa/api-client'
import type { Assert } from '@japa/assert'
import { urlFor } from '@adonisjs/core/services/url_builder'
import { createUser } from '#tests/helpers/users'

/**
 * A page kept for anonymous readers (PageShells) must never reach a
 * signed-in reader, nor theirs an anonymous one: asked anonymously, signed
 * in, and anonymously again, only the signed-in answer links to the
 * account, and no anonymous answer sets a cookie. Returns the signed-in
 * answer, for what else the caller checks.
 */
export async function assertSignedInReadersGetTheirOwnPage(
  client: ApiClient,
  assert: Assert,
  page: string
) {
  const member = await createUser({ name: 'Mia Mitglied' })
  const account = `href="${urlFor('account.home')}"`

  const anonymous = await client.get(page)
  const signedIn = await client.get(page).loginAs(member).withCsrfToken()
  const anonymousAgain = await client.get(page)

  assert.notInclude(anonymous.text(), account)
  signedIn.assertStatus(200)
  signedIn.assertTextIncludes(account)
  assert.notInclude(anonymousAgain.text(), account)
  assert.notExists(anonymousAgain.header('set-cookie'))
  return signedIn
}

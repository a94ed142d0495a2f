import { test } from '@japa/runner'
import type { ApiClient } from '@japa/api-client'
import testUtils from '@adonisjs/core/services/test_utils'
import { urlFor } from '@adonisjs/core/services/url_builder'
import AuditLog from '#models/audit_log'
import { createUser } from '#tests/helpers/users'
import { createVendor } from '#tests/helpers/directory'
import { pendingClaim, pendingRevision, topic } from './fixtures.js'
import { addMember } from '#tests/helpers/vendor_accounts'

type Route = [method: 'get' | 'post', path: string]

/** Every editorial route, with ids that exist (see `fixtures`). */
function routes(ids: {
  vendor: number
  revision: number
  claim: number
  topic: number
  user: number
}): {
  editorial: Route[]
  users: Route[]
} {
  return {
    editorial: [
      ['get', urlFor('editorial.queue')],
      ['get', urlFor('editorial.vendors.index')],
      ['get', urlFor('editorial.vendors.export')],
      ['get', urlFor('editorial.vendors.show', { id: ids.vendor })],
      ['post', urlFor('editorial.vendors.approve', { id: ids.vendor })],
      ['post', urlFor('editorial.vendors.reject', { id: ids.vendor })],
      ['post', urlFor('editorial.vendors.publish', { id: ids.vendor })],
      ['post', urlFor('editorial.vendors.unpublish', { id: ids.vendor })],
      ['post', urlFor('editorial.vendors.archive', { id: ids.vendor })],
      ['get', urlFor('editorial.revisions.show', { id: ids.revision })],
      ['post', urlFor('editorial.revisions.approve', { id: ids.revision })],
      ['post', urlFor('editorial.revisions.reject', { id: ids.revision })],
      ['get', urlFor('editorial.claims.show', { id: ids.claim })],
      ['post', urlFor('editorial.claims.grant', { id: ids.claim })],
      ['post', urlFor('editorial.claims.refuse', { id: ids.claim })],
      ['get', urlFor('editorial.topics.index')],
      ['post', urlFor('editorial.topics.store')],
      ['get', urlFor('editorial.topics.edit', { id: ids.topic })],
      ['post', urlFor('editorial.topics.update', { id: ids.topic })],
      ['post', urlFor('editorial.topics.move', { id: ids.topic })],
      ['get', urlFor('editorial.audit')],
    ],
    users: [
      ['get', urlFor('editorial.users.index')],
      ['post', urlFor('editorial.users.role', { id: ids.user })],
      ['post', urlFor('editorial.users.disable', { id: ids.user })],
      ['post', urlFor('editorial.users.enable', { id: ids.user })],
    ],
  }
}

async function fixtures() {
  const owner = await createUser()
  const vendor = await createVendor({ name: 'Geschützt GmbH', status: 'pending' })
  await addMember(vendor, owner)
  const published = await createVendor({ name: 'Öffentlich GmbH' })
  const revision = await pendingRevision(published, owner, { name: 'Geändert GmbH' })
  const claim = await pendingClaim(published, owner)
  const topicRow = await topic('thema', 'Thema')
  return {
    owner,
    vendor,
    ids: {
      vendor: vendor.id,
      revision: revision.id,
      claim: claim.id,
      topic: topicRow.id,
      user: owner.id,
    },
  }
}

const form = { reason: 'Weil.', name: 'Neues Thema', direction: 'up', role: 'admin' }

/** GETs as they are; POSTs as a form with a valid CSRF token, so only auth decides. */
function send(client: ApiClient, [method, path]: Route) {
  return method === 'post'
    ? client.post(path).form(form).withCsrfToken().redirects(0)
    : client.get(path).redirects(0)
}

test.group('Editorial / access', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('guests are sent to the log-in page from every editorial route', async ({
    client,
    assert,
  }) => {
    const { ids } = await fixtures()
    const { editorial, users } = routes(ids)

    for (const [method, path] of [...editorial, ...users]) {
      const response = await send(client, [method, path])
      assert.equal(response.status(), 302, `${method} ${path}`)
      assert.equal(response.header('location'), urlFor('auth.login'), `${method} ${path}`)
    }
  })

  test('members (even of the vendor) get 403 everywhere and change nothing', async ({
    client,
    assert,
  }) => {
    const { ids, owner, vendor } = await fixtures()
    const { editorial, users } = routes(ids)

    for (const [method, path] of [...editorial, ...users]) {
      const response = await send(client, [method, path]).loginAs(owner)
      assert.equal(response.status(), 403, `${method} ${path}`)
      assert.notInclude(response.text(), 'Geschützt GmbH', `${method} ${path}`)
    }
    await vendor.refresh()
    assert.equal(vendor.status, 'pending')
    await owner.refresh()
    assert.equal(owner.role, 'member')
    assert.lengthOf(await AuditLog.all(), 0)
  })

  test('editors reach the editorial area but get 403 on the users admin', async ({
    client,
    assert,
  }) => {
    const { ids, owner } = await fixtures()
    const editor = await createUser({ role: 'editor' })

    for (const path of [
      urlFor('editorial.queue'),
      urlFor('editorial.vendors.index'),
      urlFor('editorial.topics.index'),
      urlFor('editorial.audit'),
    ]) {
      const response = await client.get(path).loginAs(editor)
      assert.equal(response.status(), 200, path)
    }
    for (const [method, path] of routes(ids).users) {
      const response = await send(client, [method, path]).loginAs(editor)
      assert.equal(response.status(), 403, `${method} ${path}`)
    }
    await owner.refresh()
    assert.equal(owner.role, 'member')
    const nav = await client.get(urlFor('editorial.queue')).loginAs(editor)
    assert.notInclude(nav.text(), `href="${urlFor('editorial.users.index')}"`)
  })

  test('the header links editors, and only editors, to the editorial area', async ({
    client,
    assert,
  }) => {
    const editor = await createUser({ role: 'editor' })
    const plainMember = await createUser()

    const forEditor = await client.get(urlFor('account.home')).loginAs(editor)
    forEditor.assertStatus(200)
    forEditor.assertTextIncludes(`<a href="${urlFor('editorial.queue')}">Redaktion</a>`)
    const forMember = await client.get(urlFor('account.home')).loginAs(plainMember)
    forMember.assertStatus(200)
    assert.notInclude(forMember.text(), `href="${urlFor('editorial.queue')}"`)
  })

  test('disabled editors are refused', async ({ client }) => {
    const editor = await createUser({ role: 'editor', disabled: true })
    const response = await client.get(urlFor('editorial.queue')).loginAs(editor).redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', urlFor('auth.login'))
  })

  test('forms without a CSRF token are refused', async ({ client, assert }) => {
    const { ids, vendor } = await fixtures()
    const editor = await createUser({ role: 'editor' })

    const response = await client
      .post(urlFor('editorial.vendors.approve', { id: ids.vendor }))
      .loginAs(editor)
      .redirects(0)

    assert.notEqual(response.status(), 200)
    await vendor.refresh()
    assert.equal(vendor.status, 'pending')
  })
})

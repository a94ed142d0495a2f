import { test } from '@japa/runner'
import sharp from 'sharp'
import testUtils from '@adonisjs/core/services/test_utils'
import { urlFor } from '@adonisjs/core/services/url_builder'
import drive from '@adonisjs/drive/services/main'
import Vendor from '#models/vendor'
import VendorInvitation from '#models/vendor_invitation'
import VendorMember from '#models/vendor_member'
import VendorRevision from '#models/vendor_revision'
import { snapshotOf } from '#services/vendor_snapshot'
import { createUser } from '#tests/helpers/users'
import { pendingRevision } from '#tests/functional/editorial/fixtures'
import { addMember, formFields, ownedVendor } from '#tests/helpers/vendor_accounts'

/**
 * A member of vendor A against everything of vendor B: never a 200, never
 * a change, never B's unpublished data in the answer.
 */
test.group('Account / a member of vendor A cannot reach vendor B', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => {
    drive.fake()
    return () => drive.restore()
  })

  test('vendor B {$self}: web UI and API answer 403 or 404 and change nothing')
    .with(['published', 'draft'] as const)
    .run(async ({ client, assert }, status) => {
      const { vendor: a, owner: memberOfA } = await ownedVendor({
        attributes: { name: 'Anbieter A' },
      })
      const {
        vendor: b,
        owner: ownerOfB,
        topics,
      } = await ownedVendor({
        status,
        attributes: { name: 'Anbieter B Geheim' },
      })
      const colleagueOfB = await addMember(b, await createUser(), 'member')
      const revisionOfB = await pendingRevision(b, ownerOfB, {
        description: 'Unveröffentlichter Entwurfstext',
      })
      const before = JSON.stringify(await snapshotOf(await Vendor.findOrFail(b.id)))
      const logo = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#000' } })
        .png()
        .toBuffer()

      const form = formFields({
        name: 'Gekapert',
        postalCode: '10115',
        city: 'Berlin',
        topicIds: [topics[0].id],
      })
      const web = {
        'show': client.get(urlFor('account.vendors.show', { id: b.id })),
        'edit': client.get(urlFor('account.vendors.edit', { id: b.id })),
        'update': client.put(urlFor('account.vendors.update', { id: b.id })).form(form),
        'logo upload': client
          .post(urlFor('account.vendors.logo.store', { id: b.id }))
          .file('logo', logo, { filename: 'x.png' }),
        'logo removal': client.delete(urlFor('account.vendors.logo.destroy', { id: b.id })),
        'submit': client.post(urlFor('account.vendors.submit', { id: b.id })),
        'invite': client
          .post(urlFor('account.vendors.invitations.store', { id: b.id }))
          .form({ email: 'boese@example.test' }),
        'remove member': client.delete(
          urlFor('account.vendors.members.destroy', { id: b.id, memberId: colleagueOfB.id })
        ),
        "B's member under A's id": client.delete(
          urlFor('account.vendors.members.destroy', { id: a.id, memberId: colleagueOfB.id })
        ),
        'revision': client.get(
          urlFor('account.vendors.revisions.show', { id: b.id, revisionId: revisionOfB.id })
        ),
        "B's revision under A's id": client.get(
          urlFor('account.vendors.revisions.show', { id: a.id, revisionId: revisionOfB.id })
        ),
      }
      for (const [label, request] of Object.entries(web)) {
        const response = await request.withCsrfToken().loginAs(memberOfA).redirects(0)
        assert.include([403, 404], response.status(), label)
        assert.notInclude(response.text(), 'Unveröffentlichter Entwurfstext')
        if (status === 'draft') assert.notInclude(response.text(), 'Anbieter B Geheim')
      }

      const api = await client
        .patch(urlFor('api.v1.vendors.update', { slug: b.slug }))
        .json({ name: 'Gekapert' })
        .withGuard('api')
        .loginAs(memberOfA)
      api.assertStatus(status === 'published' ? 403 : 404)

      const index = await client.get(urlFor('account.vendors.index')).loginAs(memberOfA)
      index.assertTextIncludes('Anbieter A')
      assert.notInclude(index.text(), 'Anbieter B Geheim')

      // Nothing of B changed.
      assert.equal(JSON.stringify(await snapshotOf(await Vendor.findOrFail(b.id))), before)
      const bNow = await Vendor.findOrFail(b.id)
      assert.equal(bNow.status, status)
      const revisions = await VendorRevision.query().where('vendor_id', b.id)
      assert.deepEqual(
        revisions.map((r) => [r.id, r.status]),
        [[revisionOfB.id, 'pending']]
      )
      assert.lengthOf(await VendorInvitation.query().where('vendor_id', b.id), 0)
      assert.lengthOf(await VendorMember.query().where('vendor_id', b.id), 2)
      assert.lengthOf(
        await VendorMember.query().where('vendor_id', b.id).where('user_id', memberOfA.id),
        0
      )
    })

  test("an editor may read a vendor's account page but not act as its member", async ({
    client,
    assert,
  }) => {
    const { vendor, topics } = await ownedVendor({
      status: 'draft',
      attributes: { name: 'Prüffall GmbH' },
    })
    const editor = await createUser({ role: 'editor' })

    const page = await client.get(urlFor('account.vendors.show', { id: vendor.id })).loginAs(editor)
    page.assertStatus(200)
    page.assertTextIncludes('Prüffall GmbH')
    assert.notInclude(page.text(), 'Kolleg/in einladen')

    const update = await client
      .put(urlFor('account.vendors.update', { id: vendor.id }))
      .form(
        formFields({
          name: 'Anders',
          postalCode: '10115',
          city: 'Berlin',
          topicIds: [topics[0].id],
        })
      )
      .withCsrfToken()
      .loginAs(editor)
    update.assertStatus(403)
    const invite = await client
      .post(urlFor('account.vendors.invitations.store', { id: vendor.id }))
      .form({ email: 'x@example.test' })
      .withCsrfToken()
      .loginAs(editor)
    invite.assertStatus(403)
    await vendor.refresh()
    assert.equal(vendor.name, 'Prüffall GmbH')
  })
})

import type Topic from '#models/topic'
import type User from '#models/user'
import { VENDOR_PROFILE_FIELDS, type default as Vendor } from '#models/vendor'
import type { MemberRole } from '#models/vendor_member'
import { TopicFactory } from '#database/factories/topic_factory'
import { VendorMemberFactory } from '#database/factories/vendor_member_factory'
import { createUser } from '#tests/helpers/users'
import { createVendor } from '#tests/helpers/directory'

export async function createTopic(name?: string) {
  return TopicFactory.merge({ description: '', ...(name ? { name } : {}) }).create()
}

export async function addMember(vendor: Vendor, user: User, role: MemberRole = 'owner') {
  return VendorMemberFactory.merge({ vendorId: vendor.id, userId: user.id, role }).create()
}

/**
 * A vendor (published unless `status` says otherwise) in one topic, with
 * its owner: what a member finds in their account.
 */
export async function ownedVendor(
  options: {
    status?: Vendor['status']
    owner?: User
    attributes?: Partial<Vendor>
    topics?: Topic[]
  } = {}
) {
  const topics = options.topics ?? [await createTopic()]
  const vendor = await createVendor(
    { status: options.status ?? 'published', ...options.attributes },
    topics
  )
  const owner = options.owner ?? (await createUser())
  await addMember(vendor, owner, 'owner')
  return { vendor, owner, topics }
}

/** The web form's fields for a vendor, as a browser posts them: all empty, country DE. */
export function formFields(values: Record<string, unknown>) {
  return {
    ...Object.fromEntries(VENDOR_PROFILE_FIELDS.map((field) => [field, ''])),
    country: 'DE',
    ...values,
  }
}

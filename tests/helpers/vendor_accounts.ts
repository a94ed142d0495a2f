import Topic from '#models/topic'
import type User from '#models/user'
import type Vendor from '#models/vendor'
import VendorMember, { type MemberRole } from '#models/vendor_member'
import { createUser } from '#tests/helpers/users'
import { createVendor } from '#tests/helpers/directory'

let sequence = 0

export async function createTopic(name?: string) {
  sequence += 1
  return Topic.create({
    slug: `topic-${sequence}-${Date.now().toString(36)}`,
    name: name ?? `Thema ${sequence}`,
    description: '',
    position: sequence,
  })
}

export async function addMember(vendor: Vendor, user: User, role: MemberRole = 'owner') {
  return VendorMember.create({ vendorId: vendor.id, userId: user.id, role })
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

/** The web form's fields for a vendor, as a browser posts them. */
export function formFields(values: Record<string, unknown>) {
  return {
    name: '',
    street: '',
    postalCode: '',
    city: '',
    state: '',
    country: 'DE',
    phone: '',
    email: '',
    website: '',
    description: '',
    ...values,
  }
}

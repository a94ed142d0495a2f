import type User from '#models/user'
import type { MemberRole } from '#models/vendor_member'

export type MeJson = {
  id: number
  email: string
  name: string
  role: User['role']
  locale: User['locale']
  vendors: { slug: string; name: string; role: MemberRole }[]
}

/** `GET /api/v1/me`: the user, the role and the vendor memberships (docs/decisions.md). */
export async function meJson(user: User): Promise<MeJson> {
  const memberships = await user.related('memberships').query().preload('vendor')
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    locale: user.locale,
    vendors: memberships
      .map((membership) => ({
        slug: membership.vendor.slug,
        name: membership.vendor.name,
        role: membership.role,
      }))
      .sort((a, b) => a.name.localeCompare(b.name, 'de')),
  }
}

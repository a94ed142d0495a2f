import type { HttpContext } from '@adonisjs/core/http'
import { errors as lucidErrors } from '@adonisjs/lucid'
import Vendor from '#models/vendor'
import VendorPolicy from '#policies/vendor_policy'
import type User from '#models/user'
import type VendorMember from '#models/vendor_member'

/**
 * The vendor of an `/account/vendors/:id` route, if the signed-in user may
 * see it there (its members; editors). Another vendor's id answers 404,
 * exactly like a missing one, so that ids cannot be probed.
 */
export async function findAccountVendor(
  bouncer: HttpContext['bouncer'],
  id: number | string
): Promise<Vendor> {
  const vendor = await Vendor.find(id)
  if (!vendor || !(await bouncer.with(VendorPolicy).allows('view', vendor))) {
    throw new lucidErrors.E_ROW_NOT_FOUND(Vendor)
  }
  return vendor
}

/**
 * The same, with the user's membership loaded once and handed to the
 * policy, for pages that decide several abilities from it.
 */
export async function findAccountVendorWithMembership(
  bouncer: HttpContext['bouncer'],
  user: User,
  id: number | string,
  membershipOf: (user: User, vendor: Vendor) => Promise<VendorMember | null>
): Promise<{ vendor: Vendor; membership: VendorMember | null }> {
  const vendor = await Vendor.find(id)
  const membership = vendor ? await membershipOf(user, vendor) : null
  if (!vendor || !(await bouncer.with(VendorPolicy).allows('view', vendor, membership))) {
    throw new lucidErrors.E_ROW_NOT_FOUND(Vendor)
  }
  return { vendor, membership }
}

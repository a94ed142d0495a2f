import { AuthorizationResponse, BasePolicy } from '@adonisjs/bouncer'
import type { AuthorizerResponse } from '@adonisjs/bouncer/types'
import type User from '#models/user'
import type Vendor from '#models/vendor'
import VendorMember from '#models/vendor_member'
import VendorClaim from '#models/vendor_claim'

/** Writing needs a confirmed address; the refusal says so. */
function unconfirmed() {
  return AuthorizationResponse.deny('Please confirm your e-mail address first').t(
    'errors.email_unconfirmed'
  )
}

/** A refusal that reveals nothing: the same 404 as for a vendor that does not exist. */
function hidden() {
  return AuthorizationResponse.deny('Not found', 404)
}

/** A membership the caller loaded already; null when the user is no member. */
type Known = VendorMember | null

/**
 * Who may do what with a vendor. Members act for their own vendors only;
 * editors review; nobody else sees drafts.
 */
export default class VendorPolicy extends BasePolicy {
  /**
   * The user's membership of the vendor. A page that checks several
   * abilities loads it once and passes it as `known` (null: not a member),
   * so each check costs no query.
   */
  private async membership(user: User, vendor: Vendor, known?: Known) {
    if (known !== undefined) {
      return known && known.vendorId === vendor.id && known.userId === user.id ? known : null
    }
    return VendorMember.query().where('vendor_id', vendor.id).where('user_id', user.id).first()
  }

  /** Creating a vendor needs a confirmed e-mail address. */
  create(user: User): AuthorizerResponse {
    if (!user.isConfirmed) return unconfirmed()
    return !user.isDisabled
  }

  /** The account view of a vendor (drafts, status, revisions): members and editors. */
  async view(user: User, vendor: Vendor, known?: Known): Promise<AuthorizerResponse> {
    if (user.isEditor) return true
    return !!(await this.membership(user, vendor, known))
  }

  /**
   * A preview of what the public page will show (a draft, a pending vendor or
   * revision): members and editors. Anyone else gets 404, as for a vendor
   * that does not exist, so unpublished entries stay unknown.
   */
  async preview(user: User, vendor: Vendor, known?: Known): Promise<AuthorizerResponse> {
    if (user.isEditor && !user.isDisabled) return true
    if (await this.membership(user, vendor, known)) return true
    return hidden()
  }

  /**
   * Writing needs a confirmed e-mail address, on the web and through the API.
   * Whoever may not even see an unpublished vendor learns nothing about it:
   * 404, as for a vendor that does not exist.
   */
  async edit(user: User, vendor: Vendor, known?: Known): Promise<AuthorizerResponse> {
    if (!(await this.membership(user, vendor, known))) {
      return vendor.status === 'published' || user.isEditor ? false : hidden()
    }
    if (vendor.status === 'archived') return false
    return user.isConfirmed || unconfirmed()
  }

  async submit(user: User, vendor: Vendor, known?: Known): Promise<AuthorizerResponse> {
    if (!['draft', 'rejected'].includes(vendor.status)) return false
    if (!(await this.membership(user, vendor, known))) return false
    return user.isConfirmed || unconfirmed()
  }

  /** Inviting and removing colleagues: owners only. */
  async manageMembers(user: User, vendor: Vendor, known?: Known): Promise<AuthorizerResponse> {
    if (!user.isConfirmed) return unconfirmed()
    const membership = await this.membership(user, vendor, known)
    return membership?.role === 'owner'
  }

  /** A member may leave; removing someone else is for owners. */
  async removeMember(
    user: User,
    vendor: Vendor,
    member: VendorMember
  ): Promise<AuthorizerResponse> {
    if (member.vendorId !== vendor.id) return false
    if (member.userId === user.id) return !!(await this.membership(user, vendor))
    return this.manageMembers(user, vendor)
  }

  /** A published vendor without members may be claimed by a confirmed user, once. */
  async claim(user: User, vendor: Vendor): Promise<AuthorizerResponse> {
    if (!user.isConfirmed || vendor.status !== 'published') return false
    const members = await VendorMember.query().where('vendor_id', vendor.id).count('* as total')
    if (Number(members[0].$extras.total) > 0) return false
    const open = await VendorClaim.query()
      .where('vendor_id', vendor.id)
      .where('user_id', user.id)
      .where('status', 'pending')
      .first()
    return !open
  }
}

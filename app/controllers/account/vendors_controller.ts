import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import VendorPolicy from '#policies/vendor_policy'
import { logoUrl } from '#services/vendors/logo_url'
import VendorAccount from '#queries/vendor_account'
import VendorEditor from '#services/vendors/vendor_editor'
import MembershipService from '#services/vendors/membership_service'
import { GERMAN_STATES, vendorValidator } from '#validators/vendor_validator'
import {
  findAccountVendor,
  findAccountVendorWithMembership,
} from '#services/accounts/account_vendor'

/** A member's own vendors: create, edit, submit for review. */
@inject()
export default class VendorsController {
  constructor(
    private editor: VendorEditor,
    private account: VendorAccount,
    private memberships: MembershipService
  ) {}

  async index({ auth, view }: HttpContext) {
    const overview = await this.account.overview(auth.getUserOrFail())
    return view.render('pages/account/vendors/index', overview)
  }

  async create({ bouncer, view }: HttpContext) {
    const allowed = await bouncer.with(VendorPolicy).allows('create')
    const topics = await this.account.topicChoices()
    return view.render('pages/account/vendors/form', { allowed, topics, states: GERMAN_STATES })
  }

  async store({ auth, bouncer, request, response, session, i18n }: HttpContext) {
    await bouncer.with(VendorPolicy).authorize('create')
    const input = await request.validateUsing(vendorValidator)
    const vendor = await this.editor.create(auth.getUserOrFail(), input)
    session.flash('notice', i18n.t('vendor_account.flash.created'))
    return response.redirect().toRoute('account.vendors.show', { id: vendor.id })
  }

  async show({ auth, bouncer, params, view }: HttpContext) {
    // 404 for another vendor's id, as for a missing one; the membership is
    // loaded once and every ability below is decided from it.
    const { vendor, membership } = await findAccountVendorWithMembership(
      bouncer,
      auth.getUserOrFail(),
      params.id,
      (user, found) => this.account.membership(user, found)
    )
    const policy = bouncer.with(VendorPolicy)
    const [canManage, canEdit, canSubmit] = await Promise.all([
      policy.allows('manageMembers', vendor, membership),
      policy.allows('edit', vendor, membership),
      policy.allows('submit', vendor, membership),
    ])
    const [page, invitations] = await Promise.all([
      this.account.page(vendor, membership),
      canManage ? this.memberships.pendingInvitations(vendor) : [],
    ])
    return view.render('pages/account/vendors/show', {
      ...page,
      invitations,
      canManage,
      canEdit,
      canSubmit,
      logoUrl,
    })
  }

  async edit({ bouncer, params, view }: HttpContext) {
    const vendor = await findAccountVendor(bouncer, params.id)
    await bouncer.with(VendorPolicy).authorize('edit', vendor)
    const values = this.account.formValues(await this.editor.workingCopy(vendor))
    const topics = await this.account.topicChoices()
    return view.render('pages/account/vendors/form', {
      allowed: true,
      vendor,
      values,
      hasPendingRevision: !!(await this.editor.pendingRevision(vendor)),
      topics,
      states: GERMAN_STATES,
    })
  }

  async update({ auth, bouncer, params, request, response, session, i18n }: HttpContext) {
    const vendor = await findAccountVendor(bouncer, params.id)
    await bouncer.with(VendorPolicy).authorize('edit', vendor)
    const input = await request.validateUsing(vendorValidator)
    const outcome = await this.editor.update(auth.getUserOrFail(), vendor, input)
    session.flash(
      'notice',
      i18n.t(`vendor_account.flash.${outcome.revision ? 'revision' : 'saved'}`)
    )
    return response.redirect().toRoute('account.vendors.show', { id: vendor.id })
  }

  async submit({ auth, bouncer, params, response, session, i18n }: HttpContext) {
    const vendor = await findAccountVendor(bouncer, params.id)
    await bouncer.with(VendorPolicy).authorize('submit', vendor)
    await this.editor.submit(auth.getUserOrFail(), vendor)
    session.flash('notice', i18n.t('vendor_account.flash.submitted'))
    return response.redirect().toRoute('account.vendors.show', { id: vendor.id })
  }
}

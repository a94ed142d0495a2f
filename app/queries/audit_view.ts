import { DateTime } from 'luxon'
import type { I18n } from '@adonisjs/i18n'
import type AuditLog from '#models/audit_log'

/** Names of what entries refer to by id, as far as they still exist. */
export type AuditNames = {
  vendors: Map<number, { name: string }>
  users: Map<number, { name: string }>
  topics: Map<number, { name: string; slug: string }>
}

/** One before/after line of an entry, in words: the field's label and readable values. */
export type AuditDetail = {
  key: string
  label: string
  before: string | null
  after: string | null
  multiline: boolean
}

export type AuditLine = {
  entry: AuditLog
  /** What happened, as a sentence in the reader's language. */
  sentence: string
  details: AuditDetail[]
}

/** Keys that hold a user's id; shown by the user's name. */
const PERSON_KEYS = new Set(['userId', 'invitedById', 'promotedUserId'])
/** Keys whose labels are the vendor form's field labels. */
const VENDOR_FIELD_KEYS = new Set([
  'name',
  'street',
  'postalCode',
  'city',
  'state',
  'country',
  'phone',
  'email',
  'website',
  'description',
  'logoPath',
  'topicIds',
  'slug',
  'status',
])

/**
 * Turns audit entries into sentences and readable before/after lines:
 * actions as sentences, field keys as the form's labels, ids as names,
 * statuses and roles translated, dates in Berlin time, and text with its
 * line breaks (never as JSON).
 */
export function describeAuditEntries(
  entries: AuditLog[],
  names: AuditNames,
  i18n: I18n
): AuditLine[] {
  return entries.map((entry) => new AuditWords(entry, names, i18n).line())
}

/** The ids an entry's sentence and details name, so that one query per kind finds them. */
export function referencedIds(entries: AuditLog[]) {
  const users = new Set<number>()
  const topics = new Set<number>()
  for (const entry of entries) {
    if (entry.subjectType === 'user' && entry.subjectId) users.add(entry.subjectId)
    if (entry.subjectType === 'topic' && entry.subjectId) topics.add(entry.subjectId)
    for (const side of [entry.before, entry.after]) {
      if (!side) continue
      for (const key of PERSON_KEYS) {
        if (typeof side[key] === 'number') users.add(side[key] as number)
      }
      if (Array.isArray(side.topicIds)) {
        for (const id of side.topicIds) if (typeof id === 'number') topics.add(id)
      }
    }
  }
  return { users: [...users], topics: [...topics] }
}

class AuditWords {
  constructor(
    private entry: AuditLog,
    private names: AuditNames,
    private i18n: I18n
  ) {}

  line(): AuditLine {
    return { entry: this.entry, sentence: this.sentence(), details: this.details() }
  }

  private sentence() {
    const { entry } = this
    const side = { ...(entry.before ?? {}), ...(entry.after ?? {}) }
    const memberId = entry.action === 'member.added' ? entry.after?.userId : entry.before?.userId
    return this.i18n.t(`editorial.audit.sentences.${entry.action}`, {
      actor: this.actor(),
      vendor: this.vendorName(),
      user: entry.subjectType === 'user' ? this.person(entry.subjectId) : '',
      member: typeof memberId === 'number' ? this.person(memberId) : '',
      topic: this.topicName(side),
      role: typeof side.role === 'string' ? this.role(side.role) : '',
    })
  }

  private details(): AuditDetail[] {
    const before = this.entry.before ?? {}
    const after = this.entry.after ?? {}
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])]
    return keys.map((key) => {
      const beforeText = key in before ? this.value(key, before[key]) : null
      const afterText = key in after ? this.value(key, after[key]) : null
      return {
        key,
        label: this.label(key),
        before: beforeText,
        after: afterText,
        multiline: [beforeText, afterText].some((text) => text?.includes('\n')),
      }
    })
  }

  /** "Erika Editor <erika@…>" reads as "Erika Editor"; entries without an actor came from the system. */
  private actor() {
    const label = this.entry.actorLabel
    if (!this.entry.actorId && label === 'system') return this.i18n.t('editorial.audit.system')
    return label.replace(/\s*<[^>]*>$/, '')
  }

  private vendorName() {
    const id = this.entry.vendorId
    if (!id) return ''
    return this.names.vendors.get(id)?.name ?? `#${id}`
  }

  private person(id: unknown) {
    if (typeof id !== 'number') return this.i18n.t('editorial.empty_value')
    return (
      this.names.users.get(id)?.name ??
      this.i18n.t('editorial.audit.deleted_user', { id: String(id) })
    )
  }

  private topicName(side: Record<string, unknown>) {
    if (this.entry.subjectType !== 'topic') return ''
    const id = this.entry.subjectId
    const known = id ? this.names.topics.get(id)?.name : undefined
    return known ?? (typeof side.name === 'string' ? side.name : `#${id}`)
  }

  private label(key: string) {
    if (key === 'topics') return this.i18n.t('editorial.fields.topicIds')
    if (VENDOR_FIELD_KEYS.has(key)) return this.i18n.t(`editorial.fields.${key}`)
    return this.i18n.t(`editorial.audit.keys.${key}`, {}, key)
  }

  /** Roles of vendor members (owner, member) or of accounts (admin, editor, member). */
  private role(role: string) {
    const group =
      this.entry.subjectType === 'user' ? 'editorial.users.roles' : 'editorial.vendor.roles'
    return this.i18n.t(`${group}.${role}`, {}, role)
  }

  private status(status: string) {
    const groups: Partial<Record<string, string>> = {
      revision: 'editorial.revision.statuses',
      claim: 'editorial.claim.statuses',
    }
    const group = groups[this.entry.subjectType] ?? 'editorial.statuses'
    return this.i18n.t(`${group}.${status}`, {}, status)
  }

  private value(key: string, value: unknown): string {
    if (value === null || value === undefined || value === '') {
      return this.i18n.t('editorial.empty_value')
    }
    if (PERSON_KEYS.has(key)) return this.person(value)
    if (key === 'status' && typeof value === 'string') return this.status(value)
    if (key === 'role' && typeof value === 'string') return this.role(value)
    if (key === 'country' && typeof value === 'string') return value
    if (key === 'changes' && Array.isArray(value)) {
      return value.map((field) => this.label(String(field))).join(', ')
    }
    if (key === 'topicIds' && Array.isArray(value)) {
      return value.map((id) => this.names.topics.get(Number(id))?.name ?? `#${id}`).join(', ')
    }
    if (key === 'disabledAt' && typeof value === 'string') return this.when(value)
    if (Array.isArray(value)) return value.map((item) => this.plain(item)).join(', ')
    return this.plain(value)
  }

  private when(iso: string) {
    const date = DateTime.fromISO(iso, { zone: 'utc' })
    if (!date.isValid) return iso
    return date
      .setZone('Europe/Berlin')
      .setLocale(this.i18n.locale)
      .toLocaleString({ ...DateTime.DATETIME_MED, timeZoneName: 'short' })
  }

  /** Text keeps its line breaks (as \n); other values read as words, never as JSON. */
  private plain(value: unknown): string {
    if (typeof value === 'string') return value.replace(/\r\n?/g, '\n')
    if (typeof value === 'boolean') return this.i18n.t(`editorial.audit.${value ? 'yes' : 'no'}`)
    if (typeof value === 'number') return this.i18n.formatNumber(value)
    if (value && typeof value === 'object') {
      return Object.entries(value as Record<string, unknown>)
        .map(([key, item]) => `${this.label(key)}: ${this.value(key, item)}`)
        .join('\n')
    }
    return String(value)
  }
}

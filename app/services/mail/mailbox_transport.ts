import { randomUUID } from 'node:crypto'
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { MailResponse } from '@adonisjs/mail'
import type { MailTransportContract, NodeMailerMessage } from '@adonisjs/mail/types'

export type CapturedMail = {
  id: string
  sentAt: string
  from: string
  to: string[]
  subject: string
  html: string | null
  text: string | null
}

function addresses(value: unknown): string[] {
  if (!value) return []
  const list = Array.isArray(value) ? value : [value]
  return list.map((entry) =>
    typeof entry === 'string' ? entry : String((entry as { address?: string }).address ?? '')
  )
}

/**
 * Development transport: keeps every mail as a JSON file in a folder, so a
 * person can read it at /dev/mailbox and follow its links. Never used in
 * production (config/mail.ts picks SMTP there).
 */
export class MailboxTransport implements MailTransportContract {
  constructor(private folder: string) {}

  async send(message: NodeMailerMessage) {
    const mail: CapturedMail = {
      id: randomUUID(),
      sentAt: new Date().toISOString(),
      from: addresses(message.from)[0] ?? '',
      to: addresses(message.to),
      subject: String(message.subject ?? ''),
      html: message.html ? String(message.html) : null,
      text: message.text ? String(message.text) : null,
    }
    await mkdir(this.folder, { recursive: true })
    await writeFile(join(this.folder, `${Date.now()}-${mail.id}.json`), JSON.stringify(mail))
    return new MailResponse(mail.id, { from: mail.from, to: mail.to }, mail)
  }
}

/** The captured mails, newest first. */
export async function readMailbox(folder: string, limit = 50): Promise<CapturedMail[]> {
  const files = await readdir(folder).catch(() => [] as string[])
  const newest = files
    .filter((name) => name.endsWith('.json'))
    .sort()
    .reverse()
    .slice(0, limit)
  return Promise.all(
    newest.map(
      async (name) => JSON.parse(await readFile(join(folder, name), 'utf8')) as CapturedMail
    )
  )
}

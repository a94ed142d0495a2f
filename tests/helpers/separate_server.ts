import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'
import { rm } from 'node:fs/promises'
import app from '@adonisjs/core/services/app'
import appEnv from '#start/env'
import db from '@adonisjs/lucid/services/db'

/**
 * A real server process (`node bin/server.js`) on a database of its own,
 * migrated fresh: on SQLite its own file, on PostgreSQL a dedicated
 * database "<PG_DB_NAME>_<name>". Nothing runs in a test transaction: the
 * server commits, and the test reads what it committed through the
 * connection named `name`.
 */
export class SeparateServer {
  readonly dialect = appEnv.get('DB_CONNECTION', 'sqlite') === 'pg' ? 'pg' : 'sqlite'
  readonly sqliteFile: string
  readonly pgDatabase: string
  port = 0
  process: ChildProcess | null = null
  output = ''

  constructor(
    readonly name: string,
    private extraEnv: NodeJS.ProcessEnv = {}
  ) {
    this.sqliteFile = `tmp/${name}-${process.pid}.sqlite3`
    this.pgDatabase = `${appEnv.get('PG_DB_NAME', 'anbieter')}_${name}`
  }

  get base() {
    return `http://127.0.0.1:${this.port}`
  }

  env(): NodeJS.ProcessEnv {
    return {
      ...process.env,
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: String(this.port),
      LOG_LEVEL: 'silent',
      MAILBOX_DIR: `tmp/mailbox-${this.name}-${process.pid}`,
      DB_CONNECTION: this.dialect,
      SQLITE_FILE: this.sqliteFile,
      PG_DB_NAME: this.pgDatabase,
      ...this.extraEnv,
    }
  }

  /** A free port, a fresh schema, and the connection `name` to read it. */
  async prepare() {
    this.port = await freePort()
    if (this.dialect === 'pg') {
      const exists = await db.rawQuery('select 1 from pg_database where datname = ?', [
        this.pgDatabase,
      ])
      if (exists.rows.length === 0) await db.rawQuery(`create database "${this.pgDatabase}"`)
    } else {
      await this.#removeSqliteFiles()
    }
    await run(['ace.js', 'migration:fresh', '--force'], this.env())
    const base = app.config.get<Record<string, any>>(`database.connections.${this.dialect}`)
    db.manager.add(
      this.name,
      this.dialect === 'pg'
        ? { ...base, connection: { ...base.connection, database: this.pgDatabase } }
        : ({ ...base, connection: { filename: app.makePath(this.sqliteFile) } } as any)
    )
  }

  /** Starts the server and waits until it answers /ping. */
  async start(extraEnv: NodeJS.ProcessEnv = {}) {
    this.output = ''
    const child = spawn(process.execPath, ['--import=@poppinss/ts-exec', 'bin/server.js'], {
      cwd: app.appRoot,
      env: { ...this.env(), ...extraEnv },
      stdio: 'pipe',
    })
    this.process = child
    child.stdout!.on('data', (chunk) => (this.output += chunk))
    child.stderr!.on('data', (chunk) => (this.output += chunk))
    const deadline = Date.now() + 60_000
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`The server exited early:\n${this.output}`)
      const ready = await fetch(`${this.base}/ping`)
        .then((response) => response.ok)
        .catch(() => false)
      if (ready) return
      await new Promise((resolve) => setTimeout(resolve, 200))
    }
    throw new Error(`The server did not answer within 60 s:\n${this.output}`)
  }

  /** The cluster workers' pids (the children of the server process, WEB_CONCURRENCY > 1). */
  workerPids(): number[] {
    const pid = this.process?.pid
    if (!pid) return []
    const listed = spawnSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' })
    return listed.stdout
      .split('\n')
      .map((line) => Number(line.trim()))
      .filter((value) => value > 0)
  }

  /** Sends a signal; resolves with the exit code once the process has exited by itself. */
  exited(): Promise<number | null> {
    const child = this.process
    if (!child || child.exitCode !== null) return Promise.resolve(child?.exitCode ?? null)
    return new Promise((resolve) => child.once('exit', (code) => resolve(code)))
  }

  /** Ends the server if it still runs (SIGTERM, then SIGKILL after 5 s). */
  async stop() {
    const child = this.process
    this.process = null
    if (!child || child.exitCode !== null) return
    const exited = new Promise((resolve) => child.once('exit', resolve))
    child.kill('SIGTERM')
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000)
    await exited
    clearTimeout(timer)
  }

  /** Stops the server, closes the connection and removes what it left. */
  async cleanup() {
    await this.stop()
    await db.manager.close(this.name).catch(() => {})
    db.manager.connections.delete(this.name)
    if (this.dialect === 'sqlite') await this.#removeSqliteFiles()
    await rm(app.makePath(`tmp/mailbox-${this.name}-${process.pid}`), {
      recursive: true,
      force: true,
    })
  }

  async #removeSqliteFiles() {
    for (const suffix of ['', '-wal', '-shm']) {
      await rm(app.makePath(`${this.sqliteFile}${suffix}`), { force: true })
    }
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

/** Runs `node <args>` in the app root; rejects with its output unless it exits 0. */
export function run(args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: app.appRoot, env, stdio: 'pipe' })
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    child.on('error', reject)
    child.on('exit', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`node ${args.join(' ')} exited ${code}:\n${output}`))
    )
  })
}

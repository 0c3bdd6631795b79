/**
 * Hosts cloud functions as the cloud does: `main(event, context)` with the caller's identity in
 * `context.environment` (a JSON string), which `getCloudbaseContext(context)` reads.
 */
import { randomUUID } from 'crypto'
import { existsSync, readdirSync } from 'fs'
import { join, resolve } from 'path'
import { invalidParam } from './database/errors'

export type CloudMain = (event: unknown, context: Record<string, unknown>) => Promise<unknown>

export interface Caller {
  /** The WeChat openid of a mini-program user; absent for server-side callers. */
  openid?: string
  source: 'wx_client' | 'node-sdk'
}

export class FunctionHost {
  private readonly functions = new Map<string, CloudMain>()

  constructor(private readonly envId: string) {}

  register(name: string, main: CloudMain): void {
    this.functions.set(name, main)
  }

  names(): string[] {
    return [...this.functions.keys()].sort()
  }

  async invoke(name: string, event: unknown, caller: Caller): Promise<unknown> {
    const main = this.functions.get(name)
    if (!main) throw new FunctionNotFound(name)
    const environment: Record<string, string> = { TCB_SOURCE: caller.source, SCF_NAMESPACE: this.envId }
    if (caller.openid) {
      Object.assign(environment, {
        WX_OPENID: caller.openid,
        WX_APPID: 'local-appid',
        WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID',
      })
    }
    return main(event, {
      request_id: randomUUID(),
      function_name: name,
      namespace: this.envId,
      environment: JSON.stringify(environment),
    })
  }

  /** `functions.invokeFunction` from the SDK (a server-side caller). */
  async handle(p: Record<string, unknown>): Promise<Record<string, unknown>> {
    const name = String(p.function_name)
    if (!this.functions.has(name)) throw invalidParam(`FUNCTION_NOT_FOUND: ${name}`)
    const event = p.request_data ? JSON.parse(String(p.request_data)) : {}
    const result = await this.invoke(name, event, { source: 'node-sdk' })
    return { data: { response_data: JSON.stringify(result ?? null) } }
  }
}

export class FunctionNotFound extends Error {
  constructor(name: string) {
    super(`function ${name} is not hosted here`)
  }
}

/**
 * Registers every deployable bundle `<root>/<name>/index.js` (what `npm run build:functions`
 * writes), as SCF would load it. The bundles read TCB_CONTEXT_CNFG from the environment, so it
 * must point at this emulator before they are loaded.
 */
export function loadFunctionBundles(host: FunctionHost, root: string): string[] {
  const loaded: string[] = []
  for (const [name, file] of Object.entries(bundleFiles(root))) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS bundle found at run time, loaded synchronously as SCF does
    const mod = require(file) as { main?: CloudMain }
    if (typeof mod.main === 'function') {
      host.register(name, mod.main)
      loaded.push(name)
    }
  }
  return loaded
}

/** The deployable bundles under `root`: function name -> absolute path of its index.js. */
export function bundleFiles(root: string): Record<string, string> {
  const files: Record<string, string> = {}
  for (const name of readdirSync(root)) {
    const file = resolve(join(root, name, 'index.js'))
    if (!name.startsWith('_') && existsSync(file)) files[name] = file
  }
  return files
}

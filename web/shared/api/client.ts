import createClient, { type Middleware } from 'openapi-fetch'
import type { paths } from './schema'
import { isProblem, ProblemError } from '../problem'

/** Where the API client gets the caller's token and language from. */
export interface ClientContext {
  token(): Promise<string | null>
  language(): string
}

/**
 * The one typed client of the public API: paths, parameters and bodies come from docs/openapi.yaml (npm run
 * generate), none is written by hand. Every call carries the token and Accept-Language (problem texts come back in
 * the user's language); an error answer is thrown as a ProblemError.
 */
export function createApi(context: ClientContext) {
  const client = createClient<paths>({ baseUrl: window.location.origin })
  const middleware: Middleware = {
    async onRequest({ request }) {
      const token = await context.token()
      if (token) request.headers.set('Authorization', `Bearer ${token}`)
      request.headers.set('Accept-Language', context.language())
      return request
    },
    async onResponse({ response }) {
      if (response.ok) return response
      const body: unknown = await response.clone().json().catch(() => null)
      throw new ProblemError(isProblem(body) ? body : { status: response.status, code: `HTTP_${response.status}` })
    },
  }
  client.use(middleware)
  return client
}

export type Api = ReturnType<typeof createApi>

/** A new key for a write the browser may retry (the same key replays the first answer). */
export function idempotencyKey(): string {
  return crypto.randomUUID()
}

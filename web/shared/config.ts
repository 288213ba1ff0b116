/** What the gateway tells an app at run time (<app>/config.json), so one build runs in every environment. */
export interface AppSettings {
  authority: string
  clientId: string
}

export async function loadSettings(): Promise<AppSettings> {
  const response = await fetch(`${import.meta.env.BASE_URL}config.json`, { cache: 'no-store' })
  if (!response.ok) throw new Error(`config.json: HTTP ${response.status}`)
  return (await response.json()) as AppSettings
}

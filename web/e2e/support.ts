import { expect, type Locator, type Page } from '@playwright/test'

/** Who the journeys log in as and where the suite is; the system tests pass these in the environment. */
export const env = {
  password: process.env.DEMO_PASSWORD ?? 'demo123',
  citizen: process.env.CITIZEN ?? 'liuyang',
  waiter: process.env.WAITER ?? 'zhangwei',
  officer: process.env.OFFICER ?? 'officer.bj',
  reviewer: process.env.REVIEWER ?? 'reviewer.bj',
  hallId: process.env.HALL_ID ?? 'BJ-CHAOYANG',
  hukouRegion: process.env.HUKOU_REGION ?? '110105',
  citizenId: process.env.CITIZEN_ID ?? '',
  screenshots: process.env.SCREENSHOTS,
}

/** Logs in on Keycloak's own login page (authorization code + PKCE, started by the app). */
export async function login(page: Page, app: 'h5' | 'console', username: string,
  landmark = app === 'h5' ? 'go-book' : 'who') {
  await page.goto(`/${app}/`)
  await page.getByTestId('login').click()
  await page.locator('#username').fill(username)
  await page.locator('#password').fill(env.password)
  await page.locator('#kc-login').click()
  // back in the app, logged in: its first logged-in element shows
  await expect(page.getByTestId(landmark)).toBeVisible()
}

/** A README screenshot, when SCREENSHOTS names the folder. */
export async function keep(page: Page, name: string) {
  if (env.screenshots) await page.screenshot({ path: `${env.screenshots}/${name}.png`, fullPage: true })
}

/** Work that arrives by events (a checked-in booking at the counter, an order, a case): refresh until it shows. */
export async function refreshUntilVisible(page: Page, target: Locator, seconds: number) {
  await expect(async () => {
    await page.getByTestId('refresh').click()
    await expect(target).toBeVisible({ timeout: 1000 })
  }).toPass({ timeout: seconds * 1000 })
}

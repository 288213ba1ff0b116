import { expect, test, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from '@playwright/test'
import { env, keep, login, refreshUntilVisible } from './support'

const mobile = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }
const desktop = { viewport: { width: 1366, height: 900 } }

// Each person has a browser context of their own; on a failure every one of them leaves a screenshot.
let contexts: BrowserContext[] = []
async function newPage(browser: Browser, options: BrowserContextOptions): Promise<Page> {
  const context = await browser.newContext(options)
  contexts.push(context)
  return context.newPage()
}
test.afterEach(async ({}, testInfo) => {
  if (testInfo.status !== testInfo.expectedStatus) {
    for (const [i, context] of contexts.entries()) {
      for (const [j, page] of context.pages().entries()) {
        await page.screenshot({ path: testInfo.outputPath(`person-${i}-page-${j}.png`), fullPage: true }).catch(() => undefined)
      }
    }
  }
  await Promise.all(contexts.map((c) => c.close()))
  contexts = []
})

async function citizenPage(browser: Browser): Promise<Page> {
  const page = await newPage(browser, mobile)
  await login(page, 'h5', env.citizen)
  return page
}

/** Hall, first window with places, the whole form, review, submit: the booking number. */
async function book(page: Page, contactMobile = '13912345678'): Promise<string> {
  await page.getByTestId('go-book').click()
  await page.getByTestId(`hall-${env.hallId}`).click()
  await page.locator('[data-testid^="window-"]').first().click()
  return fillAndSubmit(page, contactMobile)
}

/** The booking form of a held place: the whole form, review, submit: the booking number. */
async function fillAndSubmit(page: Page, contactMobile = '13912345678'): Promise<string> {
  await expect(page.getByTestId('held')).toBeVisible()
  await page.getByTestId('endorsement-HK').selectOption('G')
  await page.getByTestId('hukou').locator('input').fill(env.hukouRegion)
  await page.getByTestId('contact-name').locator('input').fill('张丽')
  await page.getByTestId('contact-mobile').locator('input').fill(contactMobile)
  await page.getByTestId('delivery-HALL').click()
  await keep(page, 'h5-booking')
  await page.getByTestId('to-review').click()
  await expect(page.getByTestId('review')).toBeVisible()
  await expect(page.getByTestId('review-hukou')).toContainText(/北京市（\d{6}）/) // the province named, not only the code
  await page.getByTestId('submit').click()
  await expect(page.getByTestId('booked')).toBeVisible()
  return (await page.getByTestId('booked').getAttribute('data-booking-no'))!
}

test('citizen: self-check, hold and book, the QR code, reschedule, cancel', async ({ browser }) => {
  const page = await citizenPage(browser)
  await page.goto('/h5/#/check')
  await page.getByTestId('check').click()
  await expect(page.getByTestId('allowed')).toBeVisible()
  await expect(page.getByTestId('materials')).toContainText('依据')

  await page.goto('/h5/#/')
  const bookingNo = await book(page)
  await page.getByTestId('to-bookings').click()
  const card = page.getByTestId(`booking-${bookingNo}`)
  await expect(card.getByTestId('qr')).toHaveAttribute('data-code', new RegExp(bookingNo))
  const firstWindow = (await card.getByTestId('when').textContent())!

  await card.getByTestId('reschedule').click()
  await page.getByTestId(`hall-${env.hallId}`).click()
  await page.locator('[data-testid^="window-"]').nth(1).click()
  await expect(page).toHaveURL(/#\/bookings$/)
  await expect(card.getByTestId('when')).not.toHaveText(firstWindow)
  await expect(card.getByTestId('qr')).toBeVisible()

  await card.getByTestId('cancel').click()
  await page.locator('.van-dialog__confirm').click()
  await expect(card.getByTestId('status')).toHaveText('已取消')
})

test('booking errors beside their fields, in English: an invalid mobile, a window that filled up', async ({ browser, request }) => {
  const page = await citizenPage(browser)
  await page.getByTestId('language').click()
  await page.getByTestId('go-book').click()
  await page.getByTestId(`hall-${env.hallId}`).click()
  const window = page.locator('[data-testid^="window-"]').last()
  await window.click()
  await page.getByTestId('contact-name').locator('input').fill('Li')
  await page.getByTestId('contact-mobile').locator('input').fill('12345')
  await page.getByTestId('hukou').locator('input').fill(env.hukouRegion)
  await page.getByTestId('to-review').click()
  await expect(page.getByTestId('contact-mobile')).toContainText('is not a valid mainland mobile number')

  // Meanwhile others take every place left in another window; choosing it answers SLOT_FULL beside the windows.
  await page.goto('/h5/#/')
  await page.getByTestId('go-book').click()
  await page.getByTestId(`hall-${env.hallId}`).click()
  const target = page.locator('[data-testid^="window-"]').nth(2)
  const [, date, time] = (await target.getAttribute('data-testid'))!.match(/^window-(.+)-(\d\d:\d\d)$/)!
  for (const filler of process.env.FILLERS!.split(',')) {
    const held = await request.post('/api/v1/holds', {
      headers: { Authorization: `Bearer ${await token(request, filler)}` },
      data: { hallId: env.hallId, date, windowStart: `${time}:00` },
    })
    if (held.status() === 409) break
    expect(held.status()).toBe(201)
  }
  await target.click()
  await expect(page.getByTestId('window-error')).toContainText('is full')
})

/** Other citizens' tokens (dev/test realm's password client): they take places through the API meanwhile. */
async function token(request: import('@playwright/test').APIRequestContext, username: string): Promise<string> {
  const answer = await request.post(`${process.env.KEYCLOAK_URL}/realms/hkmo/protocol/openid-connect/token`, {
    form: { grant_type: 'password', client_id: 'hkmo-dev-cli', username, password: env.password },
  })
  return (await answer.json()).access_token as string
}

/** The citizen books; an officer of the hall checks them in and accepts the application with every material. */
async function bookAndAccept(browser: Browser): Promise<{ citizen: Page; officer: Page; applicationNo: string }> {
  const citizen = await citizenPage(browser)
  const bookingNo = await book(citizen)
  await citizen.getByTestId('to-bookings').click()
  const code = await citizen.getByTestId(`booking-${bookingNo}`).getByTestId('qr').getAttribute('data-code')

  const officer = await newPage(browser, desktop)
  await login(officer, 'console', env.officer)
  await officer.getByTestId('menu-check-in').click()
  await officer.getByTestId('code').fill(code!)
  await officer.getByTestId('check-in').click()
  await expect(officer.getByTestId('checked-in')).toContainText(bookingNo)

  await officer.getByTestId('menu-intake').click()
  await refreshUntilVisible(officer, officer.getByTestId('waiting').getByText(bookingNo), 60)
  await officer.getByTestId('waiting').getByText(bookingNo).click()
  const materials = officer.getByTestId('materials').locator('label')
  await expect(materials.first()).toBeVisible()
  for (const item of await materials.all()) await item.click()
  await officer.getByTestId('record').click()
  await officer.getByTestId('decision-ACCEPTED').click()
  // the endorsement and its terms in words, not HK-G and P3M/SINGLE
  await expect(officer.getByTestId('decision')).toContainText('香港个人旅游 (G)')
  await expect(officer.getByTestId('decision')).toContainText('有效，')
  await expect(officer.getByTestId('decision')).not.toContainText('HK-G')
  await keep(officer, 'console-intake')
  await officer.getByTestId('decide').click()
  const result = officer.getByTestId('decision-result')
  await expect(result).toContainText('受理回执')
  const applicationNo = (await result.getAttribute('data-application-no'))!
  return { citizen, officer, applicationNo }
}

test('officer check-in, intake accepted, counter payment; the supervisor watches its deadline; reviewer approves; the permit is collected', async ({ browser }) => {
  const { citizen, officer, applicationNo } = await bookAndAccept(browser)
  await officer.getByTestId('menu-payments').click()
  await refreshUntilVisible(officer, officer.getByTestId(`receipt-${applicationNo}`), 60)
  await officer.getByTestId(`receipt-${applicationNo}`).fill(`R-${Date.now()}`)
  await officer.getByTestId(`pay-${applicationNo}`).click()
  await expect(officer.getByTestId('orders').getByRole('row').filter({ hasText: applicationNo })).toContainText('PAID')

  // The supervisor: a hukou-local case is due 7 working days after acceptance, so a 10-day look-ahead lists it, in
  // deadline order; it is not overdue (the suite's clock is today's), so the overdue filter hides it.
  const supervisor = await newPage(browser, desktop)
  await login(supervisor, 'console', 'supervisor')
  await supervisor.getByTestId('menu-supervision').click()
  await supervisor.getByTestId('look-ahead-10').click()
  const deadline = supervisor.getByTestId(`deadline-${applicationNo}`)
  await refreshUntilVisible(supervisor, deadline, 60)
  await expect(deadline).toHaveText(/^\d{4}-\d\d-\d\d$/)
  await expect(deadline).toHaveAttribute('data-overdue', 'false')
  const dates = await supervisor.locator('[data-testid^="deadline-"]').allTextContents()
  expect(dates).toEqual([...dates].sort())
  await supervisor.getByTestId('show-overdue').click()
  await expect(deadline).toHaveCount(0)
  for (const row of await supervisor.locator('[data-testid^="deadline-"]').all()) await expect(row).toHaveAttribute('data-overdue', 'true')
  await supervisor.getByTestId('show-near').click()
  await expect(deadline).toBeVisible()

  const reviewer = await newPage(browser, desktop)
  await login(reviewer, 'console', env.reviewer)
  await reviewer.getByTestId('menu-review').click()
  await refreshUntilVisible(reviewer, reviewer.getByTestId(`approve-${applicationNo}`), 60)
  await reviewer.getByTestId(`approve-${applicationNo}`).click()
  await expect(reviewer.getByTestId(`approve-${applicationNo}`)).toHaveCount(0)

  await officer.getByTestId('menu-collection').click()
  await refreshUntilVisible(officer, officer.getByTestId('ready').getByText(applicationNo), 90)
  await officer.getByTestId('ready').getByText(applicationNo).click()
  await officer.getByTestId('id-number').fill(env.citizenId)
  await officer.getByTestId('hand-over').click()
  await expect(officer.getByTestId('ready').getByText(applicationNo)).toHaveCount(0)

  await citizen.goto('/h5/#/applications')
  await expect(citizen.getByTestId('timeline').last()).toContainText('已领取')
})

test('the zh-CN / en switch', async ({ browser }) => {
  const page = await newPage(browser, mobile)
  await page.goto('/h5/')
  await expect(page.getByTestId('login')).toHaveText('登录')
  await page.getByTestId('language').click()
  await expect(page.getByTestId('login')).toHaveText('Log in')
  await page.reload()
  await expect(page.getByTestId('login')).toHaveText('Log in')

  const console = await newPage(browser, desktop)
  await login(console, 'console', env.officer)
  await expect(console.getByTestId('menu-intake')).toHaveText('受理')
  await console.getByTestId('language').click()
  await expect(console.getByTestId('menu-intake')).toHaveText('Intake')
})

test('an identity that is not face-verified sees why, and no booking', async ({ browser }) => {
  const page = await newPage(browser, mobile)
  await login(page, 'h5', 'chenjing', 'not-verified') // demo user with identity_assurance=basic
  await expect(page.getByTestId('not-verified')).toContainText('人脸')
  await expect(page.getByTestId('go-book')).toHaveCount(0)
})

test('the nearest hall by the browser location comes first', async ({ browser }) => {
  const page = await newPage(browser, { ...mobile, geolocation: { latitude: 31.2215, longitude: 121.5447 }, permissions: ['geolocation'] })
  await login(page, 'h5', env.citizen)
  await page.getByTestId('go-book').click()
  await page.getByTestId('nearest').click()
  await expect(page.locator('[data-testid^="hall-"]').first()).toHaveAttribute('data-testid', 'hall-SH-PUDONG')
  await expect(page.locator('[data-testid^="hall-"]').first()).toContainText(/\d\.\d/) // its distance
})

test('the .ics of a booking starts at its window, in Beijing time', async ({ browser }) => {
  const page = await citizenPage(browser)
  const bookingNo = await book(page)
  await page.getByTestId('to-bookings').click()
  const card = page.getByTestId(`booking-${bookingNo}`)
  const [, date, start] = (await card.getByTestId('when').textContent())!.match(/^(\d{4}-\d\d-\d\d) (\d\d:\d\d)/)!
  const [download] = await Promise.all([page.waitForEvent('download'), card.getByTestId('ics').click()])
  const ics = (await import('node:fs')).readFileSync((await download.path())!, 'utf8')
  // The window's start in Asia/Shanghai (UTC+8, no daylight saving), written in UTC as the file does.
  const utc = new Date(`${date}T${start}:00+08:00`).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '')
  expect(ics).toContain(`DTSTART:${utc}`)
  expect(ics).toContain(bookingNo)
  await card.getByTestId('cancel').click() // leaves the place for the other journeys
  await page.locator('.van-dialog__confirm').click()
  await expect(card.getByTestId('status')).toHaveText('已取消')
})

test('script typed into a field rendered back stays text (admin closes a hall); every page carries the CSP; the admin edits an opening plan', async ({ browser }) => {
  const admin = await newPage(browser, desktop)
  let dialogs = 0
  admin.on('dialog', async (dialog) => { dialogs++; await dialog.dismiss() })
  const answer = await admin.goto('/console/')
  expect(answer!.headers()['content-security-policy']).toMatch(/script-src 'self'/)
  expect((await admin.request.get('/h5/')).headers()['content-security-policy']).toMatch(/script-src 'self'/)
  await login(admin, 'console', 'admin')
  await admin.getByTestId('menu-admin').click()
  await admin.getByTestId('halls').getByText('CD-JINJIANG').click()
  const reason = `<img src=x onerror="window.__injected=1;alert(1)"><script>window.__injected=2</script> 检修 ${Date.now()}`
  const date = '2029-06-04' // a Monday after the moved clocks of the system tests too
  await admin.getByTestId('closure-date').fill(date) // Element Plus puts the test id on the input itself
  await admin.getByTestId('closure-reason').fill(reason)
  await admin.getByTestId('close-hall').click()
  const row = admin.getByTestId('closures').getByRole('row').filter({ hasText: date })
  await expect(row).toContainText(reason)
  await expect(row.locator('img')).toHaveCount(0)
  expect(await admin.evaluate(() => (window as unknown as { __injected?: number }).__injected)).toBeUndefined()
  expect(dialogs).toBe(0)
  await admin.getByTestId(`reopen-${date}`).click()
  await expect(row).toHaveCount(0)

  // The hall's opening plan: closing before it opens is refused beside the plan; a new capacity is saved and listed.
  const closes = await admin.getByTestId('plan-closes').inputValue()
  const capacity = Number(await admin.getByTestId('plan-capacity').inputValue())
  await admin.getByTestId('plan-closes').fill('08:00')
  await admin.getByTestId('save-plan').click()
  await expect(admin.getByTestId('plan-hours')).toContainText('闭厅时间须晚于开厅时间')
  await admin.getByTestId('plan-closes').fill(closes)
  await admin.getByTestId('plan-capacity').fill(String(capacity + 2))
  await admin.getByTestId('save-plan').click()
  await expect(admin.getByTestId('plan-of-CD-JINJIANG')).toContainText(`${capacity + 2} 人`)
  await admin.getByTestId('plan-capacity').fill(String(capacity)) // as it was, for whoever books there next
  await admin.getByTestId('save-plan').click()
  await expect(admin.getByTestId('plan-of-CD-JINJIANG')).toContainText(`${capacity} 人`)
})

test('the citizen pays in the payment platform cashier and sees PAID; a reviewer refuses, the decision shown as a document', async ({ browser }) => {
  const { citizen, applicationNo } = await bookAndAccept(browser)
  await citizen.goto('/h5/#/applications')
  await expect(async () => { // the order arrives by event after acceptance
    await citizen.reload()
    await expect(citizen.getByTestId(`pay-${applicationNo}`)).toBeVisible({ timeout: 1000 })
  }).toPass({ timeout: 60_000 })
  await expect(citizen.getByTestId(`fee-${applicationNo}`)).toHaveAttribute('data-status', 'UNPAID')
  await citizen.getByTestId(`pay-${applicationNo}`).click()

  await expect(citizen).toHaveURL(/\/simulator\/alipay\/gateway\.do\?/) // the platform's page, not ours
  await expect(citizen.locator('#amount')).toHaveText(/^\d+\.\d\d$/)
  await citizen.locator('#pay').click()

  await expect(citizen).toHaveURL(/\/h5\/#\/payment\//) // back in the H5, the platform's parameters dropped
  expect(new URL(citizen.url()).search).toBe('')
  await expect(citizen.getByTestId('payment-status')).toHaveAttribute('data-status', 'PAID')
  await expect(citizen.getByTestId('payment-status')).toContainText('已缴费')

  const reviewer = await newPage(browser, desktop)
  await login(reviewer, 'console', env.reviewer)
  await reviewer.getByTestId('menu-review').click()
  await refreshUntilVisible(reviewer, reviewer.getByTestId(`refuse-${applicationNo}`), 60)
  await reviewer.getByTestId(`refuse-${applicationNo}`).click()
  await reviewer.getByTestId('refusal-reason').fill('申请人提交的材料不能证明赴港事由')
  await reviewer.getByTestId('refusal-basis').fill('《中国公民因私事往来香港地区或者澳门地区的暂行管理办法》第十三条')
  await reviewer.getByTestId('refuse-confirm').click()
  const document = reviewer.getByTestId('refusal-document')
  await expect(document).toContainText('申请人提交的材料不能证明赴港事由')
  await expect(document).toContainText(applicationNo)
  await expect(document.getByTestId('decision-no')).not.toBeEmpty()
  await expect(document).not.toContainText('{') // a document, not raw JSON
  await expect(document).not.toContainText('"reasons"')
})

test('waitlist: a place freed by a cancellation is offered with its expiry, appears in the message centre, and is booked', async ({ browser, request }) => {
  const page = await newPage(browser, mobile)
  await login(page, 'h5', env.waiter)
  await page.getByTestId('go-book').click()
  await page.getByTestId(`hall-${env.hallId}`).click()
  const [, date, time] = (await page.locator('[data-testid^="window-"]').nth(3).getAttribute('data-testid'))!
    .match(/^window-(.+)-(\d\d:\d\d)$/)!

  // Meanwhile one citizen books that window and others hold every place left in it.
  const [booker, ...fillers] = process.env.FILLERS!.split(',')
  const bookerToken = await token(request, booker)
  const booked = await request.post('/api/v1/bookings', {
    headers: { Authorization: `Bearer ${bookerToken}`, 'Idempotency-Key': crypto.randomUUID() },
    data: {
      hukouRegion: env.hukouRegion, hallId: env.hallId, date, windowStart: `${time}:00`, documentType: 'HK_MACAO_PERMIT',
      category: 'FIRST_APPLICATION', endorsements: [{ destination: 'HK', type: 'G' }],
      emergencyContact: { name: '张丽', mobile: '13900001111' }, delivery: { method: 'HALL' },
    },
  })
  expect(booked.status(), await booked.text()).toBe(201)
  const bookingNo = (await booked.json()).bookingNo as string
  let full = false
  for (const filler of fillers) {
    const held = await request.post('/api/v1/holds', {
      headers: { Authorization: `Bearer ${await token(request, filler)}` },
      data: { hallId: env.hallId, date, windowStart: `${time}:00` },
    })
    if (held.status() === 409) { full = true; break }
    expect(held.status()).toBe(201)
  }
  expect(full, 'the fillers took every place of the window').toBe(true)

  // The full window offers the waitlist; the citizen joins it.
  await page.goto('/h5/#/')
  await page.getByTestId('go-book').click()
  await page.getByTestId(`hall-${env.hallId}`).click()
  await page.getByTestId(`waitlist-${date}-${time}`).click()
  await expect(page.locator('.waitlisted')).toBeVisible()
  await page.goto('/h5/#/waitlist')
  const entry = page.getByTestId(`waiting-${date}-${time}`)
  await expect(entry).toHaveAttribute('data-status', 'WAITING')

  // The booker cancels: the freed place is kept for the waiting citizen, who sees until when.
  const cancelled = await request.post(`/api/v1/bookings/${bookingNo}/cancel`, {
    headers: { Authorization: `Bearer ${bookerToken}`, 'Idempotency-Key': crypto.randomUUID() },
  })
  expect(cancelled.status()).toBe(200)
  await refreshUntilVisible(page, entry.getByTestId('offer-expires'), 30)
  await expect(entry).toHaveAttribute('data-status', 'OFFERED')
  const until = (await entry.getByTestId('offer-expires').textContent())!.match(/\d{4}-\d\d-\d\d \d\d:\d\d/)![0]

  // The offer's message arrives by event: unread in the navigation's badge, then opened from the message centre.
  await page.getByTestId('go-messages').click()
  const message = page.getByTestId('message-place-offered')
  await refreshUntilVisible(page, message, 60)
  await expect(message).toHaveAttribute('data-read', 'false')
  await expect(message).toContainText(until)
  await expect(page.getByTestId('unread')).not.toHaveAttribute('data-unread', '0')
  const unread = Number(await page.getByTestId('unread').getAttribute('data-unread'))
  await message.click()

  // It leads to the booking form with the offered place held until the same time; the citizen books it.
  await expect(page).toHaveURL(/#\/book\?hold=/)
  await expect(page.getByTestId('held')).toContainText(until)
  await expect(page.getByTestId('unread')).toHaveAttribute('data-unread', String(unread - 1))
  const offeredNo = await fillAndSubmit(page)
  await page.getByTestId('to-bookings').click()
  await expect(page.getByTestId(`booking-${offeredNo}`).getByTestId('when')).toContainText(`${date} ${time}`)
  await page.goto('/h5/#/waitlist')
  await expect(page.getByTestId(`waiting-${date}-${time}`)).toHaveCount(0)
  await page.goto('/h5/#/messages')
  await expect(page.getByTestId('message-place-offered')).toHaveAttribute('data-read', 'true')
})

/**
 * The H5 page for a message's link. notification-service links a message to the API resource it is about
 * (`/api/v1/bookings/{no}`, `/api/v1/holds/{id}`, `/api/v1/timeline/{applicationNo}`, ...); a person wants the page
 * that shows that thing. Undefined when no page does.
 */
export function pageOf(link: string | undefined): string | undefined {
  if (!link) return undefined
  const path = link.replace(/^.*?\/api\/v1(?=\/)/, '')
  const hold = path.match(/^\/holds\/([0-9a-f-]+)$/i)
  if (hold) return `/book?hold=${hold[1]}`
  if (/^\/bookings\//.test(path)) return '/bookings'
  const hall = path.match(/^\/availability\?hallId=([A-Z0-9-]+)$/)
  if (hall) return `/book?hall=${hall[1]}`
  if (/^\/(timeline|cases|fees\/orders|intake\/my\/notices)\//.test(path)) return '/applications'
  return undefined
}

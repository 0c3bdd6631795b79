/**
 * An id the page makes for one write and sends again when it retries that write, so the server can tell a
 * retry after a lost reply from a new request (hours.adjust). [A-Za-z0-9_-], 8–64 characters: the time in
 * base 36 and random digits; unique enough across phones for ids that live in one collection.
 */
export function newRequestId(): string {
  const random = () => Math.random().toString(36).slice(2, 10)
  return `${Date.now().toString(36)}-${random()}${random()}`
}

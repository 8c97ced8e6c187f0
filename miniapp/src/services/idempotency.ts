/** One key per intended booking: kept while the user retries the same choice, renewed when it changes. */
export function newIdempotencyKey(): string {
  const rand = () => Math.random().toString(36).slice(2, 10);
  return `${Date.now().toString(36)}${rand()}${rand()}`.slice(0, 32);
}

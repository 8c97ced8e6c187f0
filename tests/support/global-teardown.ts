export default async function globalTeardown(): Promise<void> {
  const pending = globalThis.__YKZ_STACK__;
  if (!pending) return;
  globalThis.__YKZ_STACK__ = undefined;
  const stack = await pending;
  await stack.stop();
}

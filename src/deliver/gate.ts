// A counting gate: at most `limit` holders at once, the rest wait in order.
export function createGate(limit: number) {
  let held = 0;
  const waiting: (() => void)[] = [];
  return {
    async enter(): Promise<void> {
      if (held < limit) {
        held++;
        return;
      }
      await new Promise<void>((resolve) => waiting.push(resolve));
    },
    leave(): void {
      const next = waiting.shift();
      if (next) next();
      else held--;
    },
  };
}

export interface RetryOptions {
  attempts: number;
  baseDelayMs: number;
  maxDelayMs?: number;
  /** Errors worth another attempt; the rest are rethrown at once (default: every error). */
  retryable?: (error: unknown) => boolean;
  /** Injected so tests run without real waiting. */
  sleep?: (ms: number) => Promise<void>;
  onRetry?: (attempt: number, error: unknown, delayMs: number) => void;
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Exponential backoff: base, 2×base, 4×base… capped at maxDelayMs. Rethrows the last error. */
export async function retryWithBackoff<T>(fn: () => Promise<T>, options: RetryOptions): Promise<T> {
  const wait = options.sleep ?? sleep;
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if (attempt >= options.attempts || (options.retryable && !options.retryable(error))) throw error;
      const delay = Math.min(options.baseDelayMs * 2 ** (attempt - 1), options.maxDelayMs ?? 30_000);
      options.onRetry?.(attempt, error, delay);
      await wait(delay);
    }
  }
}

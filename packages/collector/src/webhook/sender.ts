import type { WebhookConfig } from '../config/types';
import type { Logger } from '../log/logger';
import { signWebhook } from './signature';

export interface WebhookOptions {
  /** Delays before each retry, in ms. @default [1000, 5000, 30000, 120000] */
  retryDelays?: number[];
  /** Per-attempt timeout in ms. @default 10000 */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

/**
 * Delivers webhooks after the rating is committed, off the request path, retrying failures
 * (network, 5xx, 429) with backoff. `drain()` waits for deliveries in flight on shutdown.
 */
export class WebhookSender {
  readonly #pending = new Set<Promise<void>>();
  readonly #delays: number[];
  readonly #timeoutMs: number;
  readonly #fetch: typeof fetch;
  readonly #logger: Logger;
  #stopped = false;

  constructor(logger: Logger, options: WebhookOptions = {}) {
    this.#logger = logger;
    this.#delays = options.retryDelays ?? [1000, 5000, 30_000, 120_000];
    this.#timeoutMs = options.timeoutMs ?? 10_000;
    this.#fetch = options.fetch ?? fetch;
  }

  send(webhook: WebhookConfig, payload: unknown): void {
    const delivery = this.#deliver(webhook, JSON.stringify(payload)).finally(() =>
      this.#pending.delete(delivery),
    );
    this.#pending.add(delivery);
  }

  /** Waits up to `timeoutMs` for deliveries, then stops retrying. */
  async drain(timeoutMs = 10_000): Promise<void> {
    const all = Promise.allSettled([...this.#pending]);
    await Promise.race([all, new Promise((r) => setTimeout(r, timeoutMs).unref())]);
    this.#stopped = true;
  }

  async #deliver(webhook: WebhookConfig, body: string): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      const status = await this.#attempt(webhook, body);
      if (status >= 200 && status < 300) return;
      const retryable = status === 0 || status === 408 || status === 429 || status >= 500;
      const delay = this.#delays[attempt];
      if (!retryable || delay === undefined || this.#stopped) {
        this.#logger.warn('webhook delivery failed', {
          url: webhook.url,
          status,
          attempts: attempt + 1,
        });
        return;
      }
      await new Promise((r) => setTimeout(r, delay * (0.5 + Math.random() / 2)));
    }
  }

  async #attempt(webhook: WebhookConfig, body: string): Promise<number> {
    try {
      const response = await this.#fetch(webhook.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'raaye-signature': signWebhook(body, webhook.secret, Math.floor(Date.now() / 1000)),
        },
        body,
        signal: AbortSignal.timeout(this.#timeoutMs),
      });
      await response.body?.cancel().catch(() => {});
      return response.status;
    } catch {
      return 0;
    }
  }
}

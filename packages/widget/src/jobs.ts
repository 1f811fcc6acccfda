import { isRaayeError, type RaayeClient } from '@raaye/core';
import type { AskResult, PromptConfig } from './types';
import { validatePrompt } from './validate-options';

export interface Job {
  prompt: PromptConfig;
  promise: Promise<AskResult>;
  resolve: (r: AskResult) => void;
  /** Settles once a required prompt is stored as pending (at once for the rest). */
  durable: Promise<unknown>;
  /** Stored as pending by an earlier page view: shown only while it still is. */
  resumed?: boolean;
}

/** What `client.expect` stores: plain JSON, so it can be shown again after a reload. */
export const toJson = (p: PromptConfig): Record<string, unknown> =>
  JSON.parse(JSON.stringify(p)) as Record<string, unknown>;

/** Ask order across page views: pending prompts come back in the order they were asked. */
const stamp = () => performance.timeOrigin + performance.now();

export function expectPrompt(client: RaayeClient, p: PromptConfig): Promise<unknown> {
  return client.expect({
    interactionId: p.interactionId,
    expiresAt: p.expiresAt,
    prompt: { ...toJson({ ...p, required: true }), at: stamp() },
  });
}

/**
 * The prompts asked of one mount, shown one at a time in ask order. A required prompt is written
 * to storage the moment it is asked (not when its turn comes), so neither a second required ask
 * nor one queued behind an open prompt is lost when the tab closes.
 */
export function createJobs(
  /** Made at first use: a required prompt makes it when asked. */
  client: () => RaayeClient,
  fail: (e: unknown) => void,
  run: (job: Job) => Promise<void>,
) {
  const queue: Job[] = [];
  let current: Job | undefined;
  let stopped = false;

  const next = async () => {
    if (current || stopped) return;
    current = queue.shift();
    if (!current) return;
    await run(current);
  };

  return {
    /** The shown prompt has closed: go on with the next. */
    done() {
      current = undefined;
      queueMicrotask(next);
    },
    /** `resumed`: already stored as pending by an earlier page view. */
    ask(prompt: PromptConfig, resumed?: boolean): Promise<AskResult> {
      try {
        validatePrompt(prompt);
      } catch (e) {
        return Promise.reject(e);
      }
      if (stopped) return Promise.resolve({ status: 'skipped', reason: 'destroyed' });
      const same = [current, ...queue].find(
        (j) => j?.prompt.interactionId === prompt.interactionId,
      );
      if (same) return same.promise;
      let resolve!: (r: AskResult) => void;
      const promise = new Promise<AskResult>((r) => {
        resolve = r;
      });
      const durable =
        prompt.required && !resumed
          ? expectPrompt(client(), prompt).catch((e) => {
              // Already rated: nothing is owed, and shouldAsk will skip it.
              if (!isRaayeError(e) || e.code !== 'already_rated') fail(e);
            })
          : Promise.resolve();
      queue.push({ prompt, promise, resolve, durable, resumed });
      void next();
      return promise;
    },
    stop() {
      stopped = true;
      for (const job of [current, ...queue.splice(0)])
        job?.resolve({ status: 'dismissed', reason: 'destroyed' });
    },
  };
}

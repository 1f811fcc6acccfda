import type {
  ClientOptions,
  IdentifiedUser,
  RaayeClient,
  Rating,
  Scale,
  Transport,
} from '@raaye/core';
import type { LocalePack, Strings } from './i18n/strings';

/** Where the prompt is drawn. */
export type Layout = 'modal' | 'sheet' | 'inline';

/** Colour scheme: follow the device (`'auto'`) or force one. */
export type ThemeMode = 'auto' | 'light' | 'dark';

/** Values for the `:host` custom properties; any CSS value works. */
export interface ThemeTokens {
  accent?: string;
  background?: string;
  text?: string;
  radius?: string;
  font?: string;
}

/** Tag chips offered after a score. */
export interface FollowUpTags {
  /** Shown under "What went wrong?" for low scores. */
  low?: string[];
  /** Shown under "What went well?" for high scores. */
  high?: string[];
}

/** Who or what is rated, shown above the question (a driver, a courier, a product). */
export interface Subject {
  /** Picture URL: `https:` or relative to the page only. Decorative (the name says who it is). */
  image?: string;
  /** e.g. "Ali". Text, never HTML. */
  name?: string;
  /** e.g. "Toyota Corolla · ABC 123". */
  detail?: string;
}

/** One question to put to the person. Plain JSON so it can be saved and shown again after a reload. */
export interface PromptConfig {
  /** What is rated (ride, order, ticket id); 1–128 chars. */
  interactionId: string;
  /** e.g. "ride", "delivery", "support_chat". */
  interactionType?: string;
  /** @default 'stars5' */
  scale?: Scale;
  /** e.g. "How was your ride with Ali?" Shown as text, never as HTML. */
  title?: string;
  subtitle?: string;
  subject?: Subject;
  /** Cannot be dismissed until a score is given; survives reloads until answered or expired. */
  required?: boolean;
  /** @default the mount's layout */
  layout?: Layout;
  tags?: FollowUpTags;
  /** Offer the optional comment field. @default true */
  comment?: boolean;
  /** When a required prompt stops being owed. ISO 8601 or epoch ms. @default core's (7 days) */
  expiresAt?: string | number;
  /** Sent with the rating. */
  meta?: Record<string, unknown>;
  /**
   * Rater token for this prompt's rating, bound to its interaction (`fetchOwed` sets the one
   * `GET /v1/owed` hands out). @default the token given to `identify()`
   */
  token?: string;
}

/** How an `ask()` ended. */
export type AskResult =
  | {
      status: 'submitted';
      rating: Rating;
      /** True when the device was offline: the rating is saved and will be sent later. */
      queued: boolean;
    }
  | {
      status: 'dismissed';
      reason: 'close' | 'escape' | 'outside' | 'destroyed';
    }
  | {
      /** Not shown: recontact rules, already rated, or the widget was destroyed first. */
      status: 'skipped';
      reason: string;
    };

/** Lifecycle events of the widget (also posted over the webview bridge as `raaye:<name>`). */
export interface WidgetEvents {
  shown: { interactionId: string; scale: Scale; required: boolean };
  submitted: { interactionId: string; rating: Rating; queued: boolean };
  dismissed: { interactionId: string; reason: string };
  skipped: { interactionId: string; reason: string };
  'high-score': { interactionId: string; scale: Scale; score: number };
  error: { message: string; code?: string };
}

export interface MountOptions {
  /** An existing client; otherwise one is created from `siteKey` and `endpoint`. */
  client?: RaayeClient;
  siteKey?: string;
  endpoint?: string;
  /** Passed through when the widget creates the client. */
  storage?: ClientOptions['storage'];
  transport?: Transport;
  /** The signed-in user and their rater token: `{ id, token }` (see `identify`). */
  user?: IdentifiedUser;
  recontact?: ClientOptions['recontact'];
  /** Element to render inline prompts in; without it prompts float over the page. */
  target?: HTMLElement;
  /** @default 'inline' with a target, else 'modal' */
  layout?: Layout;
  /** BCP 47 tag; else `<html lang>`, else `navigator.language`, else `en`. */
  locale?: string;
  /** Extra locale packs (see `@raaye/widget/locales/*`). */
  locales?: LocalePack[];
  /** Override any string. */
  strings?: Partial<Strings>;
  /** @default 'auto' */
  theme?: ThemeMode;
  tokens?: ThemeTokens;
  /** CSP nonce for the `<style>` fallback when adoptedStyleSheets are unavailable. */
  nonce?: string;
  /** Show prompts still owed from an earlier page view. @default true */
  resumePending?: boolean;
  /**
   * Where to find prompts the server says this rater owes, on start and on `identify()`.
   * @default fetchOwed: the collector's `GET /v1/owed`, with the rater token of `user` /
   * `identify` (nothing is asked without one)
   */
  owed?: (client: RaayeClient) => Promise<PromptConfig[]>;
  /** Post events to a native webview host when one is present. @default true */
  bridge?: boolean;
  /** How long the thank-you stays, in ms. @default 2500 */
  thanksMs?: number;
}

export interface WidgetController {
  /** Show a prompt; prompts queue and are shown one at a time. */
  ask(prompt: PromptConfig): Promise<AskResult>;
  /** Persist a required prompt without showing it now (it shows on this or a later page view). */
  expect(prompt: PromptConfig): Promise<void>;
  /**
   * Set the signed-in user and their rater token (`{ id, token }`, or `null` on sign-out), then
   * ask what the collector says they still owe (`owed`, `fetchOwed` by default; nothing without
   * a token). Throws a RaayeError (`invalid_option`) for a bad user or token.
   */
  identify(user: IdentifiedUser | null): void;
  on<E extends keyof WidgetEvents>(event: E, fn: (payload: WidgetEvents[E]) => void): () => void;
  readonly client: RaayeClient;
  /** Remove the host element, listeners and timers; pending `ask()` calls resolve as dismissed. */
  destroy(): void;
}

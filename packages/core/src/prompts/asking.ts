import { LIMITS } from '../contract';
import type { createRater } from '../identity/rater';
import type { AskDecision, Offer, OfferInput } from '../types';
import { checkText } from '../validate/rating';
import type { createPendingPrompts } from './pending-prompts';
import type { createRecontact } from './recontact';

/**
 * Whether to ask, from storage (`shouldAsk`), and the fast path a UI uses to show a prompt before
 * storage has answered (`offer`).
 */
export function createAsking(
  rater: ReturnType<typeof createRater>,
  prompts: ReturnType<typeof createPendingPrompts>,
  recontact: ReturnType<typeof createRecontact>,
  report: (error: unknown) => void,
) {
  // Interactions rated through this client: the one thing known without storage that rules a
  // prompt out, so `offer()` does not flash a prompt that is certain to be withdrawn.
  const ratedHere = new Set<string>();

  const shouldAsk = async (interactionId: string): Promise<AskDecision> => {
    checkText(interactionId, 'interactionId', LIMITS.interactionId, true);
    // All reads at once: this sits between a page event and the prompt showing. Only `rated`
    // needs the rater id (and the first call for an anonymous rater writes it).
    const [rated, pending, decision] = await Promise.all([
      rater.id().then((id) => recontact.isRated(id, interactionId)),
      prompts.get(interactionId),
      rater.id().then((id) => recontact.decide(id, interactionId)),
    ]);
    if (rated) return { ask: false, reason: 'already_rated' };
    return pending ? { ask: true, reason: 'pending' } : decision;
  };

  return {
    ratedHere,
    shouldAsk,

    offer(input: OfferInput): Offer {
      checkText(input?.interactionId, 'interactionId', LIMITS.interactionId, true);
      const { interactionId, required } = input;
      const decision = (async (): Promise<AskDecision> => {
        // A required prompt is written as pending while the checks run (not after), so it is
        // durable as early as possible; it is forgotten again if the interaction is rated.
        const [asked] = await Promise.all([
          shouldAsk(interactionId),
          required && prompts.expect(input),
        ]);
        // Recontact rules hold back optional prompts only: a required one is owed.
        const ask = required ? asked.reason !== 'already_rated' : asked.ask;
        if (!ask) {
          if (required) await prompts.resolve(interactionId);
          return { ask, reason: asked.reason };
        }
        recontact.noteAsked().catch(report);
        return { ask, reason: asked.reason };
      })();
      return { early: !required && !ratedHere.has(interactionId), decision };
    },
  };
}

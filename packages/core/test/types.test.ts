import { describe, expectTypeOf, it } from 'vitest';
import type { ClientEvents, createClient, Rating, RatingInput, Scale } from '../src/index';

// Checked by `pnpm typecheck` (tsc); at run time these are no-ops.
describe('public types', () => {
  it('types rate() from input to the stored rating', () => {
    type Client = ReturnType<typeof createClient>;
    expectTypeOf<Client['rate']>().parameter(0).toEqualTypeOf<RatingInput>();
    expectTypeOf<Client['rate']>().returns.resolves.toEqualTypeOf<Rating>();
    expectTypeOf<Scale>().toEqualTypeOf<
      'stars5' | 'faces5' | 'thumbs' | 'nps' | 'csat5' | 'ces7'
    >();
  });

  it('types event payloads by event name', () => {
    type Client = ReturnType<typeof createClient>;
    expectTypeOf<Parameters<Client['on']>[0]>().toEqualTypeOf<keyof ClientEvents>();
    expectTypeOf<ClientEvents['sent']['status']>().toEqualTypeOf<'accepted' | 'duplicate'>();
  });
});

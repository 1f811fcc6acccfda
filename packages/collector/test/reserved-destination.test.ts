import { describe, expect, it } from 'vitest';
import { resolveSites } from '../src/config/sites';
import { DestinationSchema, PEOPLE_DESTINATION } from '../src/destinations/config';
import { isCollectorError } from '../src/errors';
import { readJsonBody } from '../src/http/json-body';
import { errorResponse } from '../src/http/respond';

const site = {
  id: 'shop',
  siteKey: 'pk_shop',
  secretKey: 'sk_shop_secret',
  allowedOrigins: ['https://shop.example.com'],
};
const mine = (id: string) => ({ id, kind: 'email', to: ['ops@shop.example'] });

describe(`the reserved destination id "${PEOPLE_DESTINATION}"`, () => {
  it.each(['people', 'People'])('a site that declares %s is refused, naming the field', (id) => {
    let message = '';
    try {
      resolveSites([{ ...site, destinations: [mine('alerts'), mine(id)] }]);
    } catch (error) {
      expect(isCollectorError(error) && error.code).toBe('invalid_config');
      message = (error as Error).message;
    }
    expect(message).toBe(
      'sites[0].destinations[1].id: "people" is reserved for the built-in destination that e-mails members',
    );
    expect(resolveSites([{ ...site, destinations: [mine('people-ops')] }])).toHaveLength(1);
  });

  it('a request body declaring it gets a 400 with a JSON reason, not a 5xx', async () => {
    const request = new Request('http://collector.test/v1/destinations', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(mine('people')),
    });
    const error = await readJsonBody(request, DestinationSchema).catch((e: unknown) => e);
    expect(isCollectorError(error)).toBe(true);
    const response = errorResponse(error as never);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      error: {
        code: 'invalid_body',
        path: 'id',
        message: 'id: "people" is reserved for the built-in destination that e-mails members',
      },
    });
  });
});

import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../src/api/ApiError';
import { parseRules, Settings } from '../src/team/Settings';
import { Tokens } from '../src/team/Tokens';
import { DEFAULT_SETTINGS, fakeApi } from './_util/fixtures';
import { renderIn } from './_util/render';

afterEach(() => cleanup());

describe('<Tokens>', () => {
  it('creates a read-only token, shows its secret once, and revokes it', async () => {
    const api = fakeApi();
    const said: string[] = [];
    renderIn(<Tokens api={api} announce={(m) => said.push(m)} />);
    await screen.findByText('No API tokens yet.');
    fireEvent.input(screen.getByLabelText('Name'), { target: { value: 'Nightly export' } });
    expect(screen.getByRole('radio', { name: /^Read-only/ })).toHaveProperty('checked', true);
    api.tokens.mockResolvedValueOnce([
      { ...(await api.createToken('Nightly export', 'read')).token },
    ]);
    api.createToken.mockClear();
    fireEvent.submit(screen.getByRole('button', { name: 'Create token' }).closest('form')!);
    const secret = await screen.findByLabelText('The token “Nightly export”');
    expect(api.createToken).toHaveBeenCalledWith('Nightly export', 'read');
    expect(secret).toHaveProperty('value', 'rt_the_secret_shown_once');
    expect(secret).toHaveProperty('readOnly', true);
    fireEvent.click(await screen.findByRole('button', { name: 'Revoke Nightly export' }));
    await waitFor(() => expect(said).toEqual(['Nightly export revoked.']));
    expect(api.revokeToken).toHaveBeenCalledWith('0193a0b0-0000-7000-8000-000000000001');
    expect(screen.queryByLabelText('The token “Nightly export”')).toBeNull();
  });

  it("says the collector's reason when it refuses", async () => {
    const api = fakeApi();
    api.createToken.mockRejectedValueOnce(
      new ApiError(400, 'invalid_body', 'name: Invalid length: Expected >=1 but received 0'),
    );
    renderIn(<Tokens api={api} announce={() => {}} />);
    fireEvent.input(await screen.findByLabelText('Name'), { target: { value: 'x' } });
    fireEvent.submit(screen.getByRole('button', { name: 'Create token' }).closest('form')!);
    expect((await screen.findByRole('alert')).textContent).toContain('Invalid length');
  });
});

describe('<Settings>', () => {
  it('saves the reply target, business hours in a time zone, and rules by type', async () => {
    const api = fakeApi();
    const said: string[] = [];
    renderIn(<Settings api={api} announce={(m) => said.push(m)} />);
    fireEvent.input(await screen.findByLabelText('Hours to the first reply'), {
      target: { value: '8' },
    });
    fireEvent.click(screen.getByLabelText('Count only business hours'));
    fireEvent.input(screen.getByLabelText('Time zone'), { target: { value: 'Asia/Karachi' } });
    // Monday to Friday, 9 to 5, is offered; Friday closes early and Saturday opens.
    fireEvent.input(screen.getByLabelText('Friday: Closes'), { target: { value: '13:00' } });
    fireEvent.click(screen.getByLabelText('Saturday'));
    fireEvent.change(screen.getByLabelText('New follow-ups'), { target: { value: 'none' } });
    fireEvent.input(screen.getByLabelText('Assign by type of interaction'), {
      target: { value: 'ride: ali@shop.example, sara@shop.example\n\ndelivery:vic@shop.example' },
    });
    fireEvent.change(screen.getByLabelText('Daily digest e-mail'), { target: { value: '' } });
    fireEvent.submit(screen.getByRole('button', { name: 'Save settings' }).closest('form')!);
    await waitFor(() => expect(said).toEqual(['Settings saved.']));
    expect(api.saveSettings).toHaveBeenCalledWith({
      replyTargetHours: 8,
      breachingBeforeHours: 2,
      businessHours: {
        timeZone: 'Asia/Karachi',
        days: {
          mon: '09:00-17:00',
          tue: '09:00-17:00',
          wed: '09:00-17:00',
          thu: '09:00-17:00',
          fri: '09:00-13:00',
          sat: '09:00-17:00',
        },
      },
      assignment: {
        mode: 'none',
        byType: { ride: ['ali@shop.example', 'sara@shop.example'], delivery: ['vic@shop.example'] },
      },
      digestHour: null,
    });
  });

  it('refuses a rule it cannot read before asking the collector', async () => {
    const api = fakeApi();
    renderIn(<Settings api={api} announce={() => {}} />);
    fireEvent.input(await screen.findByLabelText('Assign by type of interaction'), {
      target: { value: 'ride ali@shop.example' },
    });
    fireEvent.submit(screen.getByRole('button', { name: 'Save settings' }).closest('form')!);
    expect((await screen.findByRole('alert')).textContent).toBe(
      'This line is not “type: e-mail, e-mail”: ride ali@shop.example',
    );
    expect(api.saveSettings).not.toHaveBeenCalled();
    expect(parseRules('a: x@y.z\n b :  p@q.r, s@t.u ')).toEqual({
      a: ['x@y.z'],
      b: ['p@q.r', 's@t.u'],
    });
    expect(DEFAULT_SETTINGS.replyTargetHours).toBe(24);
  });
});

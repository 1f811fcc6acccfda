import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../src/api/ApiError';
import { App, apiBase } from '../src/components/App';
import { fakeApi, followUp, NOW, stats } from './_util/fixtures';

afterEach(() => cleanup());
beforeEach(() => {
  document.documentElement.dir = '';
  document.documentElement.lang = '';
});

function mount(api = fakeApi([followUp({}, 1)]), languages = ['en-US'], pollMs = 60_000) {
  render(<App base="" languages={languages} api={api} pollMs={pollMs} now={() => NOW} />);
  return api;
}

async function signIn(email = 'owner@shop.example', password = 'a long password') {
  fireEvent.input(await screen.findByLabelText('E-mail'), { target: { value: email } });
  fireEvent.input(screen.getByLabelText('Password'), { target: { value: password } });
  fireEvent.submit(screen.getByRole('button', { name: 'Sign in' }).closest('form')!);
}

describe('<App> sign-in', () => {
  it('signs in with e-mail and password; nothing is kept in web storage', async () => {
    const api = mount(fakeApi([followUp({}, 1)], stats(), null));
    await signIn();
    await screen.findByRole('heading', { name: 'Live scores' });
    expect(api.signIn).toHaveBeenCalledWith('owner@shop.example', 'a long password', undefined);
    expect(sessionStorage.length + localStorage.length).toBe(0);
    expect(screen.getByText('Driver was late')).toBeTruthy();
    expect(screen.getByText('Sana, Owner')).toBeTruthy();
  });

  it('resumes a session from the cookie, and signs out (here or everywhere)', async () => {
    const api = mount();
    await screen.findByRole('heading', { name: 'Live scores' });
    fireEvent.click(screen.getByRole('button', { name: 'Sign out everywhere' }));
    await screen.findByText('You are logged out.');
    expect(api.signOut).toHaveBeenCalledWith(true);
    expect(screen.getByLabelText('E-mail')).toBeTruthy();
  });

  it('says when the password is wrong, and asks for the site when the e-mail opens several', async () => {
    const api = mount(fakeApi([], stats(), null));
    api.signIn.mockRejectedValueOnce(new ApiError(401, 'unauthorized', 'no'));
    await signIn();
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe('Wrong e-mail or password.'),
    );
    api.signIn.mockRejectedValueOnce(
      new ApiError(409, 'site_required', 'choose', { sites: ['shop', 'cafe'] }),
    );
    await signIn();
    await waitFor(() => expect(screen.getByLabelText('Site')).toBeTruthy());
    fireEvent.change(screen.getByLabelText('Site'), { target: { value: 'cafe' } });
    await signIn();
    await waitFor(() =>
      expect(api.signIn).toHaveBeenLastCalledWith('owner@shop.example', 'a long password', 'cafe'),
    );
  });

  it('goes back to sign-in when the session ends mid-way', async () => {
    const api = fakeApi();
    api.stats.mockRejectedValue(new ApiError(401, 'unauthorized', 'no'));
    mount(api);
    await screen.findByText('Your session ended. Sign in again.');
  });

  it('keeps the last numbers and says it is not updating when the collector fails', async () => {
    const api = fakeApi();
    api.stats
      .mockResolvedValueOnce(stats({ count: 41 }))
      .mockRejectedValue(new ApiError(503, 'unavailable', 'shutting down'));
    mount(api, ['en'], 10);
    await screen.findByRole('heading', { name: 'Live scores' });
    await waitFor(() =>
      expect(document.querySelector('[data-live]')?.textContent).toBe(
        'Not updating: shutting down',
      ),
    );
    expect(document.querySelector('[data-stat="count"]')?.textContent).toBe('41');
  });
});

describe('<App> team inbox', () => {
  it('shows time left, opens a follow-up, replies and resolves through the API', async () => {
    const item = followUp(
      { rating: { ...followUp().rating, comment: 'Cold food', contact: 'c@example.com' } },
      2,
    );
    const api = mount(fakeApi([item]));
    await screen.findByText('Cold food');
    expect(screen.getByText('22 h left')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /^Open/ }));
    await screen.findByText("Goes by e-mail to c@example.com, in the customer's language.");
    fireEvent.input(screen.getByLabelText('Reply to the customer'), {
      target: { value: 'Sorry!' },
    });
    fireEvent.submit(screen.getByRole('button', { name: 'Send reply' }).closest('form')!);
    await waitFor(() =>
      expect(api.act).toHaveBeenCalledWith(item.id, { action: 'reply', message: 'Sorry!' }),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Resolve' }));
    await waitFor(() => expect(api.act).toHaveBeenCalledWith(item.id, { action: 'resolve' }));
  });

  it('bulk-closes the selected follow-ups with a reason', async () => {
    const items = [followUp({}, 1), followUp({}, 2)];
    const api = mount(fakeApi(items));
    const boxes = await screen.findAllByRole('checkbox');
    for (const box of boxes) fireEvent.click(box);
    await screen.findByText('2 selected');
    fireEvent.change(screen.getByLabelText('With the selected'), { target: { value: 'close' } });
    fireEvent.input(await screen.findByLabelText('Reason'), { target: { value: 'spam' } });
    fireEvent.submit(screen.getByRole('button', { name: 'Apply' }).closest('form')!);
    await waitFor(() =>
      expect(api.bulk).toHaveBeenCalledWith(
        items.map((i) => i.id),
        { action: 'close', reason: 'spam' },
      ),
    );
  });

  it('gives viewers no controls that change anything', async () => {
    const viewer = { ...(await fakeApi().members())[0]!, role: 'viewer' as const };
    mount(fakeApi([followUp({}, 1)], stats(), viewer));
    await screen.findByRole('heading', { name: 'Team inbox' });
    expect(screen.queryAllByRole('checkbox')).toHaveLength(0);
    expect(screen.queryByRole('heading', { name: 'Members' })).toBeNull();
    expect(screen.queryByRole('heading', { name: 'API tokens' })).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Inbox settings' })).toBeNull();
  });
});

describe('<App> language', () => {
  it("follows the reader's language and direction, Urdu included, and switches on request", async () => {
    mount(fakeApi([], stats(), null), ['ur-PK', 'en']);
    // Packs other than English are chunks: the first import of one is slow on a loaded machine.
    const slow = { timeout: 10_000 };
    expect(await screen.findByLabelText('ای میل', {}, slow)).toBeTruthy();
    expect(document.documentElement.dir).toBe('rtl');
    expect(document.documentElement.lang).toBe('ur');
    const picker = screen.getByRole('combobox');
    expect([...picker.querySelectorAll('option')].map((o) => o.value)).toHaveLength(10);
    fireEvent.change(picker, { target: { value: 'de' } });
    expect(await screen.findByLabelText('Passwort', {}, slow)).toBeTruthy();
    expect(document.documentElement.dir).toBe('ltr');
    expect(document.documentElement.lang).toBe('de');
    fireEvent.change(screen.getByRole('combobox'), { target: { value: 'en' } });
    expect(await screen.findByLabelText('E-mail')).toBeTruthy();
  });

  it('falls back to English', async () => {
    mount(undefined, ['sw', 'ja']);
    await waitFor(() => expect(document.documentElement.dir).toBe('ltr'));
    expect(document.documentElement.lang).toBe('en');
  });
});

describe('apiBase()', () => {
  const origin = 'https://collector.example';
  it('finds the collector base path from where the dashboard is served', () => {
    expect(apiBase('/dashboard/', origin)).toBe('');
    expect(apiBase('/dashboard/index.html', origin)).toBe('');
    expect(apiBase('/raaye/dashboard/', origin)).toBe('/raaye');
    expect(apiBase('/', origin)).toBe('');
  });

  it('never names another host: scheme-relative and backslash prefixes fall back to the origin root', () => {
    for (const path of [
      '//evil.example/dashboard/',
      '///evil.example/dashboard/',
      '/\\evil.example/dashboard/',
      '\\\\evil.example/dashboard/',
      '//evil.example:8080/raaye/dashboard/',
      '//user@evil.example/dashboard/',
    ]) {
      const base = apiBase(path, origin);
      expect(base, path).toBe('');
      expect(new URL(`${base}/v1/stats`, origin).origin, path).toBe(origin);
    }
    // A path that merely contains slashes later stays on this origin and is kept.
    expect(apiBase('/raaye//evil.example/dashboard/', origin)).toBe('/raaye//evil.example');
    expect(new URL('/raaye//evil.example/v1/', origin).origin).toBe(origin);
  });
});

import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../src/api/ApiError';
import { App, apiBase } from '../src/components/App';
import { fakeApi, NOW, rating, stats } from './_util/fixtures';

afterEach(() => {
  cleanup();
  sessionStorage.clear();
});
beforeEach(() => {
  document.documentElement.dir = '';
  document.documentElement.lang = '';
});

const KEY = 'raaye.dashboard.key';

function mount(api = fakeApi([rating({}, 1)]), languages = ['en-US'], pollMs = 60_000) {
  const createClient = vi.fn(() => api);
  render(
    <App
      base=""
      languages={languages}
      createClient={createClient}
      pollMs={pollMs}
      now={() => NOW}
    />,
  );
  return { api, createClient };
}

async function signIn(key = 'sk_demo') {
  fireEvent.input(screen.getByLabelText('Secret key'), { target: { value: key } });
  fireEvent.submit(screen.getByRole('button', { name: 'Sign in' }).closest('form')!);
}

describe('<App> sign-in', () => {
  it('checks the key with one authorised call, keeps it in sessionStorage only, then polls', async () => {
    const { api, createClient } = mount();
    expect(screen.getByLabelText('Secret key').getAttribute('type')).toBe('password');
    await signIn();
    await screen.findByRole('heading', { name: 'Live scores' });
    expect(createClient).toHaveBeenCalledWith('sk_demo');
    expect(api.stats).toHaveBeenCalledWith({});
    expect(sessionStorage.getItem(KEY)).toBe('sk_demo');
    expect(localStorage.getItem(KEY)).toBeNull();
    expect(location.href).not.toContain('sk_demo');
    expect(api.followUps).toHaveBeenCalled();
    expect(screen.getByText('Driver was late')).toBeTruthy();
  });

  it('refuses a public key without asking the collector', async () => {
    const { createClient } = mount();
    await signIn('pk_demo');
    expect(screen.getByRole('alert').textContent).toMatch(/starts with sk_/);
    expect(createClient).not.toHaveBeenCalled();
  });

  it('does not keep a key the collector refuses', async () => {
    const api = fakeApi();
    api.stats.mockRejectedValueOnce(new ApiError(401, 'unauthorized', 'no'));
    mount(api);
    await signIn('sk_wrong');
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe('The collector did not accept this key.'),
    );
    expect(sessionStorage.getItem(KEY)).toBeNull();
  });

  it('says when the collector cannot be reached', async () => {
    const api = fakeApi();
    api.stats.mockRejectedValueOnce(new ApiError(0, 'network', 'x'));
    mount(api);
    await signIn();
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe('The collector could not be reached.'),
    );
  });

  it('resumes a session from sessionStorage, and logout clears it', async () => {
    sessionStorage.setItem(KEY, 'sk_demo');
    mount();
    await screen.findByRole('heading', { name: 'Live scores' });
    fireEvent.click(screen.getByRole('button', { name: 'Log out' }));
    expect(sessionStorage.getItem(KEY)).toBeNull();
    expect(screen.getByText('You are logged out.')).toBeTruthy();
    expect(screen.getByLabelText('Secret key')).toBeTruthy();
  });

  it('signs out when the key stops working mid-session', async () => {
    sessionStorage.setItem(KEY, 'sk_rotated');
    const api = fakeApi();
    api.stats.mockRejectedValue(new ApiError(401, 'unauthorized', 'no'));
    mount(api);
    await screen.findByText('The collector no longer accepts this key. Sign in again.');
    expect(sessionStorage.getItem(KEY)).toBeNull();
  });

  it('keeps the last numbers and says it is not updating when the collector fails', async () => {
    sessionStorage.setItem(KEY, 'sk_demo');
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
    expect(sessionStorage.getItem(KEY)).toBe('sk_demo');
  });
});

describe('<App> live updates', () => {
  it('announces low ratings that arrive while the page is open', async () => {
    sessionStorage.setItem(KEY, 'sk_demo');
    const api = fakeApi([rating({}, 3)]);
    const first = await api.followUps();
    api.followUps.mockResolvedValueOnce(first).mockResolvedValue({
      items: [rating({}, 0), rating({}, 0), ...first.items],
      truncated: false,
    });
    mount(api, ['en'], 10);
    await waitFor(() => expect(screen.getAllByRole('article')).toHaveLength(3));
    expect(screen.getByRole('status').textContent).toBe('2 new low ratings awaiting reply.');
  });
});

describe('<App> language', () => {
  it("follows the reader's language and direction, and switches on request", async () => {
    mount(undefined, ['ar-EG', 'en']);
    expect(document.documentElement.dir).toBe('rtl');
    expect(document.documentElement.lang).toBe('ar');
    expect(screen.getByLabelText('المفتاح السري')).toBeTruthy();
    fireEvent.change(screen.getByRole('combobox'), { target: { value: 'en' } });
    await waitFor(() => expect(document.documentElement.dir).toBe('ltr'));
    expect(screen.getByLabelText('Secret key')).toBeTruthy();
  });

  it('falls back to English', () => {
    mount(undefined, ['sw', 'ja']);
    expect(document.documentElement.dir).toBe('ltr');
  });
});

describe('apiBase()', () => {
  it('finds the collector base path from where the dashboard is served', () => {
    expect(apiBase('/dashboard/')).toBe('');
    expect(apiBase('/dashboard/index.html')).toBe('');
    expect(apiBase('/raaye/dashboard/')).toBe('/raaye');
    expect(apiBase('/')).toBe('');
  });
});

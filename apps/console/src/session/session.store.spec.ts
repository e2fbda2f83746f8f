import { SessionStore } from './session.store';

const person = { kind: 'person' as const, subject: 'olivia', roles: ['operator' as const], actorId: 'olivia' };

describe('SessionStore', () => {
  afterEach(() => jest.useRealTimers());

  it('hands a pending sign-in back once, and not after ten minutes', () => {
    jest.useFakeTimers();
    const store = new SessionStore();
    const sign = { codeVerifier: 'v', state: 's', nonce: 'n', returnTo: '/people' };
    const id = store.startSignIn(sign);
    expect(store.takeSignIn(id)).toMatchObject(sign);
    expect(store.takeSignIn(id)).toBeUndefined();

    const late = store.startSignIn(sign);
    jest.advanceTimersByTime(10 * 60_000 + 1);
    expect(store.takeSignIn(late)).toBeUndefined();
    expect(store.takeSignIn(undefined)).toBeUndefined();
  });

  it('keeps a session until its token expires or it is signed out, each with its own CSRF token', () => {
    jest.useFakeTimers();
    const store = new SessionStore();
    const one = store.create({ accessToken: 'a', person, expiresAt: Date.now() + 60_000 });
    const two = store.create({ accessToken: 'b', person, expiresAt: Date.now() + 120_000 });
    expect(one.id).not.toBe(two.id);
    expect(one.session.csrf).not.toBe(two.session.csrf);
    expect(one.id).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(store.get(one.id)?.accessToken).toBe('a');

    jest.advanceTimersByTime(60_001);
    expect(store.get(one.id)).toBeUndefined();
    expect(store.get(two.id)?.accessToken).toBe('b');
    expect(store.destroy(two.id)?.accessToken).toBe('b');
    expect(store.get(two.id)).toBeUndefined();
    expect(store.get('not-a-session')).toBeUndefined();
  });
});

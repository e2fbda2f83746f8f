import { AppDirectory } from './app-directory';
import { DirectoryException } from './directory.exception';

const refusal = (operation: () => unknown): string | undefined => {
  try {
    operation();
    return undefined;
  } catch (error) {
    return error instanceof DirectoryException ? error.code : 'unexpected';
  }
};

describe('AppDirectory', () => {
  it('creates users with their own id and ignores server-owned attributes', () => {
    const directory = new AppDirectory('slack');
    const user = directory.writeUser(undefined, {
      id: 'mine',
      userName: 'ada@example.com',
      password: 'x',
      meta: { created: 'then' },
    });
    expect(user.id).not.toBe('mine');
    expect(user).not.toHaveProperty('password');
    expect(user.meta.created).not.toBe('then');
  });

  it('keeps userName unique regardless of case, but lets a user keep its own name', () => {
    const directory = new AppDirectory('slack');
    const ada = directory.writeUser(undefined, { userName: 'ada@example.com' });
    expect(refusal(() => directory.writeUser(undefined, { userName: 'ADA@example.com' }))).toBe('UNIQUENESS');
    expect(refusal(() => directory.writeUser(ada.id, { userName: 'Ada@Example.com', active: false }))).toBeUndefined();
  });

  it('records each value a user’s active took, from its creation, and nothing for writes that keep it', () => {
    const directory = new AppDirectory('slack');
    const ada = directory.writeUser(undefined, { userName: 'ada@example.com', active: false });
    directory.writeUser(ada.id, { userName: 'ada@example.com', active: false, title: 'Engineer' });
    directory.writeUser(ada.id, { userName: 'ada@example.com', active: true });
    expect(directory.activations(ada.id).map((change) => change.active)).toEqual([false, true]);
    expect(directory.isActive(ada.id)).toBe(true);
    const bob = directory.writeUser(undefined, { userName: 'bob@example.com' });
    expect(directory.activations(bob.id)).toEqual([{ at: bob.meta.created, active: true }]);
    expect(directory.isActive(bob.id)).toBe(true);
    directory.deleteUser(bob.id);
    expect(refusal(() => directory.activations(bob.id))).toBe('NOT_FOUND');
    expect(refusal(() => directory.isActive(bob.id))).toBe('NOT_FOUND');
  });

  it('keeps the creation time when a user is replaced', () => {
    const directory = new AppDirectory('slack');
    const ada = directory.writeUser(undefined, { userName: 'ada@example.com' });
    const replaced = directory.writeUser(ada.id, { userName: 'ada@example.com', title: 'Engineer' });
    expect(replaced.meta.created).toBe(ada.meta.created);
    expect(replaced.title).toBe('Engineer');
  });

  it('refuses unknown ids and missing names', () => {
    const directory = new AppDirectory('slack');
    expect(refusal(() => directory.user('nope'))).toBe('NOT_FOUND');
    expect(refusal(() => directory.writeUser('nope', { userName: 'x' }))).toBe('NOT_FOUND');
    expect(refusal(() => directory.writeUser(undefined, { userName: ' ' }))).toBe('INVALID_VALUE');
    expect(refusal(() => directory.writeGroup(undefined, {}))).toBe('INVALID_VALUE');
  });

  it('keeps one membership per user, shows it on the user and drops it when the user goes', () => {
    const directory = new AppDirectory('slack');
    const ada = directory.writeUser(undefined, { userName: 'ada@example.com', displayName: 'Ada Lovelace' });
    const group = directory.writeGroup(undefined, {
      displayName: 'eng',
      members: [{ value: ada.id }, { value: ada.id }],
    });
    expect(group.members).toEqual([{ value: ada.id, display: 'Ada Lovelace', type: 'User' }]);
    expect(directory.user(ada.id).groups).toEqual([{ value: group.id, display: 'eng', type: 'direct' }]);

    directory.deleteUser(ada.id);
    expect(directory.group(group.id).members).toEqual([]);
  });

  it('refuses members who are not its users, and duplicate group names', () => {
    const directory = new AppDirectory('slack');
    directory.writeGroup(undefined, { displayName: 'eng' });
    expect(refusal(() => directory.writeGroup(undefined, { displayName: 'ENG' }))).toBe('UNIQUENESS');
    expect(refusal(() => directory.writeGroup(undefined, { displayName: 'ops', members: [{ value: 'ghost' }] }))).toBe(
      'INVALID_VALUE',
    );
  });

  it('hands out copies, never its own records', () => {
    const directory = new AppDirectory('slack');
    const ada = directory.writeUser(undefined, { userName: 'ada@example.com' });
    ada.userName = 'changed';
    expect(directory.user(ada.id).userName).toBe('ada@example.com');
  });

  it('finds users by userName and externalId through indexes that follow every write and delete', () => {
    const directory = new AppDirectory('slack');
    const ada = directory.writeUser(undefined, { userName: 'ada@example.com', externalId: 'E1' });
    expect(directory.userIdNamed('ADA@example.com')).toBe(ada.id);
    expect(directory.userIdsWithExternalId('E1')).toEqual([ada.id]);
    expect(directory.userIdsWithExternalId('e1')).toEqual([]);
    directory.writeUser(ada.id, { userName: 'ada.l@example.com', externalId: 'E2' });
    expect(directory.userIdNamed('ada@example.com')).toBeUndefined();
    expect(directory.userIdsWithExternalId('E1')).toEqual([]);
    expect(directory.userIdsWithExternalId('E2')).toEqual([ada.id]);
    directory.deleteUser(ada.id);
    expect(directory.userIdsWithExternalId('E2')).toEqual([]);
    expect(directory.userIdNamed('ada.l@example.com')).toBeUndefined();
  });

  it('adds and removes members without touching the others, once each, users only', () => {
    const directory = new AppDirectory('slack');
    const [ada, bob] = ['ada', 'bob'].map((name) =>
      directory.writeUser(undefined, { userName: `${name}@example.com` }),
    );
    const group = directory.writeGroup(undefined, { displayName: 'eng', members: [{ value: ada.id }] });
    directory.changeMembers(group.id, { add: [{ value: bob.id }, { value: ada.id }] });
    expect(directory.group(group.id).members.map((member) => member.value)).toEqual([ada.id, bob.id]);
    expect(directory.groupIdsOfMember(bob.id)).toEqual([group.id]);
    directory.changeMembers(group.id, { remove: [ada.id, 'not-a-member'] });
    expect(directory.group(group.id).members.map((member) => member.value)).toEqual([bob.id]);
    expect(directory.groupIdsOfMember(ada.id)).toEqual([]);
    expect(refusal(() => directory.changeMembers(group.id, { add: [{ value: 'ghost' }] }))).toBe('INVALID_VALUE');
    expect(refusal(() => directory.changeMembers('nope', { add: [] }))).toBe('NOT_FOUND');
    expect(directory.groupIdNamed('ENG')).toBe(group.id);
  });
});

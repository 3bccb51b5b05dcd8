import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { setBridge } from '../../renderer/src/lib/bridge';
import { SharedLibrarySettings } from '../../renderer/src/features/sync/SharedLibrarySettings';
import { SyncProvider } from '../../renderer/src/features/sync/SyncProvider';
import type { Req } from '../../shared/ipc/contract';
import type { SyncStatus } from '../../shared/schemas/sync';
import { fakeBridge, NOT_SHARED } from './fakes/fake-bridge';
import { CONFIG, REMOTE, status } from './fixtures/sync';

/** A host whose status follows what was last set up. */
function connecting(after: (req: Req<'sync:setup'>) => SyncStatus): Parameters<typeof fakeBridge>[0] {
  let current = NOT_SHARED;
  return {
    'sync:status': () => current,
    'sync:setup': (req) => (current = after(req as Req<'sync:setup'>)),
  };
}

function settings(answers: Parameters<typeof fakeBridge>[0] = {}) {
  const fake = fakeBridge(answers);
  setBridge(fake.bridge);
  render(
    <SyncProvider>
      <SharedLibrarySettings />
    </SyncProvider>,
  );
  return fake;
}

const setupCalls = (fake: ReturnType<typeof fakeBridge>) => fake.invoke.mock.calls.filter(([channel]) => channel === 'sync:setup').map(([, req]) => req as Req<'sync:setup'>);

describe('Settings → Shared library', () => {
  it('says what is wrong with each field in plain words, and sends nothing until the form is right', async () => {
    const user = userEvent.setup();
    const fake = settings(connecting((req) => status({ config: { ...CONFIG, remote: req.remote }, state: 'never-synced', lastSyncAt: null })));
    const section = await screen.findByRole('region', { name: 'Shared library' });
    await user.type(within(section).getByLabelText('Address of the repository'), 'https://oauth2:secret@git.academy.example/library.git');
    await user.type(within(section).getByLabelText('E-mail'), 'amina at academy');
    await user.click(within(section).getByRole('button', { name: 'Connect' }));
    expect(within(section).getByText('Leave your user name and token out of the address: give the token in its own field.')).toBeVisible();
    expect(within(section).getByText('Give your name: it goes with every change you share.')).toBeVisible();
    expect(within(section).getByText('Give an e-mail address such as name@academy.org.')).toBeVisible();
    expect(within(section).getByLabelText('Address of the repository')).toHaveFocus();
    expect(within(section).getByLabelText('Address of the repository')).toHaveAttribute('aria-invalid', 'true');
    expect(setupCalls(fake)).toEqual([]);

    await user.clear(within(section).getByLabelText('Address of the repository'));
    // eslint-disable-next-line @microsoft/sdl/no-insecure-url -- an address the form must refuse
    await user.type(within(section).getByLabelText('Address of the repository'), 'http://git.academy.example/library.git');
    expect(within(section).getByText('Use an address starting with https://, so that your token does not cross the network unprotected.')).toBeVisible();
    await user.clear(within(section).getByLabelText('Address of the repository'));
    await user.type(within(section).getByLabelText('Address of the repository'), REMOTE);
    await user.type(within(section).getByLabelText('Access token'), 'glpat-0123456789');
    await user.type(within(section).getByLabelText('Name'), 'Amina Haddad');
    await user.clear(within(section).getByLabelText('E-mail'));
    await user.type(within(section).getByLabelText('E-mail'), 'amina@academy.example');
    await user.click(within(section).getByLabelText(/Also share this academy's courses/));
    await user.clear(within(section).getByLabelText('Sync automatically every (minutes)'));
    await user.type(within(section).getByLabelText('Sync automatically every (minutes)'), '1441');
    await user.click(within(section).getByRole('button', { name: 'Connect' }));
    expect(within(section).getByText(/Give a whole number of minutes from 0 to 1440/)).toBeVisible();
    expect(setupCalls(fake)).toEqual([]);
    await user.clear(within(section).getByLabelText('Sync automatically every (minutes)'));
    await user.type(within(section).getByLabelText('Sync automatically every (minutes)'), '15');
    await user.click(within(section).getByRole('button', { name: 'Connect' }));

    expect(await within(section).findByText(/^Connected\./)).toBeVisible();
    expect(setupCalls(fake)).toEqual([
      {
        remote: REMOTE,
        mode: 'share',
        includeCourses: true,
        author: { name: 'Amina Haddad', email: 'amina@academy.example' },
        autoSyncMinutes: 15,
        username: 'oauth2',
        token: 'glpat-0123456789',
      },
    ]);
    expect(within(section).getByText(REMOTE)).toBeVisible();
    expect(within(section).getByText('not synced yet')).toBeVisible();
  });

  it('connects to a folder without a token, and follows a partner without sending courses', async () => {
    const user = userEvent.setup();
    const fake = settings(connecting((req) => status({ config: { ...CONFIG, remote: req.remote, mode: 'follow', publisher: 'Partner academy' } })));
    const section = await screen.findByRole('region', { name: 'Shared library' });
    await user.click(within(section).getByLabelText('In a folder (a network share or a USB stick)'));
    expect(within(section).queryByLabelText('Access token')).toBeNull();
    await user.type(within(section).getByLabelText('Folder of the shared library'), 'share/library.git');
    await user.click(within(section).getByLabelText(/^Follow:/));
    expect(within(section).queryByLabelText(/Also share this academy's courses/)).toBeNull();
    await user.type(within(section).getByLabelText('Name of the partner'), 'Partner academy');
    await user.type(within(section).getByLabelText('Name'), 'Amina Haddad');
    await user.type(within(section).getByLabelText('E-mail'), 'amina@academy.example');
    await user.click(within(section).getByRole('button', { name: 'Connect' }));
    expect(within(section).getByText(/Give the full path of the folder, from the drive or the top of the disk/)).toBeVisible();
    await user.clear(within(section).getByLabelText('Folder of the shared library'));
    await user.type(within(section).getByLabelText('Folder of the shared library'), 'D:\\library.git');
    await user.click(within(section).getByRole('button', { name: 'Connect' }));
    // The partner's name is isolated for the bidirectional algorithm (FSI … PDI) inside the sentence.
    await within(section).findByText('Following \u2068Partner academy\u2069 (receive only)');
    expect(setupCalls(fake)).toEqual([
      { remote: 'D:\\library.git', mode: 'follow', includeCourses: false, author: { name: 'Amina Haddad', email: 'amina@academy.example' }, autoSyncMinutes: 0, publisher: 'Partner academy' },
    ]);
  });

  it('changes a connection keeping the stored token, shows a refusal from the app, and disconnects after asking', async () => {
    const user = userEvent.setup();
    let connected = true;
    const fake = settings({
      'sync:status': () => (connected ? status({ state: 'error', lastError: { code: 'sync-auth', message: `${REMOTE} refused the access token` } }) : NOT_SHARED),
      'sync:setup': () => status(),
      'sync:disconnect': () => {
        connected = false;
        return NOT_SHARED;
      },
    });
    const section = await screen.findByRole('region', { name: 'Shared library' });
    expect(await within(section).findByText(/^the access token was refused: check it in Settings · last synced .*2026/)).toBeVisible();
    expect(within(section).getByRole('alert')).toHaveTextContent('The shared library refused the access token');

    await user.click(within(section).getByRole('button', { name: 'Change the connection' }));
    expect(within(section).getByLabelText('Address of the repository')).toHaveValue(REMOTE);
    expect(within(section).getByLabelText('Name')).toHaveValue('Amina Haddad');
    expect(within(section).getByText(/A token is kept for this address: leave this empty to keep it/)).toBeVisible();
    await user.click(within(section).getByRole('button', { name: 'Save the connection' }));
    await within(section).findByText(/^Connected\./);
    // No token typed: none is sent, so the app keeps the one it holds.
    expect(setupCalls(fake)[0]).not.toHaveProperty('token');

    const confirm = vi.spyOn(window, 'confirm').mockReturnValueOnce(false).mockReturnValueOnce(true);
    await user.click(within(section).getByRole('button', { name: 'Disconnect' }));
    expect(fake.invoke).not.toHaveBeenCalledWith('sync:disconnect', expect.anything());
    await user.click(within(section).getByRole('button', { name: 'Disconnect' }));
    await waitFor(() => {
      expect(within(section).getByRole('button', { name: 'Connect' })).toBeVisible();
    });
    expect(confirm).toHaveBeenCalledTimes(2);
    expect(fake.invoke).toHaveBeenCalledWith('sync:disconnect', { forgetHistory: false });
  });
});

import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { LibraryPlaceholder } from '../../shared/schemas/library-detail';
import type { Settings } from '../../shared/schemas/settings';
import { SettingsPage } from '../../renderer/src/features/settings/SettingsPage';
import { setLanguage } from '../../renderer/src/i18n';
import { setBridge } from '../../renderer/src/lib/bridge';
import { fakeBridge } from './fakes/fake-bridge';

const PLACEHOLDERS: LibraryPlaceholder[] = [
  {
    name: 'country',
    modules: 21,
    definitions: [
      { language: 'en', label: 'Country', description: 'The country where the course is taught.', example: 'Veridia' },
      { language: 'ar', label: 'البلد', example: 'فيريديا' },
    ],
  },
  { name: 'constructor', modules: 1, definitions: [{ language: 'en', label: 'Builder' }] },
];

function open(settings: Settings = { language: 'en' }) {
  let stored = settings;
  const fake = fakeBridge({
    'settings:get': () => stored,
    'settings:update': (req) => (stored = { ...stored, ...(req as Partial<Settings>) }),
    'library:placeholders': () => PLACEHOLDERS,
  });
  setBridge(fake.bridge);
  render(<SettingsPage dataDir="/data/cc" />);
  return { fake, stored: () => stored };
}

describe('placeholder defaults in Settings', () => {
  it('shows each placeholder with its label, description and example, and saves the academy values', async () => {
    const user = userEvent.setup();
    const { fake, stored } = open({ language: 'en', placeholderDefaults: { oversight_body: 'Old authority' } });
    const country = await screen.findByRole('textbox', { name: 'Country {country}' });
    expect(country).toHaveAccessibleDescription(/^The country where the course is taught\. Example: Veridia ?\. Used by 21 modules\.$/);
    // A saved default for a name no module uses any more is still listed.
    expect(screen.getByRole('textbox', { name: 'No module defines this placeholder any more {oversight_body}' })).toHaveValue('Old authority');
    await user.type(country, 'Veridia');
    await user.type(screen.getByRole('textbox', { name: 'Builder {constructor}' }), 'Public Works');
    await user.clear(screen.getByRole('textbox', { name: /\{oversight_body\}/ }));
    await user.click(screen.getByRole('button', { name: 'Save the defaults' }));
    expect(await screen.findByText('Defaults saved.')).toBeInTheDocument();
    expect(fake.invoke).toHaveBeenCalledWith('settings:update', { placeholderDefaults: { country: 'Veridia', constructor: 'Public Works' } });
    expect(stored().placeholderDefaults).toEqual({ country: 'Veridia', constructor: 'Public Works' });
  });

  it('uses the definition in the interface language', async () => {
    await setLanguage('ar');
    open({ language: 'ar' });
    await waitFor(() => {
      expect(screen.getByRole('textbox', { name: 'البلد {country}' })).toBeInTheDocument();
    });
  });

  it('refuses a value the store would not keep, and says why', async () => {
    const user = userEvent.setup();
    const { fake } = open();
    const country = await screen.findByRole('textbox', { name: 'Country {country}' });
    await user.click(country);
    await user.paste('Veri\u0007dia');
    await user.click(screen.getByRole('button', { name: 'Save the defaults' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('control characters');
    expect(fake.invoke).not.toHaveBeenCalledWith('settings:update', expect.anything());
  });
});

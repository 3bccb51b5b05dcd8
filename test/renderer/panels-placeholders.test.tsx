import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { effectiveModule } from '../../shared/domain/curriculum/effective-lessons';
import { modulePlaceholders } from '../../shared/domain/placeholders';
import type { ModuleItem } from '../../shared/schemas/curriculum';
import { PlaceholdersPanel } from '../../renderer/src/features/composer/panels/PlaceholdersPanel';
import { lastChange, panelProps, SAMPLE } from './panels-fixture';

const moduleItems = SAMPLE.items.filter((i): i is ModuleItem => i.kind === 'module');
const used = [...new Set(moduleItems.flatMap((i) => modulePlaceholders(effectiveModule(i))))].sort();

describe('PlaceholdersPanel', () => {
  it('lists every placeholder the modules use, with its value and where it is used', () => {
    render(<PlaceholdersPanel {...panelProps()} />);
    expect(used.length).toBeGreaterThan(3);
    for (const name of used) expect(screen.getByRole('textbox', { name: new RegExp(`\\{${name}\\}`) })).toBeInTheDocument();
    expect(screen.getAllByRole('textbox')).toHaveLength(used.length);
    const country = screen.getByRole('textbox', { name: /^Country \{country\}/ });
    expect(country).toHaveValue('Veridia');
    const users = moduleItems.filter((i) => modulePlaceholders(effectiveModule(i)).includes('country'));
    expect(country).toHaveAccessibleDescription(new RegExp(`Used in ${String(users.length)} modules: ${users[0]!.snapshot.title}`));
  });

  it('flags unfilled placeholders and counts them', () => {
    render(<PlaceholdersPanel {...panelProps({ ...SAMPLE, placeholders: { country: 'Veridia' } })} />);
    expect(screen.getByRole('status')).toHaveTextContent(`${String(used.length - 1)} placeholders have no value yet.`);
    const emergency = screen.getByRole('textbox', { name: /^Emergency telephone number \{emergency_number\}/ });
    expect(emergency).toHaveAccessibleName('Emergency telephone number {emergency_number} Not filled');
    expect(screen.getByRole('textbox', { name: /^Country \{country\}/ })).toHaveAccessibleName('Country {country}');
  });

  it('sets a value through change, and clearing it leaves the placeholder unfilled', () => {
    const props = panelProps({ ...SAMPLE, placeholders: {} });
    render(<PlaceholdersPanel {...props} />);
    fireEvent.change(screen.getByRole('textbox', { name: /^Country \{country\}/ }), { target: { value: 'Arcadia' } });
    const set = lastChange(props.change, props.curriculum);
    expect(set.label).toBe('Set {country}');
    expect(set.result.placeholders).toEqual({ country: 'Arcadia' });

    const filled = panelProps();
    render(<PlaceholdersPanel {...filled} />);
    const [, field] = screen.getAllByRole('textbox', { name: /^Country \{country\}/ });
    fireEvent.change(field!, { target: { value: '' } });
    const cleared = lastChange(filled.change, SAMPLE).result.placeholders;
    expect(cleared).not.toHaveProperty('country');
    expect(cleared).toHaveProperty('emergency_number', '112');
  });

  it('refuses text the store would not save, and says why', () => {
    const props = panelProps();
    render(<PlaceholdersPanel {...props} />);
    const field = screen.getByRole('textbox', { name: /^Country \{country\}/ });
    fireEvent.change(field, { target: { value: 'Veri\u0007dia' } });
    expect(props.change).not.toHaveBeenCalled();
    expect(screen.getByRole('alert')).toHaveTextContent('control characters');
    expect(field).toHaveAttribute('aria-invalid', 'true');
    fireEvent.change(field, { target: { value: 'Veridia Republic' } });
    expect(screen.queryByRole('alert')).toBeNull();
    expect(lastChange(props.change, SAMPLE).result.placeholders.country).toBe('Veridia Republic');
  });

  it('removes values no module uses any more', async () => {
    const user = userEvent.setup();
    const props = panelProps({ ...SAMPLE, placeholders: { ...SAMPLE.placeholders, old_ministry: 'Ministry of the Interior' } });
    render(<PlaceholdersPanel {...props} />);
    const unused = screen.getByRole('heading', { name: 'Values no module uses any more' }).nextElementSibling as HTMLElement;
    expect(within(unused).getByText('Ministry of the Interior')).toBeInTheDocument();
    await user.click(within(unused).getByRole('button', { name: 'Remove' }));
    const { label, result } = lastChange(props.change, props.curriculum);
    expect(label).toBe('Remove the value of {old_ministry}');
    expect(result.placeholders).toEqual(SAMPLE.placeholders);
  });

  it('handles a placeholder named after an Object.prototype member like any other', () => {
    const [first] = moduleItems;
    const lesson = first!.snapshot.lessons[0]!;
    const snapshot = { ...first!.snapshot, lessons: [{ ...lesson, aim: `${lesson.aim} {constructor}` }, ...first!.snapshot.lessons.slice(1)] };
    const course = { ...SAMPLE, items: SAMPLE.items.map((item) => (item === first ? { ...first, snapshot } : item)) };
    const props = panelProps(course);
    render(<PlaceholdersPanel {...props} />);
    const field = screen.getByRole('textbox', { name: /^Value of \{constructor\}/ });
    expect(field).toHaveValue('');
    expect(field).toHaveAccessibleName('Value of {constructor} Not filled');
    fireEvent.change(field, { target: { value: 'Ruritania' } });
    expect(Object.hasOwn(lastChange(props.change, course).result.placeholders, 'constructor')).toBe(true);
  });

  it('says so when no module uses a placeholder', () => {
    render(<PlaceholdersPanel {...panelProps({ ...SAMPLE, items: [] })} />);
    expect(screen.getByText('The modules in this course use no placeholders.')).toBeInTheDocument();
  });

  it('shows the label, description and example the module defines, not only the raw token', () => {
    render(<PlaceholdersPanel {...panelProps()} />);
    const field = screen.getByRole('textbox', { name: 'Police oversight body {oversight_body}' });
    expect(field).toHaveAccessibleDescription(/The independent body that receives complaints about the police and investigates them\. Example: Independent Police Complaints Authority Used in \d+ modules:/);
  });

  it('says when the academy default from Settings is used, and when the course overrides it', () => {
    const props = { ...panelProps({ ...SAMPLE, placeholders: { country: 'Patria' } }), placeholderDefaults: { country: 'Veridia', emergency_number: '112' } };
    render(<PlaceholdersPanel {...props} />);
    const emergency = screen.getByRole('textbox', { name: 'Emergency telephone number {emergency_number} Academy default' });
    expect(emergency).toHaveValue('');
    expect(emergency).toHaveAccessibleDescription(/exports and checks use the academy default from Settings: 112/);
    expect(screen.getByRole('textbox', { name: 'Country {country}' })).toHaveAccessibleDescription(/This course’s value is used instead of the academy default: Veridia/);
    expect(screen.getByRole('status')).toHaveTextContent(`${String(used.length - 2)} placeholders have no value yet. 1 more uses the academy default.`);
  });

  it('works with a placeholder named constructor', () => {
    const item = moduleItems[0]!;
    const snapshot = { ...item.snapshot, summary: `${item.snapshot.summary} Built by {constructor}.`, placeholders: [...(item.snapshot.placeholders ?? []), { name: 'constructor', label: 'Builder', example: 'Public Works Agency' }] };
    const course = { ...SAMPLE, placeholders: {}, items: [{ ...item, snapshot }] };
    // The panel's own lookups are under test here; the course checks get the sample course.
    const props = { ...panelProps(), curriculum: course };
    render(<PlaceholdersPanel {...props} />);
    const field = screen.getByRole('textbox', { name: 'Builder {constructor} Not filled' });
    expect(field).toHaveValue('');
    fireEvent.change(field, { target: { value: 'Ministry of Works' } });
    expect(lastChange(props.change, course).result.placeholders).toEqual({ constructor: 'Ministry of Works' });
  });
});

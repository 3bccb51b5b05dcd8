import { describe, expect, it } from 'vitest';
import { placeholderProblems } from '../../../shared/domain/module-checks';
import { modulePlaceholders, placeholderDefinitions, withPlaceholderDefaults } from '../../../shared/domain/placeholders';
import { ModuleSchema, type Module } from '../../../shared/schemas/module';
import { curriculum, moduleItem, revised, sampleModule } from '../curriculum/sample';

function withText(module: Module, text: string): Module {
  return revised(module, (m) => {
    m.summary = `${m.summary} ${text}`;
  });
}

describe('placeholder definitions of a module', () => {
  it('are optional, and each name is defined once', () => {
    const module = sampleModule('hr-foundations');
    const { placeholders: _defined, ...bare } = module;
    expect(ModuleSchema.safeParse(bare).success).toBe(true);
    const twice = { ...module, placeholders: [{ name: 'country', label: 'Country' }, { name: 'country', label: 'Land' }] };
    expect(ModuleSchema.safeParse(twice).success).toBe(false);
    expect(ModuleSchema.safeParse({ ...module, placeholders: [{ name: 'Country!', label: 'Country' }] }).success).toBe(false);
  });

  it('are not texts: a definition does not count as a use', () => {
    const module = { ...sampleModule('hr-foundations'), placeholders: [{ name: 'country', label: 'Country', description: 'Where {unused_name} is' }] };
    expect(modulePlaceholders(module)).not.toContain('unused_name');
  });

  it('are checked: a name used without one, and one for a name no text uses, are warned about', () => {
    const module = withText(sampleModule('hr-foundations'), 'See {regional_court}.');
    const problems = placeholderProblems({ ...module, placeholders: [...(module.placeholders ?? []), { name: 'old_name', label: 'Old' }] });
    expect(problems).toEqual([
      { path: 'placeholders', message: '{regional_court} is used but not defined' },
      { path: 'placeholders', message: '{old_name} is defined but not used' },
    ]);
  });

  it('work for names that objects have, such as constructor', () => {
    const module = withText(sampleModule('hr-foundations'), 'Built by {constructor}.');
    expect(placeholderProblems(module)).toEqual([{ path: 'placeholders', message: '{constructor} is used but not defined' }]);
    const defined = { ...module, placeholders: [...(module.placeholders ?? []), { name: 'constructor', label: 'Builder' }] };
    expect(placeholderProblems(defined)).toEqual([]);
    expect(placeholderDefinitions(defined).get('constructor')?.label).toBe('Builder');
    expect(placeholderDefinitions(module).get('constructor')).toBeUndefined();
  });
});

describe('the academy default of a placeholder', () => {
  const course = curriculum([moduleItem('hr-foundations')], { placeholders: { country: 'Veridia', oversight_body: '  ' } });

  it('fills what the course leaves blank; the course value wins', () => {
    const merged = withPlaceholderDefaults(course, { country: 'Elsewhere', oversight_body: 'Police Ombudsman', emergency_number: '112', national_police_law: ' ' });
    expect(merged.placeholders).toEqual({ country: 'Veridia', oversight_body: 'Police Ombudsman', emergency_number: '112' });
    expect(course.placeholders).toEqual({ country: 'Veridia', oversight_body: '  ' });
  });

  it('leaves the course as it is when there is nothing to fill', () => {
    expect(withPlaceholderDefaults(course, undefined)).toBe(course);
    expect(withPlaceholderDefaults(course, { country: 'Elsewhere' })).toBe(course);
  });

  it('works for a placeholder named constructor, in the course and in the defaults', () => {
    expect(withPlaceholderDefaults(course, { constructor: 'Default builder' }).placeholders['constructor']).toBe('Default builder');
    const own = curriculum([], { placeholders: { constructor: 'Course builder' } });
    expect(withPlaceholderDefaults(own, { constructor: 'Default builder' }).placeholders['constructor']).toBe('Course builder');
  });
});

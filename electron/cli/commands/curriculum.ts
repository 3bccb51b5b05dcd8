import { groupByCause } from '../../../shared/domain/curriculum/check-groups';
import { courseNumbers } from '../../../shared/domain/curriculum/course-numbers';
import { formatMinutes } from '../../../shared/domain/durations';
import type { Command } from '../command';
import { printJson, UsageError } from '../output';

export const curriculumList: Command = {
  name: 'curriculum list',
  summary: 'List the curricula (courses), most recently changed first',
  usage: 'curriculum list [--archived] [--data DIR] [--json]',
  options: { json: { type: 'boolean' }, archived: { type: 'boolean' } },
  async run({ values, output, withServices }) {
    return withServices((services) => {
      const list = services.curricula.list({ includeArchived: values['archived'] === true });
      if (values['json']) printJson(output, list);
      else if (list.length === 0) output.out('No curricula yet. Create one with "curriculum create".');
      else
        for (const c of list) {
          const days = `${c.days} day${c.days === 1 ? '' : 's'}`;
          const modules = `${c.modules} module${c.modules === 1 ? '' : 's'}`;
          output.out(`${c.id.padEnd(40)} ${c.language}  ${c.status.padEnd(8)} ${days.padEnd(8)} ${modules.padEnd(11)} ${c.title}${c.archived ? ' (archived)' : ''}`);
        }
      return 0;
    });
  },
};

export const curriculumShow: Command = {
  name: 'curriculum show',
  summary: 'Show a curriculum: its days and what each day teaches',
  usage: 'curriculum show ID [--data DIR] [--json]',
  options: { json: { type: 'boolean' } },
  positionals: 1,
  async run({ values, positionals, output, withServices }) {
    return withServices((services) => {
      const detail = services.curricula.get(positionals[0] ?? '');
      if (values['json']) {
        printJson(output, detail);
        return 0;
      }
      const { curriculum: c, schedule } = detail;
      const numbers = courseNumbers(c);
      output.out(`${c.title}  [${c.id}, ${c.language}, ${c.status}${detail.archived ? ', archived' : ''}]`);
      output.out(
        `${c.days} day${c.days === 1 ? '' : 's'} of ${c.dayTemplate.start}–${c.dayTemplate.end}; ${formatMinutes(schedule.teachingMinutes)} of teaching in ${formatMinutes(schedule.capacityMinutes)} available`,
      );
      for (const day of schedule.days) {
        const taught = day.slots.filter((s) => (s.kind === 'lesson' || s.kind === 'session') && (s.part ?? 1) === 1);
        const first = taught[0];
        const last = day.slots.filter((s) => s.kind === 'lesson' || s.kind === 'session').at(-1);
        const span = first && last ? `${first.start}–${last.end}` : 'free';
        const beyond = day.day > c.days ? ' (beyond the planned days)' : '';
        output.out(`Day ${day.day}${day.date ? ` (${day.date})` : ''}: ${span}, ${formatMinutes(day.teachingMinutes)}${day.overflow ? ', OVERFLOWS' : ''}${beyond}`);
        for (const s of taught) {
          const number = s.lessonCode === undefined || s.itemId === undefined ? undefined : (numbers.lesson(s.itemId, s.lessonCode) ?? s.lessonCode);
          output.out(`  ${s.start}  ${number ? `${number} ` : ''}${s.title}`);
        }
      }
      const errors = detail.checks.filter((k) => k.severity === 'error').length;
      const warnings = detail.checks.filter((k) => k.severity === 'warning' && !k.acknowledged).length;
      output.out(`Checks: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'} (see "curriculum check ${c.id}")`);
      return 0;
    });
  },
};

export const curriculumCreate: Command = {
  name: 'curriculum create',
  summary: 'Create a curriculum from library modules, in the order given; prints its id',
  usage: 'curriculum create --title T --modules ID,ID [--days N] [--data DIR]',
  options: { title: { type: 'string' }, modules: { type: 'string' }, days: { type: 'string' } },
  async run({ values, output, withServices }) {
    const title = typeof values['title'] === 'string' ? values['title'].trim() : '';
    if (!title) throw new UsageError('--title is required');
    const moduleIds = typeof values['modules'] === 'string' ? values['modules'].split(',').map((s) => s.trim()).filter(Boolean) : [];
    if (moduleIds.length === 0) throw new UsageError('--modules needs at least one module id (comma-separated)');
    let days: number | undefined;
    if (values['days'] !== undefined) {
      // The curriculum schema (zod) loads only when a command runs, so that help stays fast.
      const { MAX_DAYS } = await import('../../../shared/schemas/curriculum');
      days = Number(values['days']);
      if (!Number.isInteger(days) || days < 1 || days > MAX_DAYS) throw new UsageError(`--days must be a whole number from 1 to ${MAX_DAYS}`);
    }
    return withServices(async (services) => {
      const created = await services.curricula.create({ title, moduleIds, ...(days === undefined ? {} : { days }) });
      // Only the id, so that scripts can capture it: ID=$(npm run -s cli -- curriculum create ...).
      output.out(created.id);
      return 0;
    });
  },
};

export const curriculumCheck: Command = {
  name: 'curriculum check',
  summary: 'Check a curriculum (schedule, prerequisites, themes, placeholders...); exits 1 when there are errors',
  usage: 'curriculum check ID [--data DIR] [--json]',
  options: { json: { type: 'boolean' } },
  positionals: 1,
  async run({ values, positionals, output, withServices }) {
    return withServices((services) => {
      const checks = services.curricula.check(positionals[0] ?? '');
      const errors = checks.filter((c) => c.severity === 'error').length;
      if (values['json']) printJson(output, checks);
      else if (checks.length === 0) output.out('No problems found.');
      else {
        const open = checks.filter((c) => !c.acknowledged);
        // Findings with one cause (a prerequisite six modules lack) are printed once, with the places under it.
        for (const group of groupByCause(open)) {
          const [first] = group;
          if (!first) continue;
          if (group.length === 1) output.out(`${first.severity.toUpperCase().padEnd(8)} ${first.code}: ${first.message}`);
          else {
            output.out(`${first.severity.toUpperCase().padEnd(8)} ${first.code} (${group.length}):`);
            for (const c of group) output.out(`         - ${c.message}`);
          }
        }
        for (const c of checks) if (c.acknowledged) output.out(`ACCEPTED ${c.code}: ${c.message} (reason: ${c.acknowledged.reason})`);
        const warnings = open.filter((c) => c.severity === 'warning').length;
        const notes = open.length - errors - warnings;
        const accepted = checks.length - open.length;
        output.out(`${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}, ${notes} note${notes === 1 ? '' : 's'}${accepted > 0 ? `, ${accepted} accepted` : ''}.`);
      }
      return errors > 0 ? 1 : 0;
    });
  },
};

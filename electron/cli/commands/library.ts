import { formatMinutes } from '../../../shared/domain/durations';
import type { Command } from '../command';
import { printJson } from '../output';

export const libraryList: Command = {
  name: 'library list',
  summary: 'List the modules in the library',
  usage: 'library list [--data DIR] [--json]',
  options: { json: { type: 'boolean' } },
  async run({ values, output, openServices }) {
    const services = await openServices();
    try {
      const modules = services.library.list();
      if (values['json']) printJson(output, modules);
      else for (const m of modules) output.out(`${m.id.padEnd(40)} ${m.language}  ${formatMinutes(m.minutes).padEnd(12)} ${m.title}`);
      return 0;
    } finally {
      services.store.close();
    }
  },
};

import { render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { LibraryListRequest } from '../../shared/schemas/library-query';
import { Composer } from '../../renderer/src/features/composer/Composer';
import { composerBackend, curriculum, SUMMARIES } from './composer-fixture';
import { listAnswer } from './fakes/fake-bridge';

/** The sample summaries copied under new ids until there are `count`. */
function manySummaries(count: number) {
  return Array.from({ length: count }, (_, i) => {
    const base = SUMMARIES[i % SUMMARIES.length] ?? SUMMARIES[0];
    if (!base) throw new Error('no sample summaries');
    return { ...base, id: `${base.id}-${String(i)}` };
  });
}

describe('the composer library panel', () => {
  it('asks for the 50 rows it shows and counts every match', async () => {
    const all = manySummaries(260);
    const panelRequests: LibraryListRequest[] = [];
    composerBackend(curriculum([]), {
      'library:list': (req) => {
        const request = (req ?? {}) as LibraryListRequest;
        if (request.limit !== undefined) panelRequests.push(request);
        return listAnswer(all, request);
      },
    });
    render(<Composer curriculumId="test-course" onOpen={vi.fn()} />);
    const panel = await screen.findByRole('region', { name: 'Add from the library' });
    expect(await within(panel).findByText('260 modules')).toBeInTheDocument();
    expect(within(panel).getAllByRole('button', { name: /^Add .* to the course$/ })).toHaveLength(50);
    expect(within(panel).getByText('210 more modules: search to narrow the list.')).toBeInTheDocument();
    expect(panelRequests).toEqual([{ sort: 'title', limit: 50 }]);
  });
});

import { render } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { requestExport, useExportCommand } from '../../renderer/src/lib/export-command';

function Exportable({ onExport }: { onExport: () => void }) {
  useExportCommand(onExport);
  return null;
}

describe('File › Export from the native menu', () => {
  it('goes to the page that shows something exportable, and only while it is shown', () => {
    expect(requestExport()).toBe(false);
    const onExport = vi.fn();
    const { unmount } = render(<Exportable onExport={onExport} />);
    expect(requestExport()).toBe(true);
    expect(onExport).toHaveBeenCalledTimes(1);
    unmount();
    expect(requestExport()).toBe(false);
    expect(onExport).toHaveBeenCalledTimes(1);
  });
});

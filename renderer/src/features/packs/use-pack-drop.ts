import { useEffect, useState } from 'react';
import { offerPack } from '../../lib/incoming-packs';

/**
 * A .ccpack dropped anywhere on the window opens its import preview. Other drops are refused, so a file
 * dropped by mistake never replaces the page (the desktop window also blocks navigation on drop).
 */
export function usePackDrop(onPack: () => void): boolean {
  const [dragging, setDragging] = useState(false);
  useEffect(() => {
    const hasFiles = (e: DragEvent) => e.dataTransfer?.types.includes('Files') ?? false;
    const over = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      setDragging(true);
    };
    const leave = (e: DragEvent) => {
      if (e.relatedTarget === null) setDragging(false);
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      setDragging(false);
      const file = [...(e.dataTransfer?.files ?? [])].find((f) => f.name.toLowerCase().endsWith('.ccpack'));
      if (!file) return;
      onPack();
      offerPack({ fileName: file.name, file });
    };
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, [onPack]);
  return dragging;
}

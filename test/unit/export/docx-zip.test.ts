import { describe, expect, it } from 'vitest';
import { PackageWriter, readParts } from '../../../electron/services/export/docx/zip-parts';

describe('PackageWriter: the .docx zip, written while the body is rendered', () => {
  it('writes word/document.xml from its pieces first, then the other parts in order', async () => {
    const zip = new PackageWriter();
    // More than the writer buffers, so writing has to wait for the deflater at least once.
    const big = Buffer.alloc(12 * 1024 * 1024, 'a');
    await zip.write(Buffer.from('<start/>'));
    await zip.write(big);
    await zip.write(Buffer.from('<end/>'));
    const bytes = await zip.finish([
      { path: '[Content_Types].xml', data: Buffer.from('<Types/>') },
      { path: 'word/styles.xml', data: Buffer.from('<w:styles/>') },
    ]);
    expect(bytes.length).toBeLessThan(big.length / 100);
    const parts = await readParts(bytes);
    expect(parts.map((part) => part.path)).toEqual(['word/document.xml', '[Content_Types].xml', 'word/styles.xml']);
    const documentXml = parts[0]?.data ?? Buffer.alloc(0);
    expect(documentXml.length).toBe(big.length + '<start/><end/>'.length);
    expect(documentXml.subarray(0, 8).toString()).toBe('<start/>');
    expect(documentXml.subarray(-6).toString()).toBe('<end/>');
    expect(parts[2]?.data.toString()).toBe('<w:styles/>');
  });

  it('lets a package be abandoned half-written (a cancelled export) without an error', async () => {
    const zip = new PackageWriter();
    await zip.write(Buffer.from('<w:body>'));
    await expect(zip.abandon()).resolves.toBeUndefined();
    // Abandoning twice (a failure after finishing began) changes nothing.
    await expect(zip.abandon()).resolves.toBeUndefined();
  });
});

import { Document, Packer, Paragraph, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import { BodySlots } from '../../../electron/services/export/docx/body-slots';
import { readParts } from '../../../electron/services/export/docx/zip-parts';
import { bodyChildren, visibleText } from '../../helpers/docx-read';

/** word/document.xml of a docx document whose body is the given children, as the docx package writes it. */
async function packedDocumentXml(children: ReturnType<BodySlots['frame']>): Promise<string> {
  const parts = await readParts(await Packer.toBuffer(new Document({ sections: [{ children }] })));
  const documentXml = parts.find((part) => part.path === 'word/document.xml')?.data;
  if (!documentXml) throw new Error('no word/document.xml');
  return documentXml.toString('utf8');
}

const text = (value: string): string => `<w:p><w:r><w:t xml:space="preserve">${value}</w:t></w:r></w:p>`;

describe('BodySlots: body XML inside the package docx writes', () => {
  it('puts every text back in its place among the docx components, in order', async () => {
    const slots = new BodySlots();
    const children = slots.frame([text('one'), Buffer.from(text('two')), new Paragraph({ children: [new TextRun('docx')] }), text('three')]);
    // Consecutive texts share one marker paragraph.
    expect(children).toHaveLength(3);
    const spliced = Buffer.concat(slots.splice(await packedDocumentXml(children))).toString('utf8');
    expect(bodyChildren(spliced).map(visibleText)).toEqual(['one', 'two', 'docx', 'three', '']);
    expect(spliced).not.toContain('cc-body-');
  });

  it('refuses to assemble a document whose marker is missing or doubled', async () => {
    const slots = new BodySlots();
    const children = slots.frame([text('one')]);
    const documentXml = await packedDocumentXml(children);
    expect(() => slots.splice(documentXml.replace(/<w:p><w:r><w:t>cc-body-[^<]*<\/w:t><\/w:r><\/w:p>/, ''))).toThrow(
      expect.objectContaining({ code: 'internal', message: 'The Word document body could not be assembled (slot 0 of 1)' }),
    );
    const doubled = documentXml.replace(/(<w:p><w:r><w:t>cc-body-[^<]*<\/w:t><\/w:r><\/w:p>)/, '$1$1');
    expect(() => slots.splice(doubled)).toThrow(expect.objectContaining({ code: 'internal' }));
  });

  it('gives every document its own markers, so text copied from another cannot pass for one', async () => {
    const first = new BodySlots();
    const firstXml = await packedDocumentXml(first.frame([text('a')]));
    const marker = /cc-body-[^<]*/.exec(firstXml)?.[0] ?? '';
    const second = new BodySlots();
    const children = second.frame([new Paragraph({ children: [new TextRun(marker)] }), text('b')]);
    const spliced = Buffer.concat(second.splice(await packedDocumentXml(children))).toString('utf8');
    expect(bodyChildren(spliced).map(visibleText)).toEqual([marker, 'b', '']);
  });
});

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
const MARKER = /<w:p><w:r><w:t>cc-body-[^<]*<\/w:t><\/w:r><\/w:p>/;

/** The document with `sections` written where the split puts them. */
function assembled(slots: BodySlots, documentXml: string, sections: string): string {
  const { head, tail } = slots.split(documentXml);
  return Buffer.concat([...head, Buffer.from(sections), tail]).toString('utf8');
}

describe('BodySlots: body XML inside the package docx writes', () => {
  it('puts every text back in its place among the docx components, and the sections after them', async () => {
    const slots = new BodySlots();
    const children = slots.frame([text('one'), text('two'), new Paragraph({ children: [new TextRun('docx')] }), text('three')]);
    // Consecutive texts share one marker paragraph; the sections have one of their own at the end.
    expect(children).toHaveLength(4);
    const xml = assembled(slots, await packedDocumentXml(children), text('section'));
    expect(bodyChildren(xml).map(visibleText)).toEqual(['one', 'two', 'docx', 'three', 'section', '']);
    expect(bodyChildren(xml).at(-1)).toMatch(/^<w:sectPr/);
    expect(xml).not.toContain('cc-body-');
  });

  it('refuses to assemble a document whose marker is missing or doubled', async () => {
    const slots = new BodySlots();
    const documentXml = await packedDocumentXml(slots.frame([text('one')]));
    expect(() => slots.split(documentXml.replace(MARKER, ''))).toThrow(
      expect.objectContaining({ code: 'internal', message: 'The Word document body could not be assembled (slot 0 of 2)' }),
    );
    const doubled = documentXml.replace(new RegExp(`(${MARKER.source})$|(${MARKER.source})(?=<w:sectPr)`), '$&$&');
    expect(() => slots.split(doubled)).toThrow(expect.objectContaining({ code: 'internal', message: 'The Word document body could not be assembled (slot 1 of 2)' }));
  });

  it('gives every document its own markers, so text copied from another cannot pass for one', async () => {
    const first = new BodySlots();
    const marker = /cc-body-[^<]*/.exec(await packedDocumentXml(first.frame([text('a')])))?.[0] ?? '';
    const second = new BodySlots();
    const children = second.frame([new Paragraph({ children: [new TextRun(marker)] }), text('b')]);
    const xml = assembled(second, await packedDocumentXml(children), '');
    expect(bodyChildren(xml).map(visibleText)).toEqual([marker, 'b', '']);
  });
});

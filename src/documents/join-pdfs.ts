import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFObjectCopier, PDFPage, PDFPageLeaf, PDFRef, PDFString, type PDFObject } from 'pdf-lib';

/**
 * One PDF of several we rendered (a batch of letters to post), each starting on its own page, its
 * pages copied unchanged, and still accessible: each part's structure tree (tags) is carried over
 * under one root, so the batch is as tagged as the letters, with the language, the title shown and
 * the PDF/UA identification set again for the whole.
 *
 * pdf-lib's copyPages drops the structure (it lives in the catalog, not the pages), so pages and
 * structure are copied here with one copier: a structure element's page reference then lands on
 * the copied page. Each part's marked-content keys (StructParents) are moved past the parts before it.
 */
export async function joinPdfs(pdfs: Buffer[], title: string): Promise<Buffer> {
  const joined = await PDFDocument.create();
  joined.setTitle(title, { showInWindowTitleBar: true });
  joined.setLanguage('en-GB');
  joined.setAuthor('Convene');
  const context = joined.context;
  const rootRef = context.nextRef();
  // One Document holds the batch; each letter's own Document becomes a Part of it.
  const documentRef = context.nextRef();
  const parts: PDFRef[] = [];
  const parentTree: PDFObject[] = [];
  let nextKey = 0;
  // A letter kept from before the PDFs were tagged has no structure: the batch then claims none.
  let everyPartTagged = true;

  for (const [index, bytes] of pdfs.entries()) {
    const part = await PDFDocument.load(bytes);
    const copier = PDFObjectCopier.for(part.context, context);
    const offset = nextKey;
    for (const page of part.getPages()) {
      const copiedRef = copier.copy(page.ref);
      const copied = context.lookup(copiedRef);
      if (!(copied instanceof PDFPageLeaf)) throw new Error('a copied page is not a page');
      const key = copied.get(PDFName.of('StructParents'));
      if (key instanceof PDFNumber) copied.set(PDFName.of('StructParents'), PDFNumber.of(key.asNumber() + offset));
      joined.addPage(PDFPage.of(copied, copiedRef, joined));
    }

    const structure = part.catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict);
    if (!structure) {
      everyPartTagged = false;
      continue;
    }
    const top = structure.get(PDFName.of('K'));
    const elements = top instanceof PDFArray ? top.asArray() : top ? [top] : [];
    for (const element of elements) {
      if (!(element instanceof PDFRef)) continue;
      // Cut from the part's root before copying, or the copier would bring that whole root along.
      part.context.lookup(element, PDFDict).delete(PDFName.of('P'));
      const copied = copier.copy(element);
      const copiedElement = context.lookup(copied, PDFDict);
      copiedElement.set(PDFName.of('P'), documentRef);
      if (copiedElement.get(PDFName.of('S'))?.toString() === '/Document') {
        copiedElement.set(PDFName.of('S'), PDFName.of('Part'));
        // The part's language lived in its own catalog, which is not copied: a letter in the
        // family's language (issue 14) keeps it on its Part, so the batch reads it in that language.
        const lang = part.catalog.get(PDFName.of('Lang'));
        if ((lang instanceof PDFString || lang instanceof PDFHexString) && !copiedElement.has(PDFName.of('Lang'))) copiedElement.set(PDFName.of('Lang'), PDFString.of(lang.decodeText()));
      }
      renameIds(copiedElement, `letter-${index + 1}-`, joined);
      parts.push(copied);
    }
    const nums = structure.lookupMaybe(PDFName.of('ParentTree'), PDFDict)?.lookupMaybe(PDFName.of('Nums'), PDFArray)?.asArray() ?? [];
    for (let i = 0; i + 1 < nums.length; i += 2) {
      const key = nums[i];
      const value = nums[i + 1];
      if (!(key instanceof PDFNumber) || value === undefined) continue;
      parentTree.push(PDFNumber.of(key.asNumber() + offset), copier.copy(value));
      nextKey = Math.max(nextKey, key.asNumber() + offset + 1);
    }
  }

  if (!everyPartTagged) return Buffer.from(await joined.save({ useObjectStreams: false }));
  context.assign(documentRef, context.obj({ Type: 'StructElem', S: 'Document', P: rootRef, K: parts }));
  context.assign(rootRef, context.obj({ Type: 'StructTreeRoot', K: documentRef, ParentTree: context.obj({ Nums: parentTree }), ParentTreeNextKey: nextKey }));
  joined.catalog.set(PDFName.of('StructTreeRoot'), rootRef);
  joined.catalog.set(PDFName.of('MarkInfo'), context.obj({ Marked: true }));
  const metadata = context.stream(Buffer.from(xmp(title), 'utf8'), { Type: 'Metadata', Subtype: 'XML' });
  joined.catalog.set(PDFName.of('Metadata'), context.register(metadata));
  return Buffer.from(await joined.save({ useObjectStreams: false }));
}

/** Table cells name their header cells by ID ("table-1-0-0"): every letter has a table-1, so each part's IDs get its own prefix. */
function renameIds(node: PDFObject | undefined, prefix: string, pdf: PDFDocument, seen = new Set<PDFObject>()): void {
  if (!(node instanceof PDFDict) || seen.has(node)) return;
  seen.add(node);
  const renamed = (id: PDFObject | undefined) => (id instanceof PDFString || id instanceof PDFHexString ? PDFString.of(prefix + id.decodeText()) : id);
  const id = node.get(PDFName.of('ID'));
  if (id) node.set(PDFName.of('ID'), renamed(id) ?? id);
  const attributes = node.get(PDFName.of('A'));
  const attributeDict = attributes instanceof PDFRef ? pdf.context.lookup(attributes) : attributes;
  const headers = attributeDict instanceof PDFDict ? attributeDict.get(PDFName.of('Headers')) : undefined;
  if (attributeDict instanceof PDFDict && headers instanceof PDFArray) {
    attributeDict.set(PDFName.of('Headers'), pdf.context.obj(headers.asArray().map((h) => renamed(h) ?? h)));
  }
  const kids = node.get(PDFName.of('K'));
  for (const kid of kids instanceof PDFArray ? kids.asArray() : [kids]) {
    renameIds(kid instanceof PDFRef ? pdf.context.lookup(kid) : kid, prefix, pdf, seen);
  }
}

/** The XMP a PDF/UA reader looks for: the title and the PDF/UA part this file claims. */
function xmp(title: string): string {
  const escaped = title.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return `<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
  <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
    <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
      <dc:title><rdf:Alt><rdf:li xml:lang="x-default">${escaped}</rdf:li></rdf:Alt></dc:title>
      <dc:language><rdf:Bag><rdf:li>en-GB</rdf:li></rdf:Bag></dc:language>
    </rdf:Description>
    <rdf:Description rdf:about="" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
      <pdfuaid:part>1</pdfuaid:part>
    </rdf:Description>
  </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`;
}

import { filetypeinfo } from 'magic-bytes.js';

/** How many of a file's first bytes the type is read from. */
export const SNIFF_BYTES = 64 * 1024;

/** An accepted type: its media type and how a reader names it. */
export interface AcceptedType {
  mediaType: `${string}/${string}`;
  label: string;
}

/** The types evidence may be, by the name magic-bytes.js gives their signature. */
const BY_SIGNATURE: Record<string, AcceptedType> = {
  pdf: { mediaType: 'application/pdf', label: 'PDF' },
  png: { mediaType: 'image/png', label: 'PNG image' },
  jpg: { mediaType: 'image/jpeg', label: 'JPEG image' },
  gif: { mediaType: 'image/gif', label: 'GIF image' },
  webp: { mediaType: 'image/webp', label: 'WebP image' },
  tiff: { mediaType: 'image/tiff', label: 'TIFF image' },
  bmp: { mediaType: 'image/bmp', label: 'BMP image' },
};

/** Office Open XML and OpenDocument files are zip archives; the parts they hold say which. */
const ZIP_DOCUMENTS: { marker: string; type: AcceptedType }[] = [
  { marker: 'word/', type: { mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', label: 'Word document' } },
  { marker: 'xl/', type: { mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', label: 'Excel workbook' } },
  { marker: 'ppt/', type: { mediaType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', label: 'PowerPoint presentation' } },
  { marker: 'mimetypeapplication/vnd.oasis.opendocument.text', type: { mediaType: 'application/vnd.oasis.opendocument.text', label: 'OpenDocument text' } },
  {
    marker: 'mimetypeapplication/vnd.oasis.opendocument.spreadsheet',
    type: { mediaType: 'application/vnd.oasis.opendocument.spreadsheet', label: 'OpenDocument spreadsheet' },
  },
  {
    marker: 'mimetypeapplication/vnd.oasis.opendocument.presentation',
    type: { mediaType: 'application/vnd.oasis.opendocument.presentation', label: 'OpenDocument presentation' },
  },
];

/** Word, Excel and PowerPoint files of Office 97-2003 are OLE compound files: one type for the three. */
const OLE_DOCUMENT: AcceptedType = { mediaType: 'application/x-ole-storage', label: 'Office 97-2003 document' };

/** An SVG drawing: text that opens (after an XML declaration, comments or a doctype) with an <svg> element. */
const SVG_START = /^\s*(<\?xml[^>]*\?>\s*)?(<!--[\s\S]*?-->\s*|<!DOCTYPE[^>]*>\s*)*<svg[\s>]/i;
const SVG: AcceptedType = { mediaType: 'image/svg+xml', label: 'SVG image' };

/** Every media type a stored file may have (a download's Content-Type is one of them). */
export const ACCEPTED_MEDIA_TYPES: readonly `${string}/${string}`[] = [
  ...Object.values(BY_SIGNATURE),
  ...ZIP_DOCUMENTS.map(({ type }) => type),
  OLE_DOCUMENT,
  SVG,
].map(({ mediaType }) => mediaType);

/** The types a reader is told are accepted. */
export const ACCEPTED_DESCRIPTION = 'PDF, Word, Excel, PowerPoint or OpenDocument files, or PNG, JPEG, GIF, WebP, TIFF, BMP or SVG images';

/**
 * The type of a file read from its first bytes (at least SNIFF_BYTES of them, or the whole file
 * when shorter), never from its name: an accepted type, or what the bytes look like otherwise (for
 * the refusal's message). Signatures come from magic-bytes.js; the parts of a zip archive tell an
 * Office Open XML or OpenDocument file from another archive.
 */
export function detectType(head: Uint8Array): { accepted: AcceptedType } | { refused: string } {
  const candidates = filetypeinfo(head).map((info) => info.typename);
  for (const name of candidates) {
    const known = BY_SIGNATURE[name];
    if (known) {
      return { accepted: known };
    }
  }
  if (candidates.includes('zip')) {
    const text = Buffer.from(head.buffer, head.byteOffset, head.byteLength).toString('latin1');
    const document = ZIP_DOCUMENTS.find(({ marker }) => text.includes(marker));
    return document ? { accepted: document.type } : { refused: 'a zip archive' };
  }
  if (
    head[0] === 0xd0 &&
    head[1] === 0xcf &&
    head[2] === 0x11 &&
    head[3] === 0xe0 &&
    head[4] === 0xa1 &&
    head[5] === 0xb1 &&
    head[6] === 0x1a &&
    head[7] === 0xe1
  ) {
    return { accepted: OLE_DOCUMENT };
  }
  const text = Buffer.from(head.buffer, head.byteOffset, head.byteLength)
    .toString('utf8')
    .replace(/^\uFEFF/, '');
  if (SVG_START.test(text)) {
    return { accepted: SVG };
  }
  if (/^\s*(<!DOCTYPE html|<html|<head|<body|<script)/i.test(text)) {
    return { refused: 'an HTML page' };
  }
  return { refused: candidates.length > 0 ? `a ${candidates[0]} file` : 'no accepted type' };
}

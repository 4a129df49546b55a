import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  BadRequestException,
  HttpException,
  Inject,
  Injectable,
  NotFoundException,
  PayloadTooLargeException,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Evidence, EvidenceItemType } from '@tracker/contracts';
import busboy from 'busboy';
import type { Request, Response } from 'express';
import { DataSource, type EntityManager } from 'typeorm';
import { VersionedUpdateService } from '../audit/versioned-update.service';
import { AccessService } from '../auth/access.service';
import { APP_CONFIG, type AuthUser } from '../auth/auth.types';
import type { AppConfig } from '../config/config';
import type { Partnership } from '../partnership/partnerships.repository';
import { type EvidenceItem, EvidenceRepository } from './evidence.repository';
import { ACCEPTED_DESCRIPTION, type AcceptedType, detectType, SNIFF_BYTES } from './media-type';

/** Bytes of one stored chunk of a file (one row of `evidence_chunk`). */
export const CHUNK_BYTES = 256 * 1024;
/** What a multipart body may add to its file: boundaries, part headers and a title. */
const MULTIPART_OVERHEAD = 64 * 1024;
const MAX_TITLE = 300;
const MAX_URL = 2000;
const MAX_NOTE = 2000;

const permissionOf = (type: EvidenceItemType) => (type === 'milestone' ? ('milestone.update' as const) : ('output.update' as const));
const megabytes = (bytes: number) => `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;

/**
 * Evidence of delivery on outputs and milestones: files, links, and the note given when an output is
 * delivered with neither. Rights are those of changing the item; every addition and removal is in
 * the item's history (field "evidence"), in the writing transaction. A file streams from the request
 * into 256 KiB chunks in Postgres and back out, never whole in memory; its type is read from its first
 * bytes, never from its name, and every download is an attachment in a sandbox (see docs/evidence.md).
 */
@Injectable()
export class EvidenceService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly evidence: EvidenceRepository,
    private readonly access: AccessService,
    private readonly updates: VersionedUpdateService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Every piece of evidence of one item, removed ones too (with who removed them); 404 for an unknown item. */
  async list(type: EvidenceItemType, id: string): Promise<Evidence[]> {
    await this.itemOr404(type, id);
    return this.evidence.ofItem(type, id);
  }

  /** The evidence of a partnership's items that is not removed: the outputs table and the chart show it. */
  ofPartnership(partnership: Partnership): Promise<Evidence[]> {
    return this.evidence.ofPartnership(partnership.id);
  }

  /** `POST .../evidence`: a file (multipart/form-data, field `file`) or a link (JSON `{url, title}`). */
  async add(type: EvidenceItemType, id: string, req: Request, user: AuthUser): Promise<Evidence> {
    const item = await this.itemOr404(type, id);
    await this.access.assertAllowed(user, permissionOf(type), item.actionId);
    if (req.is('multipart/form-data')) {
      return this.upload(item, req, user);
    }
    if (req.is('application/json')) {
      return this.addLink(item, req.body as unknown, user);
    }
    throw new UnsupportedMediaTypeException('send a file as multipart/form-data (field "file"), or a link as JSON {"url", "title"}');
  }

  /**
   * The evidence note of an output marked delivered with no file or link, in the PATCH's transaction
   * (see OutputsService): refused with a 400 naming `evidenceNote` when there is neither evidence nor note.
   */
  async deliveryEvidenceProblem(manager: EntityManager, outputId: string, note: string | undefined): Promise<string | null> {
    if (typeof note === 'string' && note.trim() !== '') {
      return note.trim().length > MAX_NOTE ? `evidenceNote must be at most ${MAX_NOTE} characters` : null;
    }
    if ((await this.evidence.liveCount('output', outputId, manager)) > 0) {
      return null;
    }
    return 'evidenceNote: a delivered output needs its evidence: attach a file or add a link first (POST /api/outputs/:id/evidence), or say in evidenceNote why there is none';
  }

  /** Keeps the note of a delivery without file or link as the output's evidence, in the PATCH's transaction. */
  async addDeliveryNote(manager: EntityManager, outputId: string, note: string, user: AuthUser, version: number): Promise<void> {
    const item = await this.evidence.item('output', outputId, manager);
    if (!item) {
      throw new NotFoundException(`output ${outputId} not found`);
    }
    const title = note.trim();
    await this.evidence.insert({ item, kind: 'note', title, url: null, fileName: null, createdBy: user.id }, manager);
    await this.updates.recordChange(manager, user, 'output', item.id, version, { field: 'evidence', from: null, to: title });
  }

  /** Marks a piece of evidence removed: its row and history stay, a file's bytes go. */
  async remove(id: string, user: AuthUser): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const entry = await this.evidence.get(id, manager);
      if (!entry || entry.removedAt !== null) {
        throw new NotFoundException(`evidence ${id} not found`);
      }
      const item = await this.evidence.item(entry.itemType, entry.itemId, manager);
      if (!item) {
        throw new NotFoundException(`evidence ${id} not found`);
      }
      await this.access.assertAllowed(user, permissionOf(item.type), item.actionId, manager);
      if (!(await this.evidence.remove(id, user.id, manager))) {
        throw new NotFoundException(`evidence ${id} not found`);
      }
      await this.updates.recordChange(manager, user, item.type, item.id, item.version, { field: 'evidence', from: entry.title, to: null });
    });
  }

  /**
   * Streams a file to the response chunk by chunk, as an attachment that no browser renders in the
   * tracker's origin: `Content-Disposition: attachment`, `X-Content-Type-Options: nosniff`, and a
   * Content-Security-Policy `sandbox` with nothing allowed, should it be opened all the same.
   */
  async download(id: string, res: Response): Promise<void> {
    const file = await this.evidence.file(id);
    if (!file) {
      throw new NotFoundException(`evidence ${id} has no file to download`);
    }
    res.status(200);
    res.attachment(file.fileName);
    res.setHeader('Content-Type', file.mediaType);
    res.setHeader('Content-Length', String(file.sizeBytes));
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
    // no-transform: the bytes go out as stored, with their length (no compression on the way).
    res.setHeader('Cache-Control', 'private, no-cache, no-transform');
    const chunks = Math.ceil(file.sizeBytes / CHUNK_BYTES);
    const evidence = this.evidence;
    async function* bytes(): AsyncGenerator<Buffer> {
      for (let seq = 0; seq < chunks; seq++) {
        const chunk = await evidence.chunk(id, seq);
        if (!chunk) {
          throw new Error(`evidence ${id} lost chunk ${seq} while downloading (removed meanwhile)`);
        }
        yield chunk;
      }
    }
    await pipeline(Readable.from(bytes(), { highWaterMark: 1 }), res).catch(() => {
      // The client went away, or the file was removed mid-way: the answer is cut short.
      res.destroy();
    });
  }

  private async itemOr404(type: EvidenceItemType, id: string): Promise<EvidenceItem> {
    const item = await this.evidence.item(type, id);
    if (!item) {
      throw new NotFoundException(`${type} ${id} not found`);
    }
    return item;
  }

  private async addLink(item: EvidenceItem, body: unknown, user: AuthUser): Promise<Evidence> {
    if (body === null || typeof body !== 'object' || Array.isArray(body)) {
      throw new BadRequestException('send a link as JSON {"url", "title"}');
    }
    const fields = body as Record<string, unknown>;
    const unknown = Object.keys(fields).find((key) => key !== 'url' && key !== 'title');
    if (unknown !== undefined) {
      throw new BadRequestException(`property ${unknown} should not exist`);
    }
    const url = typeof fields['url'] === 'string' ? fields['url'].trim() : '';
    const parsed = URL.canParse(url) ? new URL(url) : null;
    if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') || url.length > MAX_URL) {
      throw new BadRequestException(`url must be an http or https address of at most ${MAX_URL} characters`);
    }
    const title = typeof fields['title'] === 'string' ? fields['title'].trim() : '';
    if (title === '' || title.length > MAX_TITLE) {
      throw new BadRequestException(`title must be text of 1 to ${MAX_TITLE} characters`);
    }
    const id = await this.dataSource.transaction(async (manager) => {
      const created = await this.evidence.insert({ item, kind: 'link', title, url: parsed.href, fileName: null, createdBy: user.id }, manager);
      await this.updates.recordChange(manager, user, item.type, item.id, item.version, { field: 'evidence', from: null, to: title });
      return created;
    });
    return (await this.evidence.get(id)) as Evidence;
  }

  /**
   * Reads the multipart body as it arrives: an optional `title` field, then the `file` part, whose
   * bytes go into chunks in one transaction with the evidence row and its history. A file over the
   * size limit or the partnership's quota is a 413 naming the limit, of a type not accepted a 415,
   * and leaves nothing behind.
   */
  private async upload(item: EvidenceItem, req: Request, user: AuthUser): Promise<Evidence> {
    const { maxFileBytes, quotaBytes } = this.config.evidence;
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxFileBytes + MULTIPART_OVERHEAD) {
      throw fileTooLarge(maxFileBytes);
    }
    const available = quotaBytes - (await this.evidence.usedBytes(item.partnershipId));
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      const id = await this.receive(req, (title, fileName, stream) =>
        this.store(runner.manager, item, user, { title, fileName, stream, limit: Math.min(maxFileBytes, available), available, quotaBytes }),
      );
      await runner.commitTransaction();
      return (await this.evidence.get(id)) as Evidence;
    } catch (error) {
      if (runner.isTransactionActive) {
        await runner.rollbackTransaction();
      }
      throw error;
    } finally {
      await runner.release();
    }
  }

  /**
   * Parses the multipart body with busboy, handing the one `file` part to `onFile`. The first failure
   * wins; it is answered only once `onFile` has stopped, so nothing is written after the rollback.
   */
  private receive(req: Request, onFile: (title: string | null, fileName: string, stream: Readable) => Promise<string>): Promise<string> {
    return new Promise<string>((resolve, reject) => {
      let parser: busboy.Busboy;
      try {
        // busboy counts the limit of parts inclusively: 3 lets a title and a file through, and no more.
        parser = busboy({ headers: req.headers, limits: { files: 1, fields: 1, fieldSize: MAX_TITLE * 4, parts: 3 } });
      } catch {
        reject(new BadRequestException('file: the multipart/form-data body has no boundary'));
        return;
      }
      let failure: Error | null = null;
      let title: string | null = null;
      let file: Readable | null = null;
      let stored: Promise<string> | null = null;
      const fail = (reason: unknown) => {
        if (failure !== null) {
          return;
        }
        const error = reason instanceof Error ? reason : new Error(String(reason));
        failure = error;
        // Stop reading: the server drains what the client still sends once the answer is out.
        req.unpipe(parser);
        req.resume();
        file?.destroy();
        if (stored === null) {
          reject(error);
        } else {
          stored.then(
            () => reject(error),
            () => reject(error),
          );
        }
      };
      parser.on('field', (name, value) => {
        if (name !== 'title') {
          fail(new BadRequestException(`property ${name} should not exist (send "title" and "file")`));
        } else if (stored !== null) {
          fail(new BadRequestException('title: send it before the file'));
        } else {
          title = value.trim();
          if (title === '' || title.length > MAX_TITLE) {
            fail(new BadRequestException(`title must be text of 1 to ${MAX_TITLE} characters`));
          }
        }
      });
      parser.on('file', (name, stream, info) => {
        if (name !== 'file' || failure !== null || stored !== null) {
          stream.resume();
          fail(new BadRequestException(`property ${name} should not exist (send one file in the field "file")`));
          return;
        }
        file = stream;
        stored = onFile(title, info.filename ?? '', stream);
        stored.catch((error: unknown) => fail(error));
      });
      parser.on('filesLimit', () => fail(new BadRequestException('file: send one file at a time')));
      parser.on('fieldsLimit', () => fail(new BadRequestException('send one title and one file')));
      parser.on('partsLimit', () => fail(new BadRequestException('send one title and one file')));
      parser.on('error', (error: Error) => fail(new BadRequestException(`file: the multipart/form-data body is malformed (${error.message})`)));
      parser.on('close', () => {
        if (stored === null) {
          fail(new BadRequestException('file: send the file in the multipart/form-data field "file"'));
          return;
        }
        stored.then(
          (id) => {
            if (failure === null) {
              resolve(id);
            }
          },
          (error: unknown) => fail(error),
        );
      });
      req.on('aborted', () => fail(new BadRequestException('file: the upload was interrupted')));
      req.pipe(parser);
    });
  }

  /** Writes one file's row, chunks and history in the upload's transaction; answers its id. */
  private async store(
    manager: EntityManager,
    item: EvidenceItem,
    user: AuthUser,
    upload: { title: string | null; fileName: string; stream: Readable; limit: number; available: number; quotaBytes: number },
  ): Promise<string> {
    const fileName = cleanFileName(upload.fileName);
    const id = await this.evidence.insert({ item, kind: 'file', title: upload.title ?? fileName, url: null, fileName, createdBy: user.id }, manager);
    const digest = createHash('sha256');
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    let size = 0;
    let seq = 0;
    let type: AcceptedType | null = null;
    const tooLarge = () =>
      upload.limit === this.config.evidence.maxFileBytes ? fileTooLarge(upload.limit) : quotaExceeded(upload.available, upload.quotaBytes);
    const flush = async (all: boolean) => {
      let joined = Buffer.concat(pending, pendingBytes);
      while (joined.length >= CHUNK_BYTES || (all && joined.length > 0)) {
        const piece = joined.subarray(0, CHUNK_BYTES);
        await this.evidence.insertChunk(id, seq++, Buffer.from(piece), manager);
        joined = joined.subarray(piece.length);
      }
      pending = joined.length > 0 ? [joined] : [];
      pendingBytes = joined.length;
    };
    for await (const data of upload.stream as AsyncIterable<Buffer>) {
      size += data.length;
      if (size > upload.limit) {
        throw tooLarge();
      }
      digest.update(data);
      pending.push(data);
      pendingBytes += data.length;
      if (type === null && pendingBytes >= SNIFF_BYTES) {
        type = acceptedType(Buffer.concat(pending, pendingBytes));
      }
      if (pendingBytes >= CHUNK_BYTES) {
        await flush(false);
      }
    }
    if (size === 0) {
      throw new BadRequestException('file: the file is empty');
    }
    type ??= acceptedType(Buffer.concat(pending, pendingBytes));
    await flush(true);
    await this.evidence.lockQuota(item.partnershipId, manager);
    const used = await this.evidence.usedBytes(item.partnershipId, manager);
    if (used + size > upload.quotaBytes) {
      throw quotaExceeded(upload.quotaBytes - used, upload.quotaBytes);
    }
    const title = upload.title ?? fileName;
    await this.evidence.completeFile(id, { title, mediaType: type.mediaType, sizeBytes: size, sha256: digest.digest('hex') }, manager);
    await this.updates.recordChange(manager, user, item.type, item.id, item.version, { field: 'evidence', from: null, to: title });
    return id;
  }
}

function acceptedType(head: Buffer): AcceptedType {
  const found = detectType(head.subarray(0, SNIFF_BYTES));
  if ('refused' in found) {
    throw new UnsupportedMediaTypeException(`file: its bytes read as ${found.refused}; evidence may be ${ACCEPTED_DESCRIPTION}`);
  }
  return found.accepted;
}

function fileTooLarge(limit: number): HttpException {
  return new PayloadTooLargeException(`file: larger than the limit of ${megabytes(limit)} (${limit} bytes) per file (EVIDENCE_MAX_FILE_MB)`);
}

function quotaExceeded(available: number, quota: number): HttpException {
  return new PayloadTooLargeException(
    `file: the partnership's files would pass its quota of ${megabytes(quota)} (EVIDENCE_QUOTA_MB): ${megabytes(Math.max(0, available))} are left; remove evidence no longer needed, or ask for a larger quota`,
  );
}

/** The uploaded name without any folder, control characters or excess length; "file" when nothing is left. */
function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return (clean || 'file').slice(0, 255);
}

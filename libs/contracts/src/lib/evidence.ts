/**
 * Evidence of delivery on an output or a milestone: an uploaded file, a link, or a note saying why
 * there is neither. See plan.ts for how answers are declared.
 */
import { z } from 'zod';
import { Instant } from './plan';

export const EVIDENCE_KINDS = ['file', 'link', 'note'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/** The plan items that carry evidence. */
export type EvidenceItemType = 'output' | 'milestone';

/**
 * One piece of evidence (`GET /api/outputs/:id/evidence`, `GET /api/evidence?partnership=`). A
 * removed one stays listed on its item, with who removed it and when; a removed file's bytes are gone.
 */
export const Evidence = /* @__PURE__ */ z
  .strictObject({
    id: z.string(),
    itemType: z.enum(['output', 'milestone']),
    itemId: z.string(),
    kind: z.enum(EVIDENCE_KINDS),
    /** A link's or file's title; a note's text. */
    title: z.string(),
    /** A link's address (http or https). */
    url: z.string().nullable(),
    /** A file's name as uploaded. */
    fileName: z.string().nullable(),
    /** A file's media type, as read from its bytes. */
    mediaType: z.string().nullable(),
    sizeBytes: z.number().int().nullable(),
    /** Hex SHA-256 of a file's bytes. */
    sha256: z.string().nullable(),
    /** Where a file that is not removed downloads from (always as an attachment). */
    downloadUrl: z.string().nullable(),
    createdAt: Instant,
    /** The name of who added it. */
    createdBy: z.string(),
    removedAt: Instant.nullable(),
    removedBy: z.string().nullable(),
  })
  .meta({ id: 'Evidence' });
export type Evidence = z.infer<typeof Evidence>;

/** `POST /api/outputs/:id/evidence` (or milestones) as JSON: a link. A file is sent as multipart/form-data, field `file` (and optionally `title` before it). */
export interface NewEvidenceLink {
  url: string;
  title: string;
}

/** The body of `POST /api/outputs/:id/evidence` (or milestones): a link as JSON, or a file as multipart/form-data (a `FormData` in the browser). */
export type NewEvidence = NewEvidenceLink | object;

/** Evidence of delivery on an output or a milestone: an uploaded file, a link, or a note saying why there is neither. */
export const EVIDENCE_KINDS = ['file', 'link', 'note'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/** The plan items that carry evidence. */
export type EvidenceItemType = 'output' | 'milestone';

/**
 * One piece of evidence (`GET /api/outputs/:id/evidence`, `GET /api/evidence?partnership=`). A
 * removed one stays listed on its item, with who removed it and when; a removed file's bytes are gone.
 */
export interface Evidence {
  id: string;
  itemType: EvidenceItemType;
  itemId: string;
  kind: EvidenceKind;
  /** A link's or file's title; a note's text. */
  title: string;
  /** A link's address (http or https). */
  url: string | null;
  /** A file's name as uploaded. */
  fileName: string | null;
  /** A file's media type, as read from its bytes. */
  mediaType: string | null;
  sizeBytes: number | null;
  /** Hex SHA-256 of a file's bytes. */
  sha256: string | null;
  /** Where a file that is not removed downloads from (always as an attachment). */
  downloadUrl: string | null;
  createdAt: string;
  /** The name of who added it. */
  createdBy: string;
  removedAt: string | null;
  removedBy: string | null;
}

/** `POST /api/outputs/:id/evidence` (or milestones) as JSON: a link. A file is sent as multipart/form-data, field `file` (and optionally `title` before it). */
export interface NewEvidenceLink {
  url: string;
  title: string;
}

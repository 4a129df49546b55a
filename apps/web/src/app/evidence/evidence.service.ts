import { Injectable, inject } from '@angular/core';
import { API, type Evidence, type EvidenceItemType, type NewEvidence, type NewEvidenceLink } from '@tracker/contracts';
import type { Observable } from 'rxjs';
import { ApiClient } from '../api/api-client';

/** Evidence of delivery: files and links on outputs and milestones. */
@Injectable({ providedIn: 'root' })
export class EvidenceService {
  private readonly api = inject(ApiClient);

  /** The evidence of a partnership's items that is not removed. */
  ofPartnership(params: Record<string, string>): Observable<Evidence[]> {
    return this.api.call(API.evidence, { query: params });
  }

  /** Uploads a file (sent as multipart/form-data, streamed by the server). */
  upload(type: EvidenceItemType, id: string, file: File, title: string): Observable<Evidence> {
    const form = new FormData();
    if (title) form.append('title', title);
    form.append('file', file, file.name);
    return this.add(type, id, form);
  }

  addLink(type: EvidenceItemType, id: string, link: NewEvidenceLink): Observable<Evidence> {
    return this.add(type, id, link);
  }

  remove(id: string): Observable<void> {
    return this.api.call(API.removeEvidence, { params: { id } });
  }

  private add(type: EvidenceItemType, id: string, body: NewEvidence): Observable<Evidence> {
    return this.api.call(type === 'output' ? API.addOutputEvidence : API.addMilestoneEvidence, { params: { id }, body });
  }
}

/** A file's size in words: "840 KB", "3.2 MB". */
export function sizeWords(bytes: number | null): string {
  if (bytes === null) return '';
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
}

/** The evidence of each item, by the item's id. */
export function evidenceByItem(all: readonly Evidence[]): ReadonlyMap<string, Evidence[]> {
  const map = new Map<string, Evidence[]>();
  for (const entry of all) map.set(entry.itemId, [...(map.get(entry.itemId) ?? []), entry]);
  return map;
}

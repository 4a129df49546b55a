import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { AuditEntry, Milestone, MilestoneUpdate, Output, OutputUpdate } from '@tracker/contracts';
import type { Observable } from 'rxjs';

/** Status updates and their history. */
@Injectable({ providedIn: 'root' })
export class UpdatesService {
  private readonly http = inject(HttpClient);

  updateMilestone(id: string, update: MilestoneUpdate): Observable<Milestone> {
    return this.http.patch<Milestone>(`/api/milestones/${id}`, update);
  }

  updateOutput(id: string, update: OutputUpdate): Observable<Output> {
    return this.http.patch<Output>(`/api/outputs/${id}`, update);
  }

  history(kind: 'milestones' | 'outputs', id: string): Observable<AuditEntry[]> {
    return this.http.get<AuditEntry[]>(`/api/${kind}/${id}/history`);
  }
}

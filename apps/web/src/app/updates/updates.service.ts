import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  AuditEntry,
  Milestone,
  MilestoneCreate,
  MilestoneMove,
  MilestoneUpdate,
  Output,
  OutputCreate,
  OutputUpdate,
  RegisterRisk,
  RegisterRiskCreate,
  RegisterRiskUpdate,
  Target,
  TargetCreate,
  TargetUpdate,
} from '@tracker/contracts';
import type { Observable } from 'rxjs';

/** Status updates, amendments of the plan, and their history. */
@Injectable({ providedIn: 'root' })
export class UpdatesService {
  private readonly http = inject(HttpClient);

  updateMilestone(id: string, update: MilestoneUpdate): Observable<Milestone> {
    return this.http.patch<Milestone>(`/api/milestones/${id}`, update);
  }

  updateOutput(id: string, update: OutputUpdate): Observable<Output> {
    return this.http.patch<Output>(`/api/outputs/${id}`, update);
  }

  /** Adds an activity or a step to an Action's timeline. */
  createMilestone(body: MilestoneCreate): Observable<Milestone> {
    return this.http.post<Milestone>('/api/milestones', body);
  }

  /** Moves a milestone one place earlier or later among its siblings. */
  moveMilestone(id: string, body: MilestoneMove): Observable<Milestone> {
    return this.http.post<Milestone>(`/api/milestones/${id}/move`, body);
  }

  /** Adds an output to an Action. */
  createOutput(body: OutputCreate): Observable<Output> {
    return this.http.post<Output>('/api/outputs', body);
  }

  /** Adds a target to an Action. */
  createTarget(body: TargetCreate): Observable<Target> {
    return this.http.post<Target>('/api/targets', body);
  }

  /** Rewords or cancels a target. */
  updateTarget(id: string, body: TargetUpdate): Observable<Target> {
    return this.http.patch<Target>(`/api/targets/${id}`, body);
  }

  /** Changes a risk of the register. */
  updateRisk(id: string, body: RegisterRiskUpdate): Observable<RegisterRisk> {
    return this.http.patch<RegisterRisk>(`/api/risk-register/${id}`, body);
  }

  /** Adds a risk to an Action's register. */
  createRisk(body: RegisterRiskCreate): Observable<RegisterRisk> {
    return this.http.post<RegisterRisk>('/api/risk-register', body);
  }

  history(kind: 'milestones' | 'outputs', id: string): Observable<AuditEntry[]> {
    return this.http.get<AuditEntry[]>(`/api/${kind}/${id}/history`);
  }
}

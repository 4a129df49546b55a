import { Injectable, inject } from '@angular/core';
import {
  API,
  type AuditEntry,
  type Milestone,
  type MilestoneCreate,
  type MilestoneMove,
  type MilestoneUpdate,
  type Output,
  type OutputCreate,
  type OutputUpdate,
  type RegisterRisk,
  type RegisterRiskCreate,
  type RegisterRiskUpdate,
  type Target,
  type TargetCreate,
  type TargetUpdate,
} from '@tracker/contracts';
import type { Observable } from 'rxjs';
import { ApiClient } from '../api/api-client';

/** Status updates, amendments of the plan, and their history. */
@Injectable({ providedIn: 'root' })
export class UpdatesService {
  private readonly api = inject(ApiClient);

  updateMilestone(id: string, update: MilestoneUpdate): Observable<Milestone> {
    return this.api.call(API.updateMilestone, { params: { id }, body: update });
  }

  updateOutput(id: string, update: OutputUpdate): Observable<Output> {
    return this.api.call(API.updateOutput, { params: { id }, body: update });
  }

  /** Adds an activity or a step to an Action's timeline. */
  createMilestone(body: MilestoneCreate): Observable<Milestone> {
    return this.api.call(API.createMilestone, { body });
  }

  /** Moves a milestone one place earlier or later among its siblings. */
  moveMilestone(id: string, body: MilestoneMove): Observable<Milestone> {
    return this.api.call(API.moveMilestone, { params: { id }, body });
  }

  /** Adds an output to an Action. */
  createOutput(body: OutputCreate): Observable<Output> {
    return this.api.call(API.createOutput, { body });
  }

  /** Adds a target to an Action. */
  createTarget(body: TargetCreate): Observable<Target> {
    return this.api.call(API.createTarget, { body });
  }

  /** Rewords or cancels a target. */
  updateTarget(id: string, body: TargetUpdate): Observable<Target> {
    return this.api.call(API.updateTarget, { params: { id }, body });
  }

  /** Changes a risk of the register. */
  updateRisk(id: string, body: RegisterRiskUpdate): Observable<RegisterRisk> {
    return this.api.call(API.updateRisk, { params: { id }, body });
  }

  /** Adds a risk to an Action's register. */
  createRisk(body: RegisterRiskCreate): Observable<RegisterRisk> {
    return this.api.call(API.createRisk, { body });
  }

  history(kind: 'milestones' | 'outputs', id: string): Observable<AuditEntry[]> {
    return this.api.call(kind === 'milestones' ? API.milestoneHistory : API.outputHistory, { params: { id } });
  }
}

import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Action, ActionDetail, Milestone, Organisation, Output } from '@tracker/contracts';
import type { Observable } from 'rxjs';

/** Reads the Work Plan from the API. Page components own the results. */
@Injectable({ providedIn: 'root' })
export class PlanService {
  private readonly http = inject(HttpClient);

  actions(): Observable<Action[]> {
    return this.http.get<Action[]>('/api/actions');
  }

  action(number: number): Observable<ActionDetail> {
    return this.http.get<ActionDetail>(`/api/actions/${number}`);
  }

  milestones(): Observable<Milestone[]> {
    return this.http.get<Milestone[]>('/api/milestones');
  }

  outputs(): Observable<Output[]> {
    return this.http.get<Output[]>('/api/outputs');
  }

  organisations(): Observable<Organisation[]> {
    return this.http.get<Organisation[]>('/api/organisations');
  }
}

import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { ActionDetail, GanttData, Organisation, Partnership } from '@tracker/contracts';
import type { Observable } from 'rxjs';

/** Reads the Work Plan from the API. Page components own the results. */
@Injectable({ providedIn: 'root' })
export class PlanService {
  private readonly http = inject(HttpClient);

  /** One Action of a partnership (`params`: its `?partnership=`, none for the Work Plan). */
  action(number: number, params: Record<string, string> = {}): Observable<ActionDetail> {
    return this.http.get<ActionDetail>(`/api/actions/${number}`, { params });
  }

  /** Everything the chart draws, in one request (partnership, Actions, items). */
  gantt(partnership: string): Observable<GanttData> {
    return this.http.get<GanttData>('/api/gantt', { params: { partnership } });
  }

  /** The organisations of a partnership (`params`: its `?partnership=`, none for the Work Plan), with their seat and Actions there. */
  organisations(params: Record<string, string> = {}): Observable<Organisation[]> {
    return this.http.get<Organisation[]>('/api/organisations', { params });
  }

  /** A partnership's coordinators, current members and what the plan says about it. */
  partnership(params: Record<string, string> = {}): Observable<Partnership> {
    return this.http.get<Partnership>('/api/partnership', { params });
  }
}

import { Injectable, inject } from '@angular/core';
import {
  API,
  type ActionDetail,
  type GanttData,
  type Organisation,
  type Partnership,
  type PlanComparison,
  type PlanVersion,
  type PlanVersionSummary,
} from '@tracker/contracts';
import { type Observable, map, of, switchMap } from 'rxjs';
import { ApiClient } from '../api/api-client';
import { partnershipQuery } from '../partnership/partnership-query';

/** Reads the Work Plan from the API. Page components own the results. */
@Injectable({ providedIn: 'root' })
export class PlanService {
  private readonly api = inject(ApiClient);

  /** One Action of a partnership (`params`: its `?partnership=`, none for the Work Plan). */
  action(number: number, params: Record<string, string> = {}): Observable<ActionDetail> {
    return this.api.call(API.action, { params: { number }, query: params });
  }

  /** Everything the chart draws, in one request (partnership, Actions, items). */
  gantt(partnership: string): Observable<GanttData> {
    return this.api.call(API.gantt, { query: partnershipQuery(partnership) });
  }

  /** The organisations of a partnership (`params`: its `?partnership=`, none for the Work Plan), with their seat and Actions there. */
  organisations(params: Record<string, string> = {}): Observable<Organisation[]> {
    return this.api.call(API.organisations, { query: params });
  }

  /** The approved versions of a partnership's plan, newest first. */
  versions(partnership: string): Observable<PlanVersionSummary[]> {
    return this.api.call(API.planVersions, { query: partnershipQuery(partnership) });
  }

  /** Version `number` of a partnership's plan with its items, or null when there is none. */
  versionByNumber(partnership: string, number: number | null): Observable<PlanVersion | null> {
    if (number === null) {
      return of(null);
    }
    return this.versions(partnership).pipe(
      map((versions) => versions.find((v) => v.number === number) ?? null),
      switchMap((summary) => (summary ? this.api.call(API.planVersion, { params: { id: summary.id } }) : of(null))),
    );
  }

  /** What changed from version `from` to version `to` (a number, or `current`). */
  compare(partnership: string, from: number, to: number | 'current'): Observable<PlanComparison> {
    return this.api.call(API.comparePlanVersions, { query: { partnership, from, to } });
  }

  /** Approves the current plan as the next version (the Secretariat). */
  approve(partnership: string, name: string): Observable<PlanVersion> {
    return this.api.call(API.approvePlanVersion, { body: { partnership, name } });
  }

  /** A partnership's coordinators, current members and what the plan says about it. */
  partnership(params: Record<string, string> = {}): Observable<Partnership> {
    return this.api.call(API.partnership, { query: params });
  }
}

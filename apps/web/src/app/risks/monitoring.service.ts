import { Injectable, inject } from '@angular/core';
import {
  API,
  type FollowUp,
  type FollowUpCreate,
  type FollowUpUpdate,
  type MonitoringCall,
  type MonitoringCallCreate,
  type MonitoringCallSummary,
  type MonitoringCallUpdate,
} from '@tracker/contracts';
import type { Observable } from 'rxjs';
import { ApiClient } from '../api/api-client';

/** The monitoring-call log: everyone signed in reads, the Secretariat writes (the server decides). */
@Injectable({ providedIn: 'root' })
export class MonitoringService {
  private readonly api = inject(ApiClient);

  /** `partnership`: the `?partnership=` of the partnership shown (none for the Work Plan). */
  list(partnership: Record<string, string> = {}): Observable<MonitoringCallSummary[]> {
    return this.api.call(API.monitoringCalls, { query: partnership });
  }

  get(id: string): Observable<MonitoringCall> {
    return this.api.call(API.monitoringCall, { params: { id } });
  }

  create(partnership: Record<string, string>, call: MonitoringCallCreate): Observable<MonitoringCall> {
    return this.api.call(API.createMonitoringCall, { body: call, query: partnership });
  }

  update(id: string, update: MonitoringCallUpdate): Observable<MonitoringCall> {
    return this.api.call(API.updateMonitoringCall, { params: { id }, body: update });
  }

  addFollowUp(callId: string, followUp: FollowUpCreate): Observable<FollowUp> {
    return this.api.call(API.addFollowUp, { params: { id: callId }, body: followUp });
  }

  updateFollowUp(id: string, update: FollowUpUpdate): Observable<FollowUp> {
    return this.api.call(API.updateFollowUp, { params: { id }, body: update });
  }
}

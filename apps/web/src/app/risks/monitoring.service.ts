import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  FollowUp,
  FollowUpCreate,
  FollowUpUpdate,
  MonitoringCall,
  MonitoringCallCreate,
  MonitoringCallSummary,
  MonitoringCallUpdate,
} from '@tracker/contracts';
import type { Observable } from 'rxjs';

/** The monitoring-call log: everyone signed in reads, the Secretariat writes (the server decides). */
@Injectable({ providedIn: 'root' })
export class MonitoringService {
  private readonly http = inject(HttpClient);

  /** `partnership`: the `?partnership=` of the partnership shown (none for the Work Plan). */
  list(partnership: Record<string, string> = {}): Observable<MonitoringCallSummary[]> {
    return this.http.get<MonitoringCallSummary[]>('/api/monitoring-calls', { params: partnership });
  }

  get(id: string): Observable<MonitoringCall> {
    return this.http.get<MonitoringCall>(`/api/monitoring-calls/${id}`);
  }

  create(partnership: Record<string, string>, call: MonitoringCallCreate): Observable<MonitoringCall> {
    return this.http.post<MonitoringCall>('/api/monitoring-calls', call, { params: partnership });
  }

  update(id: string, update: MonitoringCallUpdate): Observable<MonitoringCall> {
    return this.http.patch<MonitoringCall>(`/api/monitoring-calls/${id}`, update);
  }

  addFollowUp(callId: string, followUp: FollowUpCreate): Observable<FollowUp> {
    return this.http.post<FollowUp>(`/api/monitoring-calls/${callId}/follow-ups`, followUp);
  }

  updateFollowUp(id: string, update: FollowUpUpdate): Observable<FollowUp> {
    return this.http.patch<FollowUp>(`/api/follow-ups/${id}`, update);
  }
}

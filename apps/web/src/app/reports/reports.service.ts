import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { ImplementationStage, MonitoringTableRow, StageOverrideUpdate } from '@tracker/contracts';
import type { Observable } from 'rxjs';

/** The Monitoring Table of Actions and the Secretariat's stage overrides (sign-in needed); the reports themselves are downloads. */
@Injectable({ providedIn: 'root' })
export class ReportsService {
  private readonly http = inject(HttpClient);

  monitoringTable(partnership: Record<string, string>): Observable<MonitoringTableRow[]> {
    return this.http.get<MonitoringTableRow[]>('/api/reports/monitoring-table', { params: partnership });
  }

  setStage(partnership: Record<string, string>, actionNumber: number, stage: ImplementationStage | null, note: string): Observable<MonitoringTableRow> {
    const body: StageOverrideUpdate = { ...partnership, stage, note };
    return this.http.put<MonitoringTableRow>(`/api/reports/stages/${actionNumber}`, body);
  }
}

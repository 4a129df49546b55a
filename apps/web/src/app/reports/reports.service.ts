import { Injectable, inject } from '@angular/core';
import { API, type ImplementationStage, type MonitoringTableRow } from '@tracker/contracts';
import type { Observable } from 'rxjs';
import { ApiClient } from '../api/api-client';

/** The Monitoring Table of Actions and the Secretariat's stage overrides (sign-in needed); the reports themselves are downloads. */
@Injectable({ providedIn: 'root' })
export class ReportsService {
  private readonly api = inject(ApiClient);

  monitoringTable(partnership: Record<string, string>): Observable<MonitoringTableRow[]> {
    return this.api.call(API.monitoringTable, { query: partnership });
  }

  setStage(partnership: Record<string, string>, actionNumber: number, stage: ImplementationStage | null, note: string): Observable<MonitoringTableRow> {
    return this.api.call(API.setStage, { params: { actionNumber }, body: { ...partnership, stage, note } });
  }
}

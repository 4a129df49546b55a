import { HttpClient, HttpHeaders, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { PlanImportPreview, PlanImportResult } from '@tracker/contracts';
import { firstValueFrom } from 'rxjs';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The new partnership a plan goes into. */
export interface NewPartnership {
  key: string;
  name: string;
  deadline: string;
}

/** The media type the API reads a file as: by its extension (browsers name CSV files many ways). */
export function mediaTypeOf(file: File): string {
  const name = file.name.toLowerCase();
  if (name.endsWith('.xlsx')) {
    return XLSX_TYPE;
  }
  if (name.endsWith('.csv')) {
    return 'text/csv';
  }
  return file.type === XLSX_TYPE || file.type === 'text/csv' ? file.type : 'application/octet-stream';
}

/** The plan import: the file goes as the request body, the partnership as query parameters. */
@Injectable({ providedIn: 'root' })
export class PlanImportService {
  private readonly http = inject(HttpClient);

  preview(file: File, partnership: NewPartnership): Promise<PlanImportPreview> {
    return firstValueFrom(this.http.post<PlanImportPreview>('/api/plan-imports/preview', file, this.options(file, partnership)));
  }

  import(file: File, partnership: NewPartnership): Promise<PlanImportResult> {
    return firstValueFrom(this.http.post<PlanImportResult>('/api/plan-imports', file, this.options(file, partnership)));
  }

  private options(file: File, partnership: NewPartnership): { headers: HttpHeaders; params: HttpParams } {
    return {
      headers: new HttpHeaders({ 'Content-Type': mediaTypeOf(file) }),
      params: new HttpParams({ fromObject: { key: partnership.key, name: partnership.name, deadline: partnership.deadline } }),
    };
  }
}

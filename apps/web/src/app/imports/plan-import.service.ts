import { Injectable, inject } from '@angular/core';
import { API, type PlanImportPreview, type PlanImportResult, type RequestOf } from '@tracker/contracts';
import { firstValueFrom } from 'rxjs';
import { ApiClient } from '../api/api-client';

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
  private readonly api = inject(ApiClient);

  preview(file: File, partnership: NewPartnership): Promise<PlanImportPreview> {
    return firstValueFrom(this.api.call(API.previewPlanImport, this.request(file, partnership)));
  }

  import(file: File, partnership: NewPartnership): Promise<PlanImportResult> {
    return firstValueFrom(this.api.call(API.importPlan, this.request(file, partnership)));
  }

  private request(file: File, partnership: NewPartnership): RequestOf<typeof API.importPlan> {
    return {
      body: file,
      headers: { 'Content-Type': mediaTypeOf(file) },
      query: { key: partnership.key, name: partnership.name, deadline: partnership.deadline },
    };
  }
}

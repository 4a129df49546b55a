import { Injectable, inject } from '@angular/core';
import { API, type RegisterRisk, type RiskView, type WhatIf, type WhatIfQuery } from '@tracker/contracts';
import type { Observable } from 'rxjs';
import { ApiClient } from '../api/api-client';

/** Reads the risk view and the risk register (sign-in needed). */
@Injectable({ providedIn: 'root' })
export class RisksService {
  private readonly api = inject(ApiClient);

  /** `partnership`: the `?partnership=` of the partnership shown (none for the Work Plan). */
  view(asOf: string | null, partnership: Record<string, string> = {}, baseline: number | null = null): Observable<RiskView> {
    return this.api.call(API.risks, { query: { ...partnership, ...(asOf ? { asOf } : {}), ...(baseline !== null ? { baseline } : {}) } });
  }

  register(partnership: Record<string, string> = {}): Observable<RegisterRisk[]> {
    return this.api.call(API.riskRegister, { query: partnership });
  }

  /** What would pass the deadline if one item were expected to end on another day (the Secretariat's; nothing is saved). */
  whatIf(query: WhatIfQuery, partnership: Record<string, string> = {}): Observable<WhatIf> {
    return this.api.call(API.whatIf, { body: query, query: partnership });
  }
}

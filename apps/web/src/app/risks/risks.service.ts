import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { RegisterRisk, RiskView, WhatIf, WhatIfQuery } from '@tracker/contracts';
import type { Observable } from 'rxjs';

/** Reads the risk view and the risk register (sign-in needed). */
@Injectable({ providedIn: 'root' })
export class RisksService {
  private readonly http = inject(HttpClient);

  /** `partnership`: the `?partnership=` of the partnership shown (none for the Work Plan). */
  view(asOf: string | null, partnership: Record<string, string> = {}, baseline: number | null = null): Observable<RiskView> {
    return this.http.get<RiskView>('/api/risks', {
      params: { ...partnership, ...(asOf ? { asOf } : {}), ...(baseline !== null ? { baseline } : {}) },
    });
  }

  register(partnership: Record<string, string> = {}): Observable<RegisterRisk[]> {
    return this.http.get<RegisterRisk[]>('/api/risk-register', { params: partnership });
  }

  /** What would pass the deadline if one item were expected to end on another day (the Secretariat's; nothing is saved). */
  whatIf(query: WhatIfQuery, partnership: Record<string, string> = {}): Observable<WhatIf> {
    return this.http.post<WhatIf>('/api/risks/what-if', query, { params: partnership });
  }
}

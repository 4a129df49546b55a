import { Injectable, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NavigationEnd, Router } from '@angular/router';
import { API, type PartnershipSummary } from '@tracker/contracts';
import { catchError, filter, map, of } from 'rxjs';
import { ApiClient } from '../api/api-client';
import { partnershipOf, partnershipQuery } from './partnership-query';

/**
 * Which partnership the app shows: the one in the URL (`?partnership=key`, kept by every link), the
 * Work Plan by default; its name, deadline and Actions come from `GET /api/partnerships`.
 */
@Injectable({ providedIn: 'root' })
export class PartnershipService {
  private readonly router = inject(Router);
  private readonly api = inject(ApiClient);

  /** The address shown (path and query), as of the router's last navigation; the page's own before its first. */
  readonly url = toSignal(
    this.router.events.pipe(
      filter((event): event is NavigationEnd => event instanceof NavigationEnd),
      map((event) => event.urlAfterRedirects),
    ),
    { initialValue: this.router.url === '/' ? location.pathname + location.search : this.router.url },
  );

  /** The partnership key of the current URL. */
  readonly key = computed(() => partnershipOf(this.url()));

  /** Undefined until the list has come (or failed). */
  private readonly list = signal<PartnershipSummary[] | undefined>(undefined);

  /** Every partnership, the Work Plan first; empty until loaded (or when the API cannot be reached). */
  readonly all = computed(() => this.list() ?? []);

  /** Whether the list has come (or failed): until then the header does not know its Action links or whether to offer a switch. */
  readonly loaded = computed(() => this.list() !== undefined);

  constructor() {
    this.reload();
  }

  /** Loads the list of partnerships again (after one was imported). */
  reload(): void {
    this.api
      .call(API.partnerships)
      .pipe(catchError(() => of([] as PartnershipSummary[])))
      .subscribe((list) => this.list.set(list));
  }

  /** The partnership shown, once loaded; null while loading or for an unknown key. */
  readonly current = computed(() => this.all().find((p) => p.key === this.key()) ?? null);

  /** Query parameters that keep the partnership in a link: none for the Work Plan, so its addresses stay short. */
  readonly linkParams = computed(() => partnershipQuery(this.key()));

  /** `?partnership=` for an API request (none for the Work Plan, the API's default). */
  apiParams(): Record<string, string> {
    return this.linkParams();
  }
}

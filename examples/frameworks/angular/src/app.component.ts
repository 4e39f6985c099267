// docs/frameworks.md's Angular pattern: the element under CUSTOM_ELEMENTS_SCHEMA, `program`
// and `inputs` bound as properties, and the events listened to on the element itself (a
// template's `(partner-roi:change)` would read `partner-roi` as a global target).
import { AfterViewInit, Component, CUSTOM_ELEMENTS_SCHEMA, ElementRef, OnDestroy, signal, ViewChild } from '@angular/core';
import type { PartnerRoiChangeDetail, PartnerRoiElement, PartnerRoiInputsInit, PartnerRoiProgram } from 'partner-roi';

@Component({
  selector: 'app-root',
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <main>
      <h1>Partner ROI in Angular</h1>
      <p id="recommended">{{ recommended() ? 'Recommended: ' + recommended() : 'Waiting for the first results' }}</p>
      <partner-roi #widget id="calculator" loading="eager" [program]="program" [inputs]="inputs"></partner-roi>
    </main>
  `,
})
export class AppComponent implements AfterViewInit, OnDestroy {
  @ViewChild('widget') widget?: ElementRef<PartnerRoiElement>;
  readonly recommended = signal<string | null>(null);
  readonly program: PartnerRoiProgram = {
    version: 1,
    id: 'angular-example',
    name: 'Angular Example Partner Program',
    currency: 'EUR',
    locale: 'en-IE',
    tiers: [
      { id: 'member', name: 'Member', resale_margin_pct: 10, referral_share_pct: 10, referral_years: 1 },
      { id: 'expert', name: 'Expert', resale_margin_pct: 20, annual_fee: 2000, min_certified_staff: 2 },
    ],
  };
  readonly inputs: PartnerRoiInputsInit = { existing_clients: 120 };
  private readonly onChange = (event: CustomEvent<PartnerRoiChangeDetail>) => this.recommended.set(event.detail.result.recommended_tier);

  ngAfterViewInit(): void {
    const element = this.widget?.nativeElement;
    element?.addEventListener('partner-roi:change', this.onChange);
    element?.ready.then((first) => this.recommended.set(first.result.recommended_tier));
  }

  ngOnDestroy(): void {
    this.widget?.nativeElement.removeEventListener('partner-roi:change', this.onChange);
  }
}

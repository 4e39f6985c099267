'use client';
// A client component: the widget with its events as props.
import { useState } from 'react';
import { PartnerRoiWidget } from 'partner-roi/react';
import type { PartnerRoiProgram, PartnerRoiResult } from 'partner-roi';

export function ClientCalculator({ program }: { program: PartnerRoiProgram }) {
  const [result, setResult] = useState<PartnerRoiResult | null>(null);
  return (
    <section>
      <h2>In a client component</h2>
      <p id="client-recommended">{result ? `Recommended: ${result.recommended_tier}` : 'Waiting for the first results'}</p>
      <PartnerRoiWidget
        id="client-widget"
        loading="eager"
        program={program}
        inputs={{ existing_clients: 60 }}
        onPartnerRoiReady={(event) => setResult(event.detail.result)}
        onPartnerRoiChange={(event) => setResult(event.detail.result)}
      />
    </section>
  );
}

import { useState } from 'react';
import { PartnerRoiWidget } from 'partner-roi/react';
import { program } from './program';

/** The server-rendered page, two ways. The first widget's program travels as its JSON child,
 * which renderToString and hydration both keep. The second is `PartnerRoiWidget`: it sets
 * `program` and `inputs` as properties while hydrating, and takes its events as props. */
export function SsrPage() {
  const config = JSON.stringify({ program, inputs: { existing_clients: 80 } }).replace(/</g, '\\u003c');
  const [recommended, setRecommended] = useState<string | null>(null);
  return (
    <main>
      <h1>Partner ROI, rendered on the server</h1>
      <partner-roi id="ssr-calculator" loading="eager">
        <script type="application/json" dangerouslySetInnerHTML={{ __html: config }} />
      </partner-roi>
      <h2>As a React component</h2>
      <p id="component-recommended">{recommended ? `Recommended: ${recommended}` : 'Waiting for the first results'}</p>
      <PartnerRoiWidget
        id="ssr-component"
        loading="eager"
        program={program}
        inputs={{ existing_clients: 90 }}
        onPartnerRoiReady={(event) => setRecommended(event.detail.result.recommended_tier)}
      />
    </main>
  );
}

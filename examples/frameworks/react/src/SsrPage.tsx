import type {} from 'partner-roi/react';
import { program } from './program';

/** The server-rendered page: the program travels as the element's JSON child, which both
 * renderToString and hydration keep (object properties do not survive either). */
export function SsrPage() {
  const config = JSON.stringify({ program, inputs: { existing_clients: 80 } }).replace(/</g, '\\u003c');
  return (
    <main>
      <h1>Partner ROI, rendered on the server</h1>
      <partner-roi id="ssr-calculator" loading="eager">
        <script type="application/json" dangerouslySetInnerHTML={{ __html: config }} />
      </partner-roi>
    </main>
  );
}

// A server component: it renders the widget with the program as a prop. `PartnerRoiWidget`
// is a client component of the package's; it sets the program while the page hydrates.
import { PartnerRoiWidget } from 'partner-roi/react';
import { ClientCalculator } from './client-calculator';
import { program } from './program';

export default function Page() {
  return (
    <main>
      <h1>Partner ROI in Next.js</h1>
      <PartnerRoiWidget id="server-widget" loading="eager" program={program} inputs={{ existing_clients: 120 }} />
      <ClientCalculator program={program} />
    </main>
  );
}

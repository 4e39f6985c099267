import { renderToString } from 'react-dom/server';
import { SsrPage } from './SsrPage';

/** What the server sends: the page as HTML (importing partner-roi here would be harmless). */
export function render(): string {
  return renderToString(<SsrPage />);
}

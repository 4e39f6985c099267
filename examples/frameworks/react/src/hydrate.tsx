import { hydrateRoot } from 'react-dom/client';
import 'partner-roi';
import { SsrPage } from './SsrPage';

const root = document.getElementById('root');
if (root) hydrateRoot(root, <SsrPage />);

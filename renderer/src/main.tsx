// The base styles first, so that feature styles imported by components can refine them.
import './styles/app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { initI18n } from './i18n';
import { listenForIncomingPacks } from './lib/incoming-packs';

const container = document.getElementById('root');
if (!container) throw new Error('The page has no #root element');

// Before anything renders: a pack opened at launch may be announced before the Packs page exists.
listenForIncomingPacks();

void initI18n().then(() => {
  createRoot(container).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});

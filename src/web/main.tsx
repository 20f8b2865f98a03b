import '@fontsource-variable/noto-sans';
import '@utrecht/component-library-css/dist/index.css';
import '@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css';
import './theme.css';
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApiClient } from './api.js';
import { App } from './App.js';
import { I18nProvider } from './i18n/i18n.js';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no element with id "root".');

createRoot(root).render(
  <StrictMode>
    <I18nProvider>
      <App api={createApiClient()} />
    </I18nProvider>
  </StrictMode>,
);

import { render } from 'preact';
import { App, apiBase } from './components/App';
import './styles/dashboard.css';

const RTL_LANGUAGES = /^(ar|arc|ckb|dv|fa|he|ku|ps|sd|ug|ur|yi)\b/i;

// The page follows the reader's language direction; charts mirror with it.
const rtl = RTL_LANGUAGES.test(navigator.language);
document.documentElement.dir = rtl ? 'rtl' : 'ltr';

render(<App base={apiBase(location.pathname)} rtl={rtl} />, document.getElementById('app')!);

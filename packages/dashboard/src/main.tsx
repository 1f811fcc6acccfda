import { render } from 'preact';
import { App, apiBase } from './components/App';
import './styles/dashboard.css';

render(<App base={apiBase(location.pathname, location.origin)} />, document.getElementById('app')!);

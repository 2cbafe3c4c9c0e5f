import { render } from 'preact';
import { App } from './app';
import { applyStoredTheme } from './theme';
import './styles.css';

applyStoredTheme();
render(<App />, document.getElementById('app')!);

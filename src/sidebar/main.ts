/** The sidebar page's entry: wires the real `google.script.run` into the app once the page has loaded. */
import { startSidebar } from './app';
import { createServerClient, googleScriptRun } from './server-client';

const root = document.getElementById('app');
if (root) startSidebar(root, createServerClient(googleScriptRun));

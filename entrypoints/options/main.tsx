// Options entry (minimal, until the full options page lands): the user-defined token sources section.
import { render } from 'preact';
import { CustomSourcesSection } from '../../components/CustomSourcesSection';
import { customSourcesClient } from '../../utils/custom-sources-store';

render(
  <main>
    <h1>SCIM Relay options</h1>
    <CustomSourcesSection client={customSourcesClient} />
  </main>,
  document.getElementById('app')!,
);

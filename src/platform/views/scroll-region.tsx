// A wide table on a small screen scrolls inside its own focusable, labelled region, never the whole page.
import type { Child } from 'hono/jsx';

export function ScrollRegion(props: { label: string; children?: Child }) {
  return (
    <div class="relais-scroll-x" role="region" aria-label={props.label} tabindex={0}>
      {props.children}
    </div>
  );
}
